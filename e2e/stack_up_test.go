package e2e

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"

	"github.com/temporal-stack/stack/internal/harness/proc"
	"github.com/temporal-stack/stack/internal/harness/toolbin"
)

// startStack runs "stack up" and waits for its ready banner.
func startStack(t *testing.T, bin, dataDir string, base int) *proc.Process {
	t.Helper()
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	p, err := proc.Start(proc.Spec{Name: "stack-up", Path: bin, LogDir: t.TempDir(), Dir: root,
		Args: []string{"up", "--data-dir", dataDir, "--ports-from", fmt.Sprint(base), "--metrics-port", fmt.Sprint(base + 20)}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Stop(30 * time.Second) })
	err = p.WaitFor(3*time.Minute, "up", func(context.Context) error {
		if b, _ := os.ReadFile(p.LogPath); strings.Contains(string(b), "Temporal Stack is up.") {
			return nil
		}
		return fmt.Errorf("no ready banner yet")
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestStackUp runs the README's first command as a user would: up, use it,
// edit dynamic config live, Ctrl-C, up again on the same data.
func TestStackUp(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds and runs the local stack")
	}
	bin, err := toolbin.Own("./tools/stack")
	if err != nil {
		t.Fatal(err)
	}
	dataDir := t.TempDir()
	base := 20000 + rand.IntN(9000)
	addr := fmt.Sprintf("127.0.0.1:%d", base)

	p := startStack(t, bin, dataDir, base)
	c, err := client.Dial(client.Options{HostPort: addr, Namespace: "default"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	limit := func() int64 {
		t.Helper()
		resp, err := c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: "default"})
		if err != nil {
			t.Fatalf("the default namespace: %v", err)
		}
		return resp.NamespaceInfo.GetLimits().GetBlobSizeLimitError()
	}
	if got := limit(); got != 2*1024*1024 {
		t.Fatalf("default blob limit %d", got)
	}
	dc := filepath.Join(dataDir, "dynamic_config.yaml")
	seed, err := os.ReadFile(dc)
	if err != nil {
		t.Fatalf("up did not seed the dynamic config file: %v", err)
	}
	if err := os.WriteFile(dc, append(seed, "limit.blobSize.error:\n  - value: 12345\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for limit() != 12345 {
		if time.Now().After(deadline) {
			t.Fatal("dynamic-config file edit not applied within 5 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	c.Close()

	// Ctrl-C stops it cleanly.
	p.Stop(30 * time.Second)
	if _, err := p.Exited(); err != nil {
		t.Fatalf("up did not exit cleanly on SIGTERM: %v\n%s", err, p.Tail(20))
	}
	if !strings.Contains(p.Tail(5), "stack: stopped.") {
		t.Fatalf("no clean stop:\n%s", p.Tail(20))
	}

	// A second up reuses the data dir: the namespace and the edit are still there.
	startStack(t, bin, dataDir, base)
	c, err = client.Dial(client.Options{HostPort: addr, Namespace: "default"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if got := limit(); got != 12345 {
		t.Fatalf("after restart the limit is %d, want 12345 from the kept file", got)
	}
}

func TestStackUsage(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the stack CLI")
	}
	bin, err := toolbin.Own("./tools/stack")
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"upp"}, {}, {"up", "--bogus"}, {"up", "extra"}} {
		p, err := proc.Start(proc.Spec{Name: "stack", Path: bin, Args: args, LogDir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		<-p.Done()
		_, werr := p.Exited()
		out := p.Tail(40)
		if werr == nil || !strings.Contains(werr.Error(), "exit status 2") || !strings.Contains(strings.ToLower(out), "usage") {
			t.Fatalf("stack %v: %v, output:\n%s", args, werr, out)
		}
	}
}
