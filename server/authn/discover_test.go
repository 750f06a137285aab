package authn

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/metrics/metricstest"

	"github.com/temporal-stack/stack/server/authn/authntest"
)

// An IdP that starts after the server is found (discovery retries refused
// connections); an endpoint that answers but is no IdP fails at once.
func TestDiscoveryWaitsForAStartingIdP(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens yet
	issuer := "http://" + addr + "/dex"
	mux := http.NewServeMux()
	mux.HandleFunc("/dex/.well-known/openid-configuration", func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]string{"issuer": issuer, "jwks_uri": issuer + "/keys",
			"authorization_endpoint": issuer + "/auth", "token_endpoint": issuer + "/token"})
	})
	srv := &http.Server{Handler: mux}
	go func() {
		time.Sleep(300 * time.Millisecond)
		l, err := net.Listen("tcp", addr)
		if err != nil {
			return
		}
		_ = srv.Serve(l)
	}()
	defer srv.Close()
	start := time.Now()
	p, err := discover(context.Background(), http.DefaultClient, issuer, 5*time.Second, nil)
	if err != nil {
		t.Fatalf("discovery of an IdP that starts 300 ms late: %v", err)
	}
	if waited := time.Since(start); waited < 250*time.Millisecond {
		t.Fatalf("found after %s, before the IdP listened", waited)
	}
	if p.Endpoint().TokenURL != issuer+"/token" {
		t.Fatalf("provider %+v", p.Endpoint())
	}
	// Answers, but not as an IdP: no retrying.
	start = time.Now()
	if _, err := discover(context.Background(), http.DefaultClient, "http://"+addr+"/nothing", 5*time.Second, nil); err == nil || time.Since(start) > time.Second {
		t.Fatalf("a 404 discovery: %v after %s", err, time.Since(start))
	}
	// Never starts: gives up after the timeout, naming the issuer.
	l2, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := l2.Addr().String()
	l2.Close()
	if _, err := discover(context.Background(), http.DefaultClient, "http://"+closed+"/dex", 400*time.Millisecond, nil); err == nil || !strings.Contains(err.Error(), "OIDC discovery at http://"+closed) {
		t.Fatalf("an IdP that never starts: %v", err)
	}
}

// With an issuer (no key source URIs) the mapper is built at once, even while
// the IdP is down: tokens are refused with the reason until discovery
// succeeds. The first token after the IdP is up makes discovery try at once
// instead of waiting out its back-off, and is accepted.
func TestMapperStartsBeforeItsIdP(t *testing.T) {
	p := authntest.New(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	issuer := "http://" + addr + "/dex"
	mux := http.NewServeMux()
	mux.HandleFunc("/dex/.well-known/openid-configuration", func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]string{"issuer": issuer, "jwks_uri": issuer + "/keys",
			"authorization_endpoint": issuer + "/auth", "token_endpoint": issuer + "/token"})
	})
	mux.HandleFunc("/dex/keys", func(w http.ResponseWriter, _ *http.Request) {
		b, _ := os.ReadFile(p.Path)
		_, _ = w.Write(b)
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	start := time.Now()
	// A short HTTP timeout: discovery gives up a round within 200 ms, then
	// backs off for longer than this test runs.
	defer func(d time.Duration) { discoveryBackoff = d }(discoveryBackoff)
	discoveryBackoff = time.Hour
	h := metricstest.NewCaptureHandler()
	capture := h.StartCapture()
	discovered := func() float64 {
		recs := capture.Snapshot()["stack_auth_oidc_discovered"]
		if len(recs) == 0 || recs[0].Tags["issuer"] != issuer {
			t.Fatalf("stack_auth_oidc_discovered: %+v", recs)
		}
		return recs[len(recs)-1].Value.(float64)
	}
	m, err := New(ctx, Config{Issuers: []Issuer{{Issuer: issuer, PolicyDefault: true, Audiences: []string{"temporal-cli"}}}, MinRefresh: time.Millisecond, HTTPTimeout: 200 * time.Millisecond, Metrics: h}, nil, log.NewNoopLogger())
	if err != nil || time.Since(start) > time.Second {
		t.Fatalf("New with the IdP down: %v after %s", err, time.Since(start))
	}
	m.setPolicy(RolePolicy{Users: map[string][]string{"admin@example.com": {"temporal-system:admin"}}})
	claims := authntest.DexClaims("admin@example.com")
	claims["iss"] = issuer
	token := p.Token(claims)
	if got := tokenError(claimsFor(t, m, token)); !strings.Contains(got, "OIDC discovery at "+issuer) {
		t.Fatalf("a token before discovery: reason %q", got)
	}
	time.Sleep(400 * time.Millisecond) // the round that token started has given up: discovery is backing off
	if got := discovered(); got != 0 {
		t.Fatalf("stack_auth_oidc_discovered %v while the IdP is down", got)
	}
	srv := &http.Server{Handler: mux}
	l, err = net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(l) }()
	defer srv.Close()
	start = time.Now()
	c := claimsFor(t, m, token)
	if tokenError(c) != "" || c.System == 0 {
		t.Fatalf("the first token after the IdP started: %q (after %s)", tokenError(c), time.Since(start))
	}
	t.Logf("accepted %s after the IdP started", time.Since(start).Round(time.Millisecond))
	if got := discovered(); got != 1 {
		t.Fatalf("stack_auth_oidc_discovered %v after discovery", got)
	}
}
