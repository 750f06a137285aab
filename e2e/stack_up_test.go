package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"

	"github.com/temporal-stack/stack/chart"
	"github.com/temporal-stack/stack/internal/datadir"
	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/internal/toolbin"
)

// TestStackUp runs the README's first command as a user would, then each
// behaviour on that one stack: up in the background, status and doctor, auth,
// a worker with a dexlogin token, the Web UI in a real browser, live dynamic
// config, archival, Prometheus with the alert rules, a UI crash, down, up
// again on the same data, and a server crash.
func TestStackUp(t *testing.T) {
	endToEnd(t, "builds and runs the local stack")
	s := newLocalStack(t)
	banner := s.upDetached()
	ctx := context.Background()
	wfID := fmt.Sprintf("stack-up-%d", rand.IntN(1_000_000))

	t.Run("the banner says where everything is", func(t *testing.T) {
		for _, want := range []string{"Auth is on", "generated now, shown once", s.UI, s.Prometheus, "stack down"} {
			if !strings.Contains(banner, want) {
				t.Fatalf("the banner lacks %q:\n%s", want, banner)
			}
		}
	})
	t.Run("status reports every component healthy", func(t *testing.T) {
		out, code := s.run("status", "--data-dir", s.dataDir)
		for _, comp := range []string{"dex", "server", "poller", "ui", "prometheus"} {
			if code != 0 || !strings.Contains(out, comp) {
				t.Fatalf("status: exit %d, want %s healthy:\n%s", code, comp, out)
			}
		}
		if strings.Contains(out, "unhealthy") || strings.Contains(out, "exited") {
			t.Fatalf("status:\n%s", out)
		}
	})
	t.Run("doctor finds nothing wrong", func(t *testing.T) {
		out, code := s.run("doctor", "--data-dir", s.dataDir)
		if code != 0 || !regexp.MustCompile(`stack doctor: all \d+ checks passed`).MatchString(out) || strings.Contains(out, "FAIL") {
			t.Fatalf("doctor: exit %d\n%s", code, out)
		}
		for _, want := range []string{"ok    issuer reachable from the browser", "ok    issuer reachable from server process server",
			"ok    Dex publishes signing keys", "ok    UI sign-in settings agree with the server and Dex", "ok    dynamic config accepted by server process server"} {
			if !strings.Contains(out, want) {
				t.Errorf("doctor did not check %q:\n%s", want, out)
			}
		}
	})
	t.Run("denies a token-less call", func(t *testing.T) {
		anon, err := client.Dial(client.Options{HostPort: s.Frontend, Namespace: "default"})
		if err != nil {
			t.Fatal(err)
		}
		defer anon.Close()
		if _, err := anon.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: "default"}); !isDenied(err) {
			t.Fatalf("a call without a token: %v", err)
		}
	})
	t.Run("runs a worker with a dexlogin token", func(t *testing.T) {
		runGreeting(t, s.Frontend, s.dexloginToken(), wfID)
	})
	t.Run("the Web UI signs in through Dex and lists the workflow", func(t *testing.T) {
		shot := browserLogin(t, s.UI, datadir.AdminEmail, s.secrets().AdminPassword, "default", wfID)
		t.Logf("UI screenshot: %s", shot)
	})

	c := s.admin()
	defer c.Close()
	limit := func(t *testing.T) int64 {
		t.Helper()
		resp, err := c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: "default"})
		if err != nil {
			t.Fatalf("the default namespace: %v", err)
		}
		return resp.NamespaceInfo.GetLimits().GetBlobSizeLimitError()
	}
	dc := filepath.Join(s.dataDir, "dynamic_config.yaml")
	t.Run("applies a dynamic config edit without a restart", func(t *testing.T) {
		if got := limit(t); got != 2*1024*1024 {
			t.Fatalf("default blob limit %d", got)
		}
		seed, err := os.ReadFile(dc)
		if err != nil {
			t.Fatalf("up did not seed the dynamic config file: %v", err)
		}
		if err := os.WriteFile(dc, append(seed, "limit.blobSize.error:\n  - value: 12345\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		applied := time.Now()
		eventually(t, 5*time.Second, "dynamic-config edit applied", func() error {
			if got := limit(t); got != 12345 {
				return fmt.Errorf("limit %d", got)
			}
			return nil
		})
		t.Logf("dynamic-config edit applied after %s", time.Since(applied).Round(time.Millisecond))
	})
	t.Run("doctor names a rejected dynamic config edit and its fix", func(t *testing.T) {
		good, err := os.ReadFile(dc)
		if err != nil {
			t.Fatal(err)
		}
		defer os.WriteFile(dc, good, 0o644)
		if err := os.WriteFile(dc, append(good, "limit.blobSize.error: [unclosed\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		eventually(t, 15*time.Second, "doctor reports the rejected edit", func() error {
			out, code := s.run("doctor", "--data-dir", s.dataDir)
			if code != 1 || !strings.Contains(out, "FAIL  dynamic config accepted by server process server") ||
				!strings.Contains(out, "FAIL  dynamic config "+dc+" is valid") || !strings.Contains(out, "validate-dynamic-config") {
				return fmt.Errorf("exit %d:\n%s", code, out)
			}
			return nil
		})
		if got := limit(t); got != 12345 {
			t.Fatalf("the last good config is lost: limit %d", got)
		}
	})

	t.Run("archives the closed run", func(t *testing.T) {
		ns, err := c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: "default"})
		if err != nil {
			t.Fatal(err)
		}
		if cfg := ns.GetConfig(); cfg.GetHistoryArchivalState() != enumspb.ARCHIVAL_STATE_ENABLED || !strings.HasPrefix(cfg.GetHistoryArchivalUri(), "file://") {
			t.Fatalf("default namespace archival: %v", cfg)
		}
		eventually(t, time.Minute, "archived run listed", func() error {
			r, err := c.WorkflowService().ListArchivedWorkflowExecutions(ctx, &workflowservice.ListArchivedWorkflowExecutionsRequest{
				Namespace: "default", PageSize: 10, Query: fmt.Sprintf("WorkflowId = '%s'", wfID)})
			if err != nil {
				return err
			}
			if len(r.Executions) != 1 || r.Executions[0].Status != enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED {
				var files []string
				_ = filepath.Walk(filepath.Join(s.dataDir, "archival"), func(p string, _ os.FileInfo, _ error) error {
					files = append(files, p)
					return nil
				})
				return fmt.Errorf("archived executions %v; archive files: %v", r.Executions, files)
			}
			return nil
		})
		histDir := strings.TrimPrefix(ns.GetConfig().GetHistoryArchivalUri(), "file://")
		eventually(t, 30*time.Second, "history archive file", func() error {
			files, _ := filepath.Glob(filepath.Join(histDir, "*"))
			for _, f := range files {
				if st, err := os.Stat(f); err == nil && st.Size() > 0 {
					return nil
				}
			}
			return fmt.Errorf("no history archive in %s", histDir)
		})
	})

	t.Run("Prometheus scrapes the server and the poller and loads the alert rules", func(t *testing.T) {
		eventually(t, 30*time.Second, "Prometheus scraped the poller", func() error {
			v, err := promQuery(s.Prometheus, "stack_poller_history_hosts")
			if err == nil && v != "1" {
				err = fmt.Errorf("history hosts %s", v)
			}
			return err
		})
		eventually(t, 30*time.Second, "Prometheus scraped the server", func() error {
			v, err := promQuery(s.Prometheus, `up{job="temporal"}`)
			if err == nil && v != "1" {
				err = fmt.Errorf("up %s", v)
			}
			return err
		})
		// Every metric an alert rule uses is really exported (a renamed metric
		// would silently disable its alert).
		for _, name := range chart.AlertMetricNames() {
			eventually(t, 30*time.Second, "Prometheus has "+name, func() error {
				_, err := promQuery(s.Prometheus, fmt.Sprintf("count({__name__=%q})", name))
				return err
			})
		}
		rules := promRules(t, s.Prometheus)
		if len(rules) < 6 {
			t.Fatalf("Prometheus loaded %d rules", len(rules))
		}
		for name, health := range rules {
			if health != "ok" && health != "unknown" {
				t.Fatalf("rule %s: %s", name, health)
			}
		}
	})

	t.Run("a UI crash leaves the server running and status and doctor name it", func(t *testing.T) {
		st, err := datadir.Dir(s.dataDir).ReadState()
		if err != nil {
			t.Fatal(err)
		}
		if err := syscall.Kill(st.ComponentPid("ui"), syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		eventually(t, 10*time.Second, "status reports the UI exited", func() error {
			out, code := s.run("status", "--data-dir", s.dataDir)
			if code != 1 || !regexp.MustCompile(`(?m)^ui\s+\d+\s+exited`).MatchString(out) || !regexp.MustCompile(`(?m)^server\s+\d+\s+healthy`).MatchString(out) {
				return fmt.Errorf("exit %d:\n%s", code, out)
			}
			return nil
		})
		if out, code := s.run("doctor", "--data-dir", s.dataDir); code != 1 || !strings.Contains(out, "FAIL  component ui healthy\n      problem: it exited") ||
			!strings.Contains(out, "ui.log") {
			t.Fatalf("doctor after the UI crashed: exit %d\n%s", code, out)
		}
		if _, err := c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: "default"}); err != nil {
			t.Fatalf("the frontend after the UI crashed: %v", err)
		}
		if b, _ := os.ReadFile(filepath.Join(s.dataDir, "logs", "up.log")); !strings.Contains(string(b), "ui exited") || !strings.Contains(string(b), "the rest keeps running") {
			t.Fatalf("up did not report the UI crash:\n%s", b)
		}
	})
	t.Run("the detached log holds no password", func(t *testing.T) {
		if b, _ := os.ReadFile(filepath.Join(s.dataDir, "logs", "up.log")); strings.Contains(string(b), s.secrets().AdminPassword) {
			t.Fatal("the detached log holds the admin password")
		}
	})
	t.Run("down stops everything", func(t *testing.T) {
		if out, code := s.run("down", "--data-dir", s.dataDir); code != 0 || !strings.Contains(out, "stopped") {
			t.Fatalf("down: exit %d\n%s", code, out)
		}
		if out, code := s.run("status", "--data-dir", s.dataDir); code != 1 || !strings.Contains(out, "no stack is running") {
			t.Fatalf("status after down: exit %d\n%s", code, out)
		}
		if _, err := net.DialTimeout("tcp", s.Frontend, time.Second); err == nil {
			t.Fatal("the frontend still listens after down")
		}
	})
	t.Run("a second up reuses the data and stops cleanly on SIGTERM", func(t *testing.T) {
		p := s.upForeground()
		if strings.Contains(p.Tail(60), "generated now") {
			t.Fatal("the second up generated new credentials")
		}
		c2 := s.admin()
		defer c2.Close()
		d, err := c2.DescribeWorkflowExecution(ctx, wfID, "")
		if err != nil || d.WorkflowExecutionInfo.Status != enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED {
			t.Fatalf("after restart, workflow %s: %v %v", wfID, d, err)
		}
		resp, err := c2.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: "default"})
		if err != nil || resp.NamespaceInfo.GetLimits().GetBlobSizeLimitError() != 12345 {
			t.Fatalf("after restart the edit is lost: %v %v", resp, err)
		}
		p.Stop(60 * time.Second)
		if _, err := p.Exited(); err != nil || !strings.Contains(p.Tail(5), "stack: stopped.") {
			t.Fatalf("up did not stop cleanly on SIGTERM: %v\n%s", err, p.Tail(20))
		}
	})
	t.Run("a crashed server stops the stack, naming it", func(t *testing.T) {
		p := s.upForeground()
		st, err := datadir.Dir(s.dataDir).ReadState()
		if err != nil {
			t.Fatal(err)
		}
		if err := syscall.Kill(st.ComponentPid("server"), syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		select {
		case <-p.Done():
		case <-time.After(60 * time.Second):
			t.Fatal("up kept running after the server crashed")
		}
		if _, err := p.Exited(); err == nil || !strings.Contains(p.Tail(40), "server exited (signal: killed); stopping the stack. Last log lines of") {
			t.Fatalf("after a server crash: %v\n%s", err, p.Tail(40))
		}
		if _, err := net.DialTimeout("tcp", s.Issuer[len("http://"):len(s.Issuer)-len("/dex")], time.Second); err == nil {
			t.Fatal("Dex still runs after the stack stopped")
		}
	})
}

