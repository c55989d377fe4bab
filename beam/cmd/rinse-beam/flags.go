package main

import (
	"flag"

	"github.com/spf13/pflag"
)

// exportFlags defines every flag of from (rinse's settings, defined by
// cmdconfig.AddFlags on a pflag set) on to, Go's flag set. Beam's own
// options (--runner, --endpoint, --environment_type, …) are Go flags,
// and a worker binary launched by a runner is started with them, so the
// command parses with package flag alone; setting a flag through to
// marks it Changed in from, which is what cmdconfig.Load reads.
func exportFlags(from *pflag.FlagSet, to *flag.FlagSet) {
	from.VisitAll(func(f *pflag.Flag) {
		to.Var(goFlag{f}, f.Name, f.Usage)
		if f.Shorthand != "" {
			to.Var(goFlag{f}, f.Shorthand, "short for --"+f.Name)
		}
	})
}

// goFlag is a pflag flag seen as a Go flag.
type goFlag struct{ f *pflag.Flag }

func (g goFlag) String() string {
	if g.f == nil { // flag.PrintDefaults probes a zero value
		return ""
	}
	return g.f.Value.String()
}

func (g goFlag) Set(v string) error {
	g.f.Changed = true
	return g.f.Value.Set(v)
}

// IsBoolFlag lets --keep-comments stand without a value, as in rinse.
func (g goFlag) IsBoolFlag() bool { return g.f != nil && g.f.Value.Type() == "bool" }
