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
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	lru "github.com/hashicorp/golang-lru/v2"
	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/log/tag"
	"go.temporal.io/server/common/metrics"
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
	// Issuers whose tokens are accepted; at least one. A token is checked
	// against the issuer its "iss" names (the only one, when there is one).
	Issuers         []Issuer
	ClockSkew       time.Duration // exp/nbf/iat leeway; default 30 s
	RefreshInterval time.Duration // periodic JWKS refresh; default 5 min
	MinRefresh      time.Duration // least time between unknown-kid refreshes; default 5 s
	HTTPTimeout     time.Duration // every discovery and JWKS fetch; default 10 s
	CacheSize       int           // verified tokens kept; default 10000
	// Metrics receives stack_auth_jwks_unusable_keys{issuer}; nil = none.
	Metrics metrics.Handler
}

// Issuer configures one token issuer: where its keys are, which audiences
// and claims count, and how far its email claims are trusted.
type Issuer struct {
	// Issuer is the expected "iss"; with no KeySourceURIs its OIDC discovery
	// document gives the JWKS URL. It may be empty only for a sole issuer
	// with KeySourceURIs (then "iss" is not checked, as upstream).
	Issuer string `json:"issuer"`
	// KeySourceURIs are JWKS URLs (http, https, file), as Temporal's
	// jwtKeyProvider.keySourceURIs; they replace discovery.
	KeySourceURIs []string `json:"keySourceURIs"`
	// Audiences accepted in "aud" (any one); empty = not checked.
	Audiences []string `json:"audiences"`
	// PermissionsClaim is the claim holding "<namespace>:<role>" permissions:
	// a JSON array of strings, or one string of permissions separated by
	// spaces or commas (scope style). The whole name is looked up first
	// (Auth0's namespaced "https://example.com/permissions"), then, if absent,
	// as a dotted path into objects ("realm_access.roles"). Default "permissions".
	PermissionsClaim string `json:"permissionsClaim"`
	// PermissionsRegex, if set, parses each permission with named groups
	// "namespace" and "role" (as Temporal's permissionsRegex).
	PermissionsRegex string `json:"permissionsRegex"`
	// AssumeEmailVerified treats an "email" that comes without an
	// "email_verified" claim as verified. Default false: such an email matches
	// no users rule of the role policy (OIDC Core 1.0 section 5.1 makes
	// email_verified the IdP's statement that it checked the address). Set it
	// only for IdPs that emit only addresses they manage (Microsoft Entra ID
	// access tokens carry no email_verified). "email_verified": false never
	// matches.
	AssumeEmailVerified bool `json:"assumeEmailVerified"`
	// PolicyDefault lets the role policy's default roles apply to this
	// issuer's tokens that no other rule matches. The --auth-issuer issuer has
	// it; an --auth-config issuer only when it sets policyDefault: true (an
	// issuer whose audiences anyone can request, such as a CI provider's,
	// must not hand every token the default).
	PolicyDefault bool `json:"policyDefault"`
	// Kubernetes marks a cluster's ServiceAccount issuer (kube-apiserver's
	// --service-account-issuer): its subjects are
	// "system:serviceaccount:NAMESPACE:NAME", matched by the role policy's
	// serviceAccounts rules only, and it gets neither the policy's users,
	// subjects nor default rules.
	Kubernetes bool `json:"kubernetes"`
	// HTTPClient fetches this issuer's discovery document and keys (e.g. one
	// that authenticates to the Kubernetes API server); nil = a plain client.
	HTTPClient *http.Client `json:"-"`
}

// Principal types set on Identity and returned to Temporal as the caller's
// principal (recorded on history events with frontend.enablePrincipalPropagation).
const (
	PrincipalEmail          = "email"          // a verified email
	PrincipalSubject        = "sub"            // the token's subject, when no verified email
	PrincipalServiceAccount = "serviceaccount" // a Kubernetes ServiceAccount, named system:serviceaccount:NS:NAME
)

// Identity is what a verified token says about its bearer; it travels in
// Claims.Extensions for the authorizer's principal and audit lines.
type Identity struct {
	Issuer        string
	Subject       string
	Email         string
	EmailVerified bool // the IdP says it checked Email (or the issuer assumes it)
	Groups        []string
	// ServiceAccount is "NAMESPACE/NAME" for a Kubernetes ServiceAccount token.
	ServiceAccount string
	// Source says where the roles came from: "permissions-claim", "policy-user",
	// "policy-subject", "policy-serviceaccount", "policy-group",
	// "policy-default" or "none".
	Source string
	// PrincipalType and PrincipalName name the caller: a verified email, else
	// the subject; a ServiceAccount for Kubernetes tokens.
	PrincipalType, PrincipalName string
	// Principal is the same as Temporal's Principal, built once per token.
	Principal *commonpb.Principal
}

