package authn

import (
	"context"
	"strings"
	"testing"
	"time"

	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/metrics/metricstest"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/temporal-stack/stack/server/authn/authntest"
)

// Keys a JWKS may list next to usable ones that this server cannot use
// (Keycloak realms with an EdDSA provider publish Ed448 keys).
var unusableKeys = []string{
	`{"kty":"OKP","crv":"Ed448","kid":"ed448-1","x":"X9dEm1m0Yf0s54fsYWrUah2hNCSFpw4fig6nXYDpZ3jt8SR2m0bHBhvWeD3x5Q9s0foavq_oJWGA","alg":"EdDSA","use":"sig"}`,
	`{"kty":"DSA","kid":"dsa-1","use":"sig"}`,
	`{"kty":"RSA","kid":"cert-only","use":"sig","x5c":["MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"]}`,
	`{"kty":"oct","kid":"hmac-1","k":"c2VjcmV0","alg":"HS256"}`,
	`{"kty":"RSA","kid":"enc-1","use":"enc","n":"sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw","e":"AQAB"}`,
}

func TestUnusableKeysAreSkipped(t *testing.T) {
	usable, unusable, err := ParseKeySet([]byte(`{"keys":[` + strings.Join(unusableKeys, ",") + `]}`))
	if err != nil || len(usable) != 0 || len(unusable) != len(unusableKeys) {
		t.Fatalf("usable %d, unusable %+v, err %v", len(usable), unusable, err)
	}
	for i, k := range unusable {
		if k.KeyID == "" || k.Reason == "" {
			t.Errorf("key %d: %+v", i, k)
		}
	}
	if _, _, err := ParseKeySet([]byte(`{"kids":[]}`)); err == nil {
		t.Error("a document without keys parsed")
	}

	p := authntest.New(t)
	p.PublishExtra(unusableKeys...)
	core, logs := observer.New(zapcore.InfoLevel)
	h := metricstest.NewCaptureHandler()
	capture := h.StartCapture()
	m := newMapperWith(t, Config{Issuers: []Issuer{{Issuer: authntest.Issuer, PolicyDefault: true, KeySourceURIs: []string{"file://" + p.Path}}},
		MinRefresh: time.Millisecond, Metrics: h}, log.NewZapLogger(zap.New(core)))
	m.setPolicy(RolePolicy{Users: map[string][]string{"admin@example.com": {"temporal-system:admin"}}})
	if c := claimsFor(t, m, p.Token(authntest.DexClaims("admin@example.com"))); tokenError(c) != "" || c.System != authorization.RoleAdmin {
		t.Fatalf("token of rsa-1 next to unusable keys: %s", tokenError(c))
	}
	// Rotation keeps working: the new key is found, the unusable ones are
	// logged once each, not at every refresh.
	p.Rotate()
	if c := claimsFor(t, m, p.Token(authntest.DexClaims("admin@example.com"))); tokenError(c) != "" {
		t.Fatalf("token of the rotated key: %s", tokenError(c))
	}
	for _, kid := range []string{"ed448-1", "dsa-1", "cert-only", "hmac-1", "enc-1"} {
		if n := logs.FilterMessageSnippet("Skipped a signing key").FilterField(zap.String("kid", kid)).Len(); n != 1 {
			t.Errorf("key %s logged %d times, want once", kid, n)
		}
	}
	recs := capture.Snapshot()["stack_auth_jwks_unusable_keys"]
	if len(recs) == 0 || recs[len(recs)-1].Value != float64(len(unusableKeys)) || recs[0].Tags["issuer"] != authntest.Issuer {
		t.Fatalf("gauge: %+v", recs)
	}
}

