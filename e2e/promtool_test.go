package e2e

import (
	"bytes"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"testing"
)

// ourMetricPrefixes name the metrics Temporal Stack adds to /metrics.
var ourMetricPrefixes = []string{"stack_", "plaintext_payload_detected"}

// checkMetrics runs Debian's promtool over a real /metrics scrape: every
// metric of ours must pass its lint; Temporal's own findings are only counted.
func checkMetrics(t *testing.T, url string) {
	t.Helper()
	promtool, err := exec.LookPath("promtool")
	if err != nil {
		t.Fatal("promtool not found: apt-get install prometheus (.ci/run installs it)")
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	ours := 0
	for _, line := range strings.Split(string(body), "\n") {
		for _, p := range ourMetricPrefixes {
			if strings.HasPrefix(line, "# TYPE "+p) {
				ours++
			}
		}
	}
	if ours < 3 {
		t.Fatalf("only %d of our metric families in the scrape", ours)
	}
	cmd := exec.Command(promtool, "check", "metrics")
	cmd.Stdin = bytes.NewReader(body)
	out, _ := cmd.CombinedOutput() // exits 1 on any finding, Temporal's included
	upstream := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if line == "" {
			continue
		}
		mine := false
		for _, p := range ourMetricPrefixes {
			mine = mine || strings.HasPrefix(line, p)
		}
		if mine {
			t.Errorf("promtool check metrics: %s", line)
		} else {
			upstream++
		}
	}
	t.Logf("promtool: our %d metric families pass; %d findings on Temporal's own metrics", ours, upstream)
}
