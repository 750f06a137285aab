// Package cli is the command line of the Temporal Stack server: the upstream
// temporal-server commands and flags, plus the live dynamic-config sources.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/template"
	"time"
	_ "time/tzdata" // zone data for images without /usr/share/zoneinfo

	urfave "github.com/urfave/cli/v2"
	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/log/tag"
	"go.temporal.io/server/common/metrics"
	_ "go.temporal.io/server/common/persistence/sql/sqlplugin/mysql"      // mysql8 plugin
	_ "go.temporal.io/server/common/persistence/sql/sqlplugin/postgresql" // postgres12, postgres12_pgx plugins
	_ "go.temporal.io/server/common/persistence/sql/sqlplugin/sqlite"     // sqlite plugin
	"go.temporal.io/server/temporal"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/temporal-stack/stack/internal/version"
	"github.com/temporal-stack/stack/server/dynconfig"
	"github.com/temporal-stack/stack/server/payloadscan"
)

const program = "temporal-stack-server"

// Main runs the command line and returns the process exit code.
func Main(args []string) int {
	app := newApp(os.Stdout, os.Stderr)
	if err := app.Run(args); err != nil {
		var ec urfave.ExitCoder
		if errors.As(err, &ec) {
			if msg := ec.Error(); msg != "" {
				fmt.Fprintln(os.Stderr, msg)
			}
			return ec.ExitCode()
		}
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	return 0
}

func newApp(stdout, stderr io.Writer) *urfave.App {
	urfave.VersionPrinter = func(c *urfave.Context) { fmt.Fprintln(c.App.Writer, version.String(program)) }
	return &urfave.App{
		Name:           program,
		Usage:          "Temporal server with live Kubernetes ConfigMap dynamic config",
		Version:        version.Build,
		Writer:         stdout,
		ErrWriter:      stderr,
		ExitErrHandler: func(*urfave.Context, error) {}, // Main prints and exits
		OnUsageError: func(c *urfave.Context, err error, _ bool) error {
			_ = urfave.ShowAppHelp(c)
			return urfave.Exit("usage: "+err.Error(), 2)
		},
		CommandNotFound: func(c *urfave.Context, name string) {
			_ = urfave.ShowAppHelp(c)
			fmt.Fprintf(c.App.ErrWriter, "unknown command %q\n", name)
			os.Exit(2)
		},
		Flags: []urfave.Flag{
			&urfave.StringFlag{
				Name:    "config-file",
				Usage:   "server config file; a file that starts with \"# enable-template\" is rendered as a Go template with sprig (env \"X\") first. Without it, the upstream embedded template driven by environment variables is used",
				EnvVars: []string{config.EnvKeyConfigFile},
			},
			&urfave.BoolFlag{
				Name:    "allow-no-auth",
				Usage:   "start without an authorizer (not recommended)",
				EnvVars: []string{config.EnvKeyAllowNoAuth},
			},
		},
		Commands: []*urfave.Command{startCommand(), renderCommand(), validateCommand(), schemaCommand(), ensureNamespaceCommand(), ensureBucketsCommand()},
	}
}

// required is a command's Before: each named flag must be set (on the
// command line or through its env var), else it is a usage error like any
// other (the command's help, exit 2). urfave's own Required flags exit 1.
func required(names ...string) urfave.BeforeFunc {
	return func(c *urfave.Context) error {
		for _, n := range names {
			if !c.IsSet(n) {
				_ = urfave.ShowSubcommandHelp(c)
				return urfave.Exit(fmt.Sprintf("usage: --%s is required", n), 2)
			}
		}
		return nil
	}
}

func loadConfig(c *urfave.Context) (*config.Config, error) {
	if f := c.String("config-file"); f != "" {
		cfg, err := config.Load(config.WithConfigFile(f))
		if err != nil {
			return nil, fmt.Errorf("cannot load server config %s: %w", f, err)
		}
		return cfg, nil
	}
	cfg, err := config.Load(config.WithEmbedded())
	if err != nil {
		return nil, fmt.Errorf("cannot load the embedded server config (set --config-file or %s): %w", config.EnvKeyConfigFile, err)
	}
	return cfg, nil
}

func renderCommand() *urfave.Command {
	return &urfave.Command{
		Name:  "render-config",
		Usage: "Render and print the server config (templates expanded, secrets masked)",
		Action: func(c *urfave.Context) error {
			cfg, err := loadConfig(c)
			if err != nil {
				return urfave.Exit(err.Error(), 1)
			}
			fmt.Fprint(c.App.Writer, cfg.String())
			return nil
		},
	}
}

var validateReport = template.Must(template.New("").Parse(
	"{{range .Errors}}  error: {{.}}\n{{end}}{{range .Warnings}}  warning: {{.}}\n{{end}}"))

func validateCommand() *urfave.Command {
	return &urfave.Command{
		Name:      "validate-dynamic-config",
		Usage:     "Check dynamic config files with Temporal's own loader (keys, types, constraints)",
		ArgsUsage: "FILE...",
		Action: func(c *urfave.Context) error {
			if c.NArg() == 0 {
				_ = urfave.ShowSubcommandHelp(c)
				return urfave.Exit("usage: validate-dynamic-config needs at least one FILE", 2)
			}
			total := 0
			for _, name := range c.Args().Slice() {
				contents, err := os.ReadFile(name)
				if err != nil {
					return urfave.Exit(err.Error(), 1)
				}
				result := dynconfig.Load(contents)
				total += len(result.Errors)
				fmt.Fprintln(c.App.Writer, name)
				_ = validateReport.Execute(c.App.Writer, result)
			}
			if total > 0 {
				return urfave.Exit(fmt.Sprintf("%d errors", total), 1)
			}
			return nil
		},
	}
}

func startCommand() *urfave.Command {
	return &urfave.Command{
		Name:  "start",
		Usage: "Start Temporal services",
		Flags: []urfave.Flag{
			&urfave.StringSliceFlag{
				Name:    "service",
				Aliases: []string{"svc"},
				Value:   urfave.NewStringSlice(temporal.DefaultServices...),
				Usage:   "service(s) to start: " + strings.Join(temporal.Services, ", "),
				EnvVars: []string{"TEMPORAL_SERVICES"},
			},
			&urfave.StringFlag{
				Name:    "dynamic-config-configmap",
				Usage:   "watch dynamic config in this Kubernetes ConfigMap, [NAMESPACE/]NAME (namespace defaults to the pod's own)",
				EnvVars: []string{"TEMPORAL_DYNAMIC_CONFIG_CONFIGMAP"},
			},
			&urfave.StringFlag{
				Name:    "dynamic-config-key",
				Value:   dynconfig.DefaultKey,
				Usage:   "data key of the dynamic config in the ConfigMap",
				EnvVars: []string{"TEMPORAL_DYNAMIC_CONFIG_KEY"},
			},
			&urfave.StringFlag{
				Name:    "dynamic-config-file",
				Usage:   "watch dynamic config in this file (default: dynamicConfigClient.filepath of the server config), pushed on every edit",
				EnvVars: []string{"TEMPORAL_DYNAMIC_CONFIG_FILE"},
			},
			&urfave.StringFlag{
				Name:    "auth-issuer",
				Usage:   "OIDC issuer whose tokens are accepted (discovery finds its keys); or set global.authorization.jwtKeyProvider.keySourceURIs",
				EnvVars: []string{"TEMPORAL_AUTH_ISSUER"},
			},
			&urfave.StringSliceFlag{
				Name:    "auth-audience",
				Usage:   "accepted token audiences, any one of them (default: global.authorization.audience; none = not checked)",
				EnvVars: []string{"TEMPORAL_AUTH_AUDIENCE"},
			},
			&urfave.StringFlag{
				Name:    "auth-config",
				Usage:   "YAML file of further token issuers (issuers: [{issuer, audiences, keySourceURIs, permissionsClaim, permissionsRegex, assumeEmailVerified, kubernetes}]), accepted beside --auth-issuer",
				EnvVars: []string{"TEMPORAL_AUTH_CONFIG"},
			},
			&urfave.StringSliceFlag{
				Name:    "auth-kubernetes-audience",
				Usage:   "accept ServiceAccount tokens of the cluster the server runs in (or of --kubeconfig's) issued for these audiences, e.g. temporal (projected tokens of worker pods)",
				EnvVars: []string{"TEMPORAL_AUTH_KUBERNETES_AUDIENCE"},
			},
			&urfave.StringSliceFlag{
				Name:    "namespace",
				Aliases: []string{"n"},
				Usage:   "create this namespace before the services start, if it does not exist (repeatable; SQL stores; archival from namespaceDefaults)",
				EnvVars: []string{"TEMPORAL_NAMESPACES"},
			},
			&urfave.StringSliceFlag{
				Name:  "search-attribute",
				Usage: "NAME=TYPE: map this custom search attribute in the namespaces --namespace creates (repeatable; TYPE: Text, Keyword, Int, Double, Bool, Datetime, KeywordList)",
			},
			&urfave.DurationFlag{
				Name:  "namespace-retention",
				Value: 72 * time.Hour,
				Usage: "retention of the namespaces --namespace creates",
			},
			&urfave.StringFlag{
				Name:    "kubeconfig",
				Usage:   "kubeconfig for the ConfigMap watch (default: in-cluster service account)",
				EnvVars: []string{"KUBECONFIG"},
			},
		},
		Before: func(c *urfave.Context) error {
			if c.NArg() > 0 {
				return urfave.Exit("usage: start takes no arguments; use --service to choose services", 2)
			}
			for _, s := range splitList(c.StringSlice("service")) {
				if !isService(s) {
					return urfave.Exit(fmt.Sprintf("usage: unknown service %q; valid services: %s", s, strings.Join(temporal.Services, ", ")), 2)
				}
			}
			return nil
		},
		Action: start,
	}
}

// splitList accepts both repeated flags and the comma-separated form of the
// environment variables (TEMPORAL_SERVICES=frontend,history).
func splitList(in []string) []string {
	var out []string
	for _, s := range in {
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

func isService(s string) bool {
	for _, v := range temporal.Services {
		if v == s {
			return true
		}
	}
	return false
}

func start(c *urfave.Context) error {
	cfg, err := loadConfig(c)
	if err != nil {
		return urfave.Exit(err.Error(), 1)
	}
	services := splitList(c.StringSlice("service"))
	logger := log.NewZapLogger(log.BuildZapLogger(cfg.Log))
	logger.Info("Starting.", tag.NewStringTag("version", version.String(program)),
		tag.NewStringsTag("services", services))
	if err := setWorkerBinaryChecksum(); err != nil {
		logger.Info("The SDK hashes this binary to name the system workers (about 0.3 s of CPU).", tag.Error(err))
	}
	if namespaces := splitList(c.StringSlice("namespace")); len(namespaces) > 0 {
		attrs, err := parseSearchAttributes(c.StringSlice("search-attribute"))
		if err != nil {
			return urfave.Exit("usage: "+err.Error(), 2)
		}
		if err := createNamespaces(cfg, namespaces, c.Duration("namespace-retention"), attrs); err != nil {
			return urfave.Exit(err.Error(), 1)
		}
		logger.Info("Namespaces present.", tag.NewStringsTag("namespaces", namespaces))
	}

	// One metrics handler for the server and our own metrics, so both appear on
	// the same /metrics endpoint (the handler owns a private registry).
	mh, err := metrics.MetricsHandlerFromConfig(logger, cfg.Global.Metrics)
	if err != nil {
		return urfave.Exit(fmt.Sprintf("cannot create metrics handler: %v", err), 1)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dc, err := dynamicConfigSource(ctx, c, cfg, logger, mh)
	if err != nil {
		return urfave.Exit(err.Error(), 1)
	}
	dc = dynconfig.WithDefaults(dc, dynconfig.Defaults)

	opts := []temporal.ServerOption{
		temporal.ForServices(services),
		temporal.WithConfig(cfg), // before WithClaimMapper: it reads the config when applied
		temporal.WithLogger(logger),
		temporal.WithCustomMetricsHandler(mh),
		temporal.InterruptOn(temporal.InterruptCh()),
	}
	// Our own settings (role policy, blocklist, detector) are read through a
	// Collection over the same source the server uses.
	col := dynamicconfig.NewCollection(dc, logger)
	col.Start()
	defer col.Stop()
	authOpts, err := authOptions(ctx, c, cfg, col, logger, mh)
	if err != nil {
		return urfave.Exit(err.Error(), 1)
	}
	opts = append(opts, authOpts...)
	detector := payloadscan.New(col, logger, mh, plaintextMetricName(cfg))
	opts = append(opts, temporal.WithChainedFrontendGrpcInterceptors(detector.Intercept)) // replaces the list: call once
	opts = append(opts, temporal.WithDynamicConfigClient(dc))
	s, err := temporal.NewServer(opts...)
	if err != nil {
		return urfave.Exit(fmt.Sprintf("cannot create server: %v", err), 1)
	}
	if err := s.Start(); err != nil {
		return urfave.Exit(fmt.Sprintf("cannot start server: %v", err), 1)
	}
	logger.Info("All services stopped.")
	return nil
}

// plaintextMetricName is plaintext_payload_detected_total as exported: the
// OpenTelemetry exporter appends _total itself, tally does not.
func plaintextMetricName(cfg *config.Config) string {
	if m := cfg.Global.Metrics; m != nil && m.Prometheus != nil && m.Prometheus.Framework == metrics.FrameworkOpentelemetry {
		return "plaintext_payload_detected"
	}
	return "plaintext_payload_detected_total"
}

// dynamicConfigSource picks the dynamic-config source: a ConfigMap, else a file
// (flag, else the server config's dynamicConfigClient.filepath), else none.
func dynamicConfigSource(ctx context.Context, c *urfave.Context, cfg *config.Config, logger log.Logger, mh metrics.Handler) (dynamicconfig.Client, error) {
	if ref := c.String("dynamic-config-configmap"); ref != "" {
		ns, name, ok := strings.Cut(ref, "/")
		if !ok {
			ns, name = "", ref
		}
		client, err := kubeClient(c.String("kubeconfig"))
		if err != nil {
			return nil, err
		}
		src := dynconfig.NewSource("configmap", logger, mh)
		err = dynconfig.WatchConfigMap(ctx, src, dynconfig.ConfigMapOptions{
			Client: client, Namespace: ns, Name: name, Key: c.String("dynamic-config-key"),
		})
		return src, err
	}
	path := c.String("dynamic-config-file")
	if path == "" && cfg.DynamicConfigClient != nil {
		path = cfg.DynamicConfigClient.Filepath
	}
	if path == "" {
		logger.Info("No dynamic config source: every key keeps its default.")
		return dynamicconfig.NewNoopClient(), nil
	}
	src := dynconfig.NewSource("file", logger, mh)
	return src, dynconfig.WatchFile(ctx, src, path)
}

func kubeClient(kubeconfig string) (kubernetes.Interface, error) {
	rc, err := kubeRESTConfig(kubeconfig)
	if err != nil {
		return nil, fmt.Errorf("dynamic config: %w", err)
	}
	return kubernetes.NewForConfig(rc)
}

// kubeRESTConfig is --kubeconfig's cluster, else the pod's own (in-cluster).
func kubeRESTConfig(kubeconfig string) (*rest.Config, error) {
	var rc *rest.Config
	var err error
	if kubeconfig != "" {
		rc, err = clientcmd.BuildConfigFromFlags("", kubeconfig)
	} else {
		rc, err = rest.InClusterConfig()
	}
	if err != nil {
		return nil, fmt.Errorf("no Kubernetes client (set --kubeconfig outside a cluster): %w", err)
	}
	rc.UserAgent = program
	return rc, nil
}