// TokenError is put in Claims.Extensions (with no roles) when a token fails
// verification, so the authorizer can deny with a reason the caller sees:
// the interceptor hides claim-mapper errors behind a generic message.
type TokenError struct{ Reason string }

func (e *TokenError) Error() string { return "invalid token: " + e.Reason }

// ClaimMapper implements authorization.ClaimMapper.
type ClaimMapper struct {
	cfg     Config
	issuers []*issuer
	byIss   map[string]*issuer
	logger  log.Logger
	cache   *lru.Cache[[32]byte, cacheEntry]
	policy  atomic.Pointer[policyState]
	// policyMu serializes policy updates (the version must grow by one each).
	policyMu sync.Mutex
}

// issuer is one accepted issuer with its keys.
type issuer struct {
	cfg      Issuer
	keys     *keySet
	permName string
	permPath []string
	permRe   *regexp.Regexp
	// retryNow asks a pending OIDC discovery to try again at once; found is
	// closed once it has succeeded.
	retryNow chan struct{}
	found    chan struct{}
	// discovered is stack_auth_oidc_discovered for this issuer.
	discovered metrics.GaugeIface
}

// discoveryWait bounds how long a token waits for a pending discovery that it
// has just nudged (the IdP that issued it is evidently up).
const discoveryWait = time.Second

// discoveryBackoff is the first wait after a failed discovery round; it
// doubles up to 30 s.
var discoveryBackoff = time.Second

var metricDiscovered = metrics.NewGaugeDef("stack_auth_oidc_discovered",
	metrics.WithDescription("1 once OIDC discovery of the issuer has succeeded, 0 while it fails: the server cannot reach the issuer and refuses its tokens (issuers with keySourceURIs are not discovered)."))

var metricUnusableKeys = metrics.NewGaugeDef("stack_auth_jwks_unusable_keys",
	metrics.WithDescription("Keys in the issuer's JWKS that this server cannot use (unknown kty or curve, no kid, not for signatures); the others stay in use."))

type policyState struct {
	p       RolePolicy
	version uint64
}

type cacheEntry struct {
	claims        *authorization.Claims
	expires       time.Time
	issuer        *issuer
	keysVersion   uint64
	policyVersion uint64
}

type tokenClaims struct {
	jwt.Claims
	Email         string `json:"email"`
	EmailVerified any    `json:"email_verified"`
	Groups        any    `json:"groups"`
}

var _ authorization.ClaimMapper = (*ClaimMapper)(nil)

