package chart

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/temporal-stack/stack/internal/subcharts"
	"github.com/temporal-stack/stack/internal/toolbin"
)

// TestHelmLint runs the real helm CLI (pinned, built from its module) as a
// user would after "helm dependency build", with --strict, on every
// scenario: no error, no warning, and no "Fail:" line, which helm prints for
// a subchart's own validation only as INFO.
func TestHelmLint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the helm CLI")
	}
	helm, err := toolbin.Path(toolbin.Helm)
	if err != nil {
		t.Fatal(err)
	}
	dir, err := subcharts.Vendor(".", filepath.Join(t.TempDir(), "temporal-stack"))
	if err != nil {
		t.Fatal(err)
	}
	scenarios, _ := filepath.Glob("ci/*-values.yaml")
	if len(scenarios) < 5 {
		t.Fatalf("scenarios %v", scenarios)
	}
	for _, scenario := range scenarios {
		// helm lint names the release "test-release"; the subchart's values name our resources by release.
		out, err := exec.Command(helm, "lint", "--strict", dir, "-f", scenario, "--set", "temporal.serviceAccount.name=test-release-server",
			"--set", "temporal.server.additionalEnvConfigMapName=test-release-server-env", "--set", "temporal.server.additionalEnvSecretName=test-release-server-secrets",
			"--set", "temporal.web.additionalEnvSecretName=test-release-web-auth",
			"--set", "temporal.server.config.persistence.datastores.default.sql.connectAddr=test-release-postgres-main:5432",
			"--set", "temporal.server.config.persistence.datastores.visibility.sql.connectAddr=test-release-postgres-visibility:5432",
			"--set", "temporal.server.config.persistence.datastores.default.sql.existingSecret=test-release-postgres").CombinedOutput()
		text := string(out)
		if err != nil || !strings.Contains(text, "1 chart(s) linted, 0 chart(s) failed") {
			t.Errorf("helm lint --strict with %s: %v\n%s", scenario, err, text)
			continue
		}
		for _, line := range strings.Split(text, "\n") {
			if strings.Contains(line, "[ERROR]") || strings.Contains(line, "[WARNING]") || strings.Contains(line, "Fail:") {
				t.Errorf("helm lint --strict with %s: %s", scenario, line)
			}
		}
	}
}
