package up

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"

	"github.com/temporal-stack/stack/dexlogin/workerauth"
	"github.com/temporal-stack/stack/internal/datadir"
	"github.com/temporal-stack/stack/internal/localconfig"
	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/internal/toolbin"
)

var errMultiNeedsPostgres = errors.New("--topology multi needs --postgres: SQLite files cannot be shared by several server processes")

// step is one named stage of "up". Steps run in order over one stack; a
// step may launch components and leave waiting for them to a later step, so
// that slow starts overlap.
type step struct {
	name string
	run  func(*stack, context.Context) error
}

// steps is what "up" does, in order.
var steps = []step{
	{"open the data dir", (*stack).openDataDir},      // layout, lock, state, secrets, dynamic config
	{"plan the processes", (*stack).plan},            // storage, archival, server members, free ports
	{"build the binaries", (*stack).buildBinaries},   // once, into .cache/bin
	{"prepare PostgreSQL", (*stack).preparePostgres}, // --postgres: databases and schemas
	{"launch the server", (*stack).launchServer},     // members one at a time, in the background
	{"start Dex", (*stack).startDex},                 // the OIDC issuer (the server discovers it when it answers)
	{"start MinIO", (*stack).startMinIO},             // --archival minio: then the buckets
	{"launch the Web UI and Prometheus", (*stack).launchOptional},
	{"sign in as the admin", (*stack).signIn},                         // password grant at Dex
	{"wait for the server", (*stack).waitServer},                      // accepts the admin's token, has the default namespace
	{"register search attributes", (*stack).registerSearchAttributes}, // --search-attribute, in every namespace
	{"launch the poller", (*stack).launchPoller},                      // needs the internal-frontend
	{"wait for the optional components", (*stack).waitOptional},
	{"publish the ready state", (*stack).publishReady}, // state.json ready, the banner
}

// stack is the shared context of the steps: what earlier steps decided,
// made or started.
type stack struct {
	o   options
	dir datadir.Dir
	out io.Writer
	sup *supervisor

	lock    *os.File
	sec     datadir.Secrets
	common  localconfig.Config
	members []*member
	runProm bool
	bins    map[string]string // component name → binary

	issuer, uiURL, frontend, pollerURL, minioURL, promURL string

	serverStart time.Time
	dexConfig   chan error // Dex's config is written (a bcrypt hash, tens of ms) while other steps run
	membersDone chan error
	entry       *launched // the member serving the public frontend
	optional    []*launched
	adminToken  *workerauth.HeadersProvider
	tc          client.Client
	failed      map[string]*ComponentError // optional components that did not start, by name
}

// close stops what the steps started and releases the data dir.
func (s *stack) close() {
	if s.sup != nil {
		s.sup.stop()
	}
	if s.tc != nil {
		s.tc.Close()
	}
	if s.lock != nil {
		_ = s.dir.RemoveState()
		s.lock.Close()
	}
}

func (s *stack) openDataDir(context.Context) error {
	if err := os.MkdirAll(s.dir.Logs(), 0o755); err != nil {
		return err
	}
	if err := s.dir.CheckLayout(); err != nil {
		return err
	}
	lock, err := s.dir.Lock()
	if err != nil {
		return err
	}
	s.lock = lock
	s.sup = &supervisor{dir: s.dir, out: s.out, state: datadir.State{Pid: os.Getpid(), Started: time.Now()}}
	if err := s.dir.WriteState(s.sup.state); err != nil {
		return err
	}
	if s.sec, err = s.dir.Secrets(); err != nil {
		return err
	}
	s.common = localconfig.Config{DataDir: s.dir.Path("db"), DynamicConfigFile: s.dir.DynamicConfig(), InMemory: s.o.ephemeral}
	s.issuer = fmt.Sprintf("http://127.0.0.1:%d/dex", s.o.dex)
	s.uiURL = fmt.Sprintf("http://127.0.0.1:%d", s.o.ui)
	db := s.dir.Path("dex.db")
	if s.o.ephemeral {
		db = "" // Dex's memory storage
	}
	s.dexConfig = make(chan error, 1)
	go func() {
		s.dexConfig <- writeDexConfig(s.dir.Path("dex.yaml"), s.issuer, fmt.Sprintf("127.0.0.1:%d", s.o.dex), db, s.uiURL+"/auth/sso/callback", s.sec)
	}()
	return nil
}