// New builds a ClaimMapper, discovers each issuer's keys and loads them; the
// role policy follows dc live. Background refreshes stop when ctx ends.
func New(ctx context.Context, cfg Config, dc *dynamicconfig.Collection, logger log.Logger) (*ClaimMapper, error) {
	if len(cfg.Issuers) == 0 {
		return nil, errors.New("authentication needs an issuer (OIDC discovery) or JWKS key source URIs")
	}
	setDefaults(&cfg)
	m := &ClaimMapper{cfg: cfg, logger: logger, byIss: map[string]*issuer{}}
	for i, ic := range cfg.Issuers {
		if ic.Issuer == "" && len(ic.KeySourceURIs) == 0 {
			return nil, fmt.Errorf("issuer %d: needs an issuer URL (OIDC discovery) or JWKS key source URIs", i+1)
		}
		if ic.Issuer == "" && len(cfg.Issuers) > 1 {
			return nil, fmt.Errorf("issuer %d: with several issuers each needs its issuer URL (the \"iss\" its tokens carry)", i+1)
		}
		if ic.Kubernetes && len(ic.Audiences) == 0 {
			return nil, fmt.Errorf("issuer %d: a Kubernetes issuer needs audiences (else every ServiceAccount token of the cluster, those for the API server included, would be accepted)", i+1)
		}
		if _, dup := m.byIss[ic.Issuer]; dup {
			return nil, fmt.Errorf("issuer %q is configured twice", ic.Issuer)
		}
		if ic.PermissionsClaim == "" {
			ic.PermissionsClaim = "permissions"
		}
		is := &issuer{cfg: ic, permName: ic.PermissionsClaim, permPath: strings.Split(ic.PermissionsClaim, "."),
			retryNow: make(chan struct{}, 1), found: make(chan struct{})}
		if ic.PermissionsRegex != "" {
			re, err := regexp.Compile(ic.PermissionsRegex)
			if err != nil {
				return nil, fmt.Errorf("permissions regex: %w", err)
			}
			if re.SubexpIndex("namespace") < 0 || re.SubexpIndex("role") < 0 {
				return nil, fmt.Errorf("permissions regex %q needs named groups (?P<namespace>...) and (?P<role>...)", ic.PermissionsRegex)
			}
			is.permRe = re
		}
		m.issuers = append(m.issuers, is)
		m.byIss[ic.Issuer] = is
	}
	var err error
	if m.cache, err = lru.New[[32]byte, cacheEntry](cfg.CacheSize); err != nil {
		return nil, err
	}
	for _, is := range m.issuers {
		client := is.cfg.HTTPClient
		if client == nil {
			client = &http.Client{}
		}
		client = withTimeout(client, cfg.HTTPTimeout)
		gauge := metricUnusableKeys.With(cfg.Metrics.WithTags(metrics.StringTag("issuer", is.cfg.Issuer)))
		is.keys = newKeySet(is.cfg.KeySourceURIs, client, cfg.MinRefresh, log.With(logger, tag.NewStringTag("issuer", is.cfg.Issuer)), gauge)
		if len(is.cfg.KeySourceURIs) > 0 {
			close(is.found)
			if err := is.keys.refresh(ctx, true); err != nil {
				// Not fatal: the IdP may start after the server; unknown kids retry.
				logger.Warn("Could not load signing keys yet; tokens are refused until they load.",
					tag.NewStringTag("issuer", is.cfg.Issuer), tag.Error(err))
			}
		} else {
			// Discovery runs in the background, so the server starts while its IdP
			// does (a pod, the local stack). A token arriving before it succeeds
			// makes it try at once and waits up to discoveryWait; if it still has
			// not succeeded, the token is refused with the reason.
			is.keys.notDiscovered(fmt.Errorf("OIDC discovery at %s has not succeeded yet", is.cfg.Issuer))
			is.discovered = metricDiscovered.With(cfg.Metrics.WithTags(metrics.StringTag("issuer", is.cfg.Issuer)))
			is.discovered.Record(0)
			go m.discoverKeys(ctx, is, client)
		}
		go is.keys.run(ctx, cfg.RefreshInterval)
	}

	m.policy.Store(&policyState{})
	if dc != nil {
		// The initial value is applied under the same lock as updates, and an
		// update that arrives meanwhile is applied after it.
		m.policyMu.Lock()
		initial, _ := rolePolicySetting.Subscribe(dc)(func(p RolePolicy) { m.setPolicy(p) })
		m.policy.Store(&policyState{p: initial, version: 1})
		m.policyMu.Unlock()
	}
	return m, nil
}

// withTimeout returns a copy of c whose requests time out after d.
func withTimeout(c *http.Client, d time.Duration) *http.Client {
	cp := *c
	cp.Timeout = d
	return &cp
}

