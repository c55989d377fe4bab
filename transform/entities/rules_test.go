package entities

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
)

func TestEntitiesRules(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		want    []string // "Name/type×n", in order of first mention
		notWant []string // names that must not appear
	}{
		{"longest match", "South Korea won.", []string{"South Korea/country×1"}, []string{"Korea"}},
		{"possessive, curly apostrophe", "North Korea’s army and the UK's navy", []string{"North Korea/country×1", "United Kingdom/country×1"}, nil},
		{"spaced initialism", "Officials in the U. S. agreed.", []string{"United States/country×1"}, nil},
		{"pronoun is not a country", "Tell us more about it.", nil, []string{"United States"}},
		{"not inside other words", "Chinatown and Indiana and Frankfurt", nil, []string{"China", "India", "France"}},
		{"lower-case common word", "a turkey and a china cup", nil, []string{"Turkey", "China"}},
		{"two-letter codes never match", "IT IS IN AT NO COST", nil, []string{"Italy", "India", "Austria", "Norway"}},
		{"guarded acronym without evidence", "WHO CARES? NAM fans cheered.", nil, []string{"World Health Organization", "Non-Aligned Movement", "Namibia"}},
		{"guarded acronym with the full name", "The World Health Organization spoke. WHO staff agreed.", []string{"World Health Organization/organization×2"}, nil},
		{"alpha-3 code needs evidence", "Namibia (NAM) beat Kenya. NAM scored twice.", []string{"Namibia/country×3", "Kenya/country×1"}, nil},
		{"page acronym not in gazetteer", "The Baltic Fishing Board (BFB) met. BFB rules apply.", []string{"Baltic Fishing Board/organization×2"}, nil},
		{"page acronym of an unknown thing", "Gross Domestic Product (GDP) fell. GDP may recover.", []string{"Gross Domestic Product/other×2"}, nil},
		{"hashtags are not mentions", "#NorthKorea #Korea @Germany", nil, []string{"North Korea", "Germany"}},
		{"sentence-initial capital is not a person", "Yesterday Rain fell. Nobody Came.", nil, []string{"Yesterday Rain", "Nobody Came"}},
		{"honorific", "Prof. Anneliese Brandt spoke. Brandt was brief.", []string{"Anneliese Brandt/person×2"}, nil},
		{"speech verb and the surname again", "Tomasz Wielki said it was over. Wielki left.", []string{"Tomasz Wielki/person×2"}, nil},
		{"an organization says things too", "Big Machine said it was over.", nil, []string{"Big Machine"}},
		{"possessive ends a name", "Robert Jordan's Wheel of Time sold well.", []string{"Robert Jordan/person×1"}, nil},
		{"sentence-initial word before a name", "Employee Steve Castro said no. Castro left.", []string{"Steve Castro/person×2"}, nil},
		{"longer proper name is not a person", "She joined the Jane Goodall Institute.", nil, []string{"Jane Goodall"}},
		{"name across a line break", "John\nSmith came.", nil, []string{"John Smith"}},
		{"historical state alias", "The U.S.S.R. and the German Democratic Republic", []string{"Soviet Union/country×1", "East Germany/country×1"}, nil},
	}
	e := testEntities(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := e.Find(tt.text)
			var names []string
			for _, x := range got {
				names = append(names, x.Name)
			}
			if s := strings.TrimSuffix(formatEntities(got), "; "); len(tt.want) > 0 && s != strings.Join(tt.want, "; ") {
				t.Errorf("got %s\nwant %s", s, strings.Join(tt.want, "; "))
			}
			for _, bad := range tt.notWant {
				for _, n := range names {
					if n == bad {
						t.Errorf("unexpected %q in %s", bad, formatEntities(got))
					}
				}
			}
		})
	}
}

func TestEntitiesUserGazetteer(t *testing.T) {
	dir := t.TempDir()
	user := filepath.Join(dir, "acme.yaml")
	data := "- name: Acme Corp\n  type: organization\n  aliases: [Acme Corporation]\n  acronyms: [ACME]\n" +
		"- name: North Korea\n  aliases: [Hermit Kingdom]\n"
	if err := os.WriteFile(user, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := New(Options{Bundled: os.DirFS("../../configs"), Gazetteers: []string{user}})
	if err != nil {
		t.Fatal(err)
	}
	got := formatEntities(e.Find("Acme Corporation sells to the Hermit Kingdom. ACME denies it; Acme Corp declined to comment."))
	want := "Acme Corp/organization×3; North Korea/country×1; "
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestGazetteerErrors(t *testing.T) {
	tests := []struct{ name, data string }{
		{"not a list", "name: x"},
		{"unknown field", "- name: X\n  kind: country"},
		{"unknown type", "- name: X\n  type: planet"},
		{"no name", "- type: country"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := parseGazetteer([]byte(tt.data)); !errors.Is(err, rinse.ErrParse) {
				t.Errorf("err = %v, want a parse error", err)
			}
		})
	}
	if _, err := New(Options{Gazetteers: []string{"testdata/missing.yaml"}}); !errors.Is(err, rinse.ErrRead) {
		t.Errorf("missing file: err = %v, want a read error", err)
	}
}

func FuzzEntities(f *testing.F) {
	for _, s := range []string{
		"North Korea's entry into the Non-Aligned Movement (NAM)",
		"U.S. U. S. U.S.A U.S.S.R. A.Smith (X) () (ACR",
		"Dr. Jane Goodall said. Goodall’s Jordan Michael Jordan",
		"İstanbul KELVIN \u212a ÇÖTE d’Ivoire Côte d'Ivoire #Korea @UN",
		"Non-Aligned - Movement ,, (N.A.M.) of the (OF)",
		"\xff\xfe invalid \xc3 utf8 (ÉÉ) É. É.",
	} {
		f.Add(s)
	}
	e := testEntities(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, x := range e.Find(text) {
			if x.Mentions <= 0 || x.Name == "" || x.Type == "" {
				t.Fatalf("bad entity %+v", x)
			}
		}
	})
}

func FuzzGazetteer(f *testing.F) {
	for _, s := range []string{
		"- name: Acme Corp\n  type: organization\n  aliases: [Acme]\n  acronyms: [ACME, A.C.M.E.]\n  guarded: [AC]\n",
		"- name: X\n  codes: [XX, XXX]\n",
		"[]", "", "- {name: 'a', aliases: ['', ' ', '(']}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		es, err := parseGazetteer([]byte(data))
		if err != nil {
			return
		}
		g := compileGazetteer(mergeEntries(nil, map[string]int{}, es))
		s := newEntityScan(g, data)
		s.findDefinitions()
		s.matchNames()
	})
}
