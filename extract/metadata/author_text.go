package metadata

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/lexicon"
)

// Authors the article's own text names, for pages whose markup names
// none: a news agency in the dateline that opens the text ("Hamburg
// (dpa/lno) – …"), a news agency credited as the source on the text's
// last line ("Quelle: kathpress") and a writer's name signed under the
// last paragraph. All are weaker than any declared or shown byline.

// agencyDateline is a dateline crediting a news agency: a place, the
// agency's short name in parentheses (with a desk code after a slash),
// a dash.
var agencyDateline = regexp.MustCompile(`^\p{Lu}[\p{L}.' -]{1,40}?\s*\(((?i:dpa|afp|ap|reuters|apa|sda|keystone-sda|kna|epd|efe|ansa|dts|afx|idea|kap)(?:/[\p{L}-]{1,8})?)\)\s*[-–—]\s`)

// TextAuthor is the author the text credits, or "".
func TextAuthor(blocks []rinse.Block) string {
	for i, b := range blocks {
		if i >= 3 {
			break
		}
		if m := agencyDateline.FindStringSubmatch(b.Text); m != nil {
			return m[1]
		}
	}
	if a := sourceLine(blocks); a != "" {
		return a
	}
	return signature(blocks)
}

// sourceCredit is a source label, a colon and what follows.
var sourceCredit = regexp.MustCompile(`(?i)^(?:` + lexicon.Alternation(lexicon.SourceLabels()) + `)\s*:\s*(\S.{0,39})$`)

// sourceLine is the news agency the text's last line credits as its
// source, or "". Other sources (a statistics office, a study) are what
// the article draws on, not who wrote it.
func sourceLine(blocks []rinse.Block) string {
	if len(blocks) < 2 {
		return ""
	}
	m := sourceCredit.FindStringSubmatch(strings.TrimSpace(blocks[len(blocks)-1].Text))
	if m == nil {
		return ""
	}
	agency, _, _ := strings.Cut(m[1], "/") // "dpa/lno": the desk after the agency
	if !lexicon.IsAgency(strings.TrimSpace(agency)) {
		return ""
	}
	return strings.TrimSpace(m[1])
}

// maxSignature bounds a signature line's length in bytes.
const maxSignature = 40

// signature is the name set alone under the article ("… den Titel.
// ¶ Anna Muster"): two or three capitalized words, the first a common
// given name, nothing else in the paragraph.
func signature(blocks []rinse.Block) string {
	if len(blocks) < 3 {
		return ""
	}
	last := blocks[len(blocks)-1]
	t := strings.TrimSpace(last.Text)
	if last.Kind != rinse.BlockParagraph || len(t) > maxSignature || !personLike(t) {
		return ""
	}
	first, _, _ := strings.Cut(t, " ")
	if r, _ := utf8.DecodeLastRuneInString(t); r == '.' || !lexicon.IsGiven(strings.ToLower(first)) {
		return ""
	}
	return t
}
