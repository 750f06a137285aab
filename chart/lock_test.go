package chart

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/provenance"
	"sigs.k8s.io/yaml"
)

// TestChartLock: Chart.lock pins exactly Chart.yaml's dependencies, with the
// digest "helm dependency build" checks (Helm's own hash of both lists), so
// a dependency edited in one file and not the other fails here, not at a
// user's install.
func TestChartLock(t *testing.T) {
	ch, err := loader.Load(".")
	if err != nil {
		t.Fatal(err)
	}
	var lock chart.Lock
	b, err := os.ReadFile("Chart.lock")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, &lock); err != nil {
		t.Fatal(err)
	}
	var want []*chart.Dependency
	for _, d := range ch.Metadata.Dependencies {
		want = append(want, &chart.Dependency{Name: d.Name, Version: d.Version, Repository: d.Repository})
	}
	data, err := json.Marshal([2][]*chart.Dependency{ch.Metadata.Dependencies, want})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := provenance.Digest(bytes.NewBuffer(data))
	if err != nil {
		t.Fatal(err)
	}
	wantLock, _ := yaml.Marshal(map[string]any{"dependencies": want, "digest": "sha256:" + sum, "generated": lock.Generated})
	got, _ := yaml.Marshal(map[string]any{"dependencies": lock.Dependencies, "digest": lock.Digest, "generated": lock.Generated})
	if !bytes.Equal(got, wantLock) {
		t.Fatalf("Chart.lock does not match Chart.yaml; it should read:\n%s", wantLock)
	}
}
