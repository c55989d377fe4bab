package metadata

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestShownBylines(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"label and name in one element", `<p>Text: Klausmartin Beispiel</p>`, "Klausmartin Beispiel"},
		{"label in strong, name after", `<p><strong>Autor:</strong> <a href="/p/1">Anna Muster</a></p>`, "Anna Muster"},
		{"posted by with link", `<span class="meta">Posted by <span class="vcard"><a rel="x">Günter W. Beispiel</a></span></span>`, "Günter W. Beispiel"},
		{"von with particle", `<p><i>von Hans von Beispiel</i></p>`, "Hans von Beispiel"},
		{"two names", `<div>Von Roland Muster und Sebastian Beispiel</div>`, "Roland Muster; Sebastian Beispiel"},
		{"label element, name after it", `<div><h5>Autor: </h5>Peter Muster<br></div>`, "Peter Muster"},
		{"role in parentheses and a leading dash", `<div>05.02.2020 <span>- Redaktion: Eberhard Muster (Pressesprecher)</span></div>`, "Eberhard Muster"},
		{"by in its own element", `<div class="meta"><span class="sr">| By </span><span>Cara Muster</span> | <time>April 13, 2020</time></div>`, "Cara Muster"},
		{"by before a link", `<address>By <a href="/a/x"> Tim Beispiel </a></address>`, "Tim Beispiel"},
		{"von before emphasis", `<p> von <em>Klaus Beispiel</em></p>`, "Klaus Beispiel"},
		{"no-break space after the dash", "<div>05.02.2020 <span>-\u00a0Redaktion: Eberhard Muster</span></div>", "Eberhard Muster"},
		{"name first in a long author box", `<div class="author"><a href="/autoren/x">Georg Beispiel</a>, 21. Jan. 2015 <div class="rating">Bewertung: 4 von 5 Sternen aus 120 Stimmen, jetzt selbst bewerten und mitreden</div></div>`, "Georg Beispiel"},
		{"name in an authors box", `<div class="authors"><a href="/author/m"><img src="m.jpg"> Marina Muster </a></div>`, "Marina Muster"},
		{"date and time, then the byline", `<div class="post-info">12.03.2021, 09:15 Uhr von Petra</div>`, "Petra"},
		{"name deep in an author card", `<div class="author-info"><div class="mini-card"><img alt="Inga Muster"><section class="mini-card__content"><h3 class="mini-card__title"><a href="/in/ingamuster">Inga Muster</a><a class="follow-button" href="/login">Follow</a></h3></section></div></div>`, "Inga Muster"},
		{"deep name in an author's article is no byline", `<article class="author-article"><div class="article-text"><div class="bottom-info"><div class="col"><p><a href="/player/1983">Lukas Muster</a></p></div></div></div></article>`, ""},
		{"list in an author box", `<div class="author-tags"><a>Analyse, Interview, Lesestoff</a></div>`, ""},
		{"von in running text", `<p>Die Annahme der Unabhängigkeit <em>G</em> von <em>Yara Muster</em> ist die Grundlage</p>`, ""},
		{"prose is no byline", `<p>by the river we walked until the sun went down</p>`, ""},
		{"dated text ending in by", `<p class="info">Guide/Download (last edited 2019-11-10 13:28:18 by <span><a href="/moin/AnnaMuster">AnnaMuster</a></span>)</p>`, "AnnaMuster"},
		{"dated sentence ending in von", `<p>Es ging um die Software „Beispiel Security 2009“ von <a href="https://beispiel.de/">Beispiel-Data</a>.</p>`, ""},
		{"theme credit", `<p class="copyright">Copyright © 2021 | WordPress Theme von <a href="https://themes.example/">MH Themes</a></p>`, ""},
		{"user name linked to its profile", `<div><span> by </span><h3><a href="/profile/142450">delta201</a></h3></div>`, "delta201"},
		{"lone label before a member link", `<li><span class="u-srOnly">Autor</span> <a href="/members/catch-more-fish.210716/">Catch more fish</a></li>`, "Catch more fish"},
		{"user name without a profile link", `<div><span> by </span><h3><a href="/fiction/34798">delta201</a></h3></div>`, ""},
		{"a sign-in link after prose", `<div><p>by continuing you agree</p><a href="/users/sign_in">Sign in</a></div>`, ""},
		{"von after a link in a sentence", `<p>Die kostenlosen <a href="/dl">Downloads </a>von Beispielsoft.</p>`, ""},
		{"by after a linked date", `<p>Posted on <a href="/p"><time>May 3, 2020</time></a> by Anna Muster</p>`, "Anna Muster"},
		{"comments are skipped", `<div class="comments"><p>By Anna Muster</p></div>`, ""},
		{"footer is skipped", `<footer><p>Text: Anna Muster</p></footer>`, ""},
		{"a date and a name under the headline", `<h1>Die Freiheit der Planung</h1><div class="field">Essay</div><div class="field">25.10.2022 - Reiner Nagel</div>` + prose, "Reiner Nagel"},
		{"a name and a date under the headline", `<h1>Die Freiheit der Planung</h1><p>Anna Muster | 3. Mai 2021</p>` + prose, "Anna Muster"},
		{"a date and a name in a teaser list", `<h1>Die Freiheit der Planung</h1>` + prose + strings.Repeat(`<p>Mehr aus der Stadt und dem Umland, jeden Tag.</p>`, 8) + `<p>25.10.2022 - Reiner Nagel</p>`, ""},
		{"a date and a club under the headline", `<h1>Bruderduell im Cup</h1><p>Handball Schweiz | 3. Mai 2021</p>` + prose, ""},
		{"a news agency credited under the headline", `<header><h1>6,000 masks stolen from a hospital</h1><p class="credit">JIJI</p></header>` + prose, "JIJI"},
		{"a news agency in a teaser list", `<h1>6,000 masks stolen from a hospital</h1>` + prose + strings.Repeat(`<p>More news from the city, every day.</p>`, 8) + `<p class="credit">Reuters</p>`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tc.html))
			if err != nil {
				t.Fatal(err)
			}
			got := scanPubDates(root, layoutOf(root)).bylines
			first := ""
			if len(got) > 0 {
				first = got[0]
			}
			if first != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDatedName(t *testing.T) {
	for t0, want := range map[string]string{
		"25.10.2022 - Reiner Nagel":   "Reiner Nagel",
		"Anna Muster | 3. Mai 2021":   "Anna Muster",
		"Anna Muster, 3. Mai 2021":    "Anna Muster",
		"3. Mai 2021":                 "",
		"Handball Schweiz | 3. Mai":   "",
		"25.10.2022 - Politik Inland": "",
		"Anna Muster":                 "", // no date: not this shape
	} {
		if got := datedName(t0); got != want {
			t.Errorf("datedName(%q) = %q, want %q", t0, got, want)
		}
	}
}

