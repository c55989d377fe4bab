package main

import (
	"fmt"
	"sort"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/rinse-etl/rinse/load"
)

func init() { register(newStatsCmd) }

// newStatsCmd summarizes a dataset from its run manifests, without reading
// any data file.
func newStatsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "stats OUTPUT",
		Short: "Summarize a dataset from its run manifests",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ms, err := load.ReadManifests(args[0])
			if err != nil {
				return usageError(fmt.Errorf("%s is not a rinse dataset: %w", args[0], err))
			}
			live := load.LiveFiles(ms)
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "run\tfinished\tinputs\tdocuments\tquarantined\tduplicates\tskipped\tunchanged\tbytes written")
			for _, m := range ms {
				c := m.Counts
				fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", m.RunID, m.FinishedAt.Format("2006-01-02 15:04:05"),
					c.Inputs, c.Documents, c.Quarantined, c.Duplicates, c.Skipped, c.Unchanged, m.BytesWritten)
			}
			w.Flush()
			parts := map[string]int64{}
			var rows, bytes int64
			for _, f := range live {
				if f.Format == "parquet" && f.Partition != "" || f.Format == "parquet" && len(f.Path) > 10 && f.Path[:10] == "documents/" {
					rows += f.Rows
					parts[f.Partition] += f.Rows
				}
				bytes += f.Bytes
			}
			fmt.Fprintf(cmd.OutOrStdout(), "\n%d runs; %d live files, %d bytes; %d document rows (parquet)\n", len(ms), len(live), bytes, rows)
			keys := make([]string, 0, len(parts))
			for k := range parts {
				keys = append(keys, k)
			}
			sort.Slice(keys, func(i, j int) bool { return parts[keys[i]] > parts[keys[j]] })
			for i, k := range keys {
				if i == 20 {
					fmt.Fprintf(cmd.OutOrStdout(), "  … %d more partitions\n", len(keys)-20)
					break
				}
				if k != "" {
					fmt.Fprintf(cmd.OutOrStdout(), "  %-40s %d rows\n", k, parts[k])
				}
			}
			return nil
		},
	}
}
