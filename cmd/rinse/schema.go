package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/rinse-etl/rinse/load/table"
)

func init() { register(newSchemaCmd) }

func newSchemaCmd() *cobra.Command {
	var asJSON, quarantine bool
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the dataset schema (documents, or --quarantine)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s := table.Schema
			if quarantine {
				s = table.QuarantineSchema
			}
			w := cmd.OutOrStdout()
			if asJSON {
				type col struct {
					Name, Type  string
					Nullable    bool
					Description string
				}
				var cols []col
				for _, f := range s.Fields() {
					cols = append(cols, col{f.Name, f.Type.String(), f.Nullable, table.ColumnDocs[f.Name]})
				}
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(map[string]any{"schema_version": table.SchemaVersion, "columns": cols})
			}
			fmt.Fprintf(w, "# schema version %d\n", table.SchemaVersion)
			tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			for _, f := range s.Fields() {
				null := ""
				if f.Nullable {
					null = "nullable"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", f.Name, f.Type, null, table.ColumnDocs[f.Name])
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	cmd.Flags().BoolVar(&quarantine, "quarantine", false, "print the quarantine table's schema")
	return cmd
}
