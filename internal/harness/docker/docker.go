// Package docker starts a private Docker engine (Debian's docker.io) for
// tests: its own socket, data root and exec root under the test's temporary
// directory, no bridge and no iptables rules (containers use the host
// network), so it never disturbs an engine that may already be running and
// leaves no process, mount or rule behind.
package docker

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/temporal-stack/stack/internal/proc"
)

// Engine is a running private dockerd.
type Engine struct {
	// Host is its DOCKER_HOST (unix://DIR/docker.sock).
	Host string
	dir  string
	t    testing.TB
	d    *proc.Process
	// createdRun: /run/containerd did not exist before this engine started.
	createdRun bool
}

const shimDir = "/run/containerd"

// Start runs dockerd, waits until it answers and stops it (with every
// container) when the test ends. It fails, saying what to install, when
// Debian's docker.io is missing; "stack test" installs it.
func Start(t testing.TB) *Engine {
	t.Helper()
	dockerd, err := exec.LookPath("dockerd")
	if err != nil {
		t.Fatal("dockerd not found: apt-get install -y --no-install-recommends docker.io (go run ./tools/stack test installs it)")
	}
	if _, err := exec.LookPath("docker"); err != nil {
		t.Fatal("docker CLI not found: apt-get install -y --no-install-recommends docker.io")
	}
	// A short path: containerd's socket lives under the exec root (a unix
	// socket path has at most 108 bytes).
	dir, err := os.MkdirTemp("", "dkr")
	if err != nil {
		t.Fatal(err)
	}
	e := &Engine{Host: "unix://" + filepath.Join(dir, "docker.sock"), dir: dir, t: t}
	// containerd 1.6 puts its shims' sockets in /run/containerd/s whatever its
	// state directory; remove what this engine created there.
	if _, err := os.Stat(shimDir); os.IsNotExist(err) {
		e.createdRun = true
	}
	e.d, err = proc.Start(proc.Spec{Name: "dockerd", Path: dockerd, LogDir: dir, Args: []string{
		"--host", e.Host, "--data-root", filepath.Join(dir, "data"), "--exec-root", filepath.Join(dir, "exec"),
		"--pidfile", filepath.Join(dir, "docker.pid"), "--bridge", "none", "--iptables=false", "--ip6tables=false",
		"--ip-masq=false", "--userland-proxy=false",
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.stop)
	if err := e.d.WaitFor(60*time.Second, "dockerd answers", func(ctx context.Context) error {
		_, err := e.Docker(ctx, "version", "--format", "{{.Server.Version}}")
		return err
	}); err != nil {
		t.Fatalf("%v\n%s", err, e.d.Tail(40))
	}
	return e
}

// Docker runs the docker CLI against the engine and returns its combined
// output; an error carries the output.
func (e *Engine) Docker(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "docker", args...)
	cmd.Env = append(os.Environ(), "DOCKER_HOST="+e.Host)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return out.String(), fmt.Errorf("docker %s: %w\n%s", strings.Join(args, " "), err, out.String())
	}
	return out.String(), nil
}

// Log is dockerd's log so far (its last lines).
func (e *Engine) Log() string { return e.d.Tail(60) }

// stop removes every container, stops dockerd (which stops its containerd),
// unmounts anything left under the engine's directory and removes it.
func (e *Engine) stop() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if ids, err := e.Docker(ctx, "ps", "-aq"); err == nil && strings.TrimSpace(ids) != "" {
		_, _ = e.Docker(ctx, append([]string{"rm", "-f"}, strings.Fields(ids)...)...)
	}
	e.d.Stop(30 * time.Second)
	if b, err := os.ReadFile("/proc/self/mounts"); err == nil {
		lines := strings.Split(string(b), "\n")
		for i := len(lines) - 1; i >= 0; i-- { // innermost first
			if f := strings.Fields(lines[i]); len(f) > 1 && strings.HasPrefix(f[1], e.dir+"/") {
				if err := syscall.Unmount(f[1], syscall.MNT_DETACH); err != nil {
					e.t.Logf("unmount %s: %v", f[1], err)
				}
			}
		}
	}
	if err := os.RemoveAll(e.dir); err != nil {
		e.t.Logf("remove %s: %v", e.dir, err)
	}
	if e.createdRun {
		// Only empty directories go: another containerd may have started meanwhile.
		_ = os.Remove(filepath.Join(shimDir, "s"))
		_ = os.Remove(shimDir)
	}
}
