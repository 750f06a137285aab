package e2e

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/temporal-stack/stack/internal/harness/certs"
	"github.com/temporal-stack/stack/internal/harness/serverproc"
	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/internal/toolbin"
	"github.com/temporal-stack/stack/poller/healthpoll"
)

// TestPollerSingleProcess polls a real server through its internal-frontend:
// not ready while the server is down (no crash), then one history host serving.
// The multi-process cluster test (kill -9 of a history host) is still to come.
func TestPollerSingleProcess(t *testing.T) {
	endToEnd(t, "runs the server")
	// First point it at a port where nothing listens.
	port, err := proc.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	down, err := healthpoll.New(healthpoll.Config{Address: fmt.Sprintf("127.0.0.1:%d", port), Interval: time.Second, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer down.Close()
	if err := down.Round(context.Background()); err == nil || down.Ready() {
		t.Fatalf("a poll of a closed port: err %v, ready %v", err, down.Ready())
	}

	srv := serverproc.Start(t, serverproc.Options{Env: []string{"TEMPORAL_ALLOW_NO_AUTH=true"}})
	p, err := healthpoll.New(healthpoll.Config{Address: srv.InternalFrontendAddr, Interval: time.Second, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	web := httptest.NewServer(p.Handler())
	defer web.Close()
	eventually(t, 90*time.Second, "one history host serving", func() error {
		if err := p.Round(context.Background()); err != nil {
			return err
		}
		v, err := serverproc.Scrape(web.URL+"/metrics", "stack_poller_history_host_state", nil)
		if err != nil {
			return err
		}
		if v != 1 {
			return fmt.Errorf("state %v", v)
		}
		return nil
	})
	if n, err := serverproc.Scrape(web.URL+"/metrics", "stack_poller_history_hosts", nil); err != nil || n != 1 {
		t.Fatalf("history hosts %v, %v", n, err)
	}
	if !p.Ready() {
		t.Fatal("not ready after a successful round")
	}
	// The history host's own host_health gauge is driven by these calls
	// (the server's reporter flushes every second).
	eventually(t, 10*time.Second, "the server's host_health gauge", func() error {
		_ = p.Round(context.Background())
		if v, err := srv.Metric("host_health", nil); err != nil || v != 1 {
			return fmt.Errorf("host_health = %v, %v", v, err)
		}
		return nil
	})
	if err := proc.HTTPOK(nil, web.URL+"/readyz")(context.Background()); err != nil {
		t.Fatal(err)
	}
	checkMetrics(t, web.URL+"/metrics")

	// "poller --once" is the chart's helm test: exit 0 when every host serves,
	// exit 1 with the reason when the cluster cannot be reached.
	bin, err := toolbin.Own("./poller")
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--once", "--address", srv.InternalFrontendAddr).CombinedOutput()
	if err != nil || !strings.Contains(string(out), ": Serving") || !strings.Contains(string(out), "all 1 history hosts serve") {
		t.Fatalf("poller --once: %v\n%s", err, out)
	}
	// A closed port: it retries for --wait (2 s apart), says so, then fails with the reason.
	start := time.Now()
	out, err = exec.Command(bin, "--once", "--wait", "3s", "--address", fmt.Sprintf("127.0.0.1:%d", port)).CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(string(out), "health check through 127.0.0.1:") ||
		!strings.Contains(string(out), "retrying for up to") || time.Since(start) < 3*time.Second {
		t.Fatalf("poller --once --wait 3s on a closed port, after %s: %v\n%s", time.Since(start), err, out)
	}
}

// TestPollerInternodeTLS: with mutual TLS between the services, the poller
// reaches the internal-frontend only with the internode CA and a client
// certificate.
func TestPollerInternodeTLS(t *testing.T) {
	endToEnd(t, "runs the server")
	f := certs.New(t)
	srv := serverproc.Start(t, serverproc.Options{Env: []string{"TEMPORAL_ALLOW_NO_AUTH=true"},
		InternodeCA: f.CA, InternodeCert: f.Cert, InternodeKey: f.Key})
	plain, err := healthpoll.New(healthpoll.Config{Address: srv.InternalFrontendAddr, Interval: time.Second, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	if err := plain.Round(context.Background()); err == nil {
		t.Fatal("a plaintext poll of a TLS internal-frontend succeeded")
	}
	p, err := healthpoll.New(healthpoll.Config{Address: srv.InternalFrontendAddr, Interval: time.Second,
		TLS: f.ClientConfig(t), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	eventually(t, 90*time.Second, "a poll over mutual TLS", func() error { return p.Round(context.Background()) })
}
