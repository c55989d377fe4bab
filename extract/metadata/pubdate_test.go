package metadata

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestScanPubDates(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string // expected candidates, best first (prefix of the result)
		not        []string // texts that must not be candidates
	}{
		{"marked span beats plain text",
			`<article><p>Founded 2001, still going.</p><div class="post-meta"><span>3. August 2015</span></div></article>`,
			[]string{"3. August 2015"}, nil},
		{"publication word in the text",
			`<div><p>Some text</p><small>Veröffentlicht am 28.01.2022 06:00</small></div>`,
			[]string{"Veröffentlicht am 28.01.2022 06:00"}, nil},
		{"dateline split across inline elements",
			`<p class="postmetadata">8.<a href="/2010/12/">Dezember 2010</a> um 09:43</p>`,
			[]string{"8.Dezember 2010 um 09:43"}, nil},
		{"comments, sidebars, nav and footers are skipped",
			`<nav>Mai 2019</nav><aside>April 2019</aside><div class="comments"><p>1. März 2020</p></div><footer>© 2024 Site</footer><div id="sidebar">Januar 2018</div>`,
			nil, []string{"Mai 2019", "April 2019", "1. März 2020", "© 2024 Site", "Januar 2018"}},
		{"update notes come after the publication dates",
			`<p class="date">Updated 4 May 2021</p><p class="date">Posted 1 May 2021</p>`,
			[]string{"Posted 1 May 2021", "Updated 4 May 2021"}, nil},
		{"a wiki's last edit is its only date",
			`<div id="content"><p>Text</p></div><div id="info">This page was last edited on 3 June 2019, at 10:12.</div>`,
			[]string{"This page was last edited on 3 June 2019, at 10:12."}, nil},
		{"day and year in separate elements",
			`<div class="post-date"><span class="m">Mar</span><span class="d">07</span><span class="y">2011</span></div>`,
			[]string{"Mar 07 2011"}, nil},
		{"byline after the headline in a teaser-styled element",
			`<article><h1>Es kommt darauf an</h1><div class="teaser-small__metadata"><p class="byline__author">VON <a href="/autoren/m">ANNA MUSTER</a> am 21. April 2020</p></div><div class="teaser-list"><p>3. Mai 2019</p><p>2. Mai 2019</p><p>1. Mai 2019</p></div></article>`,
			[]string{"am 21. April 2020"}, []string{"3. Mai 2019", "2. Mai 2019", "1. Mai 2019"}},
		{"an embedded tweet's date",
			`<article><p>Text</p><blockquote class="twitter-tweet"><p>Highlights</p>— Club (@club) <a href="https://twitter.com/club/status/1">October 31, 2021</a></blockquote></article>`,
			nil, []string{"October 31, 2021"}},
		{"today's date of a masthead",
			`<div class="masthead-date">Thursday, November 9th 2023 Today's Paper</div>`,
			nil, []string{"Thursday, November 9th 2023 Today's Paper"}},
		{"a list of teasers dated alike loses to the article's dateline",
			`<ul class="most-read"><li><small class="date">03.03.2021</small></li><li><small class="date">02.03.2021</small></li><li><small class="date">01.03.2021</small></li></ul>` +
				`<article><p>05.03.2021 09:12 Uhr - Regionalliga - Pressemitteilung</p><h1>Title</h1></article>`,
			[]string{"05.03.2021 09:12 Uhr - Regionalliga - Pressemitteilung"}, nil},
		{"a microdata article counts as an article",
			`<p>Spring fair 2021 tickets</p><div itemscope itemtype="http://schema.org/NewsArticle"><h1>Title<small>12.03.2021</small></h1></div>`,
			[]string{"12.03.2021"}, nil},
		{"a web archive's toolbar",
			`<div id="wm-ipp-base"><div class="r" title="Timespan for captures">14 Oct 2014 - 10 Aug 2017</div></div><p>Text</p>`,
			nil, []string{"14 Oct 2014 - 10 Aug 2017"}},
		{"layout classes that name a sidebar do not hide the page",
			`<body class="single-post has-comments"><div class="site with-sidebar-right"><article><div class="byline"><span class="timestamp">Updated Apr 3, 2021</span></div><p>Text</p></article><div class="sidebar-right"><p class="date">1 April 2021</p></div></div></body>`,
			[]string{"Updated Apr 3, 2021"}, []string{"1 April 2021"}},
		{"teasers in <article> elements do not outrank the page's own date",
			`<div class="story"><div class="pubdate">19.11.2021</div><p>Text</p></div>` +
				`<article><a href="/a">Other story</a><div class="pubdate"><span>18. Nov</span> <span>2021</span></div></article>` +
				`<article><a href="/b">Older story</a><div class="pubdate"><span>16. Nov</span> <span>2021</span></div></article>`,
			[]string{"19.11.2021"}, nil},
		{"a forum member's registration is not the post's date",
			`<div class="post"><dl class="profile"><dd class="profile-joined"><strong>Registriert:</strong> 18.09.2008, 05:56</dd></dl><p class="author">von <b>anna</b> » 21.01.2009, 05:42</p></div>`,
			[]string{"» 21.01.2009, 05:42"}, []string{"Registriert: 18.09.2008, 05:56", "18.09.2008, 05:56"}},
		{"the headline's container is never a sidebar",
			`<article class="post sticky-sidebar-parent"><header><h1>Title</h1><span class="date">Jan 8, 2020, 4:53 pm</span></header><p>Text</p></article>`,
			[]string{"Jan 8, 2020, 4:53 pm"}, nil},
		{"a comment in an <article> is still a comment",
			`<article class="post"><h1>Title</h1><p class="date">3 May 2021</p></article><article class="comment-body"><p class="date">5 May 2021</p></article>`,
			[]string{"3 May 2021"}, []string{"5 May 2021"}},
		{"a sentence that mentions a day is no dateline",
			`<article><p>Am 6. August 2019 hat der Rat der Stadt beschlossen, die Brücke</p><div><span>3. September 2019</span></div></article>`,
			[]string{"3. September 2019"}, nil},
		{"a sidebar marked by class",
			`<div class="aside"><h3>Zitate</h3><p>(02/12/2019, Radio)</p></div><p>Text</p>`,
			nil, []string{"(02/12/2019, Radio)"}},
		{"a dateline that opens the first paragraph",
			`<article><p>3.5.2021 - Der Stadtrat hat am Montagabend mit großer Mehrheit beschlossen, die alte Brücke über den Fluss bis zum Herbst vollständig zu sanieren.</p></article>`,
			[]string{"3.5.2021"}, nil},
		{"a time range opening an event listing",
			`<p>Sa., 22.01.2022, 9:00 - 12:00 Uhr: Infoveranstaltung für alle Betriebe im Landkreis, mit Anmeldung bis zum Vortag bei der Geschäftsstelle.</p>`,
			nil, nil},
		{"ordinal suffix stays attached",
			`<p class="date">March 2<sup>nd</sup>, 2020</p>`,
			[]string{"March 2nd, 2020"}, nil},
		{"time datetime, pubdate first",
			`<article><time datetime="2020-03-01">1 March</time><time pubdate datetime="2020-02-28T10:00:00Z">28 Feb</time></article>`,
			[]string{"2020-02-28T10:00:00Z", "2020-03-01"}, nil},
		{"long prose is not a dateline",
			`<p>` + strings.Repeat("In 2015 the town grew. ", 10) + `</p>`,
			nil, nil},
		{"the dateline under the headline in a box named aside",
			`<div class="layout"><h1>Der Stadtrat tagt</h1><p class="kicker">Politik</p><div class="article-aside"><span>Veröffentlicht am 3. Mai 2021</span></div>` + prose + `</div><div id="sidebar"><p class="date">1. Mai 2021</p></div>`,
			[]string{"Veröffentlicht am 3. Mai 2021"}, []string{"1. Mai 2021"}},
		{"a masthead's clock above the headline loses to the header's dateline",
			`<header class="site"><div class="top"><span class="date">Mittwoch, 1. November 2023</span></div></header><div class="page"><div class="head"><h1>Im Schlepptau</h1><p><span>31. Oktober 2023.</span> Kurz gesagt.</p></div>` + prose + `</div>`,
			[]string{"31. Oktober 2023."}, nil},
		{"dated items of an unnamed list are demoted",
			`<div><ul><li><a href="/a">A story</a> <span>3 May 2021</span></li><li><a href="/b">B story</a> <span>2 May 2021</span></li><li><a href="/c">C story</a> <span>1 May 2021</span></li></ul></div><div><h1>Title</h1>` + prose + `<p>Last changed: 4 May 2021</p></div>`,
			[]string{"Last changed: 4 May 2021"}, nil},
		{"the date under the text in a box named teaser",
			`<h1>Title</h1>` + strings.Replace(prose, `</div>`, `<p class="c-teaser__meta"><span>Erschienen am</span> <span>26. Jan 2022</span></p></div>`, 1) + `<div class="teaser-box"><p>Other story, 3. Feb 2022</p></div>`,
			[]string{"26. Jan 2022"}, []string{"Other story, 3. Feb 2022"}},
		{"the headline's column is no item of a list of columns",
			`<div id="wrap"><div id="main"><div class="post"><h1>Title</h1><div class="info"><span>2. September 2015</span></div>` + prose + `</div></div>` +
				`<div id="side"><p><b>Vista</b> Ende: 11. April 2017</p></div><div id="foot"><p><b>Seit</b> 1. Januar 2010</p></div></div><p>Stand: 1. März 2016</p>`,
			[]string{"2. September 2015"}, nil},
		{"numbers that are not years",
			`<p class="date">Call 0800 1234 567</p>`, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tc.html))
			if err != nil {
				t.Fatal(err)
			}
			got := scanPubDates(root, layoutOf(root)).dates
			if tc.want == nil && tc.not == nil && len(got) != 0 {
				t.Errorf("got %q, want none", got)
			}
			if len(got) < len(tc.want) || !slices.Equal(got[:len(tc.want)], tc.want) {
				t.Errorf("got %q, want prefix %q", got, tc.want)
			}
			for _, n := range tc.not {
				if slices.Contains(got, n) {
					t.Errorf("got %q, must not hold %q", got, n)
				}
			}
		})
	}
}