func newMapperWith(t testing.TB, cfg Config, logger log.Logger) *ClaimMapper {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	m, err := New(ctx, cfg, nil, logger)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestPermissionsClaimShapes(t *testing.T) {
	p := authntest.New(t)
	const auth0 = "https://temporal.example.com/permissions"
	cases := []struct {
		name  string
		claim string // PermissionsClaim
		set   func(map[string]any)
		want  map[string]authorization.Role
	}{
		{"Auth0 namespaced claim with dots", auth0, func(c map[string]any) { c[auth0] = []string{"ops:admin"} },
			map[string]authorization.Role{"ops": authorization.RoleAdmin}},
		{"dotted path still reaches nested objects", "realm_access.roles",
			func(c map[string]any) { c["realm_access"] = map[string]any{"roles": []string{"ops:write"}} },
			map[string]authorization.Role{"ops": authorization.RoleWriter}},
		{"space-separated string", "permissions", func(c map[string]any) { c["permissions"] = "default:read ops:write" },
			map[string]authorization.Role{"default": authorization.RoleReader, "ops": authorization.RoleWriter}},
		{"comma-separated string", "permissions", func(c map[string]any) { c["permissions"] = "default:read, ops:write" },
			map[string]authorization.Role{"default": authorization.RoleReader, "ops": authorization.RoleWriter}},
		{"an array entry with a space grants nothing", "permissions", func(c map[string]any) { c["permissions"] = []string{"default:read ops:write", "x:read"} },
			map[string]authorization.Role{"x": authorization.RoleReader}},
		{"invalid namespace names grant nothing", "permissions", func(c map[string]any) {
			c["permissions"] = []string{"a\tb:read", ":read", "a:b:read", strings.Repeat("n", 1001) + ":read", "ok.ns-1_x:admin"}
		}, map[string]authorization.Role{"ok.ns-1_x": authorization.RoleAdmin}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			core, logs := observer.New(zapcore.InfoLevel)
			m := newMapperWith(t, Config{Issuers: []Issuer{{Issuer: authntest.Issuer, PolicyDefault: true, KeySourceURIs: []string{"file://" + p.Path}, PermissionsClaim: tc.claim}},
				MinRefresh: time.Millisecond}, log.NewZapLogger(zap.New(core)))
			m.setPolicy(RolePolicy{Default: []string{"default:admin"}})
			claims := authntest.DexClaims("x@example.com")
			tc.set(claims)
			token := p.Token(claims)
			c := claimsFor(t, m, token)
			if tokenError(c) != "" || c.System != 0 || !equalRoles(c.Namespaces, tc.want) || c.Extensions.(*Identity).Source != "permissions-claim" {
				t.Fatalf("claims %+v (%+v), want %v", c, c.Extensions, tc.want)
			}
			claimsFor(t, m, token) // cached: not logged again
			skipped := logs.FilterMessageSnippet("Ignored permissions").Len()
			if wantLog := len(tc.want) < 2 && tc.claim == "permissions"; (skipped == 1) != wantLog || skipped > 1 {
				t.Fatalf("%d log lines for unparsable permissions", skipped)
			}
		})
	}
}

func equalRoles(a, b map[string]authorization.Role) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range b {
		if a[k] != v {
			return false
		}
	}
	return true
}

func TestEmailMustBeVerifiedForUserRules(t *testing.T) {
	p := authntest.New(t)
	policy := RolePolicy{
		Users:    map[string][]string{"admin@example.com": {"temporal-system:admin"}},
		Subjects: map[string][]string{"sub-ops": {"ops:admin"}},
		Default:  []string{"default:read"},
	}
	for _, tc := range []struct {
		name     string
		verified any // nil: claim absent
		assume   bool
		admin    bool
		pType    string
	}{
		{"email_verified true", true, false, true, PrincipalEmail},
		{"email_verified false", false, false, false, PrincipalSubject},
		{"email_verified false, even when the issuer assumes", false, true, false, PrincipalSubject},
		{`email_verified "true" (string)`, "true", false, true, PrincipalEmail},
		{"no email_verified", nil, false, false, PrincipalSubject},
		{"no email_verified, issuer assumes verified", nil, true, true, PrincipalEmail},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMapperWith(t, Config{Issuers: []Issuer{{Issuer: authntest.Issuer, PolicyDefault: true, KeySourceURIs: []string{"file://" + p.Path}, AssumeEmailVerified: tc.assume}},
				MinRefresh: time.Millisecond}, log.NewNoopLogger())
			m.setPolicy(policy)
			claims := authntest.DexClaims("admin@example.com")
			delete(claims, "email_verified")
			if tc.verified != nil {
				claims["email_verified"] = tc.verified
			}
			c := claimsFor(t, m, p.Token(claims))
			id := c.Extensions.(*Identity)
			if (c.System == authorization.RoleAdmin) != tc.admin || id.PrincipalType != tc.pType {
				t.Fatalf("system role %v, principal %s %s, source %s", c.System, id.PrincipalType, id.PrincipalName, id.Source)
			}
			if !tc.admin && (c.Namespaces["default"] != authorization.RoleReader || id.Source != "policy-default") {
				t.Fatalf("unverified email: %+v, source %s", c.Namespaces, id.Source)
			}
		})
	}
	t.Run("subject rules", func(t *testing.T) {
		m := newMapperWith(t, Config{Issuers: []Issuer{{Issuer: authntest.Issuer, PolicyDefault: true, KeySourceURIs: []string{"file://" + p.Path}}}, MinRefresh: time.Millisecond}, log.NewNoopLogger())
		m.setPolicy(policy)
		claims := authntest.DexClaims("someone@example.com")
		claims["sub"] = "sub-ops"
		c := claimsFor(t, m, p.Token(claims))
		if c.Namespaces["ops"] != authorization.RoleAdmin || c.Namespaces["default"] != 0 || c.Extensions.(*Identity).Source != "policy-subject" {
			t.Fatalf("%+v %+v", c, c.Extensions)
		}
	})
}

