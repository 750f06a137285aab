// Package up runs the Temporal Stack locally as child processes: Dex, the
// server (one process or the chart's multi-process shape), the health poller,
// the Web UI with SSO, Prometheus with the chart's alert rules, and MinIO for
// archival; status and down act on a stack started with --detach.
package up

import (
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/temporal-stack/stack/internal/datadir"
	"github.com/temporal-stack/stack/internal/toolbin"
	"github.com/temporal-stack/stack/tools/stack/internal/cli"
)

// defaultNamespace is created at the first start, with archival.
const defaultNamespace = "default"

// options are the flags of up.
type options struct {
	dataDir                                     datadir.Dir
	base, metrics, dex, ui, poller, prom, minio int
	topology, postgres, archival                string
	detach                                      bool
	noUI, noPrometheus                          bool

	// start-dev's flags
	namespaces          []string
	searchAttributes    []searchAttribute
	dynamicConfigValues []dynamicConfigValue
	uiCodecEndpoint     string
	logLevel            string
	ephemeral           bool
}

const usage = `usage: go run ./tools/stack up [flags]

Runs the whole Temporal Stack on this machine as local processes: the server
(auth on), Dex, the Web UI with SSO, the health poller, Prometheus (if
installed) and archival. Ctrl-C stops it; --detach runs it in the background
(then "stack status" and "stack down").

flags:
`

// DefaultDataDir is .stack in the repository (or the working directory).
func DefaultDataDir() string {
	root, _ := toolbin.Root()
	return filepath.Join(root, ".stack")
}

// Run parses the flags of "up" and runs the stack until ctx ends (Ctrl-C or
// SIGTERM); with --detach it returns once a background copy is up.
func Run(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := cli.NewFlagSet("up", usage)
	var o options
	dataDir := fs.String("data-dir", DefaultDataDir(), "where the stack keeps its databases, config, secrets and logs (reused by the next up)")
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
	fs.Func("namespace", "also create this namespace (repeatable; default is always created)", func(v string) error {
		o.namespaces = append(o.namespaces, v)
		return nil
	})
	fs.Func("search-attribute", "NAME=TYPE: add this custom search attribute to every namespace (repeatable; TYPE: "+strings.Join(searchAttributeTypes(), ", ")+")", func(v string) error {
		a, err := parseSearchAttribute(v)
		o.searchAttributes = append(o.searchAttributes, a)
		return err
	})
	fs.Func("dynamic-config-value", "KEY=JSON: write this dynamic config value into the live file before the start (repeatable), e.g. limit.blobSize.error=1048576", func(v string) error {
		d, err := parseDynamicConfigValue(v)
		o.dynamicConfigValues = append(o.dynamicConfigValues, d)
		return err
	})
	fs.StringVar(&o.uiCodecEndpoint, "ui-codec-endpoint", "", "URL of a codec server the Web UI calls to decode payloads; an https one gets the signed-in user's access token")
	fs.StringVar(&o.logLevel, "log-level", "info", "server log level: "+strings.Join(logLevels, ", "))
	fs.BoolVar(&o.ephemeral, "ephemeral", false, "keep nothing: in-memory stores, a temporary data dir removed at exit, new credentials")
	if err := fs.Parse(args, 0); err != nil {
		return err
	}
	if o.topology != "single" && o.topology != "multi" {
		return fs.Errorf("--topology %q: want single or multi", o.topology)
	}
	if !slices.Contains(logLevels, o.logLevel) {
		return fs.Errorf("--log-level %q: want one of %s", o.logLevel, strings.Join(logLevels, ", "))
	}
	if err := checkNamespaces(o.namespaces); err != nil {
		return fs.Errorf("%v", err)
	}
	if o.uiCodecEndpoint != "" {
		if err := checkCodecEndpoint(o.uiCodecEndpoint); err != nil {
			return fs.Errorf("%v", err)
		}
	}
	if o.ephemeral {
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		for _, other := range []string{"data-dir", "postgres", "detach"} {
			if set[other] {
				return fs.Errorf("--ephemeral keeps nothing and cannot take --%s", other)
			}
		}
	}
	if err := o.check(); err != nil {
		return err
	}
	if o.ephemeral {
		tmp, err := os.MkdirTemp("", "temporal-stack-ephemeral-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		*dataDir = tmp
	}
	var err error
	if o.dataDir, err = datadir.Open(*dataDir); err != nil {
		return err
	}
	if o.detach {
		return detach(ctx, o.dataDir, args, stdout)
	}
	return run(ctx, o, stdout)
}

// check refuses flag combinations that cannot work.
func (o options) check() error {
	if o.topology == "multi" && o.postgres == "" {
		return errMultiNeedsPostgres
	}
	return nil
}

// run runs the stack's steps in order, then supervises it until ctx ends or
// a critical component exits; everything started is stopped on return.
func run(ctx context.Context, o options, out io.Writer) error {
	s := &stack{o: o, dir: o.dataDir, out: out}
	defer s.close()
	for _, st := range steps {
		err := st.run(s, ctx)
		if ctx.Err() != nil { // the step was cut short, or ended as the signal came
			return interrupted(ctx)
		}
		if err != nil {
			return err
		}
	}
	if err := s.sup.supervise(ctx); err != nil {
		return err
	}
	_, _ = io.WriteString(out, "\nstack: "+cause(ctx)+", stopping...\n")
	s.sup.stop()
	_, _ = io.WriteString(out, "stack: stopped.\n")
	return nil
}

// detachedEnv marks the background child of "up --detach", whose output goes
// to a log file: it never writes the generated password there.
const detachedEnv = "STACK_UP_DETACHED"

// passwordPlaceholder stands for the password in a detached child's banner.
const passwordPlaceholder = "<printed by up --detach only>"

func detached() bool { return os.Getenv(detachedEnv) != "" }
