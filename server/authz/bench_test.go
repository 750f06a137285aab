package authz

import (
	"context"
	"testing"
	"time"

	"go.temporal.io/server/common/api"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/log"

	"github.com/temporal-stack/stack/server/authn"
	"github.com/temporal-stack/stack/server/authn/authntest"
)

var upstreamNsPerOp float64

// BenchmarkClaimsAndAuthz measures the per-request cost of claim mapping plus
// authorization of one StartWorkflowExecution with a Dex-shaped RS256 token:
// Temporal's default JWT claim mapper + default authorizer first, then ours on
// a cache hit and on a cache miss, each reporting its ratio to the default.
func BenchmarkClaimsAndAuthz(b *testing.B) {
	p := authntest.New(b)
	token := func(email string) *authorization.AuthInfo {
		c := authntest.DexClaims(email)
		c["permissions"] = []string{"default:write"}
		return &authorization.AuthInfo{AuthToken: "Bearer " + p.Token(c)}
	}
	ai, ai2 := token("writer@example.com"), token("writer2@example.com")
	target := &authorization.CallTarget{APIName: api.WorkflowServicePrefix + "StartWorkflowExecution", Namespace: "default"}
	ctx := context.Background()

	b.Run("impl=upstream-default", func(b *testing.B) {
		upstreamNsPerOp = 0 // no ratio for the reference itself
		cfg := &config.Authorization{JWTKeyProvider: config.JWTKeyProvider{KeySourceURIs: []string{"file://" + p.Path}, RefreshInterval: time.Hour}}
		mapper := authorization.NewDefaultJWTClaimMapper(authorization.NewDefaultTokenKeyProvider(cfg, log.NewNoopLogger()), cfg, log.NewNoopLogger())
		az := authorization.NewDefaultAuthorizer()
		run(b, func(ai *authorization.AuthInfo) bool {
			c, err := mapper.GetClaims(ai)
			if err != nil {
				b.Fatal(err)
			}
			r, _ := az.Authorize(ctx, c, target)
			return r.Decision == authorization.DecisionAllow
		}, ai, ai)
		upstreamNsPerOp = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	})

	ours := func(cacheSize int) func(*authorization.AuthInfo) bool {
		cctx, cancel := context.WithCancel(ctx)
		b.Cleanup(cancel)
		m, err := authn.New(cctx, authn.Config{Issuers: []authn.Issuer{{Issuer: authntest.Issuer, PolicyDefault: true, KeySourceURIs: []string{"file://" + p.Path},
			Audiences: []string{"temporal-cli"}}}, CacheSize: cacheSize}, nil, log.NewNoopLogger())
		if err != nil {
			b.Fatal(err)
		}
		az := New(func() *Blocklist { return nil }, nil, log.NewNoopLogger(), nil)
		return func(ai *authorization.AuthInfo) bool {
			c, _ := m.GetClaims(ai)
			r, _ := az.Authorize(ctx, c, target)
			return r.Decision == authorization.DecisionAllow
		}
	}
	b.Run("impl=stack/cache=hit", func(b *testing.B) {
		run(b, ours(0), ai, ai)
	})
	b.Run("impl=stack/cache=miss", func(b *testing.B) {
		// A one-entry cache and two alternating tokens: every call verifies.
		run(b, ours(1), ai, ai2)
	})
}

func run(b *testing.B, op func(*authorization.AuthInfo) bool, a1, a2 *authorization.AuthInfo) {
	if !op(a1) || !op(a2) {
		b.Fatal("the benchmark request is not allowed")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i&1 == 0 {
			op(a1)
		} else {
			op(a2)
		}
	}
	b.StopTimer()
	if upstreamNsPerOp > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/upstreamNsPerOp, "ratio-vs-upstream")
	}
}
