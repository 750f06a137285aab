// Package up runs the Temporal Stack locally as child processes: Dex, the
// server (one process or the chart's multi-process shape), the health poller,
// the Web UI with SSO, Prometheus with the chart's alert rules, and MinIO for
// archival; status and down act on a stack started with --detach.
package up

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"

	"github.com/temporal-stack/stack/dexlogin/workerauth"
	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/internal/toolbin"
	"github.com/temporal-stack/stack/internal/localconfig"
)

const seedDynamicConfig = `# Temporal dynamic config, applied live on every save (no restart).
# Check a file with: go run ./server validate-dynamic-config FILE
frontend.enableUpdateWorkflowExecution:
  - value: true
# Archive closed workflows within seconds (Temporal's default waits 5 minutes).
history.archivalProcessorArchiveDelay:
  - value: 1s
# Who may do what (tokens from the local Dex). Add users and groups here.
stack.auth.rolePolicy:
  - value:
      users:
        admin@example.com: ["temporal-system:admin"]
      default: ["default:read"]
`

const seedDualVisibility = `
# Dual visibility (--postgres): every write goes to both visibility stores.
# Set enableReadFromSecondaryVisibility to true to read from the secondary.
system.secondaryVisibilityWritingMode:
  - value: dual
system.enableReadFromSecondaryVisibility:
  - value: false
`

// bannerTitle starts the ready banner; bannerEnd is its last line.
const (
	bannerTitle = "Temporal Stack is up."
	bannerEnd   = "the next up reuses the data."
)

// defaultNamespace is created at the first start, with archival.
const defaultNamespace = "default"

type options struct {
	dataDir                                     string
	base, metrics, dex, ui, poller, prom, minio int
	topology, postgres, archival                string
	detach                                      bool
	noUI, noPrometheus                          bool
}

const usage = `usage: go run ./tools/stack up [flags]

Runs the whole Temporal Stack on this machine as local processes: the server
(auth on), Dex, the Web UI with SSO, the health poller, Prometheus (if
installed) and archival. Ctrl-C stops it; --detach runs it in the background
(then "stack status" and "stack down").

flags:
`

// Run parses the flags of "up" and runs the stack until interrupted.
func Run(args []string) error {
	fs := flag.NewFlagSet("up", flag.ContinueOnError)
	fs.Usage = func() { fmt.Fprint(fs.Output(), usage); fs.PrintDefaults() }
	root, _ := toolbin.Root()
	var o options
	fs.StringVar(&o.dataDir, "data-dir", filepath.Join(root, ".stack"), "where the stack keeps its databases, config, secrets and logs (reused by the next up)")
	fs.IntVar(&o.base, "ports-from", 7233, "frontend gRPC port; the services use the ports after it (history +1, matching +2, internal-frontend +3, worker +6, HTTP +10; --topology multi: second replicas +20)")
	fs.IntVar(&o.metrics, "metrics-port", 9090, "server /metrics port (--topology multi: this and the next 7)")
	fs.IntVar(&o.dex, "dex-port", 5556, "Dex port (OIDC issuer http://127.0.0.1:PORT/dex)")
	fs.IntVar(&o.ui, "ui-port", 8080, "Web UI port")
	fs.IntVar(&o.poller, "poller-port", 9095, "health poller /metrics port")
	fs.IntVar(&o.prom, "prometheus-port", 9091, "Prometheus port")
	fs.IntVar(&o.minio, "minio-port", 9000, "MinIO S3 port (--archival minio); its console uses the next port")
	fs.StringVar(&o.topology, "topology", "single", "single: one server process; multi: the chart's shape (frontend ×2, history ×2, matching ×2, worker, internal-frontend; needs --postgres)")
	fs.StringVar(&o.postgres, "postgres", "", "postgres://USER:PASSWORD@HOST:PORT/ instead of SQLite files: main store plus dual visibility (two visibility databases)")
	fs.StringVar(&o.archival, "archival", "file", "where closed workflows are archived: file (the data dir), minio (a local MinIO) or off")
	fs.BoolVar(&o.detach, "detach", false, "run in the background; stop with: stack down")
	fs.BoolVar(&o.noUI, "no-ui", false, "do not run the Web UI")
	fs.BoolVar(&o.noPrometheus, "no-prometheus", false, "do not run Prometheus even when installed")
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
	if o.topology != "single" && o.topology != "multi" {
		fmt.Fprintf(os.Stderr, "--topology %q: want single or multi\n", o.topology)
		fs.Usage()
		os.Exit(2)
	}
	if o.topology == "multi" && o.postgres == "" {
		return errors.New("--topology multi needs --postgres: SQLite files cannot be shared by several server processes")
	}
	abs, err := filepath.Abs(o.dataDir)
	if err != nil {
		return err
	}
	o.dataDir = abs
	if o.detach {
		return detach(o.dataDir, args)
	}
	return run(o)
}

