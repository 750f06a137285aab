package chart

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/temporal-stack/stack/internal/harness/toolbin"
)

// TestHelmLint runs the real helm CLI (pinned, built from its module) as a
// user would, on every scenario. Offline, the subcharts are missing: that is
// the one warning allowed.
func TestHelmLint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the helm CLI")
	}
	helm, err := toolbin.Path(toolbin.Helm)
	if err != nil {
		t.Fatal(err)
	}
	for _, scenario := range []string{"ci/default-values.yaml", "ci/auth-off-values.yaml", "ci/dual-visibility-off-values.yaml",
		"ci/external-idp-values.yaml", "ci/clusterip-values.yaml"} {
		cmd := exec.Command(helm, "lint", ".", "-f", "ci/offline.yaml", "-f", scenario, "--set", "temporal.serviceAccount.name=test-release-server",
			"--set", "temporal.server.additionalEnvConfigMapName=test-release-server-env", "--set", "temporal.server.additionalEnvSecretName=test-release-server-secrets",
			"--set", "temporal.server.config.persistence.datastores.default.sql.connectAddr=test-release-postgres-main:5432",
			"--set", "temporal.server.config.persistence.datastores.visibility.sql.connectAddr=test-release-postgres-visibility:5432",
			"--set", "temporal.server.config.persistence.datastores.default.sql.existingSecret=test-release-postgres")
		out, err := cmd.CombinedOutput()
		text := string(out)
		if err != nil || !strings.Contains(text, "1 chart(s) linted, 0 chart(s) failed") || strings.Contains(text, "[ERROR]") || strings.Contains(text, "Fail:") {
			t.Fatalf("helm lint with %s: %v\n%s", scenario, err, text)
		}
		for _, line := range strings.Split(text, "\n") {
			if strings.Contains(line, "[WARNING]") && !strings.Contains(line, "chart directory is missing these dependencies") {
				t.Errorf("helm lint with %s: %s", scenario, line)
			}
		}
	}
}
