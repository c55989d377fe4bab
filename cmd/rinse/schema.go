package main

import (
	"encoding/json"
	"fmt"
	"strings"

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
					Name        string `json:"name"`
					Type        string `json:"type"`
					Nullable    bool   `json:"nullable"`
					Description string `json:"description"`
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
			for _, f := range s.Fields() {
				null := ""
				if f.Nullable {
					null = ", nullable"
				}
				fmt.Fprintf(w, "\n%s  %s%s\n", f.Name, f.Type, null)
				for _, line := range wrap(table.ColumnDocs[f.Name], 76) {
					fmt.Fprintf(w, "    %s\n", line)
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	cmd.Flags().BoolVar(&quarantine, "quarantine", false, "print the quarantine table's schema")
	return cmd
}

// wrap cuts text into lines of at most width characters, at spaces.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
