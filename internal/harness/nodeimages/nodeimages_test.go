package nodeimages

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/temporal-stack/stack/internal/toolbin"
)

// TestChartPinsWhatIsBuilt: the chart's image references are the ones
// built here, and each is built from the source its tag names.
func TestChartPinsWhatIsBuilt(t *testing.T) {
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	for module, want := range map[string]string{
		"dex":   "github.com/dexidp/dex v0.0.0-20240807174518-" + DexCommit,
		"ui":    "github.com/temporalio/ui-server/v2 " + UIVersion,
		"minio": "github.com/minio/minio v0.0.0-20250907161309-" + MinIOCommit,
	} {
		b, err := os.ReadFile(filepath.Join(root, "tools", "deps", module, "go.mod"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "\t"+want+"\n") && !strings.Contains(string(b), "require "+want+"\n") {
			t.Errorf("tools/deps/%s/go.mod does not require %s: the image tag would not name what is built", module, want)
		}
	}
	b, err := os.ReadFile(filepath.Join(root, "chart", "values.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	type img struct{ Repository, Tag string }
	var v struct {
		Images   struct{ Dex, MinIO img }
		Temporal struct{ Web struct{ Image img } }
	}
	if err := yaml.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	for what, got := range map[string]img{Dex: v.Images.Dex, MinIO: v.Images.MinIO, UI: v.Temporal.Web.Image} {
		if ref := got.Repository + ":" + got.Tag; ref != what {
			t.Errorf("chart/values.yaml pins %s, the node harness builds %s", ref, what)
		}
	}
}

func TestUsrMerged(t *testing.T) {
	for in, want := range map[string]string{
		"/lib/x86_64-linux-gnu/libc.so.6":   "/usr/lib/x86_64-linux-gnu/libc.so.6",
		"/lib64/ld-linux-x86-64.so.2":       "/usr/lib64/ld-linux-x86-64.so.2",
		"/usr/lib/x86_64-linux-gnu/libz.so": "/usr/lib/x86_64-linux-gnu/libz.so",
		"/library/x":                        "/library/x",
	} {
		if got := usrMerged(in); got != want {
			t.Errorf("usrMerged(%q) = %q, want %q", in, got, want)
		}
	}
}
