// Package metadata reads what a page says about itself: title, author,
// dates, description, language and region, site name, tags and
// categories. The extractor asks it for these fields; the main content
// is the extractor's own business.
//
// Read walks the parsed page once, before the extractor cleans the tree,
// and collects what the markup declares (<meta>, JSON-LD, microdata,
// <time>, rel links) and what it shows (elements marked as bylines,
// visible "By …" and "Veröffentlicht am …" texts, dates in the text and
// in the URL). Meta.Fill then chooses, field by field, in order of trust:
// declared values before shown ones, the article's own headline over the
// SEO wording of metadata titles, the page's own tags over site-wide
// keywords. Author names are cleaned of "By", roles, dates and
// separators; names that are the site's own, an organisation's, a
// commenter's or an image credit's are left out. Visible dates are ranked
// by where they sit rather than by what their boxes are called: a
// dateline by the headline, between it and the text or right under the
// text wins, dates repeated down a list are demoted, and those in
// comments and other articles' boxes are never read; a <time> elsewhere
// and the URL's date rank below such a dateline. Dates are handed on raw,
// as rinse.DateHint values, most trusted first: parsing them is the dates
// transform's job.
//
// FromProfile adds the fields a site profile's selectors and patterns
// find, and TextAuthor the author the article's own text credits (a news
// agency in its dateline, a signature under its last paragraph): both are
// weaker than what the page declares or shows.
//
// Nothing here changes the tree it reads. A Meta belongs to one page.
package metadata
