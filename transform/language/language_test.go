package language

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/fixtures"
)

// languageTexts are short news-like paragraphs written for these tests.
var languageTexts = map[string]string{
	"en": "The city council met on Tuesday evening to discuss the new budget for public transport. Several members argued that the bus network needs more money, while others wanted to repair the roads first. A final vote is expected next month.",
	"de": "Der Stadtrat hat sich am Dienstagabend getroffen, um über den neuen Haushalt für den öffentlichen Nahverkehr zu beraten. Mehrere Mitglieder meinten, dass das Busnetz mehr Geld braucht, während andere zuerst die Straßen reparieren wollten.",
	"fr": "Le conseil municipal s'est réuni mardi soir pour discuter du nouveau budget des transports publics. Plusieurs membres ont estimé que le réseau de bus avait besoin de plus d'argent, tandis que d'autres voulaient d'abord réparer les routes.",
	"es": "El ayuntamiento se reunió el martes por la noche para debatir el nuevo presupuesto del transporte público. Varios miembros afirmaron que la red de autobuses necesita más dinero, mientras que otros querían reparar primero las carreteras.",
	"it": "Il consiglio comunale si è riunito martedì sera per discutere il nuovo bilancio del trasporto pubblico. Diversi membri hanno sostenuto che la rete degli autobus ha bisogno di più soldi, mentre altri volevano prima riparare le strade.",
	"pt": "A câmara municipal reuniu-se na terça-feira à noite para discutir o novo orçamento dos transportes públicos. Vários membros defenderam que a rede de autocarros precisa de mais dinheiro, enquanto outros queriam primeiro reparar as estradas.",
	"ja": "市議会は火曜日の夜に会合を開き、公共交通機関の新しい予算について話し合いました。何人かの議員はバスの路線網にもっとお金が必要だと主張しましたが、ほかの議員はまず道路を直したいと考えていました。",
	"zh": "市议会周二晚上召开会议，讨论公共交通的新预算。几位议员认为公交网络需要更多资金，而其他议员则希望先修复道路。最终投票预计将在下个月进行。",
	"nb": "Bystyret møttes tirsdag kveld for å diskutere det nye budsjettet for kollektivtransport. Flere medlemmer mente at bussnettet trenger mer penger, mens andre ville reparere veiene først. Det blir ikke avgjort før etter sommeren.",
	"hr": "Gradsko vijeće sastalo se u utorak navečer kako bi raspravljalo o novom proračunu za javni prijevoz. Nekoliko članova smatra da mreži autobusa treba više novca, dok su drugi htjeli najprije popraviti ceste. Konačno glasanje očekuje se tijekom sljedećeg mjeseca.",
	"sr": "Gradsko veće se sastalo u utorak uveče da bi razgovaralo o novom budžetu za javni prevoz. Nekoliko članova smatra da mreži autobusa treba više novca, dok su drugi hteli da posle toga poprave puteve. Konačno glasanje se očekuje tokom sledećeg meseca, verovatno veoma brzo.",
	"ru": "Городской совет собрался во вторник вечером, чтобы обсудить новый бюджет общественного транспорта. Несколько депутатов заявили, что автобусной сети нужно больше денег, а другие хотели сначала отремонтировать дороги.",
}

// mixedEnDe is an English paragraph that quotes German at length.
const mixedEnDe = "The minister spoke to reporters in Berlin on Monday. " +
	"\"Wir werden die Mittel für die Schulen im nächsten Jahr deutlich erhöhen, und das ist nur der Anfang\", she said. " +
	"The opposition was not convinced and asked where the money would come from, since the budget for this year is already tight. " +
	"A vote on the plan is expected before the summer break."

func TestLanguageDetects(t *testing.T) {
	l := New(Options{})
	for want, text := range languageTexts {
		t.Run(want, func(t *testing.T) {
			out, err := l.Process(context.Background(), &rinse.Document{Text: text})
			if err != nil {
				t.Fatal(err)
			}
			if out.Language != want {
				t.Errorf("Language = %q, want %q", out.Language, want)
			}
		})
	}
}

