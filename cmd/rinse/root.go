package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes, documented in README.md.
const (
	exitOK          = 0
	exitFailed      = 1 // the run failed or was interrupted
	exitUsage       = 2 // bad flags, config or input path
	exitQuarantined = 3 // --strict and some pages were quarantined
)

// exitError carries an exit code up to main.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageError(err error) error { return &exitError{code: exitUsage, err: err} }

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "rinse",
		Short:         "Turn raw web pages into clean, analysable datasets",
		Long:          "rinse strips boilerplate from saved web pages, WARC archives and fetched URLs,\nextracts the main text and metadata, normalizes dates and entities, and writes\nParquet and Arrow datasets that notebooks open with no options.",
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError(fmt.Errorf("%w (see %s --help)", err, c.CommandPath()))
	})
	for _, f := range commands {
		root.AddCommand(f())
	}
	return root
}

func execute(args []string) int {
	root := newRootCmd()
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(os.Stderr, "rinse:", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if isUsage(err) {
		return exitUsage
	}
	return exitFailed
}

// isUsage recognizes cobra's own argument errors.
func isUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires at least", "required flag"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
