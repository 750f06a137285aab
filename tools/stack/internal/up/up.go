// Package up runs the Temporal Stack locally as child processes: at this stage
// the server (all five services on SQLite) with its live dynamic-config file.
package up

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/temporal-stack/stack/internal/harness/proc"
	"github.com/temporal-stack/stack/internal/harness/toolbin"
	"github.com/temporal-stack/stack/internal/localconfig"
)

const seedDynamicConfig = `# Temporal dynamic config, applied live on every save (no restart).
# Check a file with: go run ./server validate-dynamic-config FILE
frontend.enableUpdateWorkflowExecution:
  - value: true
`

// Run parses flags and runs the stack until interrupted.
func Run(args []string) error {
	fs := flag.NewFlagSet("up", flag.ContinueOnError)
	root, _ := toolbin.Root()
	dataDir := fs.String("data-dir", filepath.Join(root, ".stack"), "where the stack keeps its databases, config and logs (reused by the next up)")
	base := fs.Int("ports-from", 7233, "frontend gRPC port; the other services use the ports after it (history +1, matching +2, internal-frontend +3, worker +6, HTTP +10)")
	metricsPort := fs.Int("metrics-port", 9090, "Prometheus /metrics port of the server")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		os.Exit(2)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "up takes no arguments, got %q\n", fs.Args())
		fs.Usage()
		os.Exit(2)
	}
	return run(*dataDir, *base, *metricsPort)
}

func run(dataDir string, base, metricsPort int) error {
	c := localconfig.Config{
		Frontend: base, History: base + 1, Matching: base + 2, Internal: base + 3, Worker: base + 6,
		FrontendHTTP: base + 10, InternalHTTP: base + 13,
		FrontendMembership: base - 300, HistoryMembership: base - 299, MatchingMembership: base - 298,
		InternalMembership: base - 297, WorkerMembership: base - 294, Metrics: metricsPort,
		DataDir: filepath.Join(dataDir, "db"), DynamicConfigFile: filepath.Join(dataDir, "dynamic_config.yaml"),
	}
	for name, port := range map[string]int{
		"frontend": c.Frontend, "history": c.History, "matching": c.Matching, "internal-frontend": c.Internal,
		"worker": c.Worker, "frontend HTTP": c.FrontendHTTP, "internal-frontend HTTP": c.InternalHTTP,
		"metrics": c.Metrics, "frontend membership": c.FrontendMembership, "history membership": c.HistoryMembership,
		"matching membership": c.MatchingMembership, "internal-frontend membership": c.InternalMembership,
		"worker membership": c.WorkerMembership,
	} {
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err != nil {
			return fmt.Errorf("port %d (%s) is taken: %v; stop what uses it (ss -ltnp 'sport = :%d') or pass --ports-from / --metrics-port", port, name, err, port)
		}
		l.Close()
	}
	for _, d := range []string{c.DataDir, filepath.Join(dataDir, "logs")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	if _, err := os.Stat(c.DynamicConfigFile); errors.Is(err, os.ErrNotExist) {
		if err := os.WriteFile(c.DynamicConfigFile, []byte(seedDynamicConfig), 0o644); err != nil {
			return err
		}
	}
	cfgPath := filepath.Join(dataDir, "server.yaml")
	f, err := os.Create(cfgPath)
	if err != nil {
		return err
	}
	if err := localconfig.Write(f, c); err != nil {
		f.Close()
		return err
	}
	f.Close()

	fmt.Println("stack: building the server (first run takes a few minutes)...")
	bin, err := toolbin.Own("./server")
	if err != nil {
		return err
	}
	server, err := proc.Start(proc.Spec{Name: "server", Path: bin, LogDir: filepath.Join(dataDir, "logs"),
		Args: []string{"--config-file", cfgPath, "start"},
		// Auth needs an IdP; Dex joins the local stack with the local-stack issue.
		// Until then the local stack runs without auth, and says so.
		Env: []string{"TEMPORAL_SERVICES=frontend,internal-frontend,history,matching,worker", "TEMPORAL_ALLOW_NO_AUTH=true"}})
	if err != nil {
		return err
	}
	defer server.Stop(20 * time.Second)
	fmt.Printf("stack: starting the server (log: %s)...\n", server.LogPath)

	addr := fmt.Sprintf("127.0.0.1:%d", c.Frontend)
	var tc client.Client
	err = server.WaitFor(2*time.Minute, "serving", func(ctx context.Context) error {
		var err error
		tc, err = client.DialContext(ctx, client.Options{HostPort: addr})
		return err
	})
	if err != nil {
		return err
	}
	defer tc.Close()
	if err := ensureNamespace(tc, "default"); err != nil {
		return err
	}

	fmt.Printf(`
Temporal Stack is up.
  Frontend (gRPC)   %s
  Metrics           http://127.0.0.1:%d/metrics
  Dynamic config    %s  (edits apply live)
  Data and logs     %s
  Auth              OFF in the local stack for now (no IdP yet); the server logs a warning

Try:
  temporal workflow list --address %s --namespace default

Ctrl-C stops everything; the next up reuses the data.
`, addr, c.Metrics, c.DynamicConfigFile, dataDir, addr)

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	select {
	case s := <-sig:
		fmt.Printf("\nstack: %s received, stopping...\n", s)
		server.Stop(20 * time.Second)
		fmt.Println("stack: stopped.")
		return nil
	case <-server.Done():
		_, werr := server.Exited()
		return fmt.Errorf("the server exited (%v); last log lines:\n%s", werr, server.Tail(30))
	}
}

// ensureNamespace registers ns unless it exists (a fresh SQLite database has none).
func ensureNamespace(c client.Client, ns string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := c.WorkflowService().RegisterNamespace(ctx, &workflowservice.RegisterNamespaceRequest{
		Namespace: ns, WorkflowExecutionRetentionPeriod: durationpb.New(72 * time.Hour),
	})
	var exists *serviceerror.NamespaceAlreadyExists
	if err != nil && !errors.As(err, &exists) {
		return fmt.Errorf("create namespace %q: %w", ns, err)
	}
	return nil
}
