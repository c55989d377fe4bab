package main

import (
	"github.com/rinse-etl/rinse/source/fetch"
)

// fetchOptions overlays the fetch.* keys on the fetcher's defaults (which
// also set what the config does not expose, such as backoff bounds).
func (j *job) fetchOptions() (*fetch.Options, error) {
	f := j.cfg.Fetch
	o := fetch.DefaultOptions()
	o.UserAgent = f.UserAgent
	o.Timeout = f.Timeout
	o.ConnectTimeout = f.ConnectTimeout
	o.MaxBytes = f.MaxBytes
	o.MaxRedirects = f.MaxRedirects
	o.Retries = f.Retries
	o.PerHostRate = f.PerHostRate
	o.PerHostBurst = f.PerHostBurst
	o.PerHostConcurrency = f.PerHostConcurrency
	o.RespectRobots = f.RespectRobots
	o.AllowPrivateNetworks = f.AllowPrivateNetworks
	// Conditional requests use the validators the dataset's state holds;
	// the dataset is opened after the stages are built, hence the closure.
	o.Conditional = func(url string) (string, string) {
		if j.admit == nil || j.cfg.Full {
			return "", ""
		}
		return j.admit.Conditional(url)
	}
	return &o, nil
}
