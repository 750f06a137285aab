package authn

import (
	"strings"
	"testing"

	"github.com/temporal-stack/stack/server/authn/authntest"

	"go.temporal.io/server/common/authorization"
)

// FuzzGetClaims feeds arbitrary headers to the token path. It must never
// error or panic, and nothing but a token the IdP really signed may get a role.
func FuzzGetClaims(f *testing.F) {
	p := authntest.New(f)
	m := newMapper(f, p, nil)
	valid := map[string]bool{}
	for _, email := range []string{"admin@example.com", "writer@example.com", "nobody@example.com"} {
		tok := p.Token(authntest.DexClaims(email))
		valid[tok] = true
		f.Add("Bearer " + tok)
	}
	for _, a := range attackTokens(p) {
		if len(a.token) < 4096 {
			f.Add("Bearer " + a.token)
		}
	}
	f.Add("")
	f.Add("bearer a.b.c")
	f.Fuzz(func(t *testing.T, header string) {
		c, err := m.GetClaims(&authorization.AuthInfo{AuthToken: header})
		if err != nil || c == nil {
			t.Fatalf("GetClaims(%q) = %v, %v", header, c, err)
		}
		if c.System != 0 || len(c.Namespaces) != 0 {
			tok, _ := bearer(header)
			if !valid[strings.TrimSpace(tok)] {
				t.Fatalf("a token the IdP never signed got roles: %q", header)
			}
		}
	})
}