// promRules returns every loaded rule's health by name.
func promRules(t *testing.T, base string) map[string]string {
	t.Helper()
	resp, err := http.Get(base + "/api/v1/rules")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		Data struct {
			Groups []struct {
				Rules []struct {
					Name, Health, LastError string
				} `json:"rules"`
			} `json:"groups"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, g := range r.Data.Groups {
		for _, rule := range g.Rules {
			out[rule.Name] = rule.Health + rule.LastError
		}
	}
	return out
}

// TestStackUpErrors: bad input fails fast with a clear message.
func TestStackUpErrors(t *testing.T) {
	endToEnd(t, "builds the stack CLI")
	s := newLocalStack(t)
	for _, args := range [][]string{{"upp"}, {}, {"up", "--bogus"}, {"up", "extra"}, {"up", "--topology", "triple"}, {"status", "x"},
		{"up", "--search-attribute", "Color=Blob"}, {"up", "--dynamic-config-value", "limit.blobSize.error=abc"},
		{"up", "--log-level", "loud"}, {"up", "--ui-codec-endpoint", "codec.local"}, {"up", "--namespace", "default"},
		{"up", "--ephemeral", "--data-dir", t.TempDir()}, {"up", "--ephemeral", "--postgres", "postgres://u:p@h/"}, {"up", "--ephemeral", "--detach"}} {
		out, code := s.run(args...)
		if code != 2 || !strings.Contains(strings.ToLower(out), "usage") {
			t.Fatalf("stack %v: exit %d, output:\n%s", args, code, out)
		}
	}
	// A taken port is named, with the process holding it.
	l, err := net.Listen("tcp", s.Frontend)
	if err != nil {
		t.Fatal(err)
	}
	out, code := s.run(append([]string{"up"}, s.flags()...)...)
	l.Close()
	if code != 1 || !strings.Contains(out, fmt.Sprintf("port %d (server frontend gRPC) is taken by pid %d", s.base, os.Getpid())) {
		t.Fatalf("port taken: exit %d\n%s", code, out)
	}
	// A data dir from an incompatible version is refused, untouched.
	if err := os.WriteFile(filepath.Join(s.dataDir, "LAYOUT"), []byte("1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = s.run(append([]string{"up"}, s.flags()...)...)
	if code != 1 || !strings.Contains(out, "has layout 1, this version of up needs layout") {
		t.Fatalf("old data dir: exit %d\n%s", code, out)
	}
	// Multi needs PostgreSQL; a malformed URL is explained; nothing runs.
	if out, code := s.run("up", "--topology", "multi", "--data-dir", t.TempDir()); code != 1 || !strings.Contains(out, "needs --postgres") {
		t.Fatalf("multi without postgres: exit %d\n%s", code, out)
	}
	if out, code := s.run("up", "--postgres", "mysql://x", "--data-dir", t.TempDir()); code != 1 || !strings.Contains(out, "want postgres://USER:PASSWORD@HOST:PORT/") {
		t.Fatalf("bad --postgres: exit %d\n%s", code, out)
	}
	// A dynamic config value the server would refuse is refused before anything starts, and not written.
	fresh := t.TempDir()
	dc := filepath.Join(fresh, "dynamic_config.yaml")
	if out, code := s.run(append([]string{"up", "--dynamic-config-value", "no.such.key=1", "--data-dir", fresh}, s.portFlags()...)...); code != 1 ||
		!strings.Contains(out, "the server would not accept it") {
		t.Fatalf("unknown dynamic config key: exit %d\n%s", code, out)
	}
	if after, _ := os.ReadFile(dc); strings.Contains(string(after), "no.such.key") {
		t.Fatalf("a refused value is in %s", dc)
	}
	if out, code := s.run("status", "--data-dir", t.TempDir()); code != 1 || !strings.Contains(out, "no stack is running") {
		t.Fatalf("status of nothing: exit %d\n%s", code, out)
	}
}

// TestStackUpInterrupted: SIGTERM (as Ctrl-C) while the stack starts stops
// what has started, mid-step, and says so.
func TestStackUpInterrupted(t *testing.T) {
	endToEnd(t, "builds and runs the local stack")
	s := newLocalStack(t)
	root, _ := toolbin.Root()
	p, err := proc.Start(proc.Spec{Name: "stack-up", Path: s.bin, LogDir: t.TempDir(), Dir: root,
		Args: append([]string{"up"}, s.flags("--no-ui", "--no-prometheus", "--archival", "off")...)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Stop(60 * time.Second) })
	if err := p.WaitFor(5*time.Minute, "starting Dex", func(context.Context) error {
		if b, _ := os.ReadFile(p.LogPath); !strings.Contains(string(b), "stack: starting dex") {
			return errors.New("not yet")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	p.Stop(60 * time.Second)
	if _, err := p.Exited(); err == nil || !strings.Contains(p.Tail(5), "while starting; stopped") || strings.Contains(p.Tail(40), datadir.BannerTitle) {
		t.Fatalf("up after SIGTERM while starting: %v\n%s", err, p.Tail(40))
	}
	for what, addr := range map[string]string{"the frontend": s.Frontend, "Dex": strings.TrimSuffix(strings.TrimPrefix(s.Issuer, "http://"), "/dex")} {
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			t.Errorf("%s still listens after the interrupted start", what)
		}
	}
	if _, ok, _ := datadir.Dir(s.dataDir).Running(); ok {
		t.Error("the state file still says a stack runs")
	}
}
