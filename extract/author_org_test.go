package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestIsOrganisation(t *testing.T) {
	for name, want := range map[string]bool{
		"Beispiel Software GmbH":         true,
		"Musterverband Nord e.V.":        true,
		"Bundesverband Beispielenergie":  true,
		"Auswärtiges Amt":                true,
		"Landratsamt Musterkreis":        false, // "amt" must end the name
		"Bayerische Landesanstalt für X": true,
		"Handelskammer Musterstadt":      true,
		"Anna Kammer":                    false,
		"Peter Samt":                     false,
		"Eva Verein-Muster":              false,
		"Anna Muster":                    false,
		"Beispiel Polska Media":          true,
		"Wikimedia Foundation":           false,
	} {
		if got := isOrganisation(name); got != want {
			t.Errorf("isOrganisation(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestAuthorSkipsOrganisations(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"owner in meta, nothing shown", `<meta name="author" content="Beispiel Medien GmbH"><p>Text</p>`, ""},
		{"owner in meta, writer shown", `<meta name="author" content="Musterverband e.V."><p>Text: Lena Beispiel</p>`, "Lena Beispiel"},
		{"institution split at und", `<meta name="author" content="Landesanstalt für Wald und Forst - LWF">`, ""},
		{"address as author", `<meta name="author" content="Stadtblatt, Musterstadt, Germany">`, ""},
		{"a person stays", `<meta name="author" content="Anna Muster, Ben Beispiel">`, "Anna Muster; Ben Beispiel"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := readMeta(root).author(); got != tc.want {
				t.Errorf("author() = %q, want %q", got, tc.want)
			}
		})
	}
}
