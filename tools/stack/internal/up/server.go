package up

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/temporal-stack/stack/internal/datadir"
	"github.com/temporal-stack/stack/internal/localconfig"
	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/internal/toolbin"
)

// member is one server process: "server" (all five services) in the single
// topology; frontend-1, history-2, ... in the multi topology.
type member struct {
	name, services string
	cfg            localconfig.Config
}

// Databases the stack uses on a --postgres server.
const (
	pgMain                = "temporal"
	pgVisibility          = "temporal_visibility"
	pgSecondaryVisibility = "temporal_visibility_secondary"
)

// parsePostgres reads --postgres postgres://user:password@host:port/.
func parsePostgres(raw string) (*localconfig.Postgres, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" || u.User == nil {
		return nil, fmt.Errorf("--postgres %q: want postgres://USER:PASSWORD@HOST:PORT/ (the user needs CREATEDB, or the databases %s, %s and %s must exist)",
			redact(raw), pgMain, pgVisibility, pgSecondaryVisibility)
	}
	host := u.Host
	if u.Port() == "" {
		host = net.JoinHostPort(u.Hostname(), "5432")
	}
	pw, _ := u.User.Password()
	return &localconfig.Postgres{Addr: host, User: u.User.Username(), Password: pw,
		Database: pgMain, Visibility: pgVisibility, SecondaryVisibility: pgSecondaryVisibility}, nil
}

// redact hides a URL's password for messages.
func redact(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
			return u.String()
		}
	}
	return raw
}

// setupPostgres creates the three databases if needed and brings their
// schemas up to date with Temporal's own schema tool (idempotent).
func setupPostgres(pg *localconfig.Postgres) error {
	tool, err := toolbin.Own("go.temporal.io/server/cmd/tools/sql")
	if err != nil {
		return err
	}
	host, port, _ := net.SplitHostPort(pg.Addr)
	for db, schema := range map[string]string{pg.Database: "temporal", pg.Visibility: "visibility", pg.SecondaryVisibility: "visibility"} {
		base := []string{"--plugin", "postgres12", "--ep", host, "-p", port, "-u", pg.User, "--db", db}
		steps := [][]string{{"create-database"}, {"setup-schema", "-v", "0.0"}, {"update-schema", "-s", "postgresql/v12/" + schema}}
		for _, step := range steps {
			cmd := exec.Command(tool, append(base, step...)...)
			cmd.Env = append(os.Environ(), "SQL_PASSWORD="+pg.Password) // not on the command line
			out, err := cmd.CombinedOutput()
			if err != nil && !alreadyDone(step[0], string(out)) {
				return fmt.Errorf("PostgreSQL %s, database %s: temporal-sql-tool %s failed: %v\n%s", pg.Addr, db, step[0], err, lastLines(string(out), 10))
			}
		}
	}
	return nil
}

// alreadyDone tells the schema tool's answers for a database that is
// already set up, which a second up must accept.
func alreadyDone(step, out string) bool {
	switch step {
	case "create-database":
		return strings.Contains(out, "already exists")
	case "setup-schema":
		return strings.Contains(out, "already exists")
	}
	return false
}

