// Package payloadscan counts payloads that reach the frontend unencrypted
// (json/plain and friends) per namespace and API. It only observes: requests
// pass unchanged, and are never re-marshalled.
package payloadscan

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/api/proxy"
	"go.temporal.io/server/common/api"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/log/tag"
	"go.temporal.io/server/common/metrics"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
)

// SettingsKey is the dynamic-config key of the detector's settings.
const SettingsKey = "stack.payloads.plaintextDetection"

// Settings are read live from dynamic config.
type Settings struct {
	Enabled   bool     `mapstructure:"enabled"`
	Encodings []string `mapstructure:"encodings"` // metadata "encoding" values counted as plaintext
}

// DefaultSettings: on, counting the SDKs' unencrypted encodings. binary/null
// (a nil value) carries no data and is never counted.
var DefaultSettings = Settings{Enabled: true, Encodings: []string{"json/plain", "binary/plain", "json/protobuf", "binary/protobuf"}}

var settingsSetting = dynamicconfig.NewGlobalTypedSetting(SettingsKey, Settings{Enabled: true},
	"Temporal Stack: plaintext-payload detector on/off and the encodings it counts (default: json/plain, binary/plain, json/protobuf, binary/protobuf).")

// LogInterval is the least time between two warnings for one namespace and API.
const LogInterval = time.Minute

// Detector is a frontend unary interceptor.
type Detector struct {
	logger  log.Logger
	counter metrics.CounterIface
	state   func() *state

	mu      sync.Mutex
	lastLog map[[2]string]time.Time
}

type state struct {
	enabled   bool
	encodings map[string]bool
}

func newState(s Settings) *state {
	if s.Encodings == nil {
		s.Encodings = DefaultSettings.Encodings
	}
	st := &state{enabled: s.Enabled, encodings: map[string]bool{}}
	for _, e := range s.Encodings {
		st.encodings[e] = true
	}
	return st
}

// New returns a Detector following dc (nil = defaults). metricName is
// "plaintext_payload_detected_total" on the tally path, without _total on
// OpenTelemetry (which appends it).
func New(dc *dynamicconfig.Collection, logger log.Logger, handler metrics.Handler, metricName string) *Detector {
	if handler == nil {
		handler = metrics.NoopMetricsHandler
	}
	d := &Detector{logger: logger, lastLog: map[[2]string]time.Time{},
		counter: metrics.NewCounterDef(metricName,
			metrics.WithDescription("Payloads that reached the frontend with a plaintext encoding, by namespace and API.")).With(handler)}
	var current atomic.Pointer[state]
	current.Store(newState(DefaultSettings))
	if dc != nil {
		initial, _ := settingsSetting.Subscribe(dc)(func(s Settings) { current.Store(newState(s)) })
		current.Store(newState(initial))
	}
	d.state = current.Load
	return d
}

// Intercept implements grpc.UnaryServerInterceptor; it always calls handler
// with the request it was given.
func (d *Detector) Intercept(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	st := d.state()
	if !st.enabled {
		return handler(ctx, req)
	}
	if c, ok := ctx.Value(authorization.MappedClaims).(*authorization.Claims); ok && c.AuthType == authorization.InternalPrincipalType {
		return handler(ctx, req) // system workflows through internal-frontend
	}
	msg, ok := req.(proto.Message)
	if !ok {
		return handler(ctx, req)
	}
	if n := st.count(ctx, msg); n > 0 {
		ns := ""
		if r, ok := req.(interface{ GetNamespace() string }); ok {
			ns = r.GetNamespace()
		}
		method := api.MethodName(info.FullMethod)
		d.counter.Record(int64(n), metrics.NamespaceTag(ns), metrics.StringTag("api", method))
		d.warn(ns, method, n)
	}
	return handler(ctx, req)
}

// Count returns how many plaintext payloads msg carries (for tests and benchmarks).
func (d *Detector) Count(ctx context.Context, msg proto.Message) int {
	return d.state().count(ctx, msg)
}

func (st *state) count(ctx context.Context, msg proto.Message) int {
	n := 0
	var opts proxy.VisitPayloadsOptions
	opts = proxy.VisitPayloadsOptions{
		SkipSearchAttributes: true,
		Visitor: func(vc *proxy.VisitPayloadsContext, ps []*commonpb.Payload) ([]*commonpb.Payload, error) {
			if _, header := vc.Parent.(*commonpb.Header); header {
				return ps, nil // headers carry context propagation, not payload data
			}
			for _, p := range ps {
				if st.encodings[string(p.GetMetadata()["encoding"])] {
					n++
				}
			}
			return ps, nil
		},
		// Read-only: look inside Any values (update protocol messages) without
		// re-marshalling them into the request.
		WellKnownAnyVisitor: func(vc *proxy.VisitPayloadsContext, a *anypb.Any) error {
			inner, err := a.UnmarshalNew()
			if err != nil {
				return nil // not a type we know: nothing to count
			}
			return proxy.VisitPayloads(vc.Context, inner, opts)
		},
	}
	_ = proxy.VisitPayloads(ctx, msg, opts)
	return n
}

func (d *Detector) warn(ns, method string, n int) {
	key := [2]string{ns, method}
	now := time.Now()
	d.mu.Lock()
	last, seen := d.lastLog[key]
	if seen && now.Sub(last) < LogInterval {
		d.mu.Unlock()
		return
	}
	d.lastLog[key] = now
	d.mu.Unlock()
	d.logger.Warn("Plaintext payloads received: use a payload codec to encrypt workflow data (at most one line per namespace and API per minute).",
		tag.WorkflowNamespace(ns), tag.NewStringTag("api", method), tag.NewInt("payloads", n))
}