func (s *stack) plan(context.Context) error {
	o := s.o
	var err error
	if o.postgres != "" {
		if s.common.Postgres, err = parsePostgres(o.postgres); err != nil {
			return err
		}
	} else if !s.common.InMemory {
		if err := os.MkdirAll(s.common.DataDir, 0o755); err != nil {
			return err
		}
	}
	if s.common.Archival, err = archivalConfig(o.archival, string(s.dir), o.minio); err != nil {
		return err
	}
	s.members = members(o.topology, o.base, o.metrics, s.common)
	s.frontend = fmt.Sprintf("127.0.0.1:%d", o.base)
	s.pollerURL = fmt.Sprintf("http://127.0.0.1:%d", o.poller)
	s.minioURL = fmt.Sprintf("http://127.0.0.1:%d", o.minio)
	s.promURL = fmt.Sprintf("http://127.0.0.1:%d", o.prom)
	_, promErr := exec.LookPath("prometheus")
	s.runProm = !o.noPrometheus && promErr == nil

	ports := map[string]int{"Dex": o.dex, "poller": o.poller}
	for _, m := range s.members {
		for k, v := range m.ports() {
			ports[k] = v
		}
	}
	if !o.noUI {
		ports["Web UI"] = o.ui
	}
	if s.runProm {
		ports["Prometheus"] = o.prom
	}
	if o.archival == "minio" {
		ports["MinIO"], ports["MinIO console"] = o.minio, o.minio+1
	}
	if err := checkPorts(ports); err != nil {
		return err
	}
	if err := seedDynamicConfigFile(s.common.DynamicConfigFile, s.common.Postgres != nil); err != nil {
		return err
	}
	return setDynamicConfigValues(s.common.DynamicConfigFile, s.o.dynamicConfigValues)
}

// buildBinaries builds what is missing, one at a time, saying what and how long.
func (s *stack) buildBinaries(context.Context) error {
	fmt.Fprintln(s.out, "stack: checking the binaries (a first run builds them, which takes several minutes)...")
	s.bins = map[string]string{}
	tools := map[string]toolbin.Tool{"dex": toolbin.Dex}
	if !s.o.noUI {
		tools["ui"] = toolbin.UI
	}
	if s.o.archival == "minio" {
		tools["minio"] = toolbin.MinIO
	}
	var err error
	for name, t := range tools {
		if s.bins[name], err = toolbin.Path(t); err != nil {
			return err
		}
	}
	for name, pkg := range map[string]string{"server": "./server", "poller": "./poller"} {
		if s.bins[name], err = toolbin.Own(pkg); err != nil {
			return err
		}
	}
	if s.runProm {
		s.bins["prometheus"], _ = exec.LookPath("prometheus")
	}
	return nil
}

func (s *stack) preparePostgres(context.Context) error {
	pg := s.common.Postgres
	if pg == nil {
		return nil
	}
	fmt.Fprintf(s.out, "stack: preparing PostgreSQL %s (databases %s, %s, %s)...\n", pg.Addr, pgMain, pgVisibility, pgSecondaryVisibility)
	return setupPostgres(pg)
}

// launchServer starts the server's members one at a time in the background
// (each listening before the next starts); waitServer collects the result.
// The server starts first: its OIDC discovery waits for Dex, which starts
// alongside. It creates the default namespace (archival from its config)
// before serving, so workers started alongside up never miss it.
func (s *stack) launchServer(ctx context.Context) error {
	serverArgs := []string{"--auth-issuer", s.issuer, "--auth-audience", strings.Join([]string{datadir.CLIClient, datadir.UIClient, datadir.WorkerClient}, ",")}
	for _, ns := range s.namespaces() {
		serverArgs = append(serverArgs, "--namespace", ns)
	}
	for _, a := range s.o.searchAttributes {
		serverArgs = append(serverArgs, "--search-attribute", a.name+"="+shortType(a.typ))
	}
	env := []string{"TEMPORAL_LOG_LEVEL=" + s.o.logLevel}
	if a := s.common.Archival; a != nil && a.Scheme() == "s3" {
		env = append(env, minioClientEnv(s.sec.MinIORootPassword)...)
	}
	fmt.Fprintf(s.out, "stack: starting the server (%s topology, %d process(es))...\n", s.o.topology, len(s.members))
	s.serverStart = time.Now()
	s.membersDone = make(chan error, 1)
	go func() {
		s.membersDone <- s.startMembers(ctx, serverArgs, env)
	}()
	return nil
}

func (s *stack) startMembers(ctx context.Context, serverArgs, env []string) error {
	for _, m := range s.members {
		c, err := m.component(s.bins["server"], s.dir, serverArgs, env)
		if err != nil {
			return err
		}
		l, err := s.sup.launch(c)
		if err != nil {
			return err
		}
		if strings.HasPrefix(m.services, "frontend") && s.entry == nil {
			s.entry = l
		}
		if err := s.sup.wait(ctx, l, "listening on "+m.addr(), l.ready); err != nil {
			return err
		}
	}
	return nil
}

