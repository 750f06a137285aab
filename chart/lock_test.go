package chart

import (
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/repo"
	"sigs.k8s.io/yaml"

	"github.com/temporal-stack/stack/internal/subcharts"
	"github.com/temporal-stack/stack/internal/toolbin"
)

// repositories are the chart repositories of Chart.yaml's dependencies, by
// the names the README's "helm repo add" lines give them.
var repositories = map[string]string{
	"temporal":             "https://go.temporal.io/helm-charts",
	"prometheus-community": "https://prometheus-community.github.io/helm-charts",
	"grafana-community":    "https://grafana-community.github.io/helm-charts",
	"grafana":              "https://grafana.github.io/helm-charts",
}

// TestPinnedVersionsArePublished: every dependency's version is in its
// repository's published index (a hand-written pin of a version that was
// never released, like loki 12.0.1, fails here), and its repository is one
// the README tells users to add.
func TestPinnedVersionsArePublished(t *testing.T) {
	ch, err := loader.Load(".")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ch.Metadata.Dependencies {
		name := repoName(t, d)
		if line := fmt.Sprintf("helm repo add %s %s", name, d.Repository); !strings.Contains(string(readme), line) {
			t.Errorf("README.md lacks %q", line)
		}
		idx := loadIndex(t, name)
		if _, err := idx.Get(d.Name, d.Version); err != nil {
			var have []string
			for _, v := range idx.Entries[d.Name] {
				have = append(have, v.Version)
			}
			t.Errorf("%s %s is not published in %s (%d versions, e.g. %v)", d.Name, d.Version, d.Repository, len(have), have[:min(len(have), 5)])
		}
	}
}

// TestChartLock: Chart.lock is what "helm dependency update" writes for
// Chart.yaml from the published repository indexes. The pinned helm CLI runs
// as a user would, offline: the repositories are added by name, their
// published index files are its cache, and the archives come from a loopback
// server standing in for each repository's download URL.
func TestChartLock(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the helm CLI")
	}
	helm, err := toolbin.Path(toolbin.Helm)
	if err != nil {
		t.Fatal(err)
	}
	archives, err := subcharts.Dir(".")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(archives)))
	defer srv.Close()

	home := t.TempDir()
	cache := filepath.Join(home, "cache")
	if err := os.MkdirAll(cache, 0o755); err != nil {
		t.Fatal(err)
	}
	var repoFile repo.File
	for name, url := range repositories {
		repoFile.Add(&repo.Entry{Name: name, URL: url})
		idx := loadIndex(t, name)
		for _, versions := range idx.Entries {
			for _, v := range versions {
				v.URLs = []string{srv.URL + "/" + v.Name + "-" + v.Version + ".tgz"}
			}
		}
		if err := idx.WriteFile(filepath.Join(cache, name+"-index.yaml"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := repoFile.WriteFile(filepath.Join(home, "repositories.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(home, "chart")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"Chart.yaml", "values.yaml"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(work, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(helm, "dependency", "update", "--skip-refresh", work)
	cmd.Env = append(os.Environ(), "HELM_REPOSITORY_CONFIG="+filepath.Join(home, "repositories.yaml"), "HELM_REPOSITORY_CACHE="+cache,
		"HELM_CACHE_HOME="+filepath.Join(home, "c"), "HELM_CONFIG_HOME="+filepath.Join(home, "cfg"), "HELM_DATA_HOME="+filepath.Join(home, "d"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("helm dependency update: %v\n%s", err, out)
	}
	want, got := readLock(t, filepath.Join(work, "Chart.lock")), readLock(t, "Chart.lock")
	wantDeps, _ := yaml.Marshal(want.Dependencies)
	gotDeps, _ := yaml.Marshal(got.Dependencies)
	if want.Digest != got.Digest || string(wantDeps) != string(gotDeps) {
		b, _ := os.ReadFile(filepath.Join(work, "Chart.lock"))
		t.Fatalf("Chart.lock is not what helm dependency update writes; it should read:\n%s", b)
	}
}

func repoName(t *testing.T, d *chart.Dependency) string {
	t.Helper()
	for name, url := range repositories {
		if url == d.Repository {
			return name
		}
	}
	t.Fatalf("dependency %s: repository %s has no name in this test (and the README)", d.Name, d.Repository)
	return ""
}

// loadIndex reads a repository's published index.yaml from the kept set.
func loadIndex(t *testing.T, name string) *repo.IndexFile {
	t.Helper()
	f, err := os.Open(filepath.Join(subcharts.Kept("."), "index", name+"-index.yaml.gz"))
	if err != nil {
		t.Fatalf("the published index of %s: %v", name, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var idx repo.IndexFile
	if err := yaml.Unmarshal(b, &idx); err != nil {
		t.Fatalf("index of %s: %v", name, err)
	}
	return &idx
}

func readLock(t *testing.T, path string) *chart.Lock {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var l chart.Lock
	if err := yaml.Unmarshal(b, &l); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &l
}
