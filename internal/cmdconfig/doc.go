// Package cmdconfig reads a run's configuration the way rinse's commands
// take it: defaults < config file < RINSE_* environment < flags, every
// key, default, flag and allowed value coming from assemble.Settings.
// Load decodes and validates the result, naming the key and where a bad
// value came from; AddFlags defines the flags of the settings that have
// one. It is shared by the rinse command and rinse-beam (beam/), so both
// read the same file and environment the same way.
package cmdconfig
