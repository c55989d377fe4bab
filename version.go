package rinse

// Version is rinse's version, written as pipeline_version and in every
// file's metadata. Release builds set it with
// -ldflags "-X github.com/rinse-etl/rinse.Version=…".
var Version = "0.1.0-dev"
