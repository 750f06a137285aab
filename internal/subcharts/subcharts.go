// Package subcharts loads the umbrella chart with the real published
// subcharts at their pinned versions, as a user has them after "helm
// dependency build": from chart/charts when that holds every pinned archive,
// else from the archive set kept for machines with no chart repository
// ($STACK_SUBCHARTS, default ../shared/charts beside the repository). There
// is no fallback: a missing archive is an error naming both places.
package subcharts

import (
	"fmt"
	"os"
	"path/filepath"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
)

// Archive is the file name "helm package" and "helm dependency build" give
// a dependency.
func Archive(d *chart.Dependency) string { return d.Name + "-" + d.Version + ".tgz" }

// Dir is where the pinned archives of the chart at chartDir are: its
// charts/ directory when every one is there, else $STACK_SUBCHARTS or
// <repository>/../shared/charts (chartDir is <repository>/chart).
func Dir(chartDir string) (string, error) {
	meta, err := chartutil.LoadChartfile(filepath.Join(chartDir, "Chart.yaml"))
	if err != nil {
		return "", err
	}
	candidates := []string{filepath.Join(chartDir, "charts"), Kept(chartDir)}
	var missing []string
	for _, dir := range candidates {
		missing = missing[:0]
		for _, d := range meta.Dependencies {
			if _, err := os.Stat(filepath.Join(dir, Archive(d))); err != nil {
				missing = append(missing, Archive(d))
			}
		}
		if len(missing) == 0 {
			return filepath.Clean(dir), nil
		}
	}
	return "", fmt.Errorf("the pinned subcharts %v are in neither %s (run \"helm dependency build chart\") nor %s (set STACK_SUBCHARTS to a directory of the archives)",
		missing, candidates[0], candidates[1])
}

// Kept is the archive set kept for machines with no chart repository:
// $STACK_SUBCHARTS, else <repository>/../shared/charts. Beside the archives,
// its index/ holds each repository's published index.yaml, gzipped, as
// <repository name>-index.yaml.gz.
func Kept(chartDir string) string {
	if env := os.Getenv("STACK_SUBCHARTS"); env != "" {
		return env
	}
	abs, err := filepath.Abs(chartDir)
	if err != nil {
		abs = chartDir
	}
	return filepath.Join(filepath.Dir(abs), "..", "shared", "charts")
}

// Load loads the chart at chartDir with every pinned dependency from Dir,
// whatever chart/charts holds.
func Load(chartDir string) (*chart.Chart, error) {
	abs, err := filepath.Abs(chartDir)
	if err != nil {
		return nil, err
	}
	dir, err := Dir(abs)
	if err != nil {
		return nil, err
	}
	ch, err := loader.Load(abs)
	if err != nil {
		return nil, err
	}
	deps := make([]*chart.Chart, 0, len(ch.Metadata.Dependencies))
	for _, d := range ch.Metadata.Dependencies {
		sub, err := loader.LoadFile(filepath.Join(dir, Archive(d)))
		if err != nil {
			return nil, fmt.Errorf("subchart %s: %w", Archive(d), err)
		}
		if sub.Metadata.Version != d.Version || sub.Name() != d.Name {
			return nil, fmt.Errorf("%s holds %s %s, Chart.yaml pins %s %s", Archive(d), sub.Name(), sub.Metadata.Version, d.Name, d.Version)
		}
		deps = append(deps, sub)
	}
	ch.SetDependencies(deps...)
	return ch, nil
}

// Vendor copies the chart at chartDir to dst with every pinned archive in
// dst/charts, as "helm dependency build" leaves a chart, for commands that
// read a chart directory (helm lint, stack install --chart). It returns dst.
func Vendor(chartDir, dst string) (string, error) {
	dir, err := Dir(chartDir)
	if err != nil {
		return "", err
	}
	meta, err := chartutil.LoadChartfile(filepath.Join(chartDir, "Chart.yaml"))
	if err != nil {
		return "", err
	}
	if err := os.CopyFS(dst, os.DirFS(chartDir)); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Join(dst, "charts"), 0o755); err != nil {
		return "", err
	}
	for _, d := range meta.Dependencies {
		b, err := os.ReadFile(filepath.Join(dir, Archive(d)))
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(dst, "charts", Archive(d)), b, 0o644); err != nil {
			return "", err
		}
	}
	return dst, nil
}
