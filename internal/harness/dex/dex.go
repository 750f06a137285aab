// Package dex runs a real Dex OIDC provider for tests, with static users and
// clients, and obtains tokens through the real authorization-code + PKCE flow.
package dex

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/template"
	"time"

	"golang.org/x/crypto/bcrypt"
	"golang.org/x/oauth2"

	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/internal/toolbin"
)

// Client ids configured in every harness Dex.
const (
	PublicClient       = "temporal-cli" // PKCE, no secret
	ConfidentialClient = "temporal-ui"
	WorkerClient       = "temporal-worker" // confidential, for the password grant of service accounts
	RedirectURL        = "http://127.0.0.1:7788/callback"
)

// User is a static Dex user; Email is also the login name.
type User struct{ Email, Password string }

// Options configure a Dex.
type Options struct {
	Users         []User
	TokenLifetime time.Duration // id/access token expiry; default 1h
	RedirectURIs  []string      // more redirect URIs for PublicClient (e.g. a dexlogin listener)
}

// Dex is a running Dex.
type Dex struct {
	Issuer       string
	ClientSecret string // of ConfidentialClient and WorkerClient
	Proc         *proc.Process
	t            testing.TB
	bin, cfg     string
	users        map[string]string
}

var configTemplate = template.Must(template.New("dex").Parse(`issuer: {{.Issuer}}
storage:
  type: memory
web:
  http: {{.Addr}}
logger:
  level: info
expiry:
  idTokens: {{.Lifetime}}
  signingKeys: 6h
oauth2:
  skipApprovalScreen: true
  passwordConnector: local
  responseTypes: [code]
enablePasswordDB: true
staticClients:
  - id: ` + PublicClient + `
    name: Temporal CLI
    public: true
    redirectURIs: ["` + RedirectURL + `"{{range .Redirects}}, "{{.}}"{{end}}]
  - id: ` + ConfidentialClient + `
    name: Temporal UI
    secret: {{.Secret}}
    redirectURIs: ["` + RedirectURL + `"]
  - id: ` + WorkerClient + `
    name: Temporal workers
    secret: {{.Secret}}
staticPasswords:
{{- range .Users}}
  - email: {{.Email}}
    hash: "{{.Hash}}"
    username: {{.Username}}
    userID: {{.UserID}}
{{- end}}
`))

// Start builds (once) and starts Dex on a free loopback port.
func Start(t testing.TB, o Options) *Dex {
	t.Helper()
	bin, err := toolbin.Path(toolbin.Dex)
	if err != nil {
		t.Fatal(err)
	}
	port, err := proc.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	if o.TokenLifetime == 0 {
		o.TokenLifetime = time.Hour
	}
	d := &Dex{Issuer: fmt.Sprintf("http://127.0.0.1:%d/dex", port), ClientSecret: randomHex(16), t: t, bin: bin, users: map[string]string{}}
	type user struct{ Email, Hash, Username, UserID string }
	var users []user
	for _, u := range o.Users {
		h, err := bcrypt.GenerateFromPassword([]byte(u.Password), bcrypt.DefaultCost) // Dex refuses cost < 10
		if err != nil {
			t.Fatal(err)
		}
		name, _, _ := strings.Cut(u.Email, "@")
		users = append(users, user{u.Email, string(h), name, "uid-" + name})
		d.users[u.Email] = u.Password
	}
	dir := t.TempDir()
	d.cfg = filepath.Join(dir, "dex.yaml")
	f, err := os.Create(d.cfg)
	if err != nil {
		t.Fatal(err)
	}
	err = configTemplate.Execute(f, map[string]any{"Issuer": d.Issuer, "Addr": fmt.Sprintf("127.0.0.1:%d", port),
		"Lifetime": o.TokenLifetime.String(), "Secret": d.ClientSecret, "Users": users, "Redirects": o.RedirectURIs})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	d.Restart()
	t.Cleanup(func() { d.Proc.Stop(5 * time.Second) })
	return d
}

