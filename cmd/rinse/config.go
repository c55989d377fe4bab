package main

import (
	"github.com/spf13/pflag"

	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/internal/cmdconfig"
)

// loadConfig merges the defaults, the config file, RINSE_* env and the
// flags that were set; see cmdconfig.Load.
func loadConfig(file string, flags *pflag.FlagSet) (*assemble.Config, error) {
	return cmdconfig.Load(file, flags)
}

// addSettingFlags defines a flag for every setting that has one.
func addSettingFlags(f *pflag.FlagSet) { cmdconfig.AddFlags(f) }
