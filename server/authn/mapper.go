// Package authn turns bearer JWTs into Temporal claims: it verifies tokens
// against the issuer's keys and takes permissions from a permissions claim or,
// when the token has none, from the live role policy in dynamic config.
package authn

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync/atomic"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	lru "github.com/hashicorp/golang-lru/v2"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/log/tag"
)

// Algorithms accepted in token headers. "none" and every HS* are refused.
var allowedAlgs = []jose.SignatureAlgorithm{
	jose.RS256, jose.RS384, jose.RS512, jose.PS256, jose.PS384, jose.PS512,
	jose.ES256, jose.ES384, jose.ES512, jose.EdDSA,
}

// MaxTokenBytes bounds the bearer token; larger ones are refused unparsed.
const MaxTokenBytes = 16 << 10

// Config configures a ClaimMapper.
type Config struct {
	// Issuer is the expected "iss"; with no KeySourceURIs its OIDC discovery
	// document gives the JWKS URL.
	Issuer string
	// KeySourceURIs are JWKS URLs (http, https, file), as Temporal's
	// jwtKeyProvider.keySourceURIs; they replace discovery.
	KeySourceURIs []string
	// Audiences accepted in "aud" (any one); empty = not checked.
	Audiences []string
	// PermissionsClaim is the claim holding "<namespace>:<role>" strings; a
	// dotted path reaches into objects (realm_access.roles). Default "permissions".
	PermissionsClaim string
	// PermissionsRegex, if set, parses each permission with named groups
	// "namespace" and "role" (as Temporal's permissionsRegex).
	PermissionsRegex string
	ClockSkew        time.Duration // exp/nbf/iat leeway; default 30 s
	RefreshInterval  time.Duration // periodic JWKS refresh; default 5 min
	MinRefresh       time.Duration // least time between unknown-kid refreshes; default 5 s
	HTTPTimeout      time.Duration // every discovery and JWKS fetch; default 10 s
	CacheSize        int           // verified tokens kept; default 10000
}

// Identity is what a verified token says about its bearer; it travels in
// Claims.Extensions for the authorizer's audit lines.
type Identity struct {
	Email  string
	Groups []string
	// Source says where the roles came from: "permissions-claim", "policy-user",
	// "policy-group", "policy-default" or "none".
	Source string
}

// TokenError is put in Claims.Extensions (with no roles) when a token fails
// verification, so the authorizer can deny with a reason the caller sees:
// the interceptor hides claim-mapper errors behind a generic message.
type TokenError struct{ Reason string }

func (e *TokenError) Error() string { return "invalid token: " + e.Reason }

// ClaimMapper implements authorization.ClaimMapper.
type ClaimMapper struct {
	cfg      Config
	keys     *keySet
	permPath []string
	permRe   *regexp.Regexp
	logger   log.Logger
	cache    *lru.Cache[[32]byte, cacheEntry]
	policy   atomic.Pointer[policyState]
	// retryNow asks a pending OIDC discovery to try again at once; found is
	// closed once it has succeeded.
	retryNow chan struct{}
	found    chan struct{}
}

// discoveryWait bounds how long a token waits for a pending discovery that it
// has just nudged (the IdP that issued it is evidently up).
const discoveryWait = time.Second

// discoveryBackoff is the first wait after a failed discovery round; it
// doubles up to 30 s.
var discoveryBackoff = time.Second

type policyState struct {
	p       RolePolicy
	version uint64
}

type cacheEntry struct {
	claims        *authorization.Claims
	expires       time.Time
	keysVersion   uint64
	policyVersion uint64
}

type tokenClaims struct {
	jwt.Claims
	Email  string `json:"email"`
	Groups any    `json:"groups"`
}

var _ authorization.ClaimMapper = (*ClaimMapper)(nil)

