package rinsebeam

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"gocloud.dev/blob"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/load"
	"github.com/rinse-etl/rinse/source"
)

func init() {
	register.DoFn3x1[context.Context, []byte, func(Input), error](&listFn{})
	register.DoFn4x1[context.Context, Input, func(Page), func(Row), error](&readFn{})
	register.Emitter1[Input]()
	register.Emitter1[Page]()
	register.Emitter1[Row]()
}

// listFn lists the corpus once, in the command's order: a tree as
// source.Dir walks it, a bucket as source.Bucket lists it (both with a
// Keep that records each input and reads none), a URL list line by line.
// Reading is left to readFn, on any worker.
type listFn struct {
	Settings []byte
}

func (f *listFn) ProcessElement(ctx context.Context, _ []byte, emit func(Input)) error {
	s, err := decodeSettings(f.Settings)
	if err != nil {
		return err
	}
	var n int64
	add := func(in Input) {
		in.Ord = n
		n++
		emit(in)
	}
	failed := func(p *rinse.Page) error {
		add(Input{Name: p.Source, URL: p.URL, Reason: rinse.Reason(p.Err), Error: p.Err.Error()})
		return nil
	}
	cfg := s.Config
	switch {
	case cfg.URLs != "":
		return listURLs(ctx, cfg.URLs, add, failed)
	case load.IsRemote(cfg.Input):
		b, err := load.OpenBucket(ctx, cfg.Input)
		if err != nil {
			return fmt.Errorf("listing inputs: %w", err)
		}
		defer b.Close()
		keep := func(key string) bool { add(Input{Name: key}); return false }
		return (&source.Bucket{B: b, Keep: keep}).Walk(ctx, failed)
	default:
		keep := func(rel string) bool { add(Input{Name: rel}); return false }
		return (&source.Dir{Root: cfg.Input, FollowSymlinks: cfg.InputFollowSymlinks, Keep: keep}).Walk(ctx, failed)
	}
}

// listURLs reads a URL list (a local file or an object) with source.URLList.
func listURLs(ctx context.Context, name string, add func(Input), failed func(*rinse.Page) error) error {
	r, err := openNamed(ctx, name)
	if err != nil {
		return fmt.Errorf("opening URL list: %w", err)
	}
	defer r.Close()
	return source.URLList{R: r}.Walk(ctx, func(p *rinse.Page) error {
		if p.Err != nil {
			return failed(p)
		}
		add(Input{Name: p.Source, URL: p.URL})
		return nil
	})
}

// openNamed opens a local file or an object named by its URL.
func openNamed(ctx context.Context, name string) (io.ReadCloser, error) {
	if !load.IsRemote(name) {
		return os.Open(name)
	}
	dir, key := path.Split(name)
	b, err := load.OpenBucket(ctx, dir)
	if err != nil {
		return nil, err
	}
	r, err := b.NewReader(ctx, key, nil)
	if err != nil {
		b.Close()
		return nil, err
	}
	return &bucketReader{r, b}, nil
}

type bucketReader struct {
	*blob.Reader
	b *blob.Bucket
}

func (r *bucketReader) Close() error { return errors.Join(r.Reader.Close(), r.b.Close()) }

// readFn reads one input of the listing, as the command's source would:
// a page, an archive's records, or a URL for the fetch stage. Pages the
// source could not read become quarantine rows (stage "read"); skipped
// ones are only counted, as the command counts them.
type readFn struct {
	Settings []byte

	s       settings
	visit   func(ctx context.Context, name string, yield func(*rinse.Page) error) error
	closer  func() error
	inputs  beam.Counter
	skipped beam.Counter
}

