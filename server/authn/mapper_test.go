package authn

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"strings"
	"testing"
	"time"

	"github.com/temporal-stack/stack/server/authn/authntest"

	"github.com/go-jose/go-jose/v4"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/log"
)

func newMapper(t testing.TB, p *authntest.IdP, mod func(*Config)) *ClaimMapper {
	t.Helper()
	cfg := Config{Issuers: []Issuer{{Issuer: authntest.Issuer, PolicyDefault: true, KeySourceURIs: []string{"file://" + p.Path}, Audiences: []string{"temporal-cli", "temporal-ui"}}}, MinRefresh: time.Millisecond}
	if mod != nil {
		mod(&cfg)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	m, err := New(ctx, cfg, nil, log.NewNoopLogger())
	if err != nil {
		t.Fatal(err)
	}
	m.setPolicy(RolePolicy{
		Users:   map[string][]string{"admin@example.com": {"temporal-system:admin"}, "writer@example.com": {"default:writer"}},
		Groups:  map[string][]string{"platform": {"default:write", "ops:admin"}},
		Default: []string{"default:read"},
	})
	return m
}

func claimsFor(t testing.TB, m *ClaimMapper, token string) *authorization.Claims {
	t.Helper()
	c, err := m.GetClaims(&authorization.AuthInfo{AuthToken: "Bearer " + token})
	if err != nil {
		t.Fatalf("GetClaims returned an error (it must return claims with a TokenError): %v", err)
	}
	return c
}

func tokenError(c *authorization.Claims) string {
	if te, ok := c.Extensions.(*TokenError); ok {
		return te.Reason
	}
	return ""
}

func TestValidTokensGetRoles(t *testing.T) {
	p := authntest.New(t)
	m := newMapper(t, p, nil)
	cases := []struct {
		name   string
		claims map[string]any
		system authorization.Role
		ns     map[string]authorization.Role
		source string
	}{
		{"policy user, system admin", authntest.DexClaims("admin@example.com"), authorization.RoleAdmin, nil, "policy-user"},
		{"policy user, writer alias", authntest.DexClaims("Writer@Example.com"), 0, map[string]authorization.Role{"default": authorization.RoleWriter}, "policy-user"},
		{"default grant", authntest.DexClaims("nobody@example.com"), 0, map[string]authorization.Role{"default": authorization.RoleReader}, "policy-default"},
		{"group", func() map[string]any {
			c := authntest.DexClaims("x@example.com")
			c["groups"] = []string{"platform"}
			return c
		}(), 0,
			map[string]authorization.Role{"default": authorization.RoleWriter, "ops": authorization.RoleAdmin}, "policy-group"},
		{"permissions claim wins over policy", func() map[string]any {
			c := authntest.DexClaims("admin@example.com")
			c["permissions"] = []string{"billing:worker", "temporal-system:read", "junk"}
			return c
		}(), authorization.RoleReader, map[string]authorization.Role{"billing": authorization.RoleWorker}, "permissions-claim"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := claimsFor(t, m, p.Token(tc.claims))
			if e := tokenError(c); e != "" {
				t.Fatalf("valid token refused: %s", e)
			}
			if c.System != tc.system || len(c.Namespaces) != len(tc.ns) || c.Subject != "CgV1aWQtMRIFbG9jYWw" {
				t.Fatalf("claims %+v, want system %v namespaces %v", c, tc.system, tc.ns)
			}
			for ns, r := range tc.ns {
				if c.Namespaces[ns] != r {
					t.Fatalf("namespace %s role %v, want %v", ns, c.Namespaces[ns], r)
				}
			}
			if id := c.Extensions.(*Identity); id.Source != tc.source {
				t.Fatalf("source %s, want %s", id.Source, tc.source)
			}
		})
	}
	// ES256 works too.
	c := claimsFor(t, m, p.Sign(jose.ES256, p.EC, "ec-1", authntest.DexClaims("admin@example.com")))
	if tokenError(c) != "" || c.System != authorization.RoleAdmin {
		t.Fatalf("ES256 token: %+v %s", c, tokenError(c))
	}
}

func TestNestedClaimAndRegex(t *testing.T) {
	p := authntest.New(t)
	m := newMapper(t, p, func(c *Config) {
		c.Issuers[0].PermissionsClaim = "realm_access.roles"
		c.Issuers[0].PermissionsRegex = `^temporal-(?P<namespace>[a-z-]+)-(?P<role>[a-z]+)$`
	})
	claims := authntest.DexClaims("nobody@example.com")
	claims["realm_access"] = map[string]any{"roles": []string{"temporal-orders-write", "offline_access", "temporal-temporal-system-read"}}
	claims["realm_access"].(map[string]any)["roles"] = append(claims["realm_access"].(map[string]any)["roles"].([]string), "temporal-a b-admin")
	c := claimsFor(t, m, p.Token(claims))
	if c.Namespaces["orders"] != authorization.RoleWriter || c.System != authorization.RoleReader || len(c.Namespaces) != 1 {
		t.Fatalf("claims %+v %s", c, tokenError(c))
	}
}

