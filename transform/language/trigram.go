package language

import (
	"github.com/abadojack/whatlanggo"
)

// whatlanggo compares a sample's trigrams with every profile of its script
// (about 50 for Latin), which costs about 1 ms per KiB; the stage asks it
// only about samples the cheaper tests leave open, and for Latin text
// only about the few languages still in the running.

// trigramVerdict asks whatlanggo, restricted to whitelist when given,
// about a sample written mostly in s.
func trigramVerdict(sample string, s script, whitelist map[whatlanggo.Lang]bool) verdict {
	letters := countScripts(sample).letters
	info := whatlanggo.DetectWithOptions(sample, whatlanggo.Options{Whitelist: whitelist})
	if info.Lang < 0 || int(info.Lang) >= len(trigramISO) {
		return verdict{}
	}
	lang := trigramISO[info.Lang]
	return verdict{
		lang:     lang,
		script:   s,
		reliable: lang != "" && reliable(info, letters),
		strong:   letters >= overrideLetters && info.Confidence >= overrideConfidence,
	}
}

// reliable judges a detection. whatlanggo's own threshold (0.8) suits
// short samples; on a paragraph or more, close relatives such as Spanish
// and Portuguese often score lower while being right, so a longer sample
// needs less margin.
func reliable(info whatlanggo.Info, letters int) bool {
	if info.IsReliable() {
		return true
	}
	return letters >= longSampleLetters && info.Confidence >= longSampleConfidence
}

// trigramISO maps whatlanggo's languages to ISO 639-1 once (its own
// Iso6391 builds a map on every call).
var trigramISO = func() []string {
	n := 0
	for l := range whatlanggo.Langs {
		n = max(n, int(l)+1)
	}
	iso := make([]string, n)
	for l := range whatlanggo.Langs {
		iso[l] = l.Iso6391()
	}
	// whatlanggo leaves these without a two-letter code although
	// ISO 639-1 has one.
	iso[whatlanggo.Pes] = "fa"
	iso[whatlanggo.Ydd] = "yi"
	return iso
}()

// trigramLang maps an ISO 639-1 code back to whatlanggo, -1 when unknown.
func trigramLang(iso string) whatlanggo.Lang {
	for l, code := range trigramISO {
		if code == iso && code != "" {
			return whatlanggo.Lang(l)
		}
	}
	return -1
}

// fallbackBytes bounds the sample whatlanggo gets: it costs about as
// much per call as the whole vote path per page, and its accuracy
// hardly improves past a few hundred bytes.
const fallbackBytes = 512

func fallbackSample(s string) string { return languageSample("", s, fallbackBytes) }
