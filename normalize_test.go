package rinse

import "testing"

func TestHostAndLanguageCode(t *testing.T) {
	hosts := map[string]string{
		"https://www.Example.com/a?b": "example.com", " http://news.site.org:8080/x ": "news.site.org",
		"": "", "::not a url": "", "/relative/path": "",
	}
	for in, want := range hosts {
		if got := Host(in); got != want {
			t.Errorf("Host(%q) = %q, want %q", in, got, want)
		}
	}
	codes := map[string]string{"en-GB": "en", "pt_BR": "pt", "DE": "de", "de, en": "de", "eng": "", "": "", "x1": ""}
	for in, want := range codes {
		if got := LanguageCode(in); got != want {
			t.Errorf("LanguageCode(%q) = %q, want %q", in, got, want)
		}
	}
}
