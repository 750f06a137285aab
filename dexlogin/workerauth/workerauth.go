// Package workerauth gives Temporal SDK clients and workers a bearer token
// that renews itself, so a worker never needs a browser.
//
//	hp, err := workerauth.PasswordGrant(ctx, workerauth.Config{
//		Issuer: "http://127.0.0.1:5556/dex", ClientID: "temporal-worker", ClientSecret: secret,
//		Username: "worker-svc@example.com", Password: password,
//	})
//	c, err := client.Dial(client.Options{HostPort: "127.0.0.1:7233", HeadersProvider: hp})
//	w := worker.New(c, "orders", worker.Options{})
//
// The pinned Dex has no client-credentials grant, so a service account is a
// Dex user signed in with the password grant through a confidential client;
// the role policy maps its email to a role (e.g. default:worker).
package workerauth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Config identifies the service account.
type Config struct {
	Issuer, ClientID, ClientSecret string
	Username, Password             string
	Scopes                         []string      // default openid, email, profile, offline_access
	RenewBefore                    time.Duration // renew this long before expiry; default 10 s
	HTTPClient                     *http.Client  // default: 10 s timeout
}

// HeadersProvider adds "authorization: Bearer <access token>" to every call,
// renewing the token before it expires. Safe for concurrent use.
type HeadersProvider struct{ ts oauth2.TokenSource }

// It satisfies the SDK's client.Options.HeadersProvider.
var _ interface {
	GetHeaders(context.Context) (map[string]string, error)
} = (*HeadersProvider)(nil)

// GetHeaders implements the SDK's HeadersProvider.
func (h *HeadersProvider) GetHeaders(context.Context) (map[string]string, error) {
	tok, err := h.ts.Token()
	if err != nil {
		return nil, fmt.Errorf("workerauth: no token: %w", err)
	}
	return map[string]string{"authorization": "Bearer " + tok.AccessToken}, nil
}

// PasswordGrant signs the service account in now (so a wrong secret fails at
// start-up) and returns a provider that renews with the refresh token, falling
// back to a new password grant when the refresh token is refused.
func PasswordGrant(ctx context.Context, c Config) (*HeadersProvider, error) {
	if c.Issuer == "" || c.ClientID == "" || c.Username == "" {
		return nil, errors.New("workerauth: Issuer, ClientID and Username are required")
	}
	if len(c.Scopes) == 0 {
		c.Scopes = []string{oidc.ScopeOpenID, "email", "profile", oidc.ScopeOfflineAccess}
	}
	if c.RenewBefore == 0 {
		c.RenewBefore = 10 * time.Second
	}
	if c.HTTPClient == nil {
		c.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	hctx := oidc.ClientContext(context.WithoutCancel(ctx), c.HTTPClient)
	p, err := oidc.NewProvider(hctx, c.Issuer)
	if err != nil {
		return nil, fmt.Errorf("workerauth: OIDC discovery at %s: %w", c.Issuer, err)
	}
	src := &grantSource{ctx: hctx, oc: &oauth2.Config{ClientID: c.ClientID, ClientSecret: c.ClientSecret, Endpoint: p.Endpoint(), Scopes: c.Scopes}, user: c.Username, pass: c.Password}
	first, err := src.Token()
	if err != nil {
		return nil, err
	}
	return &HeadersProvider{ts: oauth2.ReuseTokenSourceWithExpiry(first, src, c.RenewBefore)}, nil
}

// grantSource makes a new token: refresh when it can, password grant otherwise.
type grantSource struct {
	ctx        context.Context
	oc         *oauth2.Config
	user, pass string
	last       *oauth2.Token // only touched under ReuseTokenSource's lock
}

func (g *grantSource) Token() (*oauth2.Token, error) {
	if g.last != nil && g.last.RefreshToken != "" {
		rt := &oauth2.Token{RefreshToken: g.last.RefreshToken}
		if tok, err := g.oc.TokenSource(g.ctx, rt).Token(); err == nil {
			g.last = tok
			return tok, nil
		}
	}
	tok, err := g.oc.PasswordCredentialsToken(g.ctx, g.user, g.pass)
	if err != nil {
		return nil, fmt.Errorf("password grant for %s: %w", g.user, err)
	}
	g.last = tok
	return tok, nil
}
