package metadata

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestSiteKeys(t *testing.T) {
	root, err := html.Parse(strings.NewReader(`<link rel="canonical" href="https://edition.example-news.co.uk/a/1"><meta property="og:site_name" content="Topic | Beispiel Blatt">`))
	if err != nil {
		t.Fatal(err)
	}
	keys := Read(root).siteKeys()
	for _, name := range []string{"Example News", "EXAMPLE-NEWS", "example-news.co.uk", "Beispiel Blatt", "Topic | Beispiel Blatt"} {
		if !isSiteAuthor(name, keys) {
			t.Errorf("%q is not taken for the site", name)
		}
	}
	for _, name := range []string{"Anna Muster", "Edition", "R.C. Muster"} {
		if isSiteAuthor(name, keys) {
			t.Errorf("%q is taken for the site", name)
		}
	}
}

func TestPersonLike(t *testing.T) {
	for name, want := range map[string]bool{
		"Anna Muster": true, "Hans-Peter J. Beispiel": true, "Eat What Tonight": false,
		"Das Beispielkabinett": false, "EXAMPLE NEWS": false, "Beispiel": false,
	} {
		if got := personLike(name); got != want {
			t.Errorf("personLike(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestSiteKeysFromPageURL: a page that states no address of its own is
// still known by the URL it came from.
func TestSiteKeysFromPageURL(t *testing.T) {
	root, err := html.Parse(strings.NewReader(`<meta name="author" content="Beispiel Zeitung">`))
	if err != nil {
		t.Fatal(err)
	}
	m := Read(root)
	if isSiteAuthor("Beispielzeitung", m.siteKeys()) {
		t.Fatal("site known without any address")
	}
	m.pageURL = "https://www.beispielzeitung.de/politik/1"
	if !isSiteAuthor("Beispielzeitung", m.siteKeys()) {
		t.Error("the page URL's host is not taken for the site")
	}
}

func TestDisplayName(t *testing.T) {
	shown := [][]string{{"Von Anna Müster"}, {"Jürgen Beyß"}}
	tests := []struct{ name, want string }{
		{"anna.muester", "anna.muester"}, // not the same letters: ü is u, not ue
		{"anna.muster", "Anna Müster"},   // a login shown by its display name
		{"Juergen Beyss", "Juergen Beyss"},
		{"Jurgen Beyss", "Jürgen Beyß"}, // metadata folded to ASCII, the page's spelling wins
		{"Jürgen Beyß", "Jürgen Beyß"},
		{"Karl Beispiel", "Karl Beispiel"},
	}
	for _, tc := range tests {
		if got := displayName(tc.name, shown); got != tc.want {
			t.Errorf("displayName(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

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
			if got := Read(root).author(); got != tc.want {
				t.Errorf("author() = %q, want %q", got, tc.want)
			}
		})
	}
}
