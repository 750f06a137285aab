// Package cluster runs the server as a multi-process cluster on loopback:
// frontend, internal-frontend, two history hosts, matching and worker, each
// its own process with ringpop membership, on a private PostgreSQL.
package cluster

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/temporal-stack/stack/internal/harness/postgres"
	"github.com/temporal-stack/stack/internal/localconfig"
	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/internal/toolbin"
)

// Member is one server process.
type Member struct {
	Name       string // frontend, internal-frontend, history-1, history-2, matching, worker
	Service    string
	GRPC       int
	MetricsURL string
	Proc       *proc.Process
	config     string
}

// Cluster is a running multi-process cluster.
type Cluster struct {
	FrontendAddr, InternalFrontendAddr string
	Members                            map[string]*Member
	DB                                 *postgres.DB
	t                                  testing.TB
	bin, dir                           string
}

type svcPorts struct{ GRPC, Membership, HTTP int }

// Start creates the databases and starts every member; it returns when the
// frontend serves. Extra args go to every "start" (e.g. --allow-no-auth).
func Start(t testing.TB, env []string) *Cluster {
	t.Helper()
	db := postgres.Start(t)
	db.CreateTemporalDatabase("temporal", "temporal")
	db.CreateTemporalDatabase("temporal_visibility", "visibility")
	bin, err := toolbin.Own("./server")
	if err != nil {
		t.Fatal(err)
	}
	c := &Cluster{DB: db, Members: map[string]*Member{}, t: t, bin: bin, dir: t.TempDir()}
	port := func() int {
		p, err := proc.FreePort()
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	lowPort := func() int {
		p, err := proc.FreeLowPort()
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	canonical := map[string]svcPorts{}
	for _, s := range []string{"frontend", "internal-frontend", "history", "matching", "worker"} {
		canonical[s] = svcPorts{port(), lowPort(), port()}
	}
	members := []struct{ name, svc string }{{"frontend", "frontend"}, {"internal-frontend", "internal-frontend"},
		{"history-1", "history"}, {"history-2", "history"}, {"matching", "matching"}, {"worker", "worker"}}
	for _, m := range members {
		services := map[string]svcPorts{}
		for k, v := range canonical {
			services[k] = v
		}
		if m.name == "history-2" {
			services["history"] = svcPorts{port(), lowPort(), port()}
		}
		metrics := port()
		cfg := filepath.Join(c.dir, m.name+".yaml")
		f, err := os.Create(cfg)
		if err != nil {
			t.Fatal(err)
		}
		err = localconfig.Write(f, localconfig.Config{
			Frontend: services["frontend"].GRPC, FrontendMembership: services["frontend"].Membership, FrontendHTTP: services["frontend"].HTTP,
			Internal: services["internal-frontend"].GRPC, InternalMembership: services["internal-frontend"].Membership, InternalHTTP: services["internal-frontend"].HTTP,
			History: services["history"].GRPC, HistoryMembership: services["history"].Membership,
			Matching: services["matching"].GRPC, MatchingMembership: services["matching"].Membership,
			Worker: services["worker"].GRPC, WorkerMembership: services["worker"].Membership, Metrics: metrics, Shards: 8,
			Postgres: &localconfig.Postgres{Addr: fmt.Sprintf("127.0.0.1:%d", db.Port), User: postgres.User, Password: postgres.Password,
				Database: "temporal", Visibility: "temporal_visibility", MaxConns: 20},
		})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		c.Members[m.name] = &Member{Name: m.name, Service: m.svc, GRPC: services[m.svc].GRPC,
			MetricsURL: fmt.Sprintf("http://127.0.0.1:%d/metrics", metrics), config: cfg}
	}
	c.FrontendAddr = fmt.Sprintf("127.0.0.1:%d", canonical["frontend"].GRPC)
	c.InternalFrontendAddr = fmt.Sprintf("127.0.0.1:%d", canonical["internal-frontend"].GRPC)
	// One at a time, each listening before the next starts: members that
	// bootstrap ringpop at the same instant can form separate rings.
	for _, m := range members {
		mem := c.Members[m.name]
		c.start(mem, env)
		addr := fmt.Sprintf("127.0.0.1:%d", mem.GRPC)
		if err := mem.Proc.WaitFor(time.Minute, "listening on "+addr, func(ctx context.Context) error {
			conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
			if err == nil {
				conn.Close()
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		for _, m := range c.Members {
			if m.Proc != nil {
				m.Proc.Stop(15 * time.Second)
			}
		}
	})
	mf := c.Members["frontend"]
	if err := mf.Proc.WaitFor(2*time.Minute, "serving", proc.FrontendServing(c.FrontendAddr)); err != nil {
		t.Fatal(err)
	}
	return c
}

func (c *Cluster) start(m *Member, env []string) {
	var err error
	m.Proc, err = proc.Start(proc.Spec{Name: m.Name, Path: c.bin, LogDir: c.dir,
		Args: []string{"--config-file", m.config, "start", "--service", m.Service}, Env: env})
	if err != nil {
		c.t.Fatal(err)
	}
}

// Diagnose returns, for a failure message, each member's state and last log lines.
func (c *Cluster) Diagnose() string {
	var b strings.Builder
	for name, m := range c.Members {
		exited, err := m.Proc.Exited()
		fmt.Fprintf(&b, "== %s (exited %v %v):\n%s\n", name, exited, err, m.Proc.Tail(5))
	}
	return b.String()
}

// Kill sends SIGKILL to a member (a crash).
func (c *Cluster) Kill(name string) { c.Members[name].Proc.Kill() }
