package proc

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// WaitFor polls ready every 10 ms until it returns nil, the process exits, or
// timeout passes; the error then carries the last lines of the process log.
func (p *Process) WaitFor(timeout time.Duration, what string, ready func(context.Context) error) error {
	return p.WaitForContext(context.Background(), timeout, what, ready)
}

// WaitForContext is WaitFor that also stops when ctx ends, returning
// context.Cause(ctx).
func (p *Process) WaitForContext(ctx context.Context, timeout time.Duration, what string, ready func(context.Context) error) error {
	deadline := time.Now().Add(timeout)
	var last error
	for {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		attempt, cancel := context.WithTimeout(ctx, 2*time.Second)
		last = ready(attempt)
		cancel()
		if last == nil {
			return nil
		}
		if done, err := p.Exited(); done {
			return fmt.Errorf("%s exited (%v) before %s; last log lines:\n%s", p.Name, err, what, p.Tail(30))
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: not %s after %s (%v); last log lines:\n%s", p.Name, what, timeout, last, p.Tail(30))
		}
		select {
		case <-ctx.Done():
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// HTTPOK returns a readiness check that wants 200 from url.
func HTTPOK(client *http.Client, url string) func(context.Context) error {
	if client == nil {
		client = http.DefaultClient
	}
	return func(ctx context.Context) error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("GET %s: %s", url, resp.Status)
		}
		return nil
	}
}

// FreeLowPort returns a free loopback port below 32768: Temporal stores
// membership ports in a PostgreSQL smallint, which the kernel's ephemeral
// range (what FreePort hands out) overflows.
func FreeLowPort() (int, error) {
	for range 100 {
		p := 10000 + rand.IntN(22000)
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p))
		if err == nil {
			l.Close()
			return p, nil
		}
	}
	return 0, fmt.Errorf("no free port below 32768")
}

// FrontendServing returns a readiness check that wants the Temporal frontend
// at addr to report WorkflowService SERVING on the gRPC health service (which
// needs no token).
func FrontendServing(addr string) func(context.Context) error {
	return func(ctx context.Context) error {
		conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
		if err != nil {
			return err
		}
		defer conn.Close()
		r, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{Service: "temporal.api.workflowservice.v1.WorkflowService"})
		if err == nil && r.Status != healthpb.HealthCheckResponse_SERVING {
			err = fmt.Errorf("frontend %s: %s", addr, r.Status)
		}
		return err
	}
}
