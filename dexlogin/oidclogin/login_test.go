package oidclogin

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/temporal-stack/stack/server/authn/authntest"
)

// idp is an OIDC provider for the flow's logic: discovery, JWKS (authntest's
// keys), and a token endpoint that checks the PKCE verifier. The e2e tests
// run the same flow against a real Dex.
type idp struct {
	*httptest.Server
	keys *authntest.IdP

	mu        sync.Mutex
	challenge string         // the S256 code_challenge of the last login
	nonce     string         // the nonce of the last login
	idClaims  map[string]any // overrides of the ID token's claims
	otherKey  bool           // sign the ID token with a key the JWKS lacks
	refreshed string         // the refresh token the last refresh grant sent
}

func newIdP(t *testing.T) *idp {
	p := &idp{keys: authntest.New(t)}
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter, _ *http.Request) {
		json.NewEncoder(w).Encode(map[string]any{"issuer": p.URL, "authorization_endpoint": p.URL + "/auth",
			"token_endpoint": p.URL + "/token", "jwks_uri": p.URL + "/keys", "id_token_signing_alg_values_supported": []string{"RS256"}})
	})
	mux.HandleFunc("/keys", func(w http.ResponseWriter, _ *http.Request) {
		b, _ := os.ReadFile(p.keys.Path)
		w.Write(b)
	})
	mux.HandleFunc("/token", func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		p.mu.Lock()
		defer p.mu.Unlock()
		switch r.Form.Get("grant_type") {
		case "authorization_code":
			sum := sha256.Sum256([]byte(r.Form.Get("code_verifier")))
			if r.Form.Get("code") != "the-code" || base64.RawURLEncoding.EncodeToString(sum[:]) != p.challenge {
				http.Error(w, `{"error":"invalid_grant"}`, http.StatusBadRequest)
				return
			}
		case "refresh_token":
			if r.Form.Get("refresh_token") == "revoked" {
				http.Error(w, `{"error":"invalid_grant"}`, http.StatusBadRequest)
				return
			}
			p.refreshed = r.Form.Get("refresh_token")
		}
		claims := authntest.DexClaims("ada@example.com")
		claims["iss"], claims["aud"], claims["nonce"] = p.URL, "temporal-cli", p.nonce
		for k, v := range p.idClaims {
			claims[k] = v
		}
		id := p.keys.Token(claims)
		if p.otherKey {
			id = authntest.New(t).Token(claims)
		}
		resp := map[string]any{"access_token": "at-1", "token_type": "bearer", "expires_in": 3600, "id_token": id}
		if r.Form.Get("grant_type") == "authorization_code" {
			resp["refresh_token"] = "rt-1"
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(resp)
	})
	p.Server = httptest.NewServer(mux)
	t.Cleanup(p.Close)
	return p
}