func TestDropJunkAuthors(t *testing.T) {
	if got := cleanAuthors([]string{"Published by", "anna[at]example.net", "a@b.de"}, true); len(got) != 0 {
		t.Errorf("cleanAuthors kept %q", got)
	}
	got := dropJunkAuthors([]string{"Name", "Anna Muster", "Art Edwards says", "No Author", "By", "publisher", "Afficher mon profil complet", "Last", "AddThis Sharing", "Share this", "kj", "cpm", "Bild © Sender", "Katie Muster New Yorkers post their feelings about the vote", "Article by", "Ein Beitrag von"})
	if len(got) != 1 || got[0] != "Anna Muster" {
		t.Errorf("got %q", got)
	}
}

func TestCommentAuthorsAreNotBylines(t *testing.T) {
	root, _ := html.Parse(strings.NewReader(`<article><p>Body</p></article><ol class="commentlist"><li><span class="comment-author">Art Edwards</span></li></ol><form><label class="author">Name *</label></form>`))
	m := Read(root)
	if len(m.bylines) != 0 || len(m.itemAuthor) != 0 {
		t.Errorf("bylines %q, itemAuthor %q", m.bylines, m.itemAuthor)
	}
}

// TestForeignBylines: bylines in sliders of other articles and credits
// of images are not the article's.
func TestForeignBylines(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"slider of other articles first", `<div class="swiper"><span class="slider-teaser__author">Manfred Muster</span></div><div class="author"><a rel="author" href="/autor/u">Ursula Beispiel</a></div>`, "Ursula Beispiel"},
		{"image licence credit", `<div class="license-info"><span class="author-name"><a href="/f.jpg">Nenad Muster</a></span></div><p class="author">Mark Beispiel</p>`, "Mark Beispiel"},
		{"rel author in a related list", `<ul class="related-posts"><li><a rel="author" href="/a/r">Romana Muster</a></li></ul><p class="byline">Nicole Beispiel</p>`, "Nicole Beispiel"},
		{"caption", `<figure><figcaption><span class="author">Jens Muster</span></figcaption></figure>`, ""},
		{"feature classes on body are no credit", `<span class="byline"><a rel="author" href="/author/k">karstenmuster</a></span>`, "karstenmuster"},
		{"label without a colon, role after the name", `<div class="author"><p>Autor <span>Mark Muster:</span> EN Übersetzung Sarah Beispiel</p></div>`, "Mark Muster"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(`<html><body class="wp-featherlight-captions">` + tc.body + `</body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			if got := Read(root).author(); got != tc.want {
				t.Errorf("author() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSelectorDates(t *testing.T) {
	root, _ := html.Parse(strings.NewReader(`<html><head><meta itemprop="datePublished" content="2001-01-01"></head><body>
<span itemprop="datePublished" content="2020-05-04T10:00:00+02:00">4. Mai</span>
<time itemprop="dateModified" datetime="2020-05-06">6 May</time>
<p>Published <span itemprop="dateCreated">3 May 2020</span></p></body></html>`))
	got := selectorDates(root)
	if p := got["published"]; len(p) != 2 || p[0] != "2020-05-04T10:00:00+02:00" || p[1] != "3 May 2020" {
		t.Errorf("published = %q", p)
	}
	if u := got["updated"]; len(u) != 1 || u[0] != "2020-05-06" {
		t.Errorf("updated = %q", u)
	}
}

func TestCleanAuthorsCutsDates(t *testing.T) {
	tests := map[string]string{
		"Posted by Günter W. Muster at 18:52":     "Günter W. Muster",
		"Von Anna Muster am 3. Mai 2020":          "Anna Muster",
		"By Jane Doe - 12 March 2021":             "Jane Doe",
		"Anna Muster (Redaktion)":                 "Anna Muster",
		"History Editorial Network (HEN)":         "History Editorial Network (HEN)",
		"Jane Doe (Reporter)":                     "Jane Doe",
		"erstellt von Dominique — veröffentlicht": "Dominique",
		"Jane Roe - Apr 12, 2019 9:05 pm UTC":     "Jane Roe",
		"By John Doe March 25, 2015":              "John Doe",
		"Jan Novák před 3 hodinami":               "Jan Novák",
		"Anna Muster vor 5 Stunden":               "Anna Muster",
		"Marie Dupont il y a 2 jours":             "Marie Dupont",
		"May Brown":                               "May Brown",
	}
	for in, want := range tests {
		got := cleanAuthors([]string{in}, true)
		if len(got) != 1 || got[0] != want {
			t.Errorf("cleanAuthors(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBylineInNoscriptAndHiddenLinks: a script-rendered blog shows its
// byline only in <noscript>, while a hidden rel="author" link names the
// platform; the byline wins, its team after " - " goes.
func TestBylineInNoscriptAndHiddenLinks(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"noscript byline, hidden rel author", `<div class="post-content"><script type="text/template"></script><noscript><span class="byline-author">Posted by Nathan Muster, Varun Beispiel, Eric Probe and Kiran C Muster - Example Safe Browsing team</span><p>Text.</p></noscript></div><a href="https://plus.example.com/1" rel="author" style="display:none;">Example</a>`, "Nathan Muster; Varun Beispiel; Eric Probe; Kiran C Muster"},
		{"visible rel author", `<a href="/author/anna" rel="author">Anna Muster</a>`, "Anna Muster"},
		{"theme author with its site", `<meta name="author" content="Frank Muster - http://muster.example">`, ""},
		{"initials spelled out by the licence's attribution", `<span class="author vcard"><a class="url fn n" href="/author/dt/" rel="author">DT</a></span><p><span>Ein Tagebuch</span> von <a href="https://blog.example/" rel="cc:attributionURL">Donald Tester</a> steht unter einer Lizenz.</p>`, "Donald Tester"},
		{"attribution alone names no author", `<p><span>Ein Tagebuch</span> von <a href="https://blog.example/" rel="cc:attributionURL">Konrad Muster</a> steht unter einer Lizenz.</p>`, ""},
		{"initials without a match stay", `<a href="/author/dt/" rel="author">DT</a><a rel="cc:attributionURL" href="/">Anna Muster</a>`, "DT"},
		{"long author box goes on to its name", `<a class="author url fn" rel="author" href="/author/b"><div><p class="author-name">von Birgit Muster</p> Über Autorenseite von birgit.muster@example.de Schließen</div></a>`, "Birgit Muster"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(`<html><head></head><body>` + tc.body + `</body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			if got := Read(root).author(); got != tc.want {
				t.Errorf("author() = %q, want %q", got, tc.want)
			}
		})
	}
}
