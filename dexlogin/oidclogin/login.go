// Package oidclogin signs a user in with the OIDC authorization-code flow and
// PKCE (S256) through a loopback redirect, and keeps the tokens fresh.
package oidclogin

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Config says where and as whom to log in.
type Config struct {
	Issuer   string
	ClientID string
	Scopes   []string // default openid, email, profile, groups, offline_access
	Audience string   // optional "audience" parameter for IdPs that need it
	Listen   string   // redirect listener, default 127.0.0.1:7788
	Timeout  time.Duration
	// OpenURL shows the login URL: it opens a browser or prints it. Required.
	OpenURL    func(url string) error
	HTTPClient *http.Client // default: 10 s timeout
}

// Tokens is the result of a login or a refresh.
type Tokens struct {
	AccessToken  string    `json:"access_token"`
	IDToken      string    `json:"id_token,omitempty"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	Expiry       time.Time `json:"expiry"`
	Email        string    `json:"email,omitempty"`
}

func (c *Config) defaults() {
	if len(c.Scopes) == 0 {
		c.Scopes = []string{oidc.ScopeOpenID, "email", "profile", "groups", oidc.ScopeOfflineAccess}
	}
	if c.Listen == "" {
		c.Listen = "127.0.0.1:7788"
	}
	if c.Timeout == 0 {
		c.Timeout = 5 * time.Minute
	}
	if c.HTTPClient == nil {
		c.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
}

// provider discovers the issuer and returns the OAuth2 config and ID-token verifier.
func provider(ctx context.Context, c *Config, redirect string) (*oauth2.Config, *oidc.IDTokenVerifier, error) {
	ctx = oidc.ClientContext(ctx, c.HTTPClient)
	p, err := oidc.NewProvider(ctx, c.Issuer)
	if err != nil {
		return nil, nil, fmt.Errorf("issuer %s: OIDC discovery failed (is the issuer URL right and the IdP up?): %w", c.Issuer, err)
	}
	oc := &oauth2.Config{ClientID: c.ClientID, Endpoint: p.Endpoint(), RedirectURL: redirect, Scopes: c.Scopes}
	return oc, p.Verifier(&oidc.Config{ClientID: c.ClientID}), nil
}

// Login runs the flow: it listens on Config.Listen, shows the authorization
// URL, waits for the redirect, checks state and nonce, exchanges the code with
// the PKCE verifier and verifies the ID token.
func Login(ctx context.Context, c Config) (*Tokens, error) {
	c.defaults()
	if c.OpenURL == nil {
		return nil, errors.New("oidclogin: Config.OpenURL is required")
	}
	ln, err := net.Listen("tcp", c.Listen)
	if err != nil {
		return nil, fmt.Errorf("cannot listen for the login redirect on %s (is another dexlogin running? use --listen): %w", c.Listen, err)
	}
	defer ln.Close()
	redirect := "http://" + c.Listen + "/callback"
	oc, verifier, err := provider(ctx, &c, redirect)
	if err != nil {
		return nil, err
	}
	state, nonce, pkce := random(), random(), oauth2.GenerateVerifier()
	opts := []oauth2.AuthCodeOption{oauth2.S256ChallengeOption(pkce), oidc.Nonce(nonce)}
	if c.Audience != "" {
		opts = append(opts, oauth2.SetAuthURLParam("audience", c.Audience))
	}
	type result struct {
		code string
		err  error
	}
	results := make(chan result, 1)
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/callback" {
			http.NotFound(w, r)
			return
		}
		q := r.URL.Query()
		var res result
		switch {
		case q.Get("error") != "":
			res.err = fmt.Errorf("the identity provider refused the login: %s %s", q.Get("error"), q.Get("error_description"))
		case q.Get("state") != state:
			res.err = errors.New("state mismatch in the login redirect: the response is not for this login; try again")
		default:
			res.code = q.Get("code")
		}
		if res.err != nil {
			http.Error(w, res.err.Error(), http.StatusBadRequest)
		} else {
			fmt.Fprintln(w, "Logged in. You can close this tab and return to the terminal.")
		}
		select {
		case results <- res:
		default:
		}
	})}
	go func() { _ = srv.Serve(ln) }()
	defer func() { // graceful: the browser must get its page before we exit
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()

	if err := c.OpenURL(oc.AuthCodeURL(state, opts...)); err != nil {
		return nil, err
	}
	var res result
	select {
	case res = <-results:
	case <-time.After(c.Timeout):
		return nil, fmt.Errorf("no login redirect within %s", c.Timeout)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if res.err != nil {
		return nil, res.err
	}
	xctx := oidc.ClientContext(ctx, c.HTTPClient)
	tok, err := oc.Exchange(xctx, res.code, oauth2.VerifierOption(pkce))
	if err != nil {
		return nil, fmt.Errorf("code exchange: %w", err)
	}
	out, err := fromToken(xctx, tok, verifier)
	if err != nil {
		return nil, err
	}
	if out.nonce != nonce {
		return nil, errors.New("nonce mismatch in the ID token: refusing it")
	}
	return &out.Tokens, nil
}

type verified struct {
	Tokens
	nonce string
}

// fromToken verifies the ID token (signature, issuer, audience, expiry).
func fromToken(ctx context.Context, tok *oauth2.Token, verifier *oidc.IDTokenVerifier) (verified, error) {
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return verified{}, errors.New("the token response has no id_token")
	}
	idt, err := verifier.Verify(ctx, raw)
	if err != nil {
		return verified{}, fmt.Errorf("ID token: %w", err)
	}
	var claims struct {
		Email string `json:"email"`
	}
	_ = idt.Claims(&claims)
	return verified{Tokens: Tokens{AccessToken: tok.AccessToken, IDToken: raw, RefreshToken: tok.RefreshToken,
		Expiry: tok.Expiry, Email: claims.Email}, nonce: idt.Nonce}, nil
}

// Refresh trades a refresh token for new tokens.
func Refresh(ctx context.Context, c Config, refreshToken string) (*Tokens, error) {
	c.defaults()
	oc, verifier, err := provider(ctx, &c, "")
	if err != nil {
		return nil, err
	}
	xctx := oidc.ClientContext(ctx, c.HTTPClient)
	tok, err := oc.TokenSource(xctx, &oauth2.Token{RefreshToken: refreshToken}).Token()
	if err != nil {
		return nil, fmt.Errorf("refresh failed (expired or revoked? run dexlogin again): %w", err)
	}
	out, err := fromToken(xctx, tok, verifier)
	if err != nil {
		return nil, err
	}
	if out.RefreshToken == "" {
		out.RefreshToken = refreshToken
	}
	return &out.Tokens, nil
}

func random() string {
	b := make([]byte, 16)
	_, _ = io.ReadFull(rand.Reader, b)
	return hex.EncodeToString(b)
}