func TestLanguageHints(t *testing.T) {
	long := strings.Repeat(languageTexts["de"]+" ", 3)
	tests := []struct {
		name, title, text, hint, want string
	}{
		{"short text, no hint", "", "Hello world", "", ""},
		{"short text keeps hint", "", "Hallo Welt", "de-DE", "de"},
		{"empty text keeps hint", "", "", "fr", "fr"},
		{"agreeing hint", "", languageTexts["en"], "en-US", "en"},
		{"hint in another script loses", "", languageTexts["ru"], "en", "ru"},
		{"wrong template hint loses on long text", "", long, "en", "de"},
		{"garbage hint ignored", "", languageTexts["fr"], "english", "fr"},
		{"title helps a short body", "Der Stadtrat tagt wieder über den Haushalt", "Mehr Geld für die Busse und die Straßen der Stadt.", "", "de"},
		{"long Spanish beats an English template", "", strings.Repeat(languageTexts["es"]+" ", 3), "en-US", "es"},
		{"short Spanish keeps an English hint", "", "El alcalde dijo que el edificio también acogerá conciertos.", "en", "en"},
		{"short Spanish without hint", "", "El alcalde dijo que el edificio también acogerá conciertos.", "", "es"},
		{"English article quoting German, hint en", "", mixedEnDe, "en", "en"},
		{"the same page declared German", "", mixedEnDe, "de", "de"},
		{"Danish hint on ambiguous Scandinavian", "", "Det er en god dag, og vi skal ud at se på det nye hus i byen med dem.", "da", "da"},
		{"Norwegian macrolanguage tag kept", "", languageTexts["nb"], "no", "no"},
		{"Bosnian declaration kept over Croatian", "", languageTexts["hr"], "bs", "bs"},
		{"Galician declaration kept over Portuguese", "", languageTexts["pt"], "gl", "gl"},
		{"Japanese wins over a Chinese hint", "", languageTexts["ja"], "zh-CN", "ja"},
		{"kanji-heavy Japanese keeps its hint", "", "東京都知事選挙の投票率、過去最高水準。都内各地投票所で長蛇列。新型感染症対策徹底、選挙管理委員会発表。", "ja", "ja"},
		{"Chinese with a katakana name stays Chinese", "", "市长表示，这座建筑还将举办音乐会和夜校课程，其中包括来自日本的演奏家ヤマダ先生的讲座。", "", "zh"},
		{"numbers and names only", "", "Palm Bay 70 Rockledge 44 Viera 53 Titusville 9 Heritage 61 Melbourne 48 Eau Gallie 39", "", ""},
		{"Latin-script Serbian with sr hint", "", languageTexts["sr"], "sr", "sr"},
	}
	l := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := l.Detect(tt.title, tt.text, tt.hint); got != tt.want {
				t.Errorf("Detect = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLanguageAllowed(t *testing.T) {
	l := New(Options{Allowed: []string{"en", "DE"}})
	in := &rinse.Document{Text: languageTexts["fr"]}
	out, err := l.Process(context.Background(), in)
	if out != nil || !errors.Is(err, rinse.ErrWrongLanguage) || !rinse.IsRejection(err) {
		t.Fatalf("French doc: out=%v err=%v, want a wrong-language rejection", out, err)
	}
	if in.Language != "" {
		t.Errorf("input mutated: Language = %q", in.Language)
	}
	for _, text := range []string{languageTexts["de"], "too short"} {
		if out, err := l.Process(context.Background(), &rinse.Document{Text: text}); err != nil || out == nil {
			t.Errorf("Process(%.20q) = %v, %v; want kept", text, out, err)
		}
	}
}

func BenchmarkLanguage(b *testing.B) {
	doc := &rinse.Document{Text: fixtures.Article()}
	l := New(Options{})
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		if _, err := l.Process(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}
