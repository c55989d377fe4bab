// Package deploy checks the deployment recipes: the Kubernetes manifests
// decode strictly into the API types (an unknown or misspelt field is an
// error), and the Slurm script parses. A module of its own, so that the
// Kubernetes API types never enter rinse's go.mod.
package deploy

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	batchv1 "k8s.io/api/batch/v1"
	"sigs.k8s.io/yaml"
)

func strict(t *testing.T, path string, into any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.UnmarshalStrict(b, into); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func TestIndexedJob(t *testing.T) {
	var job batchv1.Job
	strict(t, "kubernetes/indexed-job.yaml", &job)
	spec := job.Spec
	if spec.CompletionMode == nil || *spec.CompletionMode != batchv1.IndexedCompletion || spec.Completions == nil {
		t.Fatal("an Indexed Job with completions")
	}
	args := strings.Join(spec.Template.Spec.Containers[0].Args, " ")
	if !strings.Contains(args, "--shards=8") || *spec.Completions != 8 {
		t.Errorf("--shards must equal completions (8): %s", args)
	}
}

func TestCronJob(t *testing.T) {
	var cj batchv1.CronJob
	strict(t, "kubernetes/cronjob.yaml", &cj)
	spec := cj.Spec.JobTemplate.Spec
	args := strings.Join(spec.Template.Spec.Containers[0].Args, " ")
	if spec.Completions == nil || !strings.Contains(args, "--shards=4") || *spec.Completions != 4 {
		t.Errorf("--shards must equal completions (4): %s", args)
	}
	if cj.Spec.ConcurrencyPolicy != batchv1.ForbidConcurrent {
		t.Error("two nightly runs must not overlap")
	}
}

func TestSlurmScript(t *testing.T) {
	out, err := exec.Command("bash", "-n", filepath.Join("slurm", "rinse-array.sbatch")).CombinedOutput()
	if err != nil {
		t.Fatalf("bash -n: %v\n%s", err, out)
	}
}