// New builds a ClaimMapper, discovers the issuer's keys and loads them; the
// role policy follows dc live. Background refreshes stop when ctx ends.
func New(ctx context.Context, cfg Config, dc *dynamicconfig.Collection, logger log.Logger) (*ClaimMapper, error) {
	if cfg.Issuer == "" && len(cfg.KeySourceURIs) == 0 {
		return nil, errors.New("authentication needs an issuer (OIDC discovery) or JWKS key source URIs")
	}
	setDefaults(&cfg)
	m := &ClaimMapper{cfg: cfg, logger: logger, permPath: strings.Split(cfg.PermissionsClaim, "."),
		retryNow: make(chan struct{}, 1), found: make(chan struct{})}
	if cfg.PermissionsRegex != "" {
		re, err := regexp.Compile(cfg.PermissionsRegex)
		if err != nil {
			return nil, fmt.Errorf("permissions regex: %w", err)
		}
		if re.SubexpIndex("namespace") < 0 || re.SubexpIndex("role") < 0 {
			return nil, fmt.Errorf("permissions regex %q needs named groups (?P<namespace>...) and (?P<role>...)", cfg.PermissionsRegex)
		}
		m.permRe = re
	}
	var err error
	if m.cache, err = lru.New[[32]byte, cacheEntry](cfg.CacheSize); err != nil {
		return nil, err
	}
	client := &http.Client{Timeout: cfg.HTTPTimeout}
	m.keys = newKeySet(cfg.KeySourceURIs, client, cfg.MinRefresh, logger)
	if len(cfg.KeySourceURIs) > 0 {
		if err := m.keys.refresh(ctx, true); err != nil {
			// Not fatal: the IdP may start after the server; unknown kids retry.
			logger.Warn("Could not load signing keys yet; tokens are refused until they load.", tag.Error(err))
		}
	} else {
		// Discovery runs in the background, so the server starts while its IdP
		// does (a pod, the local stack). A token arriving before it succeeds
		// makes it try at once and waits up to discoveryWait; if it still has
		// not succeeded, the token is refused with the reason.
		m.keys.notDiscovered(fmt.Errorf("OIDC discovery at %s has not succeeded yet", cfg.Issuer))
		go m.discoverKeys(ctx, client)
	}
	go m.keys.run(ctx, cfg.RefreshInterval)

	m.policy.Store(&policyState{})
	if dc != nil {
		initial, _ := rolePolicySetting.Subscribe(dc)(func(p RolePolicy) { m.setPolicy(p) })
		m.setPolicy(initial)
	}
	return m, nil
}

// discoverKeys finds the issuer's JWKS URI and loads the keys, retrying
// until it succeeds (an error is logged each time, with the issuer).
func (m *ClaimMapper) discoverKeys(ctx context.Context, client *http.Client) {
	for wait := discoveryBackoff; ; wait = min(2*wait, 30*time.Second) {
		provider, err := discover(ctx, client, m.cfg.Issuer, m.cfg.HTTPTimeout, m.retryNow)
		var doc struct {
			JWKSURI string `json:"jwks_uri"`
		}
		if err == nil {
			if cerr := provider.Claims(&doc); cerr != nil || doc.JWKSURI == "" {
				err = fmt.Errorf("OIDC discovery at %s: no jwks_uri (%v)", m.cfg.Issuer, cerr)
			}
		}
		if err == nil {
			m.keys.discovered([]string{doc.JWKSURI})
			if err := m.keys.refresh(ctx, true); err != nil {
				m.logger.Warn("Could not load signing keys yet; tokens are refused until they load.", tag.Error(err))
			}
			close(m.found)
			return
		}
		m.keys.notDiscovered(err)
		m.logger.Error("OIDC discovery failed; every token is refused until it succeeds.", tag.NewStringTag("issuer", m.cfg.Issuer), tag.Error(err))
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		case <-m.retryNow:
		}
	}
}

// discover runs OIDC discovery, retrying connection failures for up to
// timeout: the IdP may be starting alongside the server (a pod, or the local
// stack). An answer that is not a valid discovery document fails at once.
func discover(ctx context.Context, client *http.Client, issuer string, timeout time.Duration, retryNow <-chan struct{}) (*oidc.Provider, error) {
	deadline := time.Now().Add(timeout)
	for wait := 50 * time.Millisecond; ; wait = min(wait+25*time.Millisecond, 500*time.Millisecond) {
		dctx, cancel := context.WithTimeout(oidc.ClientContext(ctx, client), timeout)
		provider, err := oidc.NewProvider(dctx, issuer)
		cancel()
		if err == nil {
			return provider, nil
		}
		var netErr net.Error
		var opErr *net.OpError
		if !(errors.As(err, &opErr) || errors.As(err, &netErr)) || time.Now().Add(wait).After(deadline) {
			return nil, fmt.Errorf("OIDC discovery at %s: %w", issuer, err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("OIDC discovery at %s: %w", issuer, ctx.Err())
		case <-time.After(wait):
		case <-retryNow:
		}
	}
}

func setDefaults(cfg *Config) {
	if cfg.PermissionsClaim == "" {
		cfg.PermissionsClaim = "permissions"
	}
	if cfg.ClockSkew == 0 {
		cfg.ClockSkew = 30 * time.Second
	}
	if cfg.RefreshInterval == 0 {
		cfg.RefreshInterval = 5 * time.Minute
	}
	if cfg.MinRefresh == 0 {
		cfg.MinRefresh = 5 * time.Second
	}
	if cfg.HTTPTimeout == 0 {
		cfg.HTTPTimeout = 10 * time.Second
	}
	if cfg.CacheSize == 0 {
		cfg.CacheSize = 10000
	}
}

// SetPolicy replaces the role policy (dynamic config calls it on every edit).
func (m *ClaimMapper) setPolicy(p RolePolicy) {
	old := m.policy.Load()
	m.policy.Store(&policyState{p: p, version: old.version + 1})
	m.logger.Info("Role policy in force.", tag.NewInt("users", len(p.Users)), tag.NewInt("groups", len(p.Groups)),
		tag.NewInt("default-permissions", len(p.Default)))
}

// GetClaims implements authorization.ClaimMapper. It never returns an error
// for a bad token: it returns claims with no roles and a *TokenError, so the
// authorizer denies with the reason.
func (m *ClaimMapper) GetClaims(ai *authorization.AuthInfo) (*authorization.Claims, error) {
	token, ok := bearer(ai.AuthToken)
	if !ok {
		return failed("the authorization header must be \"Bearer <token>\""), nil
	}
	if len(token) > MaxTokenBytes {
		return failed(fmt.Sprintf("token of %d bytes exceeds the %d-byte limit", len(token), MaxTokenBytes)), nil
	}
	key := sha256.Sum256([]byte(token))
	now := time.Now()
	keysVersion, pol := m.keys.version.Load(), m.policy.Load()
	if e, ok := m.cache.Get(key); ok {
		if e.keysVersion == keysVersion && e.policyVersion == pol.version && now.Before(e.expires) {
			return e.claims, nil
		}
		m.cache.Remove(key)
	}
	claims, expires, err := m.verify(token, now, pol)
	if err != nil {
		return failed(err.Error()), nil
	}
	m.cache.Add(key, cacheEntry{claims: claims, expires: expires.Add(m.cfg.ClockSkew),
		keysVersion: m.keys.version.Load(), policyVersion: pol.version})
	return claims, nil
}

// awaitDiscovery nudges a pending discovery and reports whether it succeeds
// within discoveryWait.
func (m *ClaimMapper) awaitDiscovery() bool {
	select {
	case m.retryNow <- struct{}{}:
	default: // already nudged
	}
	select {
	case <-m.found:
		return true
	case <-time.After(discoveryWait):
		return false
	}
}

func failed(reason string) *authorization.Claims {
	return &authorization.Claims{AuthType: "jwt", Extensions: &TokenError{Reason: reason}}
}

func bearer(header string) (string, bool) {
	scheme, token, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "bearer") || token == "" {
		return "", false
	}
	return strings.TrimSpace(token), true
}

