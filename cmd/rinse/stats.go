package main

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/spf13/cobra"

	"github.com/rinse-etl/rinse/load"
)

func init() { register(newStatsCmd) }

// newStatsCmd summarizes a dataset from its run manifests and the footers
// of the files readers see, without reading any row.
func newStatsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "stats OUTPUT",
		Short: "Summarize a dataset from its run manifests",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			ms, err := load.ReadManifests(dir)
			if err != nil {
				return usageError(fmt.Errorf("%s is not a rinse dataset: %w", dir, err))
			}
			out := cmd.OutOrStdout()
			w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "run\tfinished\tinputs\tdocuments\tquarantined\tduplicates\tskipped\tunchanged\tbytes written")
			for _, m := range ms {
				c := m.Counts
				fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", m.RunID, m.FinishedAt.Format("2006-01-02 15:04:05"),
					c.Inputs, c.Documents, c.Quarantined, c.Duplicates, c.Skipped, c.Unchanged, m.BytesWritten)
			}
			w.Flush()
			printShards(out, ms)
			return printLive(out, dir, len(ms))
		},
	}
}

// printLive counts what readers see: files, bytes and rows per table, and
// the largest partitions.
func printLive(out interface{ Write([]byte) (int, error) }, dir string, runs int) error {
	live, err := load.LiveFiles(dir)
	if err != nil {
		return err
	}
	type count struct{ files, rows, bytes int64 }
	tables := map[string]*count{}
	parts := map[string]int64{}
	for _, rel := range live {
		table, _, _ := strings.Cut(rel, "/")
		if tables[table] == nil {
			tables[table] = &count{}
		}
		c := tables[table]
		c.files++
		p := filepath.Join(dir, "_current", filepath.FromSlash(rel))
		if st, err := os.Stat(p); err == nil {
			c.bytes += st.Size()
		}
		n := fileRows(p)
		c.rows += n
		if table == "documents" {
			parts[strings.TrimPrefix(path.Dir(rel), "documents")] += n
		}
	}
	fmt.Fprintf(out, "\n%s\n", plural(int64(runs), "run"))
	for _, t := range []string{"documents", "documents_arrow", "quarantine", "_duplicates"} {
		if c := tables[t]; c != nil {
			fmt.Fprintf(out, "  %-16s %s, %d bytes, %s\n", t, plural(c.files, "file"), c.bytes, plural(c.rows, "row"))
		}
	}
	keys := make([]string, 0, len(parts))
	for k := range parts {
		if k != "" {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return parts[keys[i]] > parts[keys[j]] })
	for i, k := range keys {
		if i == 20 {
			fmt.Fprintf(out, "  … %d more partitions\n", len(keys)-20)
			break
		}
		fmt.Fprintf(out, "  %-40s %s\n", strings.TrimPrefix(k, "/"), plural(parts[k], "row"))
	}
	return nil
}

// fileRows reads a data file's row count from its footer (Parquet) or
// its record batches (Arrow IPC); 0 when it cannot.
func fileRows(p string) int64 {
	switch path.Ext(p) {
	case ".parquet":
		r, err := file.OpenParquetFile(p, false)
		if err != nil {
			return 0
		}
		defer r.Close()
		return r.NumRows()
	case ".arrow":
		f, err := os.Open(p)
		if err != nil {
			return 0
		}
		defer f.Close()
		r, err := ipc.NewFileReader(f)
		if err != nil {
			return 0
		}
		defer r.Close()
		var n int64
		for i := range r.NumRecords() {
			if rec, err := r.RecordBatch(i); err == nil {
				n += rec.NumRows()
			}
		}
		return n
	}
	return 0
}

func plural(n int64, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// printShards shows, per sharded job, which shards have committed (their
// latest run) and which are missing.
func printShards(out io.Writer, ms []load.Manifest) {
	type key struct {
		job string
		n   int
	}
	latest := map[key]map[int]load.Manifest{}
	var order []key
	for _, m := range ms {
		i, n, ok := load.ParseShardLabel(m.Shard)
		if !ok {
			continue
		}
		k := key{m.Job, n}
		if latest[k] == nil {
			latest[k] = map[int]load.Manifest{}
			order = append(order, k)
		}
		latest[k][i] = m // manifests come oldest first
	}
	for _, k := range order {
		name := k.job
		if name == "" {
			name = "(no job name)"
		}
		fmt.Fprintf(out, "\njob %s: %d of %d shards committed\n", name, len(latest[k]), k.n)
		for i := range k.n {
			m, ok := latest[k][i]
			if !ok {
				fmt.Fprintf(out, "  shard %d/%d  missing\n", i, k.n)
				continue
			}
			fmt.Fprintf(out, "  shard %d/%d  run %s, %s: %d inputs, %d documents\n", i, k.n, m.RunID,
				m.FinishedAt.Format("2006-01-02 15:04:05"), m.Counts.Inputs, m.Counts.Documents)
		}
	}
}
