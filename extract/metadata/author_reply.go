package metadata

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse/internal/dom"
)

// The post's author among the commenters.
//
// Blog software marks the comments its post's author writes ("bypostauthor",
// the class WordPress gives them): on a blog that shows no byline, the
// name such a comment is signed with is the post's writer. The name sits
// in the comment's author element: an hCard "fn", or an element whose
// class names the comment's author.

// postAuthorMark is the class word of a comment by the post's author.
const postAuthorMark = "bypostauthor"

// maxReplyDepth bounds how deep in a comment its author's name may sit.
const maxReplyDepth = 6

// postAuthor returns the name a comment by the post's author (n) is
// signed with, or "": its hCard "fn" first, else its author element.
func postAuthor(n *html.Node) string {
	if !dom.HasWord(dom.Attr(n, "class"), postAuthorMark) {
		return ""
	}
	if name := replyName(n, 0, func(cls string) bool { return dom.HasWord(cls, "fn") }); name != "" {
		return name
	}
	return replyName(n, 0, func(cls string) bool { return strings.Contains(cls, "author") && !strings.Contains(cls, "avatar") })
}

// replyName is the one name of the first element under e, down to
// maxReplyDepth, whose lower-case class signs says names the author.
func replyName(e *html.Node, depth int, signs func(cls string) bool) string {
	if depth > maxReplyDepth {
		return ""
	}
	for c := e.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if signs(strings.ToLower(dom.Attr(c, "class"))) {
			if t := dom.Collapse(dom.Text(c)); t != "" && len(t) <= maxBylineText {
				if names := cleanAuthors([]string{t}, false); len(names) == 1 {
					return names[0]
				}
			}
		}
		if name := replyName(c, depth+1, signs); name != "" {
			return name
		}
	}
	return ""
}