// stack is a running local stack.
type stack struct {
	mu      sync.Mutex
	stopped bool
	o       options
	comps   []*running // in start order
	state   State
}

type running struct {
	Component
	p        *proc.Process
	critical bool // its exit stops the stack
}

func (s *stack) add(p *proc.Process, c Component, critical bool) {
	s.mu.Lock() // the server's members are added from their own goroutine
	defer s.mu.Unlock()
	if s.stopped { // started while the stack was being stopped
		p.Stop(20 * time.Second)
		return
	}
	c.Pid, c.Log = p.Pid(), p.LogPath
	s.comps = append(s.comps, &running{Component: c, p: p, critical: critical})
	s.state.Components = append(s.state.Components, c)
	_ = writeState(s.o.dataDir, s.state)
}

// stop stops the components in reverse start order.
func (s *stack) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopped = true
	for i := len(s.comps) - 1; i >= 0; i-- {
		s.comps[i].p.Stop(20 * time.Second)
	}
	s.comps = nil
}

func run(o options) (err error) {
	if err := os.MkdirAll(filepath.Join(o.dataDir, "logs"), 0o755); err != nil {
		return err
	}
	if err := checkLayout(o.dataDir); err != nil {
		return err
	}
	lock, err := lockDataDir(o.dataDir)
	if err != nil {
		return err
	}
	defer lock.Close()
	s := &stack{o: o, state: State{Pid: os.Getpid(), Started: time.Now()}}
	if err := writeState(o.dataDir, s.state); err != nil {
		return err
	}
	defer os.Remove(filepath.Join(o.dataDir, stateFile))
	defer s.stop()
	// Ctrl-C while starting stops what has started.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)

	common := localconfig.Config{DataDir: filepath.Join(o.dataDir, "db"), DynamicConfigFile: filepath.Join(o.dataDir, "dynamic_config.yaml")}
	if o.postgres != "" {
		if common.Postgres, err = parsePostgres(o.postgres); err != nil {
			return err
		}
	} else if err := os.MkdirAll(common.DataDir, 0o755); err != nil {
		return err
	}
	if common.Archival, err = archivalConfig(o.archival, o.dataDir, o.minio); err != nil {
		return err
	}
	ms := members(o.topology, o.base, o.metrics, common)
	internal := ms[0].cfg.Internal // every member agrees on the internal-frontend port
	frontend := fmt.Sprintf("127.0.0.1:%d", o.base)

	promBin, promErr := exec.LookPath("prometheus")
	runProm := !o.noPrometheus && promErr == nil
	ports := map[string]int{"Dex": o.dex, "poller": o.poller}
	for _, m := range ms {
		for k, v := range m.ports() {
			ports[k] = v
		}
	}
	if !o.noUI {
		ports["Web UI"] = o.ui
	}
	if runProm {
		ports["Prometheus"] = o.prom
	}
	if o.archival == "minio" {
		ports["MinIO"], ports["MinIO console"] = o.minio, o.minio+1
	}
	if err := checkPorts(ports); err != nil {
		return err
	}
	if err := seedDynamicConfigFile(common.DynamicConfigFile, common.Postgres != nil); err != nil {
		return err
	}
	sec, err := secrets(o.dataDir)
	if err != nil {
		return err
	}
	minioPassword = sec.MinIOPassword
	issuer := fmt.Sprintf("http://127.0.0.1:%d/dex", o.dex)
	uiURL := fmt.Sprintf("http://127.0.0.1:%d", o.ui)
	dexCfg := filepath.Join(o.dataDir, "dex.yaml")
	// Dex's config holds a bcrypt hash (tens of ms): written while the server starts.
	dexCfgDone := make(chan error, 1)
	go func() {
		dexCfgDone <- writeDexConfig(dexCfg, issuer, fmt.Sprintf("127.0.0.1:%d", o.dex), filepath.Join(o.dataDir, "dex.db"), uiURL+"/auth/sso/callback", sec)
	}()

	// Build what is missing, one at a time, saying what and how long.
	fmt.Println("stack: checking the binaries (a first run builds them, which takes several minutes)...")
	bins := map[string]string{}
	tools := map[string]toolbin.Tool{"dex": toolbin.Dex}
	if !o.noUI {
		tools["ui"] = toolbin.UI
	}
	if o.archival == "minio" {
		tools["minio"] = toolbin.MinIO
	}
	for name, t := range tools {
		if bins[name], err = toolbin.Path(t); err != nil {
			return err
		}
	}
	for name, pkg := range map[string]string{"server": "./server", "poller": "./poller"} {
		if bins[name], err = toolbin.Own(pkg); err != nil {
			return err
		}
	}
	logs := filepath.Join(o.dataDir, "logs")
	// launch starts a component without waiting; ready() waits for it.
	type launched struct {
		name    string
		p       *proc.Process
		ready   func(context.Context) error
		started time.Time
	}
	launch := func(spec proc.Spec, c Component, critical bool, ready func(context.Context) error) (*launched, error) {
		spec.LogDir = logs
		p, err := proc.Start(spec)
		if err != nil {
			return nil, err
		}
		s.add(p, c, critical)
		fmt.Printf("stack: starting %s (log: %s)...\n", c.Name, p.LogPath)
		return &launched{name: c.Name, p: p, ready: ready, started: time.Now()}, nil
	}
	wait := func(l *launched) error {
		if err := l.p.WaitFor(2*time.Minute, "ready", l.ready); err != nil {
			return err
		}
		fmt.Printf("stack: %s ready in %s\n", l.name, time.Since(l.started).Round(time.Millisecond))
		return interrupted(sig)
	}

	if common.Postgres != nil {
		fmt.Printf("stack: preparing PostgreSQL %s (databases %s, %s, %s)...\n", common.Postgres.Addr, pgMain, pgVisibility, pgSecondaryVisibility)
		if err := setupPostgres(common.Postgres); err != nil {
			return err
		}
	}
	// The server starts first: its OIDC discovery waits for Dex, which starts alongside.
	// The server creates the default namespace (archival from its config)
	// before serving, so workers started alongside up never miss it.
	serverArgs := []string{"--auth-issuer", issuer, "--auth-audience", strings.Join([]string{CLIClient, UIClient, WorkerClient}, ","),
		"--namespace", defaultNamespace}
	fmt.Printf("stack: starting the server (%s topology, %d process(es))...\n", o.topology, len(ms))
	serverStart := time.Now()
	membersDone := make(chan error, 1)
	var entry *proc.Process // the member serving the public frontend
	go func() {
		membersDone <- startMembers(ms, bins["server"], o.dataDir, serverArgs, func(m *member) {
			health := fmt.Sprintf("http://127.0.0.1:%d/metrics", m.cfg.Metrics)
			if strings.HasPrefix(m.services, "frontend") {
				health = fmt.Sprintf("grpc://127.0.0.1:%d", m.grpcPort())
				if entry == nil {
					entry = m.proc
				}
			}
			s.add(m.proc, Component{Name: m.name, URL: fmt.Sprintf("127.0.0.1:%d", m.grpcPort()), Health: health}, true)
		})
	}()
	if err := <-dexCfgDone; err != nil {
		return err
	}
	// Dex and MinIO.
	dex, err := launch(proc.Spec{Name: "dex", Path: bins["dex"], Args: []string{"serve", dexCfg}},
		Component{Name: "dex", URL: issuer, Health: issuer + "/.well-known/openid-configuration"}, true,
		proc.HTTPOK(nil, issuer+"/.well-known/openid-configuration"))
	if err != nil {
		return err
	}
	var minio *launched
	minioURL := fmt.Sprintf("http://127.0.0.1:%d", o.minio)
	if o.archival == "minio" {
		minio, err = launch(proc.Spec{Name: "minio", Path: bins["minio"],
			Args: []string{"server", filepath.Join(o.dataDir, "minio"), "--address", fmt.Sprintf("127.0.0.1:%d", o.minio),
				"--console-address", fmt.Sprintf("127.0.0.1:%d", o.minio+1)},
			Env: []string{"MINIO_ROOT_USER=" + minioUser, "MINIO_ROOT_PASSWORD=" + sec.MinIOPassword, "MINIO_BROWSER_REDIRECT=off"}},
			Component{Name: "minio", URL: fmt.Sprintf("http://127.0.0.1:%d", o.minio+1), Health: minioURL + "/minio/health/ready"}, true,
			proc.HTTPOK(nil, minioURL+"/minio/health/ready"))
		if err != nil {
			return err
		}
	}
	if err := wait(dex); err != nil {
		return fmt.Errorf("Dex is not ready: %w", err)
	}
	if minio != nil {
		if err := wait(minio); err != nil {
			return fmt.Errorf("MinIO is not ready: %w", err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err := createBuckets(ctx, minioURL)
		cancel()
		if err != nil {
			return err
		}
	}

	// The UI (it needs Dex) and Prometheus start while the server does.
	var optional []*launched
	uiLine := "(off: --no-ui)"
	if !o.noUI {
		uiCfg := filepath.Join(o.dataDir, "ui.yaml")
		if err := writeUIConfig(uiCfg, uiOptions{Port: o.ui, FrontendAddr: frontend, Issuer: issuer, ClientID: UIClient,
			ClientSecret: sec.UISecret, CallbackURL: uiURL + "/auth/sso/callback", Namespace: defaultNamespace}); err != nil {
			return err
		}
		// The UI runs as its own process: its failures never take the server down.
		ui, err := launch(proc.Spec{Name: "ui", Path: bins["ui"], Args: []string{"--config", uiCfg}},
			Component{Name: "ui", URL: uiURL, Health: uiURL + "/healthz"}, false, proc.HTTPOK(nil, uiURL+"/healthz"))
		if err != nil {
			return err
		}
		optional = append(optional, ui)
		uiLine = uiURL + "   (sign in with the login below)"
	}
	promLine := "not installed: apt-get install -y --no-install-recommends prometheus (then run up again)"
	if o.noPrometheus {
		promLine = "(off: --no-prometheus)"
	}
	if runProm {
		var targets []string
		for _, m := range ms {
			targets = append(targets, fmt.Sprintf("127.0.0.1:%d", m.cfg.Metrics))
		}
		promDir := filepath.Join(o.dataDir, "prometheus")
		if err := os.MkdirAll(promDir, 0o755); err != nil {
			return err
		}
		cfg, err := writePrometheusConfig(promDir, targets, fmt.Sprintf("127.0.0.1:%d", o.poller))
		if err != nil {
			return err
		}
		promURL := fmt.Sprintf("http://127.0.0.1:%d", o.prom)
		prom, err := launch(proc.Spec{Name: "prometheus", Path: promBin,
			Args: []string{"--config.file", cfg, "--storage.tsdb.path", filepath.Join(promDir, "data"),
				"--web.listen-address", fmt.Sprintf("127.0.0.1:%d", o.prom), "--storage.tsdb.retention.time", "7d"}},
			Component{Name: "prometheus", URL: promURL, Health: promURL + "/-/ready"}, false, proc.HTTPOK(nil, promURL+"/-/ready"))
		if err != nil {
			return err
		}
		optional = append(optional, prom)
		promLine = promURL + "   (alerts: " + promURL + "/alerts)"
	}

	// The admin's token (for the namespace) is fetched while the server starts.
	var adminToken *workerauth.HeadersProvider
	tokenErr := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		var err error
		adminToken, err = workerauth.PasswordGrant(ctx, workerauth.Config{Issuer: issuer, ClientID: WorkerClient,
			ClientSecret: sec.WorkerSecret, Username: AdminEmail, Password: sec.AdminPassword})
		tokenErr <- err
	}()
	if err := <-membersDone; err != nil {
		return err
	}
	if err := interrupted(sig); err != nil {
		return err
	}
	if err := <-tokenErr; err != nil {
		return fmt.Errorf("sign in as %s at Dex (password grant, client %s): %w", AdminEmail, WorkerClient, err)
	}

	var tc client.Client
	// Serving means accepting the admin's token (the server discovers Dex's
	// keys in the background) and having the default namespace.
	err = entry.WaitFor(2*time.Minute, "serving", func(ctx context.Context) error {
		if tc == nil {
			c, err := client.DialContext(ctx, client.Options{HostPort: frontend, HeadersProvider: adminToken})
			if err != nil {
				return err
			}
			tc = c
		}
		_, err := tc.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: defaultNamespace})
		return err
	})
	if err != nil {
		return err
	}
	defer tc.Close()
	fmt.Printf("stack: server serving in %s\n", time.Since(serverStart).Round(time.Millisecond))
	pollerURL := fmt.Sprintf("http://127.0.0.1:%d", o.poller)
	poller, err := launch(proc.Spec{Name: "poller", Path: bins["poller"],
		Args: []string{"--address", fmt.Sprintf("127.0.0.1:%d", internal), "--listen", fmt.Sprintf("127.0.0.1:%d", o.poller), "--interval", "5s"}},
		Component{Name: "poller", URL: pollerURL + "/metrics", Health: pollerURL + "/readyz"}, false,
		proc.HTTPOK(nil, pollerURL+"/readyz"))
	if err != nil {
		return err
	}
	optional = append(optional, poller)
	// The optional components are waited for together; one that fails is
	// reported and the rest keeps running.
	failed := make(chan error, len(optional))
	for _, l := range optional {
		go func(l *launched) {
			if err := l.p.WaitFor(2*time.Minute, "ready", l.ready); err != nil {
				failed <- fmt.Errorf("%s did not start, the rest keeps running: %w", l.name, err)
				return
			}
			fmt.Printf("stack: %s ready in %s\n", l.name, time.Since(l.started).Round(time.Millisecond))
			failed <- nil
		}(l)
	}
	for range optional {
		if err := <-failed; err != nil {
			fmt.Printf("stack: %v\n", err)
			name := strings.Fields(err.Error())[0]
			note := "(failed to start: see " + filepath.Join(logs, name+".log") + ")"
			switch name {
			case "ui":
				uiLine = note
			case "prometheus":
				promLine = note
			}
		}
	}
	if err := interrupted(sig); err != nil {
		return err
	}

	password := "(shown on the first run; see " + filepath.Join(o.dataDir, "secrets") + ")"
	if sec.Created {
		shown := sec.AdminPassword
		if os.Getenv(detachedEnv) != "" {
			shown = passwordPlaceholder // our output is a log file: "up --detach" prints it instead
		}
		password = shown + "  (generated now, shown once; kept in " + filepath.Join(o.dataDir, "secrets") + ")"
	}
	archLine := "off"
	if a := common.Archival; a != nil {
		archLine = a.HistoryURI + " , " + a.VisibilityURI
		if a.Scheme() == "s3" {
			archLine += fmt.Sprintf("   (MinIO console http://127.0.0.1:%d, user %s, password in the secrets file)", o.minio+1, minioUser)
		}
	}
	storage := "SQLite files in " + common.DataDir
	if common.Postgres != nil {
		storage = fmt.Sprintf("PostgreSQL %s: %s, visibility %s + %s (dual)", common.Postgres.Addr, pgMain, pgVisibility, pgSecondaryVisibility)
	}
	s.state.Ready = true
	if err := writeState(o.dataDir, s.state); err != nil {
		return err
	}
	fmt.Printf(`
%s Auth is on.
  Frontend (gRPC)   %s
  Web UI            %s
  Login (Dex)       %s   user %s
                    password %s
  Metrics           http://127.0.0.1:%d/metrics, poller %s/metrics
  Prometheus        %s
  Storage           %s (%s topology)
  Archival          %s
  Dynamic config    %s  (edits apply live; the role policy is in it)
  Data and logs     %s

Try:
  go run ./dexlogin --issuer %s --temporal-profile local --temporal-address %s
  temporal --profile local workflow list
  go run ./tools/stack status --data-dir %s

Ctrl-C stops everything; %s
`, bannerTitle, frontend, uiLine, issuer, AdminEmail, password, o.metrics, pollerURL, promLine, storage, o.topology, archLine,
		common.DynamicConfigFile, o.dataDir, issuer, frontend, o.dataDir, bannerEnd)

	died := make(chan *running, len(s.comps))
	for _, c := range s.comps {
		go func(c *running) { <-c.p.Done(); died <- c }(c)
	}
	for {
		select {
		case sg := <-sig:
			fmt.Printf("\nstack: %s received, stopping...\n", sg)
			s.stop()
			fmt.Println("stack: stopped.")
			return nil
		case c := <-died:
			_, werr := c.p.Exited()
			if c.critical {
				return fmt.Errorf("%s exited (%v); stopping the stack. Last log lines of %s:\n%s", c.Name, werr, c.Log, c.p.Tail(30))
			}
			fmt.Printf("stack: %s exited (%v); the rest keeps running. Last log lines of %s:\n%s\n", c.Name, werr, c.Log, c.p.Tail(15))
		}
	}
}

// seedDynamicConfigFile writes the starting dynamic config on first run, and
// adds the dual-visibility keys when PostgreSQL is used and they are missing.
func seedDynamicConfigFile(path string, dual bool) error {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		b = []byte(seedDynamicConfig)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	if dual && !strings.Contains(string(b), "system.secondaryVisibilityWritingMode") {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = f.WriteString(seedDualVisibility)
		return err
	}
	return nil
}

// interrupted reports a Ctrl-C that arrived while the stack was starting.
func interrupted(sig <-chan os.Signal) error {
	select {
	case sg := <-sig:
		return fmt.Errorf("%s received while starting; stopped", sg)
	default:
		return nil
	}
}