// prose is a paragraph long enough to be the page's text.
var prose = `<div class="text"><p>` + strings.Repeat("The council met on Monday to discuss the bridge. ", 5) + `</p><p>` +
	strings.Repeat("Work on it will begin in the autumn and last a year. ", 5) + `</p></div>`

// TestScanPubTime: the <time> handed on is the one by the headline,
// never a comment's or a related post's, and it ranks below a dateline
// by the headline when it lies elsewhere.
func TestScanPubTime(t *testing.T) {
	tests := []struct {
		name, html string
		want       string
		first      bool
	}{
		{"a comment's time comes first in the page",
			`<div class="comments"><time datetime="2021-05-09">9 May</time></div><article><h1>Title</h1><time datetime="2021-05-03">3 May</time>` + prose + `</article>`,
			"2021-05-03", true},
		{"a related post's time",
			`<article><h1>Title</h1>` + prose + `</article><div class="related"><time datetime="2021-04-01">1 April</time></div>`,
			"", false},
		{"a masthead's time below a dateline by the headline",
			`<header><div class="clock"><time datetime="2023-11-01T13:56:20+01:00">Mittwoch</time></div></header><nav>` + strings.Repeat("Menu ", 60) + `</nav><main><h1>Title</h1><p class="date">31. Oktober 2023</p>` + prose + `</main>`,
			"2023-11-01T13:56:20+01:00", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tc.html))
			if err != nil {
				t.Fatal(err)
			}
			f := scanPubDates(root, layoutOf(root))
			if f.time != tc.want || f.time != "" && f.timeFirst != tc.first {
				t.Errorf("time %q first %v, want %q %v", f.time, f.timeFirst, tc.want, tc.first)
			}
		})
	}
}