func (s *stack) startDex(ctx context.Context) error {
	cfg := s.dir.Path("dex.yaml")
	if err := <-s.dexConfig; err != nil {
		return err
	}
	discovery := s.issuer + "/.well-known/openid-configuration"
	dex, err := s.sup.launch(component{name: "dex", spec: proc.Spec{Path: s.bins["dex"], Args: []string{"serve", cfg}},
		url: s.issuer, health: discovery, ready: proc.HTTPOK(nil, discovery), critical: true})
	if err != nil {
		return err
	}
	if err := s.sup.waitReady(ctx, dex); err != nil {
		return fmt.Errorf("Dex is not ready: %w", err)
	}
	return nil
}

func (s *stack) startMinIO(ctx context.Context) error {
	if s.o.archival != "minio" {
		return nil
	}
	health := s.minioURL + "/minio/health/ready"
	minio, err := s.sup.launch(component{name: "minio", spec: proc.Spec{Path: s.bins["minio"],
		Args: []string{"server", s.dir.Path("minio"), "--address", fmt.Sprintf("127.0.0.1:%d", s.o.minio),
			"--console-address", fmt.Sprintf("127.0.0.1:%d", s.o.minio+1)},
		Env: []string{"MINIO_ROOT_USER=" + datadir.MinIOUser, "MINIO_ROOT_PASSWORD=" + s.sec.MinIORootPassword, "MINIO_BROWSER_REDIRECT=off"}},
		url: fmt.Sprintf("http://127.0.0.1:%d", s.o.minio+1), health: health, ready: proc.HTTPOK(nil, health), critical: true})
	if err != nil {
		return err
	}
	if err := s.sup.waitReady(ctx, minio); err != nil {
		return fmt.Errorf("MinIO is not ready: %w", err)
	}
	bctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	return createBuckets(bctx, s.minioURL, s.sec.MinIORootPassword)
}

// launchOptional starts the UI (it needs Dex) and Prometheus while the
// server starts. The UI runs as its own process: its failures never take the
// server down.
func (s *stack) launchOptional(context.Context) error {
	if !s.o.noUI {
		cfg := s.dir.Path("ui.yaml")
		if err := writeUIConfig(cfg, uiOptions{Port: s.o.ui, FrontendAddr: s.frontend, Issuer: s.issuer, ClientID: datadir.UIClient,
			ClientSecret: s.sec.UIClientSecret, CallbackURL: s.uiURL + "/auth/sso/callback", Namespace: defaultNamespace,
			CodecEndpoint: s.o.uiCodecEndpoint}); err != nil {
			return err
		}
		ui, err := s.sup.launch(component{name: "ui", spec: proc.Spec{Path: s.bins["ui"], Args: []string{"--config", cfg}},
			url: s.uiURL, health: s.uiURL + "/healthz", ready: proc.HTTPOK(nil, s.uiURL+"/healthz")})
		if err != nil {
			return err
		}
		s.optional = append(s.optional, ui)
	}
	if s.runProm {
		var targets []string
		for _, m := range s.members {
			targets = append(targets, fmt.Sprintf("127.0.0.1:%d", m.cfg.Metrics))
		}
		dir := s.dir.Path("prometheus")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		cfg, err := writePrometheusConfig(dir, targets, fmt.Sprintf("127.0.0.1:%d", s.o.poller))
		if err != nil {
			return err
		}
		prom, err := s.sup.launch(component{name: "prometheus", spec: proc.Spec{Path: s.bins["prometheus"],
			Args: []string{"--config.file", cfg, "--storage.tsdb.path", filepath.Join(dir, "data"),
				"--web.listen-address", fmt.Sprintf("127.0.0.1:%d", s.o.prom), "--storage.tsdb.retention.time", "7d"}},
			url: s.promURL, health: s.promURL + "/-/ready", ready: proc.HTTPOK(nil, s.promURL+"/-/ready")})
		if err != nil {
			return err
		}
		s.optional = append(s.optional, prom)
	}
	return nil
}

// signIn gets the admin's token (for the readiness check) while the server starts.
func (s *stack) signIn(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var err error
	s.adminToken, err = workerauth.PasswordGrant(ctx, workerauth.Config{Issuer: s.issuer, ClientID: datadir.WorkerClient,
		ClientSecret: s.sec.WorkerClientSecret, Username: datadir.AdminEmail, Password: s.sec.AdminPassword})
	if err != nil {
		return fmt.Errorf("sign in as %s at Dex (password grant, client %s): %w", datadir.AdminEmail, datadir.WorkerClient, err)
	}
	return nil
}

