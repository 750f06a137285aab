package up

import (
	"fmt"
	"os"
	"strings"

	"sigs.k8s.io/yaml"
)

// The Web UI is github.com/temporalio/ui-server/v2 (tools/deps/ui, binary
// temporal-ui), run as its own process from the config file written here: it
// calls log.Fatal when OIDC discovery or its listener fails, which must not
// take the server down.
//
// How the signed-in user's token reaches the frontend (ui-server v2.55.0,
// Dex v2.41.1, both read at source):
//   - /auth/sso redirects to Dex with the scopes below; /auth/sso/callback
//     exchanges the code (client secret), verifies the ID token (aud must be
//     ClientID) and stores {AccessToken, IDToken, Email} in the non-HttpOnly
//     cookies user0..N (1 minute) and Dex's refresh token in the HttpOnly
//     "refresh" cookie; the browser calls /auth/refresh to renew (hence
//     offline_access: without it Dex issues no refresh token and the session
//     ends after a minute).
//   - The browser sends every /api/v1 call with "Authorization: Bearer
//     <access token>" and "Authorization-Extras: <ID token>". ui-server
//     verifies the ID token (or, without it, the bearer token) against Dex
//     with aud == ClientID, then grpc-gateway forwards "authorization"
//     unchanged and ui-server forwards "authorization-extras" as gRPC
//     metadata to the frontend.
//   - Dex's access token is a JWT built by the same code as its ID token
//     (server/oauth2.go newAccessToken calls newIDToken): iss = the issuer,
//     aud = "temporal-ui" (the client; no audience:server:client_id scope is
//     asked for), sub, email and email_verified (scope email), name (profile),
//     groups (scope groups; the local password DB has none). So the access
//     token already carries what server/authn needs (aud in its accepted list,
//     email for the role policy); useIdTokenAsBearer is left off, and would
//     work too (the ID token has the same aud and claims).
//
// The browser must open the UI at exactly the host of CallbackURL
// (127.0.0.1, not localhost): the state/nonce cookies set by /auth/sso must
// come back on the callback, and the user cookies are SameSite=Strict.
type uiOptions struct {
	Port                                                                 int
	FrontendAddr, Issuer, ClientID, ClientSecret, CallbackURL, Namespace string
	CodecEndpoint                                                        string // "" = no codec server
}

// The subset of ui-server's config.Config the stack sets (same YAML keys).
type uiConfig struct {
	TemporalGRPCAddress string `json:"temporalGrpcAddress"`
	Host                string `json:"host"`
	Port                int    `json:"port"`
	EnableUI            bool   `json:"enableUi"`
	DefaultNamespace    string `json:"defaultNamespace"`
	DisableNewsFetch    bool   `json:"disableNewsFetch"` // no calls out to temporal.io
	CORS                struct {
		CookieInsecure bool `json:"cookieInsecure"` // the CSRF cookie over plain http
	} `json:"cors"`
	Codec struct {
		Endpoint        string `json:"endpoint,omitempty"`
		PassAccessToken bool   `json:"passAccessToken"` // the signed-in user's access token as Authorization: Bearer
	} `json:"codec"`
	Auth struct {
		Enabled            bool             `json:"enabled"`
		RedirectToProvider bool             `json:"redirectToProvider"`
		Providers          []uiAuthProvider `json:"providers"`
	} `json:"auth"`
}

type uiAuthProvider struct {
	Label              string   `json:"label"`
	Type               string   `json:"type"`
	ProviderURL        string   `json:"providerUrl"`
	ClientID           string   `json:"clientId"`
	ClientSecret       string   `json:"clientSecret"`
	Scopes             []string `json:"scopes"`
	CallbackURL        string   `json:"callbackUrl"`
	UseIDTokenAsBearer bool     `json:"useIdTokenAsBearer"`
}

// writeUIConfig writes the temporal-ui config (it holds the client secret:
// mode 0600).
func writeUIConfig(path string, o uiOptions) error {
	if o.Port <= 0 || o.FrontendAddr == "" || o.Issuer == "" || o.ClientID == "" || o.CallbackURL == "" {
		return fmt.Errorf("UI config: port, frontend address, issuer, client ID and callback URL are required (got %+v)", o)
	}
	var c uiConfig
	c.TemporalGRPCAddress = o.FrontendAddr
	c.Host, c.Port = "127.0.0.1", o.Port
	c.EnableUI = true
	c.DefaultNamespace = o.Namespace
	c.DisableNewsFetch = true
	c.CORS.CookieInsecure = true
	c.Codec.Endpoint = o.CodecEndpoint
	// The UI sends the user's access token to https endpoints only; over
	// plain http it would skip decoding altogether, so it sends none there.
	c.Codec.PassAccessToken = codecGetsToken(o.CodecEndpoint)
	c.Auth.Enabled = true
	c.Auth.RedirectToProvider = true // one provider: skip the UI's "Continue to SSO" page
	c.Auth.Providers = []uiAuthProvider{{
		Label: "Dex", Type: "oidc", ProviderURL: o.Issuer,
		ClientID: o.ClientID, ClientSecret: o.ClientSecret, CallbackURL: o.CallbackURL,
		Scopes: []string{"openid", "profile", "email", "groups", "offline_access"},
	}}
	b, err := yaml.Marshal(c)
	if err != nil {
		return err
	}
	b = append([]byte("# Written by `stack up` on every start (edits are lost). Holds the UI's client secret.\n"), b...)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if err := f.Chmod(0o600); err != nil { // an older file may have other bits
		f.Close()
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// codecGetsToken reports whether the Web UI passes the signed-in user's
// access token to the codec server at endpoint: only over https (the UI
// refuses to send it in the clear).
func codecGetsToken(endpoint string) bool { return strings.HasPrefix(endpoint, "https://") }