func (m *ClaimMapper) verify(token string, now time.Time, pol *policyState) (*authorization.Claims, time.Time, error) {
	tok, err := jwt.ParseSigned(token, allowedAlgs)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("malformed or disallowed algorithm: %s", trimJoseErr(err))
	}
	if len(tok.Headers) != 1 || tok.Headers[0].KeyID == "" {
		return nil, time.Time{}, errors.New("the token header has no key id (kid)")
	}
	kid := tok.Headers[0].KeyID
	ctx, cancel := context.WithTimeout(context.Background(), m.cfg.HTTPTimeout)
	k, ok := m.keys.key(ctx, kid)
	if !ok && m.keys.notReady() != nil && m.awaitDiscovery() {
		k, ok = m.keys.key(ctx, kid)
	}
	cancel()
	if !ok {
		if err := m.keys.notReady(); err != nil {
			return nil, time.Time{}, err
		}
		return nil, time.Time{}, fmt.Errorf("unknown signing key id %q", kid)
	}
	var std tokenClaims
	var raw map[string]any
	if err := tok.Claims(k.Key, &std, &raw); err != nil {
		return nil, time.Time{}, fmt.Errorf("signature: %s", trimJoseErr(err))
	}
	if std.Expiry == nil {
		return nil, time.Time{}, errors.New("no exp claim")
	}
	exp := jwt.Expected{Time: now}
	if m.cfg.Issuer != "" {
		exp.Issuer = m.cfg.Issuer
	}
	if len(m.cfg.Audiences) > 0 {
		exp.AnyAudience = m.cfg.Audiences
	}
	if err := std.ValidateWithLeeway(exp, m.cfg.ClockSkew); err != nil {
		return nil, time.Time{}, errors.New(trimJoseErr(err))
	}
	if std.Subject == "" {
		return nil, time.Time{}, errors.New("no sub claim")
	}

	claims := &authorization.Claims{Subject: std.Subject, AuthType: "jwt"}
	id := &Identity{Email: std.Email, Groups: stringList(std.Groups), Source: "none"}
	claims.Extensions = id
	if perms, found := m.permissions(raw); found {
		id.Source = "permissions-claim"
		if skipped := grant(claims, perms, m.permRe); len(skipped) > 0 {
			m.logger.Warn("Ignored permissions that do not parse.", tag.NewStringTag("subject", std.Subject), tag.NewStringsTag("permissions", skipped))
		}
	} else if perms, rule := pol.p.grants(id.Email, id.Groups); rule != "" {
		id.Source = "policy-" + rule
		grant(claims, perms, nil)
	}
	return claims, std.Expiry.Time(), nil
}

// permissions reads the configured claim path; found is false when the token
// has no such claim (then the role policy applies).
func (m *ClaimMapper) permissions(raw map[string]any) ([]string, bool) {
	var cur any = raw
	for _, part := range m.permPath {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = obj[part]; !ok {
			return nil, false
		}
	}
	return stringList(cur), true
}

func stringList(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// trimJoseErr drops the "go-jose/go-jose: " / "go-jose/go-jose/jwt: " prefixes.
func trimJoseErr(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 && strings.HasPrefix(s, "go-jose") {
		return s[i+2:]
	}
	return s
}
