// Package containerd starts a private containerd (Debian's) for tests: its
// own root, state and socket under a temporary directory, the CRI plugin off,
// so a containerd that Docker or a node runs is never touched.
package containerd

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/temporal-stack/stack/internal/proc"
)

// Containerd is a running private containerd.
type Containerd struct {
	Socket string // its gRPC address (a unix socket path)
	dir    string
	p      *proc.Process
}

// Start runs containerd, waits until ctr answers and stops it (removing its
// directory) when the test ends.
func Start(t testing.TB) *Containerd {
	t.Helper()
	bin, err := exec.LookPath("containerd")
	if err != nil {
		t.Fatal("containerd not found: apt-get install -y --no-install-recommends containerd (docker.io brings it)")
	}
	if _, err := exec.LookPath("ctr"); err != nil {
		t.Fatal("ctr not found: apt-get install -y --no-install-recommends containerd")
	}
	dir, err := os.MkdirTemp("", "ctd") // short: the socket path has at most 108 bytes
	if err != nil {
		t.Fatal(err)
	}
	c := &Containerd{Socket: filepath.Join(dir, "containerd.sock"), dir: dir}
	config := fmt.Sprintf(`version = 2
root = %q
state = %q
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = %q
[ttrpc]
  address = %q
`, filepath.Join(dir, "root"), filepath.Join(dir, "state"), c.Socket, c.Socket+".ttrpc")
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	c.p, err = proc.Start(proc.Spec{Name: "containerd", Path: bin, LogDir: dir, Args: []string{"--config", filepath.Join(dir, "config.toml")}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c.p.Stop(15 * time.Second)
		if err := os.RemoveAll(dir); err != nil {
			t.Logf("remove %s: %v", dir, err)
		}
	})
	if err := c.p.WaitFor(30*time.Second, "containerd answers", func(ctx context.Context) error {
		_, err := c.Ctr(ctx, "version")
		return err
	}); err != nil {
		t.Fatalf("%v\n%s", err, c.p.Tail(30))
	}
	return c
}

// Ctr runs ctr against this containerd in the k8s.io namespace (the
// kubelet's) and returns its combined output; an error carries the output.
func (c *Containerd) Ctr(ctx context.Context, args ...string) (string, error) {
	return Ctr(ctx, c.Socket, args...)
}

// Ctr runs ctr against the containerd at socket in the k8s.io namespace and
// returns its combined output; an error carries the output.
func Ctr(ctx context.Context, socket string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "ctr", append([]string{"--address", socket, "--namespace", "k8s.io"}, args...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return out.String(), fmt.Errorf("ctr %s: %w\n%s", strings.Join(args, " "), err, out.String())
	}
	return out.String(), nil
}