// Restart stops Dex if it runs and starts it again. Storage is in memory, so
// Dex comes back with new signing keys: a key rotation.
func (d *Dex) Restart() {
	d.t.Helper()
	if d.Proc != nil {
		d.Proc.Stop(5 * time.Second)
	}
	var err error
	d.Proc, err = proc.Start(proc.Spec{Name: "dex", Path: d.bin, Args: []string{"serve", d.cfg}, LogDir: filepath.Dir(d.cfg)})
	if err != nil {
		d.t.Fatal(err)
	}
	if err := d.Proc.WaitFor(30*time.Second, "serving discovery", proc.HTTPOK(nil, d.Issuer+"/.well-known/openid-configuration")); err != nil {
		d.t.Fatal(err)
	}
}

// Tokens are what a login returns.
type Tokens struct {
	Access, ID, Refresh string
	Expiry              time.Time
}

// Login signs email in through the authorization-code flow with PKCE (S256)
// for the public client: the login form is posted like a browser would.
func (d *Dex) Login(email string) (Tokens, error) {
	pw, ok := d.users[email]
	if !ok {
		return Tokens{}, fmt.Errorf("no Dex user %q", email)
	}
	tok, err := LoginAt(d.Issuer, email, pw)
	if err != nil {
		return Tokens{}, fmt.Errorf("%w; Dex log:\n%s", err, d.Proc.Tail(10))
	}
	return tok, nil
}

// LoginAt is Login against any Dex whose public client PublicClient allows
// RedirectURL and which has a local password connector (the chart's, on the
// test node, reached at its issuer URL).
func LoginAt(issuer, email, password string) (Tokens, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conf := &oauth2.Config{ClientID: PublicClient, RedirectURL: RedirectURL,
		Endpoint: oauth2.Endpoint{AuthURL: issuer + "/auth", TokenURL: issuer + "/token"},
		Scopes:   []string{"openid", "email", "profile", "groups", "offline_access"}}
	verifier, state := oauth2.GenerateVerifier(), randomHex(8)
	resp, err := Authorize(conf.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier)), email, password,
		func(u string) bool { return strings.HasPrefix(u, RedirectURL) })
	if err != nil {
		return Tokens{}, err
	}
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || resp.StatusCode/100 != 3 || !strings.HasPrefix(loc.String(), RedirectURL) {
		return Tokens{}, fmt.Errorf("login of %s: %s, Location %q", email, resp.Status, resp.Header.Get("Location"))
	}
	if loc.Query().Get("state") != state {
		return Tokens{}, errors.New("state mismatch in the callback")
	}
	tok, err := conf.Exchange(ctx, loc.Query().Get("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		return Tokens{}, err
	}
	id, _ := tok.Extra("id_token").(string)
	return Tokens{Access: tok.AccessToken, ID: id, Refresh: tok.RefreshToken, Expiry: tok.Expiry}, nil
}

// Authorize plays the browser: it opens authURL, posts Dex's login form for
// email, and follows redirects until stop(url) is true (that redirect is
// returned unfollowed) or the chain ends (the last response is returned).
func (d *Dex) Authorize(authURL, email string, stop func(string) bool) (*http.Response, error) {
	pw, ok := d.users[email]
	if !ok {
		return nil, fmt.Errorf("no Dex user %q", email)
	}
	return Authorize(authURL, email, pw, stop)
}

// Authorize plays the browser against any Dex with a local password
// connector (the local stack's too), as the method does for the harness's.
func Authorize(authURL, email, pw string, stop func(string) bool) (*http.Response, error) {
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, Timeout: 10 * time.Second, CheckRedirect: func(req *http.Request, _ []*http.Request) error {
		if stop != nil && stop(req.URL.String()) {
			return http.ErrUseLastResponse
		}
		return nil
	}}
	resp, err := hc.Get(authURL)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Request.URL.Path, "/auth/local") {
		return nil, fmt.Errorf("expected Dex's login form, got %s at %s", resp.Status, resp.Request.URL)
	}
	resp, err = hc.PostForm(resp.Request.URL.String(), url.Values{"login": {email}, "password": {pw}})
	if err != nil {
		return nil, err
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(strings.NewReader(string(body)))
	return resp, nil
}

// OAuth2Config is the x/oauth2 config of a harness client.
func (d *Dex) OAuth2Config(clientID, secret string) *oauth2.Config {
	return &oauth2.Config{
		ClientID: clientID, ClientSecret: secret, RedirectURL: RedirectURL,
		Endpoint: oauth2.Endpoint{AuthURL: d.Issuer + "/auth", TokenURL: d.Issuer + "/token"},
		Scopes:   []string{"openid", "email", "profile", "groups", "offline_access"},
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
