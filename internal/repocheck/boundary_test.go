package repocheck

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/temporal-stack/stack/internal/toolbin"
)

// TestOnlyTestsImportTheHarness keeps the harness test-only: no package the
// shipped binaries (server, poller, dexlogin, the stack CLI) are built from
// imports it. What those binaries share with the tests (process runner, tool
// builds, pinned subcharts) lives in internal/proc, internal/toolbin and
// internal/subcharts.
func TestOnlyTestsImportTheHarness(t *testing.T) {
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", "./server", "./poller", "./dexlogin", "./tools/stack")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const harness = "github.com/temporal-stack/stack/internal/harness"
	checked := 0
	for _, pkg := range strings.Fields(string(out)) {
		checked++
		if pkg == harness || strings.HasPrefix(pkg, harness+"/") {
			t.Errorf("%s is built into a shipped binary: move what the product uses out of internal/harness", pkg)
		}
	}
	if checked < 100 {
		t.Fatalf("go list named only %d packages; want the binaries' whole closure", checked)
	}
}
