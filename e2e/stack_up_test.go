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

	"github.com/temporal-stack/stack/dexlogin/workerauth"
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
		Args: []string{"up", "--data-dir", dataDir, "--ports-from", fmt.Sprint(base), "--metrics-port", fmt.Sprint(base + 20),
			"--dex-port", fmt.Sprint(base + 21)}})
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
	ctx := context.Background()
	issuer := fmt.Sprintf("http://127.0.0.1:%d/dex", base+21)
	if !strings.Contains(p.Tail(40), "Auth is on") || !strings.Contains(p.Tail(40), "generated now, shown once") {
		t.Fatalf("the banner does not say auth is on or show the generated password:\n%s", p.Tail(40))
	}
	// Without a token the stack refuses; the generated admin gets in.
	anon, err := client.Dial(client.Options{HostPort: addr, Namespace: "default"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := anon.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: "default"}); !isDenied(err) {
		t.Fatalf("a call without a token: %v", err)
	}
	anon.Close()
	adminClient := func() client.Client {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dataDir, "secrets"))
		if err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(filepath.Join(dataDir, "secrets")); st.Mode().Perm() != 0o600 {
			t.Fatalf("secrets file mode %v", st.Mode())
		}
		sec := map[string]string{}
		for _, line := range strings.Split(string(b), "\n") {
			k, v, _ := strings.Cut(line, "=")
			sec[k] = v
		}
		hp, err := workerauth.PasswordGrant(ctx, workerauth.Config{Issuer: issuer, ClientID: "temporal-worker",
			ClientSecret: sec["worker_client_secret"], Username: "admin@example.com", Password: sec["admin_password"]})
		if err != nil {
			t.Fatal(err)
		}
		c, err := client.Dial(client.Options{HostPort: addr, Namespace: "default", HeadersProvider: hp})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	c := adminClient()
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

	// A second up reuses the data dir: the namespace, the edit and the login are still there.
	p = startStack(t, bin, dataDir, base)
	if strings.Contains(p.Tail(40), "generated now") {
		t.Fatal("the second up generated new credentials")
	}
	c = adminClient()
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
