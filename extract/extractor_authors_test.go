package extract_test

import (
	"context"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/extract"
)

// TestAuthorFallbacks: pages whose markup names no author get one from
// the text (an agency dateline, a signature) or a personal site's name;
// any byline beats them.
func TestAuthorFallbacks(t *testing.T) {
	prose := strings.Repeat("<p>Der Stadtrat hat am Dienstag nach langer Debatte über den neuen Haushalt abgestimmt, und die Mehrheit war knapper als erwartet.</p>", 3)
	tests := []struct {
		name, head, body, want string
	}{
		{"agency dateline", ``, `<p>Hamburg (dpa/lno) – Der Stadtrat hat am Dienstag abgestimmt, knapper als erwartet.</p>` + prose, "dpa/lno"},
		{"agency dateline in English", ``, `<p>LOS ANGELES (Reuters) - The council voted on Tuesday, by a narrower margin than expected.</p>` + prose, "Reuters"},
		{"place in parentheses is no agency", ``, `<p>Hamburg (Altona) – Der Stadtrat hat am Dienstag abgestimmt, knapper als erwartet.</p>` + prose, ""},
		{"signature under the text", ``, prose + `<p><b><i>Stefan Muster</i></b></p>`, "Stefan Muster"},
		{"closing words are no signature", ``, prose + `<p>Vielen Dank</p>`, ""},
		{"a sentence is no signature", ``, prose + `<p>Stefan kam spät.</p>`, ""},
		{"personal site names its writer", `<title>Ein Essay | Dr. Wolfgang Beispiel</title>`, prose, "Wolfgang Beispiel"},
		{"personal site name from og", `<meta property="og:site_name" content="Anna Muster"><title>Ein Essay</title>`, prose, "Anna Muster"},
		{"a product in the title is no writer", `<title>Ben Muster Surf - Beispiel Segel</title>`, prose, ""},
		{"a site named like a publication", `<meta property="og:site_name" content="Anna Muster News">`, prose, ""},
		{"a byline beats them all", `<meta property="og:site_name" content="Anna Muster">`, `<p class="byline">Von Ben Beispiel</p><p>Hamburg (dpa) – Der Rat tagte.</p>` + prose + `<p>Stefan Muster</p>`, "Ben Beispiel"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := &rinse.Page{Body: []byte("<html><head>" + tc.head + "</head><body><article>" + tc.body + "</article></body></html>"), Kind: rinse.KindHTML}
			doc, err := extract.NewExtractor(extract.ExtractorOptions{}).Process(context.Background(), page)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Author != tc.want {
				t.Errorf("Author = %q, want %q", doc.Author, tc.want)
			}
		})
	}
}