// attackTokens are tokens that must all be refused, with the reason expected.
func attackTokens(p *authntest.IdP) map[string]struct{ token, reason string } {
	pubPEM, _ := x509.MarshalPKIXPublicKey(&p.RSA.PublicKey)
	pemBytes := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubPEM})
	b64 := base64.RawURLEncoding.EncodeToString
	body, _ := json.Marshal(authntest.DexClaims("admin@example.com"))
	noneTok := b64([]byte(`{"alg":"none","kid":"`+p.Kid+`","typ":"JWT"}`)) + "." + b64(body) + "."
	hsInput := b64([]byte(`{"alg":"HS256","kid":"`+p.Kid+`","typ":"JWT"}`)) + "." + b64(body)
	mac := hmac.New(sha256.New, pemBytes)
	mac.Write([]byte(hsInput))
	hsTok := hsInput + "." + b64(mac.Sum(nil))

	with := func(mod func(map[string]any)) string {
		c := authntest.DexClaims("admin@example.com")
		mod(c)
		return p.Token(c)
	}
	good := p.Token(authntest.DexClaims("admin@example.com"))
	parts := strings.Split(good, ".")
	tampered := authntest.DexClaims("admin@example.com")
	tampered["email"] = "someone-else@example.com"
	tb, _ := json.Marshal(tampered)
	other, _ := rsa.GenerateKey(rand.Reader, 2048)

	return map[string]struct{ token, reason string }{
		"alg none":                  {noneTok, "disallowed algorithm"},
		"HS256 with the public key": {hsTok, "disallowed algorithm"},
		"expired":                   {with(func(c map[string]any) { c["exp"] = time.Now().Add(-time.Hour).Unix() }), "expired"},
		"nbf in the future":         {with(func(c map[string]any) { c["nbf"] = time.Now().Add(time.Hour).Unix() }), "not valid yet"},
		"iat in the future":         {with(func(c map[string]any) { c["iat"] = time.Now().Add(time.Hour).Unix() }), "issued in the future"},
		"wrong issuer":              {with(func(c map[string]any) { c["iss"] = "https://evil.example" }), "issuer"},
		"wrong audience":            {with(func(c map[string]any) { c["aud"] = "another-app" }), "audience"},
		"no exp":                    {with(func(c map[string]any) { delete(c, "exp") }), "no exp"},
		"unknown kid":               {p.Sign(jose.RS256, p.RSA, "who-knows", authntest.DexClaims("admin@example.com")), "unknown signing key"},
		"no kid":                    {p.Sign(jose.RS256, p.RSA, "", authntest.DexClaims("admin@example.com")), "no key id"},
		"tampered payload":          {parts[0] + "." + b64(tb) + "." + parts[2], "signature"},
		"signed by another key":     {p.Sign(jose.RS256, other, p.Kid, authntest.DexClaims("admin@example.com")), "signature"},
		"1 MB":                      {strings.Repeat("a", 1<<20), "exceeds"},
		"garbage":                   {"not.a.jwt", "malformed"},
	}
}

func TestAttackTokensAreRefusedWithAReason(t *testing.T) {
	p := authntest.New(t)
	m := newMapper(t, p, nil)
	for name, a := range attackTokens(p) {
		t.Run(name, func(t *testing.T) {
			c := claimsFor(t, m, a.token)
			reason := tokenError(c)
			if reason == "" || c.System != 0 || len(c.Namespaces) != 0 {
				t.Fatalf("token accepted: %+v", c)
			}
			if !strings.Contains(reason, a.reason) {
				t.Fatalf("reason %q does not say %q", reason, a.reason)
			}
			if strings.Contains(reason, a.token[:min(len(a.token), 40)]) {
				t.Fatal("the reason echoes the token")
			}
		})
	}
	for _, h := range []string{"", "Basic abc", "Bearer", "Bearer "} {
		c, err := m.GetClaims(&authorization.AuthInfo{AuthToken: h})
		if err != nil || tokenError(c) == "" {
			t.Fatalf("header %q: %+v, %v", h, c, err)
		}
	}
}

func TestCacheAndRotation(t *testing.T) {
	p := authntest.New(t)
	m := newMapper(t, p, nil)
	old := p.Token(authntest.DexClaims("admin@example.com"))
	c1 := claimsFor(t, m, old)
	if c2 := claimsFor(t, m, old); c1 != c2 {
		t.Fatal("the second call did not hit the cache")
	}
	// A policy change drops cached roles.
	m.setPolicy(RolePolicy{})
	if c := claimsFor(t, m, old); c.System != 0 {
		t.Fatalf("policy change not applied to a cached token: %+v", c)
	}
	m.setPolicy(RolePolicy{Users: map[string][]string{"admin@example.com": {"temporal-system:admin"}}})

	p.Rotate()
	fresh := p.Token(authntest.DexClaims("admin@example.com"))
	if c := claimsFor(t, m, fresh); tokenError(c) != "" || c.System != authorization.RoleAdmin {
		t.Fatalf("token of the new key refused: %s", tokenError(c))
	}
	if c := claimsFor(t, m, old); !strings.Contains(tokenError(c), "unknown signing key") {
		t.Fatalf("token of the rotated-out key still accepted: %+v %s", c, tokenError(c))
	}
}

func TestParseRolePolicy(t *testing.T) {
	if _, err := ParseRolePolicy(map[string]any{"users": map[string]any{"a@b": []any{"default:reader"}}, "default": []any{"x:worker"}}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []any{
		map[string]any{"usres": map[string]any{}},
		map[string]any{"default": []any{"default:superuser"}},
		map[string]any{"default": []any{"nocolon"}},
		map[string]any{"default": []any{"default:read ops:write"}},
		map[string]any{"serviceAccounts": map[string]any{"no-slash": []any{"default:worker"}}},
		nil, // a mis-indented "value:"
		map[string]any{"users": map[string]any{"Admin@x.com": []any{"default:read"}, "admin@x.com": []any{"default:admin"}}}, // the same email twice
		"a string",
	} {
		if _, err := ParseRolePolicy(bad); err == nil {
			t.Fatalf("%v accepted", bad)
		}
	}
}

func TestNewNeedsAKeySource(t *testing.T) {
	if _, err := New(context.Background(), Config{}, nil, log.NewNoopLogger()); err == nil {
		t.Fatal("no error without issuer or key source")
	}
}
