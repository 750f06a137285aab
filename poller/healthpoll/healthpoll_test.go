package healthpoll

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"go.temporal.io/server/api/adminservice/v1"
	clusterspb "go.temporal.io/server/api/cluster/v1"
	enumsspb "go.temporal.io/server/api/enums/v1"
	healthspb "go.temporal.io/server/api/health/v1"
	"google.golang.org/grpc"
)

// adminStub answers DescribeCluster and DeepHealthCheck from its fields: the
// poller's logic is what is under test (the e2e tests run it on real servers).
type adminStub struct {
	adminservice.UnimplementedAdminServiceServer
	mu      sync.Mutex
	members []string                        // history ring
	states  map[string]enumsspb.HealthState // DeepHealthCheck's history hosts
	err     error                           // DeepHealthCheck's error
}

func (a *adminStub) DescribeCluster(context.Context, *adminservice.DescribeClusterRequest) (*adminservice.DescribeClusterResponse, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	ring := &clusterspb.RingInfo{Role: "history"}
	for _, m := range a.members {
		ring.Members = append(ring.Members, &clusterspb.HostInfo{Identity: m})
	}
	return &adminservice.DescribeClusterResponse{MembershipInfo: &clusterspb.MembershipInfo{Rings: []*clusterspb.RingInfo{
		{Role: "matching", Members: []*clusterspb.HostInfo{{Identity: "10.0.0.9:7235"}}}, ring}}}, nil
}

func (a *adminStub) DeepHealthCheck(context.Context, *adminservice.DeepHealthCheckRequest) (*adminservice.DeepHealthCheckResponse, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.err != nil {
		return nil, a.err
	}
	svc := &healthspb.ServiceHealthDetail{Service: "history"}
	for h, st := range a.states {
		svc.Hosts = append(svc.Hosts, &healthspb.HostHealthDetail{Address: h, State: st})
	}
	return &adminservice.DeepHealthCheckResponse{State: enumsspb.HEALTH_STATE_SERVING, Services: []*healthspb.ServiceHealthDetail{svc,
		{Service: "matching", Hosts: []*healthspb.HostHealthDetail{{Address: "10.0.0.9:7235", State: enumsspb.HEALTH_STATE_NOT_SERVING}}}}}, nil
}

func (a *adminStub) set(members []string, states map[string]enumsspb.HealthState, err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.members, a.states, a.err = members, states, err
}

func start(t *testing.T) (*adminStub, *Poller) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	stub := &adminStub{}
	srv := grpc.NewServer()
	adminservice.RegisterAdminServiceServer(srv, stub)
	go srv.Serve(l)
	t.Cleanup(srv.Stop)
	p, err := New(Config{Address: l.Addr().String(), Interval: time.Minute, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return stub, p
}

func readyz(p *Poller) int {
	rec := httptest.NewRecorder()
	p.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	return rec.Code
}

func TestRoundExportsEachHistoryHost(t *testing.T) {
	stub, p := start(t)
	ctx := context.Background()
	if readyz(p) != http.StatusServiceUnavailable || p.Ready() {
		t.Fatal("ready before any round")
	}
	// a: serving; b: not serving; c: in the ring but not in the health check.
	stub.set([]string{"10.0.0.1:7234", "10.0.0.2:7234", "10.0.0.3:7234"}, map[string]enumsspb.HealthState{
		"10.0.0.1:7234": enumsspb.HEALTH_STATE_SERVING, "10.0.0.2:7234": enumsspb.HEALTH_STATE_NOT_SERVING}, nil)
	if err := p.Round(ctx); err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"10.0.0.1:7234": 1, "10.0.0.2:7234": 2, "10.0.0.3:7234": 0}
	for h, v := range want {
		if got := testutil.ToFloat64(p.state.WithLabelValues(h)); got != v {
			t.Errorf("state of %s: %v, want %v", h, got, v)
		}
	}
	if got := p.Hosts(); len(got) != 3 || got["10.0.0.2:7234"] != enumsspb.HEALTH_STATE_NOT_SERVING {
		t.Errorf("Hosts: %v", got)
	}
	if testutil.ToFloat64(p.hostsGauge) != 3 || testutil.ToFloat64(p.polls.WithLabelValues("success")) != 1 || !p.Ready() || readyz(p) != http.StatusOK {
		t.Fatalf("hosts %v, successes %v, ready %v", testutil.ToFloat64(p.hostsGauge), testutil.ToFloat64(p.polls.WithLabelValues("success")), p.Ready())
	}
	if n := testutil.CollectAndCount(p.Registry, "stack_poller_history_host_state"); n != 3 {
		t.Fatalf("%d host series, want 3 (matching hosts are not history hosts)", n)
	}

	// b leaves the ring: its series goes; a host only the health check names is kept.
	stub.set([]string{"10.0.0.1:7234"}, map[string]enumsspb.HealthState{
		"10.0.0.1:7234": enumsspb.HEALTH_STATE_SERVING, "10.0.0.4:7234": enumsspb.HEALTH_STATE_DECLINED_SERVING}, nil)
	if err := p.Round(ctx); err != nil {
		t.Fatal(err)
	}
	if n := testutil.CollectAndCount(p.Registry, "stack_poller_history_host_state"); n != 2 {
		t.Fatalf("%d host series after two hosts left and one came, want 2", n)
	}
	if got := testutil.ToFloat64(p.state.WithLabelValues("10.0.0.4:7234")); got != 3 {
		t.Fatalf("declined serving: %v", got)
	}

	// A failed round counts as such and keeps the last states.
	stub.set(nil, nil, errors.New("unavailable"))
	err := p.Round(ctx)
	if err == nil || testutil.ToFloat64(p.polls.WithLabelValues("failure")) != 1 {
		t.Fatalf("a failing health check: %v", err)
	}
	if got := p.Hosts(); len(got) != 2 {
		t.Fatalf("the last states were lost: %v", got)
	}
}
