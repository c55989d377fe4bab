package rinse

import (
	"strings"
	"testing"
)

func TestSniffKind(t *testing.T) {
	for body, want := range map[string]string{
		"<!DOCTYPE html><p>x":                KindHTML,
		"  <DIV class=a>text</div>":          KindHTML,
		"Plain words.\nA second line.":       KindText,
		"":                                   KindText,
		strings.Repeat("x", 1024) + "<html>": KindText, // past the first kilobyte
	} {
		if got := SniffKind(body); got != want {
			t.Errorf("SniffKind(%.30q) = %s, want %s", body, got, want)
		}
		if got := SniffKind([]byte(body)); got != want {
			t.Errorf("SniffKind([]byte(%.30q)) = %s, want %s", body, got, want)
		}
	}
}
