package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

func init() { register(newVersionCmd) }

// newVersionCmd prints the version, the VCS revision the binary was built
// from and the Go version: what a bug report needs.
func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print rinse's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rev := ""
			if info, ok := debug.ReadBuildInfo(); ok {
				for _, s := range info.Settings {
					switch s.Key {
					case "vcs.revision":
						rev = " " + s.Value
					case "vcs.modified":
						if s.Value == "true" {
							rev += "+dirty"
						}
					}
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "rinse %s%s (%s)\n", version, rev, runtime.Version())
			return nil
		},
	}
}
