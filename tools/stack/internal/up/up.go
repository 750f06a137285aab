// Package up runs the Temporal Stack locally as child processes: Dex (the
// identity provider) and the server (all five services on SQLite, auth on)
// with its live dynamic-config file.
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
	"strings"
	"syscall"
	"time"

	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/temporal-stack/stack/dexlogin/workerauth"
	"github.com/temporal-stack/stack/internal/harness/proc"
	"github.com/temporal-stack/stack/internal/harness/toolbin"
	"github.com/temporal-stack/stack/internal/localconfig"
)

const seedDynamicConfig = `# Temporal dynamic config, applied live on every save (no restart).
# Check a file with: go run ./server validate-dynamic-config FILE
frontend.enableUpdateWorkflowExecution:
  - value: true
# Who may do what (tokens from the local Dex). Add users and groups here.
stack.auth.rolePolicy:
  - value:
      users:
        admin@example.com: ["temporal-system:admin"]
      default: ["default:read"]
`

// Run parses flags and runs the stack until interrupted.
func Run(args []string) error {
	fs := flag.NewFlagSet("up", flag.ContinueOnError)
	root, _ := toolbin.Root()
	dataDir := fs.String("data-dir", filepath.Join(root, ".stack"), "where the stack keeps its databases, config and logs (reused by the next up)")
	base := fs.Int("ports-from", 7233, "frontend gRPC port; the other services use the ports after it (history +1, matching +2, internal-frontend +3, worker +6, HTTP +10)")
	metricsPort := fs.Int("metrics-port", 9090, "Prometheus /metrics port of the server")
	dexPort := fs.Int("dex-port", 5556, "port of the local Dex (OIDC issuer http://127.0.0.1:PORT/dex)")
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
	return run(*dataDir, *base, *metricsPort, *dexPort)
}

func run(dataDir string, base, metricsPort, dexPort int) error {
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
		"worker membership": c.WorkerMembership, "Dex": dexPort,
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

	sec, err := secrets(dataDir)
	if err != nil {
		return err
	}
	issuer := fmt.Sprintf("http://127.0.0.1:%d/dex", dexPort)
	dexCfg := filepath.Join(dataDir, "dex.yaml")
	if err := writeDexConfig(dexCfg, issuer, fmt.Sprintf("127.0.0.1:%d", dexPort), filepath.Join(dataDir, "dex.db"), sec); err != nil {
		return err
	}
	fmt.Println("stack: building Dex and the server (first run takes a few minutes)...")
	dexBin, err := toolbin.Path(toolbin.Dex)
	if err != nil {
		return err
	}
	bin, err := toolbin.Own("./server")
	if err != nil {
		return err
	}
	logs := filepath.Join(dataDir, "logs")
	dex, err := proc.Start(proc.Spec{Name: "dex", Path: dexBin, LogDir: logs, Args: []string{"serve", dexCfg}})
	if err != nil {
		return err
	}
	defer dex.Stop(10 * time.Second)
	fmt.Printf("stack: starting Dex (log: %s)...\n", dex.LogPath)
	if err := dex.WaitFor(time.Minute, "serving OIDC discovery", proc.HTTPOK(nil, issuer+"/.well-known/openid-configuration")); err != nil {
		return fmt.Errorf("Dex is not ready: %w", err)
	}
	server, err := proc.Start(proc.Spec{Name: "server", Path: bin, LogDir: logs,
		Args: []string{"--config-file", cfgPath, "start", "--auth-issuer", issuer,
			"--auth-audience", strings.Join([]string{CLIClient, UIClient, WorkerClient}, ",")},
		Env: []string{"TEMPORAL_SERVICES=frontend,internal-frontend,history,matching,worker"}})
	if err != nil {
		return err
	}
	defer server.Stop(20 * time.Second)
	fmt.Printf("stack: starting the server (log: %s)...\n", server.LogPath)

	addr := fmt.Sprintf("127.0.0.1:%d", c.Frontend)
	var tc client.Client
	err = server.WaitFor(2*time.Minute, "serving", func(ctx context.Context) error {
		hp, err := workerauth.PasswordGrant(ctx, workerauth.Config{Issuer: issuer, ClientID: WorkerClient,
			ClientSecret: sec.WorkerSecret, Username: AdminEmail, Password: sec.AdminPassword})
		if err != nil {
			return err
		}
		tc, err = client.DialContext(ctx, client.Options{HostPort: addr, HeadersProvider: hp})
		return err
	})
	if err != nil {
		return err
	}
	defer tc.Close()
	if err := ensureNamespace(tc, "default"); err != nil {
		return err
	}

	password := "(shown on the first run; see " + filepath.Join(dataDir, "secrets") + ")"
	if sec.Created {
		password = sec.AdminPassword + "  (generated now, shown once; kept in " + filepath.Join(dataDir, "secrets") + ")"
	}
	fmt.Printf(`
Temporal Stack is up. Auth is on.
  Frontend (gRPC)   %s
  Login (Dex)       %s   user %s
                    password %s
  Metrics           http://127.0.0.1:%d/metrics
  Dynamic config    %s  (edits apply live; the role policy is in it)
  Data and logs     %s

Try:
  go run ./dexlogin --issuer %s --temporal-profile local --temporal-address %s
  temporal --profile local workflow list

Ctrl-C stops everything; the next up reuses the data.
`, addr, issuer, AdminEmail, password, c.Metrics, c.DynamicConfigFile, dataDir, issuer, addr)

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
