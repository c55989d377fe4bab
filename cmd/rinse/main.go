// Command rinse turns raw web pages into clean Parquet and Arrow datasets.
package main

import (
	"os"

	"github.com/spf13/cobra"

	// s3://, gs:// and azblob:// inputs and outputs.
	_ "github.com/rinse-etl/rinse/buckets"
	// arrow's zstd codec with encoders that survive garbage collections.
	_ "github.com/rinse-etl/rinse/load/zstdcodec"
)

// commands holds the constructors of subcommands; each command's file
// registers itself from init so the files stay independent.
var commands []func() *cobra.Command

func register(f func() *cobra.Command) { commands = append(commands, f) }

func main() {
	os.Exit(execute(os.Args[1:]))
}
