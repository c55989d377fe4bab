// Package deps pins the modules the packages under construction will use,
// so that concurrent work does not race on go.mod. It is removed once every
// module is imported for real.
package deps

import (
	_ "github.com/PuerkitoBio/goquery"
	_ "github.com/abadojack/whatlanggo"
	_ "github.com/apache/arrow-go/v18/arrow/ipc"
	_ "github.com/apache/arrow-go/v18/parquet/compress"
	_ "github.com/apache/arrow-go/v18/parquet/pqarrow"
	_ "github.com/biter777/countries"
	_ "github.com/cespare/xxhash/v2"
	_ "github.com/gogs/chardet"
	_ "github.com/nlnwa/gowarc/v3"
	_ "github.com/spf13/cobra"
	_ "github.com/spf13/viper"
	_ "github.com/temoto/robotstxt"
	_ "go.uber.org/zap"
	_ "go.yaml.in/yaml/v3"
	_ "golang.org/x/net/html/charset"
	_ "golang.org/x/sync/errgroup"
	_ "golang.org/x/sync/semaphore"
	_ "golang.org/x/text/unicode/norm"
	_ "golang.org/x/time/rate"
)
