// Package healthpoll asks the cluster, through the internal-frontend, for a
// DeepHealthCheck of every history host each interval and exports what it saw.
package healthpoll

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.temporal.io/server/api/adminservice/v1"
	enumsspb "go.temporal.io/server/api/enums/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

// Config configures a Poller.
type Config struct {
	Address  string        // internal-frontend host:port
	Interval time.Duration // default 15 s
	TLS      *tls.Config   // internode TLS; nil = plaintext
	Logger   *slog.Logger
}

// Poller polls and exports. Its metrics live in its own registry.
type Poller struct {
	cfg      Config
	conn     *grpc.ClientConn
	admin    adminservice.AdminServiceClient
	Registry *prometheus.Registry

	state       *prometheus.GaugeVec
	polls       *prometheus.CounterVec
	duration    prometheus.Histogram
	lastSuccess prometheus.Gauge
	hostsGauge  prometheus.Gauge

	mu    sync.Mutex
	hosts map[string]bool
	last  map[string]enumsspb.HealthState // states of the last successful round
	ok    time.Time
}

// New connects (lazily) to the internal-frontend.
func New(cfg Config) (*Poller, error) {
	if cfg.Interval == 0 {
		cfg.Interval = 15 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	creds := insecure.NewCredentials()
	if cfg.TLS != nil {
		creds = credentials.NewTLS(cfg.TLS)
	}
	conn, err := grpc.NewClient(cfg.Address, grpc.WithTransportCredentials(creds))
	if err != nil {
		return nil, fmt.Errorf("internal-frontend %s: %w", cfg.Address, err)
	}
	p := &Poller{cfg: cfg, conn: conn, admin: adminservice.NewAdminServiceClient(conn), Registry: prometheus.NewRegistry(), hosts: map[string]bool{}}
	p.state = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "stack_poller_history_host_state",
		Help: "DeepHealthCheck state of each history host: 1 serving, 2 not serving, 3 declined serving, 4 internal error, 0 unknown."}, []string{"host"})
	p.polls = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "stack_poller_polls_total",
		Help: "Poll rounds by result (success, failure)."}, []string{"result"})
	p.duration = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "stack_poller_poll_duration_seconds",
		Help: "Duration of a poll round.", Buckets: prometheus.ExponentialBuckets(0.005, 2, 12)})
	p.lastSuccess = prometheus.NewGauge(prometheus.GaugeOpts{Name: "stack_poller_last_success_timestamp_seconds",
		Help: "Unix time of the last successful poll round."})
	p.hostsGauge = prometheus.NewGauge(prometheus.GaugeOpts{Name: "stack_poller_history_hosts",
		Help: "History hosts in the membership ring at the last successful round."})
	p.Registry.MustRegister(p.state, p.polls, p.duration, p.lastSuccess, p.hostsGauge)
	p.polls.WithLabelValues("success")
	p.polls.WithLabelValues("failure")
	return p, nil
}

// Close releases the connection.
func (p *Poller) Close() error { return p.conn.Close() }

// Run polls every interval until ctx ends; after a failure it retries with
// exponential backoff (1 s doubling, capped at the interval).
func (p *Poller) Run(ctx context.Context) {
	backoff := time.Second
	for {
		wait := p.cfg.Interval
		if err := p.Round(ctx); err != nil {
			p.cfg.Logger.Warn("health poll failed; retrying", "address", p.cfg.Address, "retry-in", backoff, "error", err)
			wait, backoff = backoff, min(2*backoff, p.cfg.Interval)
		} else {
			backoff = time.Second
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
}

// Round runs one poll: membership, then a DeepHealthCheck of every history host.
func (p *Poller) Round(ctx context.Context) error {
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, max(p.cfg.Interval, 5*time.Second))
	defer cancel()
	err := p.round(ctx)
	p.duration.Observe(time.Since(start).Seconds())
	if err != nil {
		p.polls.WithLabelValues("failure").Inc()
		return err
	}
	p.polls.WithLabelValues("success").Inc()
	p.lastSuccess.SetToCurrentTime()
	p.mu.Lock()
	p.ok = time.Now()
	p.mu.Unlock()
	return nil
}

func (p *Poller) round(ctx context.Context) error {
	dc, err := p.admin.DescribeCluster(ctx, &adminservice.DescribeClusterRequest{})
	if err != nil {
		return fmt.Errorf("DescribeCluster: %w", err)
	}
	members := map[string]bool{}
	for _, ring := range dc.GetMembershipInfo().GetRings() {
		if ring.GetRole() == "history" {
			for _, m := range ring.GetMembers() {
				members[m.GetIdentity()] = true
			}
		}
	}
	hc, err := p.admin.DeepHealthCheck(ctx, &adminservice.DeepHealthCheckRequest{})
	if err != nil {
		return fmt.Errorf("DeepHealthCheck: %w", err)
	}
	states := map[string]enumsspb.HealthState{}
	for _, svc := range hc.GetServices() {
		if svc.GetService() != "history" {
			continue
		}
		for _, h := range svc.GetHosts() {
			states[h.GetAddress()] = h.GetState()
		}
	}
	for h := range states {
		members[h] = true
	}
	p.mu.Lock()
	for h := range p.hosts {
		if !members[h] {
			p.state.DeleteLabelValues(h) // the host left the cluster
			p.cfg.Logger.Info("history host left the membership", "host", h)
		}
	}
	p.hosts = members
	p.last = map[string]enumsspb.HealthState{}
	for h := range members {
		p.last[h] = states[h]
	}
	p.mu.Unlock()
	p.hostsGauge.Set(float64(len(members)))

	names := make([]string, 0, len(members))
	for h := range members {
		names = append(names, h)
	}
	slices.Sort(names)
	p.cfg.Logger.Info("cluster health", "state", hc.GetState().String(), "history-hosts", len(names))
	for _, h := range names {
		st := states[h]
		p.state.WithLabelValues(h).Set(float64(st))
		p.cfg.Logger.Info("history host", "host", h, "state", st.String())
	}
	return nil
}

// Hosts returns each history host's state from the last successful round.
func (p *Poller) Hosts() map[string]enumsspb.HealthState {
	p.mu.Lock()
	defer p.mu.Unlock()
	return maps.Clone(p.last)
}

// Ready reports whether a round succeeded within the last two intervals.
func (p *Poller) Ready() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return !p.ok.IsZero() && time.Since(p.ok) < 2*p.cfg.Interval
}

// Handler serves /metrics, /healthz (the process runs) and /readyz (Ready).
func (p *Poller) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(p.Registry, promhttp.HandlerOpts{}))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, _ *http.Request) {
		if !p.Ready() {
			http.Error(w, "no successful health poll in the last two intervals", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	return mux
}
