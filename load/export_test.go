package load

// CrashAfterLinks makes publishing stop after n file links, as if the
// process were killed there: the run is committed, not yet visible.
func CrashAfterLinks(o *DatasetOptions, n int) { o.failAfterLinks = n }
