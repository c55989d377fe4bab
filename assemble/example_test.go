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

// Using rinse as a library: the same stages as `rinse run`, over a
// directory, into a partitioned Parquet dataset.
func Example() {
	out, _ := os.MkdirTemp("", "rinse-example")
	defer os.RemoveAll(out)

	profiles, err := rules.Load(configs.Sites, "sites")
	if err != nil {
		log.Fatal(err)
	}
	stages, err := assemble.Build(assemble.Options{
		Version: "example", Profiles: profiles, EntityFS: configs.Entities, MinWords: 5, Dedup: "near",
	})
	if err != nil {
		log.Fatal(err)
	}
	ds, err := load.OpenDataset(load.DatasetOptions{Dir: out, PartitionBy: []string{"site"}})
	if err != nil {
		log.Fatal(err)
	}
	stages.Admit = ds.Admit() // incremental: skip inputs already in the dataset
	src := &source.Dir{Root: "../testdata/pages/mooflife"}
	sum, err := pipeline.Run(context.Background(), src, ds, stages, pipeline.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sum.Inputs == sum.Documents+sum.Quarantined+sum.Skipped+sum.Duplicates)
	// Output: true
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
