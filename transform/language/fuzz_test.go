package language

import (
	"context"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
)

func FuzzLanguage(f *testing.F) {
	f.Add("", languageTexts["de"], "en-GB")
	f.Add("Titel", languageTexts["ja"], "")
	f.Add("", languageTexts["ru"]+" "+languageTexts["en"], "ru")
	f.Add("", mixedEnDe, "de")
	f.Add("", strings.Repeat("l'd'qu'n' ", 60), "fr")
	f.Add("", "ab\xffcd \u0301\u0301 Straße ǅemal İstanbul ΣΑΣ", "xx-YY")
	f.Add("", strings.Repeat("a", 5000), "")
	f.Add("", "市长表示ヤマダ 시내 ห้องสมุด", "zh_TW")
	l := New(Options{})
	small := New(Options{SampleBytes: 7, MinLetters: 1})
	f.Fuzz(func(t *testing.T, title, text, hint string) {
		for _, d := range []*Language{l, small} {
			got := d.Detect(title, text, hint)
			if got != "" && (len(got) != 2 || got[0] < 'a' || got[0] > 'z' || got[1] < 'a' || got[1] > 'z') {
				t.Fatalf("Detect(%q, %q, %q) = %q, want \"\" or two lower-case letters", title, text, hint, got)
			}
			in := &rinse.Document{Title: title, Text: text, Language: hint}
			out, err := d.Process(context.Background(), in)
			if err != nil || out == nil || out.Language != got || in.Language != hint {
				t.Fatalf("Process = %v, %v; want Language %q and the input untouched", out, err, got)
			}
		}
	})
}
