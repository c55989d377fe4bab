package explain_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/explain"
)

// chromium finds a headless Chromium (Debian's chromium package). Without
// one the test skips, unless E2E_REQUIRE_CHROMIUM=1 makes that a failure.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("E2E_REQUIRE_CHROMIUM") == "1" {
		t.Fatal("Chromium is required (E2E_REQUIRE_CHROMIUM=1) but none is on PATH: apt-get install -y chromium")
	}
	t.Skip("no Chromium on PATH (apt-get install -y chromium); E2E_REQUIRE_CHROMIUM=1 makes this a failure")
	return ""
}

// screenshot is where TestExplainPageInChromium leaves its screenshot,
// next to the page it shows, for a person to look at.
var screenshot = filepath.Join(os.TempDir(), "rinse-explain-screenshot.png")

// TestExplainPageInChromium renders the MoofLife explain page in
// headless Chromium and checks the screenshot shows the page as styled:
// the tint of the profile's patterns and the kept rows' white, so the
// inline CSS applied and no resource was missing.
func TestExplainPageInChromium(t *testing.T) {
	bin := chromium(t)
	st, _ := stages(t)
	page := explainPage(t, st, "../testdata/pages/mooflife/voyager-1-launch-1977.txt", "")
	htmlPath := filepath.Join(os.TempDir(), "rinse-explain-screenshot.html")
	if err := os.WriteFile(htmlPath, page, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(screenshot)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--no-first-run", "--user-data-dir="+t.TempDir(), "--window-size=1200,1400",
		"--screenshot="+screenshot, "file://"+htmlPath)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out.String())
	}
	t.Logf("screenshot of %s: %s", htmlPath, screenshot)
	f, err := os.Open(screenshot)
	if err != nil {
		t.Fatalf("no screenshot: %v\n%s", err, out.String())
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() < 1000 || b.Dy() < 1000 {
		t.Errorf("screenshot is %v", b)
	}
	// .c-pattern's tint (#ffd5d5) and the kept row's white (#fff) on the
	// page's grey (#fafafa).
	for name, c := range map[string][3]uint8{"pattern tint": {0xff, 0xd5, 0xd5}, "kept row": {0xff, 0xff, 0xff}} {
		if n := count(img, c); n < 2000 {
			t.Errorf("%s %v: %d pixels, the styles did not apply", name, c, n)
		}
	}
}

// count counts the pixels within 2 of c in every channel.
func count(img image.Image, c [3]uint8) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(r, c[0]) && near(g, c[1]) && near(bl, c[2]) {
				n++
			}
		}
	}
	return n
}

func near(v uint32, c uint8) bool {
	d := int(v>>8) - int(c)
	return d >= -2 && d <= 2
}

// TestTracingChangesNoDocument runs every fixture page through all the
// standard stages with and without a trace: the documents must match.
func TestTracingChangesNoDocument(t *testing.T) {
	st, _ := stages(t)
	n := 0
	err := filepath.WalkDir("../testdata/pages", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (filepath.Ext(path) != ".html" && filepath.Ext(path) != ".txt") {
			return err
		}
		n++
		plain, pstage, perr := assemble.RunOne(context.Background(), st, readPage(t, path, ""))
		traced, tstage, terr := assemble.RunOne(explain.With(context.Background(), explain.New()), st, readPage(t, path, ""))
		if !reflect.DeepEqual(plain, traced) || pstage != tstage || (perr == nil) != (terr == nil) {
			t.Errorf("%s: the trace changed the result (%s %v / %s %v)", path, pstage, perr, tstage, terr)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 30 {
		t.Errorf("only %d fixture pages", n)
	}
}
