package rinsebeam

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"path"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn2x0[Row, func(string, Row)](&shardFn{})
	register.DoFn4x1[context.Context, string, func(*Row) bool, func(File), error](&writeFn{})
	register.Emitter1[File]()
}

// The tables, as the rinse command names their directories.
const (
	tableDocuments  = "documents"
	tableQuarantine = "quarantine"
	tableDuplicates = "_duplicates"
)

// stagingDir holds a run's files until they are published.
const stagingDir = "_staging"

// shardFn cuts each table into shards: documents (and their exact
// duplicates) by site, so that a site's rows land in one file range as the
// command keeps them; quarantine rows by source.
type shardFn struct {
	Shards int
}

func (f *shardFn) ProcessElement(r Row, emit func(string, Row)) {
	t, by := tableDocuments, r.Site
	switch {
	case r.Quarantined:
		t, by = tableQuarantine, r.Source
	case r.Exact:
		t = tableDuplicates
	}
	h := fnv.New32a()
	h.Write([]byte(by))
	emit(fmt.Sprintf("%s/%03d", t, h.Sum32()%uint32(max(f.Shards, 1))), r)
}

// writeFn writes one shard of a table, sorted as the command sorts it
// (documents by site, URL and source; quarantine rows by source), into
// Parquet files rolled at dataset.file_bytes, under a staging name no
// other attempt uses. It emits the files it completed; only those are
// published.
type writeFn struct {
	Settings []byte

	s       settings
	st      store
	written map[string]beam.Counter
}

func (f *writeFn) Setup(ctx context.Context) error {
	s, err := decodeSettings(f.Settings)
	if err != nil {
		return err
	}
	f.s = s
	if f.st, err = openStore(ctx, s.Config.Output); err != nil {
		return err
	}
	f.written = map[string]beam.Counter{
		tableDocuments: beam.NewCounter("rinse", "documents"), tableQuarantine: beam.NewCounter("rinse", "quarantined"),
		tableDuplicates: beam.NewCounter("rinse", "exact_duplicate_rows"),
	}
	return nil
}

func (f *writeFn) Teardown() error {
	if f.st != nil {
		return f.st.close()
	}
	return nil
}

func (f *writeFn) ProcessElement(ctx context.Context, key string, it func(*Row) bool, emit func(File)) error {
	tbl, shard, _ := strings.Cut(key, "/")
	var rows []Row
	var r Row
	for it(&r) {
		rows = append(rows, r)
		r = Row{}
	}
	slices.SortFunc(rows, rowOrder(tbl))
	w := &shardWriter{fn: f, ctx: ctx, table: tbl, shard: shard, attempt: attemptToken(), emit: emit}
	for i := range rows {
		if err := w.add(&rows[i]); err != nil {
			w.abort()
			return fmt.Errorf("writing %s shard %s: %w", tbl, shard, err)
		}
		rows[i] = Row{} // written: its bytes may go
	}
	if err := w.close(); err != nil {
		return fmt.Errorf("writing %s shard %s: %w", tbl, shard, err)
	}
	f.written[tbl].Inc(ctx, int64(len(rows)))
	return nil
}

// rowOrder is the command's order of a table's rows.
func rowOrder(tbl string) func(a, b Row) int {
	if tbl == tableQuarantine {
		return func(a, b Row) int { return cmp.Compare(a.Source, b.Source) }
	}
	return func(a, b Row) int {
		return cmp.Or(cmp.Compare(a.Site, b.Site), cmp.Compare(a.URL, b.URL), cmp.Compare(a.Source, b.Source))
	}
}

// attemptToken names one attempt's staged files: a retried bundle writes
// beside the files of the attempt that failed, never over them.
func attemptToken() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// finalName is where file n of a shard is published.
func finalName(tbl, run, shard string, n int) string {
	return path.Join(tbl, fmt.Sprintf("part-%s-%s-%03d.parquet", run, shard, n))
}

func stagedName(run, attempt, final string) string {
	return path.Join(stagingDir, run, attempt, final)
}
