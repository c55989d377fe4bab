package main

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	_ "github.com/rinse-etl/rinse/buckets"
	"github.com/rinse-etl/rinse/internal/genpages"
	"github.com/rinse-etl/rinse/load"
)

// s3Endpoint is the S3-compatible server scripts/test starts (SeaweedFS);
// without one the bucket tests skip, unless E2E_REQUIRE_S3=1.
func s3Endpoint(t *testing.T) string {
	t.Helper()
	ep := os.Getenv("E2E_S3_ENDPOINT")
	if ep == "" {
		if os.Getenv("E2E_REQUIRE_S3") == "1" {
			t.Fatal("E2E_S3_ENDPOINT is not set: scripts/test starts the S3 server")
		}
		t.Skip("no S3 server (scripts/test starts one; or set E2E_S3_ENDPOINT)")
	}
	// Any credentials: the test server does not check them, but the SDK
	// wants some, from the standard environment.
	t.Setenv("AWS_ACCESS_KEY_ID", "rinse")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "rinse")
	t.Setenv("AWS_REGION", "us-east-1")
	return ep
}

// newBucket creates a bucket of its own on the server (the server may
// outlive a test run) and returns its URL for rinse.
func newBucket(t *testing.T, ep, name string) string {
	t.Helper()
	name = fmt.Sprintf("%s-%d", name, time.Now().UnixNano())
	req, _ := http.NewRequest(http.MethodPut, ep+"/"+name, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode >= 300 {
		t.Fatalf("creating bucket %s: %v %v", name, err, resp)
	}
	resp.Body.Close()
	return "s3://" + name + "?endpoint=" + ep + "&use_path_style=true&region=us-east-1"
}

// downloadTables copies a dataset's tables out of a bucket, to read them
// with the same readers as a local dataset.
func downloadTables(t *testing.T, bucketURL, path, dst string) {
	t.Helper()
	ctx := context.Background()
	u := strings.Replace(bucketURL, "?", "/"+path+"?", 1)
	b, err := load.OpenBucket(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	it := b.List(nil)
	for {
		obj, err := it.Next(ctx)
		if err != nil {
			break
		}
		top, _, _ := strings.Cut(obj.Key, "/")
		if top != "documents" && top != "quarantine" && top != "_duplicates" {
			continue
		}
		data, err := b.ReadAll(ctx, obj.Key)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dst, filepath.FromSlash(obj.Key))
		if top == "_duplicates" {
			p = filepath.Join(dst, "_current", filepath.FromSlash(obj.Key))
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestShardsInABucket runs 4 shards of one job as 4 concurrent processes
// into an S3 bucket on a real S3-compatible server: the union is what one
// process writes locally, every input once; a shard killed halfway and run
// again converges to the same; inputs stream from a bucket too.
func TestShardsInABucket(t *testing.T) {
	ep := s3Endpoint(t)
	in := filepath.Join(t.TempDir(), "in")
	const pages = 2000
	if _, err := genpages.WriteSites(in, pages, 400, 23); err != nil {
		t.Fatal(err)
	}
	env := []string{"RINSE_DATASET_DEDUP=none"}
	base := []string{"run", "--input", in, "--progress", "never", "--log-level", "warn"}
	single := filepath.Join(t.TempDir(), "single")
	if code, _, stderr := runCLI(t, env, append(base, "--output", single)...); code != 0 {
		t.Fatalf("single run: exit %d: %s", code, stderr)
	}
	want, wantSources := rowsOf(t, single)

	bucket := newBucket(t, ep, "shards")
	out := strings.Replace(bucket, "?", "/ds?", 1)
	shard := func(i int) *exec.Cmd {
		cmd := exec.Command(rinseBin, append(base, "--output", out, "--shard", []string{"0/4", "1/4", "2/4", "3/4"}[i],
			"--job", "t", "--work-dir", filepath.Join(t.TempDir(), "work"))...)
		cmd.Env = append(cmd.Environ(), env...)
		cmd.Stderr = &strings.Builder{}
		return cmd
	}
	var cmds []*exec.Cmd
	for i := range 4 {
		c := shard(i)
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, c)
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatalf("shard %d: %v\n%s", i, err, c.Stderr)
		}
	}
	check := func(when string) {
		t.Helper()
		local := filepath.Join(t.TempDir(), "copy")
		downloadTables(t, bucket, "ds", local)
		got, gotSources := rowsOf(t, local)
		if !maps.Equal(got, want) || !slices.Equal(gotSources, wantSources) {
			t.Errorf("%s: the bucket holds %d rows (%d inputs), one local process %d (%d inputs)", when, len(got), len(gotSources), len(want), len(wantSources))
		}
	}
	check("4 shards")

	c := shard(1)
	c.Args, c.Stderr = append(c.Args, "--full", "--workers", "1"), nil
	if err := signalWhenUnderWay(t, c, 9); err == nil {
		t.Fatal("shard 1 finished before it could be killed")
	}
	check("shard 1 killed")
	if err := shard(1).Run(); err != nil { // a fresh work directory: state from the bucket
		t.Fatalf("rerun of shard 1: %v", err)
	}
	check("shard 1 run again")

	// Inputs from a bucket, streamed.
	src := newBucket(t, ep, "pages")
	upload(t, strings.Replace(src, "?", "/crawl?", 1), "../../testdata/pages")
	fromBucket := filepath.Join(t.TempDir(), "from-bucket")
	code, _, stderr := runCLI(t, nil, "run", "--input", strings.Replace(src, "?", "/crawl?", 1), "--output", fromBucket, "--progress", "never")
	local := filepath.Join(t.TempDir(), "from-disk")
	runCLI(t, nil, "run", "--input", "../../testdata/pages", "--output", local, "--progress", "never")
	a, _ := rowsOf(t, fromBucket)
	b, _ := rowsOf(t, local)
	if code != 0 || len(a) != len(b) || len(a) == 0 {
		t.Errorf("from a bucket: exit %d, %d rows; from disk %d rows\n%s", code, len(a), len(b), stderr)
	}
}

// upload copies a directory tree into a bucket.
func upload(t *testing.T, bucketURL, dir string) {
	t.Helper()
	ctx := context.Background()
	b, err := load.OpenBucket(ctx, bucketURL)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_ = filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, _ := os.ReadFile(p)
		return b.WriteAll(ctx, filepath.ToSlash(rel), data, nil)
	})
}