func TestHasYear(t *testing.T) {
	for s, want := range map[string]bool{
		"3.8.2015": true, "1994": false, "1995": true, "2099": true, "12345": false,
		"no digits": false, "Tel. 1800": false, "2019-05-01": true,
	} {
		if got := hasYear(s); got != want {
			t.Errorf("hasYear(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestUntypedJSONLDScript(t *testing.T) {
	root, _ := html.Parse(strings.NewReader(`<html><head><script>{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H", "datePublished": "2022-01-28T06:00:00+01:00"}</script><script>var x = {"a": 1};</script></head></html>`))
	m := Read(root)
	if m.ld.published != "2022-01-28T06:00:00+01:00" {
		t.Errorf("published = %q", m.ld.published)
	}
}

func TestCDATAWrappedJSONLD(t *testing.T) {
	for _, wrap := range [][2]string{{"<![CDATA[", "]]>"}, {"//<![CDATA[\n", "\n//]]>"}, {"", ""}} {
		body := wrap[0] + `{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H", "datePublished": "2021-11-01T10:52:50+0100"}` + wrap[1]
		root, _ := html.Parse(strings.NewReader(`<html><head><script type="application/ld+json">` + body + `</script></head></html>`))
		if m := Read(root); m.ld.published != "2021-11-01T10:52:50+0100" {
			t.Errorf("%q: published = %q", wrap[0], m.ld.published)
		}
	}
}

// layoutOf notes every element of the tree under root, as Read's walk
// does, for tests that run the date scan alone.
func layoutOf(root *html.Node) pageLayout {
	var l pageLayout
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode {
			l.note(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(root)
	return l
}
