package chart

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestAlertRules checks the rule file with Prometheus's own promtool.
func TestAlertRules(t *testing.T) {
	promtool, err := exec.LookPath("promtool")
	if err != nil {
		t.Fatal("promtool not found: apt-get install -y --no-install-recommends prometheus")
	}
	path := filepath.Join(t.TempDir(), "alerts.yaml")
	if err := os.WriteFile(path, AlertRules, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(promtool, "check", "rules", path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "SUCCESS") {
		t.Fatalf("promtool check rules: %v\n%s", err, out)
	}
}

func TestAlertMetricNames(t *testing.T) {
	names := AlertMetricNames()
	for _, want := range []string{"stack_poller_history_host_state", "stack_dynamic_config_invalid", "service_latency_bucket", "plaintext_payload_detected_total"} {
		found := false
		for _, n := range names {
			found = found || n == want
		}
		if !found {
			t.Errorf("AlertMetricNames() = %v, lacks %s", names, want)
		}
	}
}
