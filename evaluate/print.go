package evaluate

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// Print writes the report's scores and throughput.
func (r Report) Print(w io.Writer) {
	name := r.Name
	if name == "" {
		name = "extractor"
	}
	fmt.Fprintf(w, "%s on suite %s: %d pages, %d errors", name, r.Kind, r.Pages, r.Errors)
	if r.Unscored > 0 {
		fmt.Fprintf(w, " (%d pages without gold words left out)", r.Unscored)
	}
	if r.Interrupted {
		fmt.Fprint(w, " (interrupted)")
	}
	fmt.Fprintln(w)
	switch r.Kind {
	case Zyte:
		z := r.Zyte
		fmt.Fprintf(w, "  precision %.3f (%d pages)  recall %.3f (%d pages)  F1 %.3f  accuracy %.3f\n",
			z.Precision, z.PrecisionPages, z.Recall, z.RecallPages, z.F1, z.Accuracy)
	case Boilerplate:
		b := r.Boilerplate
		fmt.Fprintf(w, "  snippets TP %d FN %d FP %d TN %d\n", b.TP, b.FN, b.FP, b.TN)
		fmt.Fprintf(w, "  precision %.3f  recall %.3f  F1 %.3f  accuracy %.3f\n",
			b.Precision, b.Recall, b.F1, b.Accuracy)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  field\tlabelled\texact\tnon-empty\texact (non-empty)")
		for _, f := range MetaFields {
			s, ok := b.Meta[f]
			if !ok {
				continue
			}
			fmt.Fprintf(tw, "  %s\t%d\t%s\t%d\t%s\n", f, s.Labelled, rate(s.Correct, s.Labelled), s.NonEmpty, rate(s.NonEmptyCorrect, s.NonEmpty))
		}
		tw.Flush()
	case Wild:
		x := r.Wild
		fmt.Fprintf(w, "  precision %.3f  recall %.3f  F1 %.3f  median F1 %.3f  (means over pages, bags of words)\n",
			x.Precision, x.Recall, x.F1, x.Median)
		for _, name := range x.SetNames() {
			fmt.Fprintf(w, "  %-16s %4d pages  F1 %.3f\n", name, x.Sets[name].Pages, x.Sets[name].F1)
		}
	case Dates:
		d := r.Dates
		fmt.Fprintf(w, "  accuracy %.3f  precision %.3f  recall %.3f  F1 %.3f  (TP %d FP %d FN %d TN %d)\n",
			d.Accuracy, d.Precision, d.Recall, d.F1, d.TP, d.FP, d.FN, d.TN)
	}
	fmt.Fprintf(w, "  %.2fs in the extractor, %.1f pages/s, %.2f MB/s of raw bytes (%.1f MB)\n",
		r.Elapsed.Seconds(), r.PagesPerSec(), r.MBPerSec(), float64(r.Bytes)/1e6)
}

// Worst returns up to n page results, lowest score first; ties keep the
// suite order so dumps are reproducible.
func (r Report) Worst(n int) []PageResult {
	res := append([]PageResult(nil), r.Results...)
	sort.SliceStable(res, func(i, j int) bool { return res[i].Score < res[j].Score })
	if n >= 0 && n < len(res) {
		res = res[:n]
	}
	return res
}

// PrintWorst writes the n worst pages with what went wrong on each, to
// point the extraction work at its failures.
func (r Report) PrintWorst(w io.Writer, n int) {
	for i, pr := range r.Worst(n) {
		name := pr.Case.URL
		if name == "" {
			name = pr.Case.ID
		}
		fmt.Fprintf(w, "\n#%d score %.3f  %s\n   file %s  (%.0f ms)\n",
			i+1, pr.Score, name, pr.Case.File, float64(pr.Elapsed.Microseconds())/1000)
		if pr.Got.Err != nil {
			fmt.Fprintf(w, "   error: %v\n", pr.Got.Err)
		}
		switch r.Kind {
		case Zyte:
			s := pr.Shingles
			p, _ := s.Precision()
			rc, _ := s.Recall()
			fmt.Fprintf(w, "   precision %.3f recall %.3f (TP %d FP %d FN %d)\n", p, rc, s.TP, s.FP, s.FN)
			fmt.Fprintf(w, "   want: %s\n   got:  %s\n", excerpt(pr.Case.Text), excerpt(pr.Got.Text))
		case Wild:
			x := pr.Words
			fmt.Fprintf(w, "   precision %.3f recall %.3f (TP %d of %d predicted, %d gold words)\n", x.Precision(), x.Recall(), x.TP, x.Pred, x.Gold)
			fmt.Fprintf(w, "   want: %s\n   got:  %s\n", excerpt(pr.Case.Text), excerpt(pr.Got.Text))
		case Boilerplate:
			for _, s := range pr.Snippets.Missed {
				fmt.Fprintf(w, "   missed: %q\n", s)
			}
			for _, s := range pr.Snippets.Leaked {
				fmt.Fprintf(w, "   leaked: %q\n", s)
			}
			for _, f := range MetaFields {
				if ok, labelled := pr.Meta[f]; labelled && !ok {
					fmt.Fprintf(w, "   %s: want %q got %q\n", f, pr.Case.Meta[f], metaValue(f, pr.Got))
				}
			}
		case Dates:
			fmt.Fprintf(w, "   %s: want %q got %q\n", pr.Date, pr.Case.Date, pr.Got.Date)
		}
	}
}

// rate renders a/b, or "-" when there is nothing to divide by.
func rate(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", float64(a)/float64(b))
}

// metaValue renders an extracted field for the dump.
func metaValue(field string, e Extracted) string {
	switch field {
	case FieldTitle:
		return e.Title
	case FieldAuthor:
		return e.Author
	case FieldDate:
		return e.Date
	case FieldCategories:
		return strings.Join(e.Categories, "; ")
	default:
		return strings.Join(e.Tags, "; ")
	}
}

// excerpt shortens a text to its first words on one line.
func excerpt(s string) string {
	const limit = 160
	s = collapse(s)
	if r := []rune(s); len(r) > limit {
		return string(r[:limit]) + "…"
	}
	return s
}