// discoverKeys finds the issuer's JWKS URI and loads the keys, retrying
// until it succeeds (an error is logged each time, with the issuer).
func (m *ClaimMapper) discoverKeys(ctx context.Context, is *issuer, client *http.Client) {
	for wait := discoveryBackoff; ; wait = min(2*wait, 30*time.Second) {
		provider, err := discover(ctx, client, is.cfg.Issuer, m.cfg.HTTPTimeout, is.retryNow)
		var doc struct {
			JWKSURI string `json:"jwks_uri"`
		}
		if err == nil {
			if cerr := provider.Claims(&doc); cerr != nil || doc.JWKSURI == "" {
				err = fmt.Errorf("OIDC discovery at %s: no jwks_uri (%v)", is.cfg.Issuer, cerr)
			}
		}
		if err == nil {
			is.discovered.Record(1)
			is.keys.discovered([]string{doc.JWKSURI})
			if err := is.keys.refresh(ctx, true); err != nil {
				m.logger.Warn("Could not load signing keys yet; tokens are refused until they load.",
					tag.NewStringTag("issuer", is.cfg.Issuer), tag.Error(err))
			}
			close(is.found)
			return
		}
		is.keys.notDiscovered(err)
		m.logger.Error("OIDC discovery failed; its tokens are refused until it succeeds.", tag.NewStringTag("issuer", is.cfg.Issuer), tag.Error(err))
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		case <-is.retryNow:
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
	if cfg.Metrics == nil {
		cfg.Metrics = metrics.NoopMetricsHandler
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

// setPolicy replaces the role policy (dynamic config calls it on every edit).
func (m *ClaimMapper) setPolicy(p RolePolicy) {
	m.policyMu.Lock()
	defer m.policyMu.Unlock()
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
	pol := m.policy.Load()
	if e, ok := m.cache.Get(key); ok {
		if e.keysVersion == e.issuer.keys.version.Load() && e.policyVersion == pol.version && now.Before(e.expires) {
			return e.claims, nil
		}
		m.cache.Remove(key)
	}
	tok, err := jwt.ParseSigned(token, allowedAlgs)
	if err != nil {
		return failed(fmt.Sprintf("malformed or disallowed algorithm: %s", trimJoseErr(err))), nil
	}
	is, err := m.issuerOf(tok)
	if err != nil {
		return failed(err.Error()), nil
	}
	keysVersion := is.keys.version.Load()
	claims, expires, err := m.verify(is, tok, now, pol)
	if err != nil {
		return failed(err.Error()), nil
	}
	m.cache.Add(key, cacheEntry{claims: claims, expires: expires.Add(m.cfg.ClockSkew), issuer: is,
		keysVersion: keysVersion, policyVersion: pol.version})
	return claims, nil
}

// issuerOf picks the issuer a token names in "iss" (read before the
// signature is checked, only to choose the keys; verify checks it again).
func (m *ClaimMapper) issuerOf(tok *jwt.JSONWebToken) (*issuer, error) {
	if len(m.issuers) == 1 {
		return m.issuers[0], nil
	}
	var peek struct {
		Issuer string `json:"iss"`
	}
	if err := tok.UnsafeClaimsWithoutVerification(&peek); err != nil {
		return nil, fmt.Errorf("malformed claims: %s", trimJoseErr(err))
	}
	if is, ok := m.byIss[peek.Issuer]; ok {
		return is, nil
	}
	accepted := make([]string, len(m.issuers))
	for i, is := range m.issuers {
		accepted[i] = is.cfg.Issuer
	}
	return nil, fmt.Errorf("issuer %q is not accepted (accepted: %s)", truncate(peek.Issuer, 200), strings.Join(accepted, ", "))
}

// awaitDiscovery nudges a pending discovery and reports whether it succeeds
// within discoveryWait.
func (is *issuer) awaitDiscovery() bool {
	select {
	case is.retryNow <- struct{}{}:
	default: // already nudged
	}
	select {
	case <-is.found:
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

func (m *ClaimMapper) verify(is *issuer, tok *jwt.JSONWebToken, now time.Time, pol *policyState) (*authorization.Claims, time.Time, error) {
	if len(tok.Headers) != 1 || tok.Headers[0].KeyID == "" {
		return nil, time.Time{}, errors.New("the token header has no key id (kid)")
	}
	kid := tok.Headers[0].KeyID
	ctx, cancel := context.WithTimeout(context.Background(), m.cfg.HTTPTimeout)
	k, ok := is.keys.key(ctx, kid)
	if !ok && is.keys.notReady() != nil && is.awaitDiscovery() {
		k, ok = is.keys.key(ctx, kid)
	}
	cancel()
	if !ok {
		if err := is.keys.notReady(); err != nil {
			return nil, time.Time{}, err
		}
		return nil, time.Time{}, fmt.Errorf("unknown signing key id %q", truncate(kid, 100))
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
	if is.cfg.Issuer != "" {
		exp.Issuer = is.cfg.Issuer
	}
	if len(is.cfg.Audiences) > 0 {
		exp.AnyAudience = is.cfg.Audiences
	}
	if err := std.ValidateWithLeeway(exp, m.cfg.ClockSkew); err != nil {
		return nil, time.Time{}, errors.New(trimJoseErr(err))
	}
	if std.Subject == "" {
		return nil, time.Time{}, errors.New("no sub claim")
	}

	claims := &authorization.Claims{Subject: std.Subject, AuthType: "jwt"}
	id := &Identity{Issuer: std.Issuer, Subject: std.Subject, Email: std.Email, Groups: stringList(std.Groups), Source: "none"}
	id.EmailVerified = std.Email != "" && emailVerified(std.EmailVerified, is.cfg.AssumeEmailVerified)
	switch {
	case is.cfg.Kubernetes:
		ns, name, ok := serviceAccount(std.Subject)
		if !ok {
			return nil, time.Time{}, fmt.Errorf("subject %q of a Kubernetes issuer is not system:serviceaccount:NAMESPACE:NAME", truncate(std.Subject, 200))
		}
		id.ServiceAccount = ns + "/" + name
		id.PrincipalType, id.PrincipalName = PrincipalServiceAccount, std.Subject
		id.Email, id.EmailVerified, id.Groups = "", false, nil
	case id.EmailVerified:
		id.PrincipalType, id.PrincipalName = PrincipalEmail, std.Email
	default:
		id.PrincipalType, id.PrincipalName = PrincipalSubject, std.Subject
	}
	// The name is recorded on every history event the caller causes.
	id.PrincipalName = truncate(id.PrincipalName, maxPrincipalBytes)
	id.Principal = &commonpb.Principal{Type: id.PrincipalType, Name: id.PrincipalName}
	claims.Extensions = id
	if perms, found := is.permissions(raw); found && !is.cfg.Kubernetes {
		id.Source = "permissions-claim"
		if skipped := grant(claims, perms, is.permRe); len(skipped) > 0 {
			m.logger.Warn("Ignored permissions that do not parse.", tag.NewStringTag("subject", truncate(std.Subject, 200)),
				tag.NewStringTag("issuer", is.cfg.Issuer), tag.NewStringsTag("permissions", truncateAll(skipped, 20, 100)))
		}
	} else if perms, rule := pol.p.grants(id, is.cfg.PolicyDefault); rule != "" {
		id.Source = "policy-" + rule
		grant(claims, perms, nil)
	}
	return claims, std.Expiry.Time(), nil
}

// emailVerified reads "email_verified": true (or the string "true", which
// some IdPs emit); when the claim is absent, assume decides.
func emailVerified(v any, assume bool) bool {
	switch v := v.(type) {
	case nil:
		return assume
	case bool:
		return v
	case string:
		return strings.EqualFold(v, "true")
	}
	return false
}

// serviceAccount splits a Kubernetes ServiceAccount subject,
// "system:serviceaccount:NAMESPACE:NAME".
func serviceAccount(sub string) (namespace, name string, ok bool) {
	rest, ok := strings.CutPrefix(sub, "system:serviceaccount:")
	if !ok {
		return "", "", false
	}
	namespace, name, ok = strings.Cut(rest, ":")
	if !ok || namespace == "" || name == "" || strings.Contains(name, ":") {
		return "", "", false
	}
	return namespace, name, true
}

// permissions reads the permissions claim: the whole configured name first
// (Auth0's namespaced claims contain dots), then the dotted path. found is
// false when the token has neither (then the role policy applies).
func (is *issuer) permissions(raw map[string]any) ([]string, bool) {
	if v, ok := raw[is.permName]; ok {
		return permissionList(v), true
	}
	if len(is.permPath) == 1 {
		return nil, false
	}
	var cur any = raw
	for _, part := range is.permPath {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = obj[part]; !ok {
			return nil, false
		}
	}
	return permissionList(cur), true
}

// permissionList reads a permissions claim: an array of strings, or one
// string of permissions separated by whitespace or commas (scope style).
func permissionList(v any) []string {
	if s, ok := v.(string); ok {
		return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
	}
	return stringList(v)
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

// maxPrincipalBytes bounds the principal name stored on history events.
const maxPrincipalBytes = 256

// truncate bounds an attacker-chosen string before it reaches a log or a reason.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

func truncateAll(ss []string, count, n int) []string {
	out := make([]string, 0, min(len(ss), count))
	for i, s := range ss {
		if i == count {
			out = append(out, fmt.Sprintf("(%d more)", len(ss)-count))
			break
		}
		out = append(out, truncate(s, n))
	}
	return out
}

// trimJoseErr drops the "go-jose/go-jose: " / "go-jose/go-jose/jwt: " prefixes.
func trimJoseErr(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 && strings.HasPrefix(s, "go-jose") {
		return s[i+2:]
	}
	return s
}
