// Package authntest signs JWTs like an OIDC provider for unit tests and
// benchmarks of the token path, without a network.
package authntest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// Issuer is the iss of every token an IdP signs.
const Issuer = "https://idp.example/dex"

// IdP is a stand-in identity provider for unit tests and benchmarks: an RSA
// and an EC key published as a file:// JWKS, and a signer of tokens.
type IdP struct {
	t    testing.TB
	Path string // the JWKS file; use "file://" + Path
	RSA  *rsa.PrivateKey
	EC   *ecdsa.PrivateKey
	Kid  string // kid of the RSA key
	// extra are raw JWKS entries published after the two keys (PublishExtra).
	extra []json.RawMessage
}

// New creates keys and publishes them.
func New(t testing.TB) *IdP {
	t.Helper()
	r, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	e, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	p := &IdP{t: t, Path: filepath.Join(t.TempDir(), "jwks.json"), RSA: r, EC: e, Kid: "rsa-1"}
	p.publish()
	return p
}

// PublishExtra adds raw JWKS entries (keys of kinds a verifier may not
// support, say) to the published set, after the RSA and EC keys.
func (p *IdP) PublishExtra(raw ...string) {
	for _, r := range raw {
		p.extra = append(p.extra, json.RawMessage(r))
	}
	p.publish()
}

func (p *IdP) publish() {
	var keys []json.RawMessage
	for _, k := range []jose.JSONWebKey{
		{Key: &p.RSA.PublicKey, KeyID: p.Kid, Algorithm: "RS256", Use: "sig"},
		{Key: &p.EC.PublicKey, KeyID: "ec-1", Algorithm: "ES256", Use: "sig"},
	} {
		b, err := k.MarshalJSON()
		if err != nil {
			p.t.Fatal(err)
		}
		keys = append(keys, b)
	}
	b, _ := json.Marshal(map[string]any{"keys": append(keys, p.extra...)})
	if err := os.WriteFile(p.Path, b, 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// Rotate replaces the RSA key (new kid), as Dex does on restart.
func (p *IdP) Rotate() {
	r, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		p.t.Fatal(err)
	}
	p.RSA, p.Kid = r, p.Kid+"x"
	p.publish()
}

// Sign signs claims with key under alg; kid "" leaves the header without one.
func (p *IdP) Sign(alg jose.SignatureAlgorithm, key any, kid string, claims map[string]any) string {
	p.t.Helper()
	opts := (&jose.SignerOptions{}).WithType("JWT")
	if kid != "" {
		opts = opts.WithHeader("kid", kid)
	}
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: alg, Key: key}, opts)
	if err != nil {
		p.t.Fatal(err)
	}
	tok, err := jwt.Signed(s).Claims(claims).Serialize()
	if err != nil {
		p.t.Fatal(err)
	}
	return tok
}

// DexClaims are the claims a Dex access token carries, for email.
func DexClaims(email string) map[string]any {
	now := time.Now()
	return map[string]any{
		"iss": Issuer, "sub": "CgV1aWQtMRIFbG9jYWw", "aud": "temporal-cli",
		"exp": now.Add(time.Hour).Unix(), "iat": now.Unix(), "at_hash": "Yh2DkkVz3TVBJ6m8ytfBpg",
		"email": email, "email_verified": true, "name": strings.Split(email, "@")[0],
	}
}

// Token signs claims with the RSA key (RS256), as Dex does.
func (p *IdP) Token(claims map[string]any) string { return p.Sign(jose.RS256, p.RSA, p.Kid, claims) }