// Two issuers: people from an IdP, workloads from a cluster's ServiceAccount
// issuer, each with its own keys, audiences and rules.
func TestIssuersAndServiceAccounts(t *testing.T) {
	people, cluster := authntest.New(t), authntest.New(t)
	const kubeIss = "https://kubernetes.default.svc.cluster.local"
	m := newMapperWith(t, Config{Issuers: []Issuer{
		{Issuer: authntest.Issuer, PolicyDefault: true, KeySourceURIs: []string{"file://" + people.Path}, Audiences: []string{"temporal-cli"}},
		{Issuer: kubeIss, KeySourceURIs: []string{"file://" + cluster.Path}, Audiences: []string{"temporal"}, Kubernetes: true},
	}, MinRefresh: time.Millisecond}, log.NewNoopLogger())
	m.setPolicy(RolePolicy{
		Users:           map[string][]string{"admin@example.com": {"temporal-system:admin"}},
		ServiceAccounts: map[string][]string{"workers/orders": {"default:worker"}, "batch/*": {"default:write"}},
		Default:         []string{"default:read"},
	})
	sa := func(sub, aud string) map[string]any {
		now := time.Now()
		return map[string]any{"iss": kubeIss, "sub": sub, "aud": []string{aud}, "exp": now.Add(time.Hour).Unix(), "iat": now.Unix(), "nbf": now.Unix(),
			"kubernetes.io": map[string]any{"namespace": "workers", "serviceaccount": map[string]any{"name": "orders"}}}
	}
	c := claimsFor(t, m, cluster.Token(sa("system:serviceaccount:workers:orders", "temporal")))
	id, _ := c.Extensions.(*Identity)
	if tokenError(c) != "" || c.System != 0 || !equalRoles(c.Namespaces, map[string]authorization.Role{"default": authorization.RoleWorker}) ||
		id.PrincipalType != PrincipalServiceAccount || id.PrincipalName != "system:serviceaccount:workers:orders" || id.Source != "policy-serviceaccount" {
		t.Fatalf("ServiceAccount token: %+v %+v %s", c, c.Extensions, tokenError(c))
	}
	if c := claimsFor(t, m, cluster.Token(sa("system:serviceaccount:batch:nightly", "temporal"))); c.Namespaces["default"] != authorization.RoleWriter {
		t.Fatalf("namespace-wide rule: %+v %s", c, tokenError(c))
	}
	if c := claimsFor(t, m, cluster.Token(sa("system:serviceaccount:other:x", "temporal"))); tokenError(c) != "" || len(c.Namespaces) != 0 || c.System != 0 {
		t.Fatalf("a ServiceAccount no rule names gets the people's default: %+v", c)
	}
	if c := claimsFor(t, m, cluster.Token(sa("system:serviceaccount:workers:orders", "vault"))); !strings.Contains(tokenError(c), "audience") {
		t.Fatalf("another audience: %q", tokenError(c))
	}
	if c := claimsFor(t, m, cluster.Token(sa("alice", "temporal"))); !strings.Contains(tokenError(c), "system:serviceaccount") {
		t.Fatalf("a non-ServiceAccount subject from the cluster issuer: %q", tokenError(c))
	}
	// A ServiceAccount token signed by another cluster's key.
	other := authntest.New(t)
	if c := claimsFor(t, m, other.Token(sa("system:serviceaccount:workers:orders", "temporal"))); !strings.Contains(tokenError(c), "signature") {
		t.Fatalf("another cluster's key: %q", tokenError(c))
	}
	// A person whose sub looks like a ServiceAccount gets no ServiceAccount rule.
	pc := authntest.DexClaims("nobody@example.com")
	pc["sub"] = "system:serviceaccount:workers:orders"
	if c := claimsFor(t, m, people.Token(pc)); !equalRoles(c.Namespaces, map[string]authorization.Role{"default": authorization.RoleReader}) || c.System != 0 {
		t.Fatalf("a person with a ServiceAccount-like sub: %+v", c)
	}
	// Tokens of an issuer not configured are refused by name.
	bad := authntest.DexClaims("admin@example.com")
	bad["iss"] = "https://evil.example"
	if c := claimsFor(t, m, people.Token(bad)); !strings.Contains(tokenError(c), `issuer "https://evil.example" is not accepted`) {
		t.Fatalf("unknown issuer: %q", tokenError(c))
	}
	// The people's issuer still works, with its own audience.
	if c := claimsFor(t, m, people.Token(authntest.DexClaims("admin@example.com"))); c.System != authorization.RoleAdmin {
		t.Fatalf("person: %+v %s", c, tokenError(c))
	}
}

