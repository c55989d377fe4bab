package transform

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/rinse-etl/rinse"
)

// benchParagraphs make up a news-like article of about 5 KB, written for
// the benchmarks: plenty of capitalized words, names and acronyms.
var benchParagraphs = []string{
	"GENEVA — Delegates from more than forty countries gathered on Monday for a week of talks on nuclear safety hosted by the International Atomic Energy Agency (IAEA). The meeting comes after months of tension between the United States and Russia over inspections, and follows a warning from the agency that several research reactors were running without proper oversight.",
	"Dr. Amina Haddad, who leads the inspection division, said the agency had asked the U.S. and the European Union to fund a new training programme. \"We cannot inspect what we cannot reach,\" Haddad told reporters after the opening session. She added that China and India had offered technical staff.",
	"The talks were opened by Secretary-General Paolo Bianchi, a former Italian diplomat who spent most of his career at the United Nations. In a short speech, Bianchi recalled that the IAEA was founded in 1957 at the height of the Cold War, when the Soviet Union and the United Kingdom were racing to build their first power stations.",
	"Observers from the Non-Aligned Movement (NAM) asked for a larger role in the new programme. Speaking for the NAM group, Indonesia's envoy argued that developing nations should not be treated as suspects. Brazil, South Africa and Egypt backed the proposal, while Japan and South Korea asked for more detail on the budget.",
	"Outside the conference hall, a few dozen activists from Greenpeace held banners calling for the closure of ageing plants in France, Belgium and Ukraine. Police said the protest was peaceful. In Brussels, a spokesperson for the European Commission said the EU would study the request but that no money had been set aside yet.",
	"The week will end with a vote on a joint declaration. Diplomats expect the text to mention North Korea, whose programme remains outside any inspection regime, as well as Iran, which has restricted access to two sites since last year. Neil Harrington, a researcher at King's College London, said the wording on North Korea's programme would be the main test of unity.",
	"Previous rounds produced little. In 2019 the United States walked out over language on export controls, and in 2021 the talks were held online because of the pandemic, when the World Health Organization (WHO) advised against large meetings. This year the organisers hope that the presence of ministers from Germany, Canada and Australia will give the process new weight.",
	"Markets barely reacted. The International Monetary Fund said on Tuesday that energy prices in Europe had stabilised, and the World Bank cut its growth forecast for Latin America. Analysts at a Frankfurt bank noted that the uranium price had risen by a third since January, a rise they put down to new reactors in China and the United Arab Emirates.",
	"Haddad said she expected a long week. Asked whether the agency could cope with the extra work, she smiled and said that the IAEA had survived worse. The final declaration is due on Friday evening; a press conference with Bianchi and the ministers of Argentina and Kenya is planned for Saturday morning.",
}

func benchArticle() string {
	var b strings.Builder
	for b.Len() < 5000 {
		for _, p := range benchParagraphs {
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	return b.String()[:5000]
}

func BenchmarkEntities(b *testing.B) {
	e := testEntities(b)
	doc := &rinse.Document{Text: benchArticle()}
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Process(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewEntities(b *testing.B) {
	for b.Loop() {
		testEntitiesOnce = *new(sync.Once)
		testEntities(b)
	}
}
