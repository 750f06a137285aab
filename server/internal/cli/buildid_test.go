package cli

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestGoBuildID reads the test binary's own Go build ID: the value "go tool
// buildid" prints for it, or errRedactedBuildID when Bazel linked it.
func TestGoBuildID(t *testing.T) {
	id, err := goBuildID()
	if errors.Is(err, errRedactedBuildID) {
		if os.Getenv("TEST_SRCDIR") == "" {
			t.Fatal("redacted Go build ID outside Bazel")
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Fatalf("go tool buildid: %v", err)
	}
	if want := strings.TrimSpace(string(out)); id != want {
		t.Fatalf("goBuildID() = %q, go tool buildid = %q", id, want)
	}
}