// The policy's default applies only to issuers that opt in: a further issuer
// (a CI provider whose audience anyone can request, say) gets no roles from it.
func TestPolicyDefaultIsPerIssuer(t *testing.T) {
	people, ci := authntest.New(t), authntest.New(t)
	const ciIss = "https://token.actions.example.com"
	m := newMapperWith(t, Config{Issuers: []Issuer{
		{Issuer: authntest.Issuer, PolicyDefault: true, KeySourceURIs: []string{"file://" + people.Path}},
		{Issuer: ciIss, KeySourceURIs: []string{"file://" + ci.Path}, Audiences: []string{"temporal"}},
	}, MinRefresh: time.Millisecond}, log.NewNoopLogger())
	m.setPolicy(RolePolicy{Default: []string{"default:read"}, Subjects: map[string][]string{"repo:acme/deploy": {"default:write"}}})
	if c := claimsFor(t, m, people.Token(authntest.DexClaims("someone@example.com"))); c.Namespaces["default"] != authorization.RoleReader {
		t.Fatalf("a person of the default issuer: %+v", c)
	}
	tok := func(sub string) string {
		now := time.Now()
		return ci.Token(map[string]any{"iss": ciIss, "sub": sub, "aud": "temporal", "exp": now.Add(time.Hour).Unix(), "iat": now.Unix()})
	}
	if c := claimsFor(t, m, tok("repo:anyone/anything")); tokenError(c) != "" || len(c.Namespaces) != 0 || c.System != 0 {
		t.Fatalf("a token of an issuer without policyDefault got the default: %+v %s", c, tokenError(c))
	}
	if c := claimsFor(t, m, tok("repo:acme/deploy")); c.Namespaces["default"] != authorization.RoleWriter {
		t.Fatalf("a subject rule: %+v", c)
	}
	if _, err := New(context.Background(), Config{Issuers: []Issuer{{Kubernetes: true, Issuer: "https://k", KeySourceURIs: []string{"file://" + ci.Path}}}}, nil, log.NewNoopLogger()); err == nil {
		t.Fatal("a Kubernetes issuer without audiences was accepted")
	}
}

func TestParseIssuers(t *testing.T) {
	got, err := ParseIssuers([]byte(`
issuers:
  - issuer: https://login.example.com
    audiences: [temporal]
    permissionsClaim: https://temporal.example.com/permissions
    assumeEmailVerified: true
  - kubernetes: true
    audiences: [temporal]
`), "test")
	if err != nil || len(got) != 2 || !got[0].AssumeEmailVerified || !got[1].Kubernetes || got[0].PermissionsClaim != "https://temporal.example.com/permissions" {
		t.Fatalf("%+v %v", got, err)
	}
	for _, bad := range []string{
		"issuers:\n  - issuer: x\n    audience: [temporal]\n", // typo: unknown field
		"issuers: []\n",
		"issuers:\n  - audiences: [a]\n",
		"issuers: {issuer: x}\n",
		"issuers:\n  - kubernetes: true\n", // no audiences
		"issuers:\n  - kubernetes: true\n    audiences: [t]\n    keySourceURIs: [x]\n", // keys come from the API server
	} {
		if _, err := ParseIssuers([]byte(bad), "test"); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}