// members lays out the server processes and their configs. Multi mirrors the
// chart: frontend ×2, history ×2, matching ×2, worker, internal-frontend.
func members(topology string, base, metrics int, common localconfig.Config) []*member {
	single := common
	single.Frontend, single.History, single.Matching, single.Internal, single.Worker = base, base+1, base+2, base+3, base+6
	single.FrontendHTTP, single.InternalHTTP = base+10, base+13
	single.FrontendMembership, single.HistoryMembership, single.MatchingMembership = base-300, base-299, base-298
	single.InternalMembership, single.WorkerMembership = base-297, base-294
	single.Metrics = metrics
	if topology == "single" {
		return []*member{{name: "server", services: "frontend,internal-frontend,history,matching,worker", cfg: single}}
	}
	// Each process binds only its own service's ports; the second replica of
	// a service takes ports 20 above the first.
	var out []*member
	for i, m := range []struct {
		name, svc string
		replica   int
	}{{"internal-frontend", "internal-frontend", 0}, {"history-1", "history", 0}, {"history-2", "history", 1},
		{"matching-1", "matching", 0}, {"matching-2", "matching", 1}, {"frontend-1", "frontend", 0},
		{"frontend-2", "frontend", 1}, {"worker", "worker", 0}} {
		c := single
		c.Metrics = metrics + i
		shift := 20 * m.replica
		switch m.svc {
		case "frontend":
			c.Frontend, c.FrontendHTTP, c.FrontendMembership = c.Frontend+shift, c.FrontendHTTP+shift, c.FrontendMembership+shift
		case "history":
			c.History, c.HistoryMembership = c.History+shift, c.HistoryMembership+shift
		case "matching":
			c.Matching, c.MatchingMembership = c.Matching+shift, c.MatchingMembership+shift
		}
		out = append(out, &member{name: m.name, services: m.svc, cfg: c})
	}
	return out
}

// ports lists every port a member binds, for the start-up check.
func (m *member) ports() map[string]int {
	c, p := m.cfg, map[string]int{m.name + " metrics": m.cfg.Metrics}
	for _, svc := range strings.Split(m.services, ",") {
		switch svc {
		case "frontend":
			p[m.name+" frontend gRPC"], p[m.name+" frontend HTTP"], p[m.name+" frontend membership"] = c.Frontend, c.FrontendHTTP, c.FrontendMembership
		case "internal-frontend":
			p[m.name+" internal-frontend gRPC"], p[m.name+" internal-frontend HTTP"], p[m.name+" internal-frontend membership"] = c.Internal, c.InternalHTTP, c.InternalMembership
		case "history":
			p[m.name+" history gRPC"], p[m.name+" history membership"] = c.History, c.HistoryMembership
		case "matching":
			p[m.name+" matching gRPC"], p[m.name+" matching membership"] = c.Matching, c.MatchingMembership
		case "worker":
			p[m.name+" worker gRPC"], p[m.name+" worker membership"] = c.Worker, c.WorkerMembership
		}
	}
	return p
}

// grpcPort is the port the member's first service listens on.
func (m *member) grpcPort() int {
	switch strings.Split(m.services, ",")[0] {
	case "frontend":
		return m.cfg.Frontend
	case "internal-frontend":
		return m.cfg.Internal
	case "history":
		return m.cfg.History
	case "matching":
		return m.cfg.Matching
	}
	return m.cfg.Worker
}

// addr is the member's first service's gRPC address.
func (m *member) addr() string { return fmt.Sprintf("127.0.0.1:%d", m.grpcPort()) }

// component writes the member's config into the data dir and describes its
// process: ready once its first service listens; a frontend's health is the
// gRPC health service, the others' their /metrics.
func (m *member) component(bin string, dir datadir.Dir, serverArgs, env []string) (component, error) {
	cfgPath := dir.Path("config", m.name+".yaml")
	if err := os.MkdirAll(filepath.Dir(cfgPath), 0o755); err != nil {
		return component{}, err
	}
	f, err := os.OpenFile(cfgPath, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600) // may hold a database password
	if err != nil {
		return component{}, err
	}
	err = localconfig.Write(f, m.cfg)
	f.Close()
	if err != nil {
		return component{}, err
	}
	health := fmt.Sprintf("http://127.0.0.1:%d/metrics", m.cfg.Metrics)
	if strings.HasPrefix(m.services, "frontend") {
		health = "grpc://" + m.addr()
	}
	addr := m.addr()
	return component{name: m.name, url: addr, health: health, critical: true, metrics: fmt.Sprintf("http://127.0.0.1:%d/metrics", m.cfg.Metrics),
		spec: proc.Spec{Path: bin, Args: append([]string{"--config-file", cfgPath, "start"}, serverArgs...),
			Env: append(append([]string(nil), env...), "TEMPORAL_SERVICES="+m.services)},
		ready: func(ctx context.Context) error {
			conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
			if err == nil {
				conn.Close()
			}
			return err
		}}, nil
}
