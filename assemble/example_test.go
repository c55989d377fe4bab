package assemble_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/configs"
	"github.com/rinse-etl/rinse/load"
	"github.com/rinse-etl/rinse/pipeline"
	"github.com/rinse-etl/rinse/rules"
	"github.com/rinse-etl/rinse/source"
)

// Using rinse as a library: a run built from a configuration, as `rinse
// run` builds it.
func Example() {
	out, _ := os.MkdirTemp("", "rinse-example")
	defer os.RemoveAll(out)

	cfg := assemble.Defaults()
	cfg.Input, cfg.Output = "../testdata/pages/mooflife", out
	job, err := assemble.Open(cfg, nil)
	if err != nil {
		log.Fatal(err)
	}
	sum, err := job.Run(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sum.Inputs == sum.Documents+sum.Quarantined+sum.Skipped+sum.Duplicates)
	// Output: true
}

// The stages on a dataset of your own choosing: the dataset is opened
// first, and the stages are built on it (its incremental filter runs
// first; it resolves duplicates when it commits).
func ExampleBuild() {
	out, _ := os.MkdirTemp("", "rinse-example")
	defer os.RemoveAll(out)

	ds, err := load.OpenDataset(load.DatasetOptions{Dir: out, PartitionBy: []string{"year"}})
	if err != nil {
		log.Fatal(err)
	}
	profiles, err := rules.Load(configs.Sites, "sites")
	if err != nil {
		log.Fatal(err)
	}
	stages, err := assemble.Build(assemble.Options{
		Version: "example", Profiles: profiles, EntityFS: configs.Entities, MinWords: 5, Dataset: ds,
	})
	if err != nil {
		log.Fatal(err)
	}
	src := &source.Dir{Root: "../testdata/pages/mooflife"}
	sum, err := pipeline.Run(context.Background(), src, ds, stages, pipeline.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sum.Documents > 0, sum.Inputs == sum.Documents+sum.Quarantined+sum.Skipped+sum.Duplicates)
	// Output: true true
}

// One page through every stage, without a dataset: what `rinse inspect`
// does.
func ExampleRunOne() {
	profiles, _ := rules.Load(configs.Sites, "sites")
	stages, _ := assemble.Build(assemble.Options{Profiles: profiles, EntityFS: configs.Entities})
	body, _ := os.ReadFile("../testdata/pages/mooflife/voyager-1-launch-1977.txt")
	doc, _, err := assemble.RunOne(context.Background(), stages, &rinse.Page{Source: "voyager.txt", Body: body, Kind: rinse.KindText})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc.Author != "", len(doc.Tags) > 0, doc.Language)
	// Output: true true en
}