func (f *readFn) Setup(ctx context.Context) error {
	s, err := decodeSettings(f.Settings)
	if err != nil {
		return err
	}
	f.s = s
	f.inputs, f.skipped = beam.NewCounter("rinse", "inputs"), beam.NewCounter("rinse", "skipped")
	cfg, max := s.Config, s.Config.Pipeline.MaxPageBytes
	switch {
	case cfg.URLs != "":
	case load.IsRemote(cfg.Input):
		b, err := load.OpenBucket(ctx, cfg.Input)
		if err != nil {
			return err
		}
		f.closer = b.Close
		f.visit = (&source.Bucket{B: b, MaxBytes: max}).Object
	default:
		dir := &source.Dir{Root: cfg.Input, MaxBytes: max, FollowSymlinks: cfg.InputFollowSymlinks,
			Archives: source.WARCArchives(max)}
		f.visit = dir.Visit
		if st, err := os.Stat(cfg.Input); err == nil && !st.IsDir() {
			// A single file or archive is the whole input (named by its
			// base name, followed if a link): Walk reads it as the command.
			f.visit = func(ctx context.Context, _ string, yield func(*rinse.Page) error) error {
				return dir.Walk(ctx, yield)
			}
		}
	}
	return nil
}

func (f *readFn) Teardown() error {
	if f.closer != nil {
		return f.closer()
	}
	return nil
}

func (f *readFn) ProcessElement(ctx context.Context, in Input, pages func(Page), rows func(Row)) error {
	if in.Reason != "" || f.visit == nil {
		f.inputs.Inc(ctx, 1)
		if in.Reason != "" {
			return f.quarantine(Pos{in.Ord, 0}, in.Name, in.URL, in.Reason, in.Error, rows)
		}
		page, err := pageOf(Pos{in.Ord, 0}, &rinse.Page{Source: in.Name, URL: in.URL}) // for the fetch stage
		if err != nil {
			return err
		}
		pages(page)
		return nil
	}
	var sub int64
	return f.visit(ctx, in.Name, func(p *rinse.Page) error {
		pos := Pos{in.Ord, sub}
		sub++
		f.inputs.Inc(ctx, 1)
		switch {
		case p.Err != nil && errors.Is(p.Err, rinse.ErrSkipped):
			f.skipped.Inc(ctx, 1)
			return nil
		case p.Err != nil:
			return f.quarantine(pos, p.Source, p.URL, rinse.Reason(p.Err), p.Err.Error(), rows)
		}
		page, err := pageOf(pos, p)
		if err != nil {
			return err
		}
		pages(page)
		return nil
	})
}

func (f *readFn) quarantine(pos Pos, src, url, reason, msg string, rows func(Row)) error {
	r, err := quarantineRow(pos, &rinse.Quarantined{Source: src, URL: url, Stage: "read", Reason: reason,
		Error: msg, At: time.Now().UTC()})
	if err != nil {
		return err
	}
	rows(r)
	return nil
}

// pageOf packs a page for shipping.
func pageOf(pos Pos, p *rinse.Page) (Page, error) {
	out := Page{Ord: pos.Ord, Sub: pos.Sub, Source: p.Source, URL: p.URL, Kind: p.Kind, Body: present(p.Body),
		Header: present(nil), FetchedAt: unixNano(p.FetchedAt), ModTime: unixNano(p.ModTime), HTTPStatus: int64(p.HTTPStatus)}
	if p.Header != nil {
		h, err := json.Marshal(p.Header)
		if err != nil {
			return out, fmt.Errorf("encoding header of %s: %w", p.Source, err)
		}
		out.Header = h
	}
	return out, nil
}

// page unpacks a shipped page.
func (p *Page) page() (*rinse.Page, error) {
	out := &rinse.Page{Source: p.Source, URL: p.URL, Kind: p.Kind, Body: p.Body,
		FetchedAt: fromUnixNano(p.FetchedAt), ModTime: fromUnixNano(p.ModTime), HTTPStatus: int(p.HTTPStatus)}
	if len(out.Body) == 0 {
		out.Body = nil // as the source gave it (present): the stages see what rinse run's see
	}
	if len(p.Header) > 0 {
		if err := json.Unmarshal(p.Header, &out.Header); err != nil {
			return nil, fmt.Errorf("decoding header of %s: %w", p.Source, err)
		}
	}
	return out, nil
}