// waitServer waits for every member, then until the frontend serves:
// it accepts the admin's token (the server discovers Dex's keys in the
// background) and has the default namespace.
func (s *stack) waitServer(ctx context.Context) error {
	select {
	case err := <-s.membersDone:
		if err != nil {
			return err
		}
	case <-ctx.Done():
		return interrupted(ctx)
	}
	err := s.sup.wait(ctx, s.entry, "serving", func(ctx context.Context) error {
		if s.tc == nil {
			c, err := client.DialContext(ctx, client.Options{HostPort: s.frontend, HeadersProvider: s.adminToken})
			if err != nil {
				return err
			}
			s.tc = c
		}
		_, err := s.tc.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: defaultNamespace})
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(s.out, "stack: server serving in %s\n", time.Since(s.serverStart).Round(time.Millisecond))
	return nil
}

func (s *stack) launchPoller(context.Context) error {
	internal := s.members[0].cfg.Internal // every member agrees on the internal-frontend port
	poller, err := s.sup.launch(component{name: "poller", spec: proc.Spec{Path: s.bins["poller"],
		Args: []string{"--address", fmt.Sprintf("127.0.0.1:%d", internal), "--listen", fmt.Sprintf("127.0.0.1:%d", s.o.poller), "--interval", "5s"}},
		url: s.pollerURL + "/metrics", health: s.pollerURL + "/readyz", ready: proc.HTTPOK(nil, s.pollerURL+"/readyz")})
	if err != nil {
		return err
	}
	s.optional = append(s.optional, poller)
	return nil
}

// waitOptional waits for the optional components together; one that fails
// is reported and the rest keeps running.
func (s *stack) waitOptional(ctx context.Context) error {
	s.failed = map[string]*ComponentError{}
	for _, f := range s.sup.waitAll(ctx, s.optional) {
		if ctx.Err() != nil {
			return interrupted(ctx)
		}
		fmt.Fprintf(s.out, "stack: %s did not start, the rest keeps running: %v\n", f.Component, f.Err)
		s.failed[f.Component] = f
	}
	return nil
}

func (s *stack) publishReady(context.Context) error {
	if err := s.sup.setReady(); err != nil {
		return err
	}
	b := bannerInfo{
		Frontend: s.frontend, Issuer: s.issuer, DataDir: string(s.dir), DynamicConfig: s.common.DynamicConfigFile,
		Metrics: fmt.Sprintf("http://127.0.0.1:%d/metrics", s.o.metrics), Poller: s.pollerURL + "/metrics",
		Topology: s.o.topology, SecretsFile: s.dir.SecretsFile(),
	}
	switch {
	case s.o.noUI:
		b.UI = "(off: --no-ui)"
	case s.failed["ui"] != nil:
		b.UI = "(failed to start: see " + s.failed["ui"].Log + ")"
	default:
		b.UI = s.uiURL + "   (sign in with the login below)"
	}
	switch {
	case s.o.noPrometheus:
		b.Prometheus = "(off: --no-prometheus)"
	case !s.runProm:
		b.Prometheus = "not installed: apt-get install -y --no-install-recommends prometheus (then run up again)"
	case s.failed["prometheus"] != nil:
		b.Prometheus = "(failed to start: see " + s.failed["prometheus"].Log + ")"
	default:
		b.Prometheus = s.promURL + "   (alerts: " + s.promURL + "/alerts)"
	}
	if s.sec.Created {
		b.Password = s.sec.AdminPassword
		if detached() {
			b.Password = passwordPlaceholder // our output is a log file: "up --detach" prints it instead
		}
	}
	b.Archival = "off"
	if a := s.common.Archival; a != nil {
		b.Archival = a.HistoryURI + " , " + a.VisibilityURI
		if a.Scheme() == "s3" {
			b.Archival += fmt.Sprintf("   (MinIO console http://127.0.0.1:%d, user %s, password in the secrets file)", s.o.minio+1, datadir.MinIOUser)
		}
	}
	b.Namespaces = s.namespaces()
	for _, a := range s.o.searchAttributes {
		b.SearchAttributes = append(b.SearchAttributes, a.name+" ("+shortType(a.typ)+")")
	}
	b.CodecEndpoint = s.o.uiCodecEndpoint
	b.Ephemeral = s.o.ephemeral
	b.TemporalCLI, _ = exec.LookPath("temporal")
	b.Storage = "SQLite files in " + s.common.DataDir
	if s.common.InMemory {
		b.Storage = "SQLite in memory (--ephemeral: nothing is kept)"
	}
	if pg := s.common.Postgres; pg != nil {
		b.Storage = fmt.Sprintf("PostgreSQL %s: %s, visibility %s + %s (dual)", pg.Addr, pgMain, pgVisibility, pgSecondaryVisibility)
	}
	_, err := io.WriteString(s.out, banner(b))
	return err
}

// interrupted is the error of a start cut short by Ctrl-C or SIGTERM.
func interrupted(ctx context.Context) error {
	return fmt.Errorf("%s while starting; stopped", cause(ctx))
}

// cause says why ctx ended ("interrupted").
func cause(ctx context.Context) string {
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err.Error()
	}
	return "interrupted"
}