// browser plays the user's browser: it checks the authorization URL and
// follows the redirect with the given state ("" = the URL's own) or error.
func (p *idp) browser(t *testing.T, state, idpError string) func(string) error {
	return func(raw string) error {
		u, err := url.Parse(raw)
		if err != nil {
			return err
		}
		q := u.Query()
		for k, want := range map[string]string{"response_type": "code", "client_id": "temporal-cli", "code_challenge_method": "S256"} {
			if q.Get(k) != want {
				t.Errorf("authorization URL %s=%q, want %q", k, q.Get(k), want)
			}
		}
		if !strings.Contains(q.Get("scope"), "openid") || q.Get("nonce") == "" || q.Get("code_challenge") == "" {
			t.Errorf("authorization URL lacks openid, a nonce or a challenge: %s", raw)
		}
		p.mu.Lock()
		p.challenge, p.nonce = q.Get("code_challenge"), q.Get("nonce")
		p.mu.Unlock()
		if state == "" {
			state = q.Get("state")
		}
		back := url.Values{"state": {state}, "code": {"the-code"}}
		if idpError != "" {
			back = url.Values{"state": {state}, "error": {idpError}, "error_description": {"the user said no"}}
		}
		go func() {
			resp, err := http.Get(q.Get("redirect_uri") + "?" + back.Encode())
			if err == nil {
				resp.Body.Close()
			}
		}()
		return nil
	}
}

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func TestLogin(t *testing.T) {
	p := newIdP(t)
	ctx := context.Background()
	cfg := func() Config {
		return Config{Issuer: p.URL, ClientID: "temporal-cli", Listen: freeAddr(t), Timeout: 10 * time.Second}
	}
	c := cfg()
	c.OpenURL = p.browser(t, "", "")
	tok, err := Login(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken != "at-1" || tok.RefreshToken != "rt-1" || tok.Email != "ada@example.com" || tok.IDToken == "" || time.Until(tok.Expiry) < 50*time.Minute {
		t.Fatalf("tokens %+v", tok)
	}

	for name, tc := range map[string]struct {
		state, idpError string
		idClaims        map[string]any
		otherKey        bool
		want            string
	}{
		"a redirect for another login":   {state: "forged", want: "state mismatch in the login redirect"},
		"the IdP refuses":                {idpError: "access_denied", want: "the identity provider refused the login: access_denied the user said no"},
		"an ID token for another login":  {idClaims: map[string]any{"nonce": "replayed"}, want: "nonce mismatch in the ID token"},
		"an ID token for another client": {idClaims: map[string]any{"aud": "someone-else"}, want: "ID token:"},
		"an expired ID token":            {idClaims: map[string]any{"exp": time.Now().Add(-time.Hour).Unix()}, want: "ID token:"},
		"an ID token signed elsewhere":   {otherKey: true, want: "ID token:"},
	} {
		t.Run(name, func(t *testing.T) {
			p.mu.Lock()
			p.idClaims, p.otherKey = tc.idClaims, tc.otherKey
			p.mu.Unlock()
			defer func() { p.mu.Lock(); p.idClaims, p.otherKey = nil, false; p.mu.Unlock() }()
			c := cfg()
			c.OpenURL = p.browser(t, tc.state, tc.idpError)
			tok, err := Login(ctx, c)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %+v, %v; want an error with %q", tok, err, tc.want)
			}
		})
	}

	t.Run("the redirect port is taken", func(t *testing.T) {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		c := cfg()
		c.Listen, c.OpenURL = l.Addr().String(), p.browser(t, "", "")
		if _, err := Login(ctx, c); err == nil || !strings.Contains(err.Error(), "cannot listen for the login redirect") {
			t.Fatalf("%v", err)
		}
	})
	t.Run("no redirect comes", func(t *testing.T) {
		c := cfg()
		c.Timeout, c.OpenURL = 100*time.Millisecond, func(string) error { return nil }
		if _, err := Login(ctx, c); err == nil || !strings.Contains(err.Error(), "no login redirect within 100ms") {
			t.Fatalf("%v", err)
		}
	})
	t.Run("the issuer does not answer", func(t *testing.T) {
		c := cfg()
		c.Issuer, c.OpenURL = "http://"+freeAddr(t)+"/dex", p.browser(t, "", "")
		if _, err := Login(ctx, c); err == nil || !strings.Contains(err.Error(), "OIDC discovery failed") {
			t.Fatalf("%v", err)
		}
	})
}

func TestRefresh(t *testing.T) {
	p := newIdP(t)
	ctx := context.Background()
	c := Config{Issuer: p.URL, ClientID: "temporal-cli"}
	tok, err := Refresh(ctx, c, "rt-0")
	if err != nil {
		t.Fatal(err)
	}
	if p.refreshed != "rt-0" || tok.AccessToken != "at-1" || tok.RefreshToken != "rt-0" || tok.Email != "ada@example.com" {
		t.Fatalf("refreshed with %q: %+v (a response without a new refresh token keeps the old one)", p.refreshed, tok)
	}
	if _, err := Refresh(ctx, c, "revoked"); err == nil || !strings.Contains(err.Error(), "refresh failed (expired or revoked? run dexlogin again)") {
		t.Fatalf("a revoked refresh token: %v", err)
	}
}
