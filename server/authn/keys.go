package authn

import (
	"context"
	"crypto"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-jose/go-jose/v4"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/log/tag"
	"go.temporal.io/server/common/metrics"
)

// maxJWKSBytes bounds a JWKS response.
const maxJWKSBytes = 1 << 20

// keySet holds the issuer's public keys by kid. It refreshes periodically and,
// rate-limited, when a token names a kid it does not know, so a key rotation
// at the IdP is picked up within seconds. Version changes whenever the set of
// keys changes; the token cache is dropped then.
type keySet struct {
	uris       []string // JWKS URLs (http, https or file); set by discovery (under mu)
	pending    error    // why there are no URIs yet (discovery not done), under mu
	client     *http.Client
	minRefresh time.Duration
	logger     log.Logger

	mu          sync.Mutex // serializes fetches
	lastFetch   time.Time
	keys        atomic.Pointer[map[string]jose.JSONWebKey]
	fingerprint [32]byte
	version     atomic.Uint64
	// skippedSeen holds "kid\x00reason" of every unusable key already logged
	// (under mu), so each is logged once, not at every refresh.
	skippedSeen map[string]bool
	skipped     metrics.GaugeIface // keys of the last fetch that cannot be used
}

func newKeySet(uris []string, client *http.Client, minRefresh time.Duration, logger log.Logger, skipped metrics.GaugeIface) *keySet {
	ks := &keySet{uris: uris, client: client, minRefresh: minRefresh, logger: logger,
		skippedSeen: map[string]bool{}, skipped: skipped}
	empty := map[string]jose.JSONWebKey{}
	ks.keys.Store(&empty)
	return ks
}

// discovered sets the JWKS URIs once OIDC discovery has found them.
func (ks *keySet) discovered(uris []string) {
	ks.mu.Lock()
	ks.uris, ks.pending, ks.lastFetch = uris, nil, time.Time{}
	ks.mu.Unlock()
}

// notDiscovered says why the key set has no URIs yet.
func (ks *keySet) notDiscovered(err error) {
	ks.mu.Lock()
	ks.pending = err
	ks.mu.Unlock()
}

// notReady is the reason there are no keys to check against yet, or nil.
func (ks *keySet) notReady() error {
	ks.mu.Lock()
	defer ks.mu.Unlock()
	return ks.pending
}

// run refreshes every interval until ctx ends.
func (ks *keySet) run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := ks.refresh(ctx, true); err != nil {
				ks.logger.Warn("JWKS refresh failed; keeping the keys in use.", tag.Error(err))
			}
		}
	}
}

// key returns the key for kid, refreshing once (rate-limited) if it is unknown.
func (ks *keySet) key(ctx context.Context, kid string) (jose.JSONWebKey, bool) {
	if k, ok := (*ks.keys.Load())[kid]; ok {
		return k, true
	}
	if err := ks.refresh(ctx, false); err != nil {
		ks.logger.Warn("JWKS refresh for an unknown key id failed.", tag.NewStringTag("kid", kid), tag.Error(err))
	}
	k, ok := (*ks.keys.Load())[kid]
	return k, ok
}

// refresh fetches every URI. Unless force is set, it does nothing when the
// last fetch was less than minRefresh ago (an unknown kid in a flood of forged
// tokens must not turn into a flood of requests to the IdP).
func (ks *keySet) refresh(ctx context.Context, force bool) error {
	ks.mu.Lock()
	defer ks.mu.Unlock()
	if !force && time.Since(ks.lastFetch) < ks.minRefresh {
		return nil
	}
	ks.lastFetch = time.Now()
	if len(ks.uris) == 0 {
		return ks.pending
	}
	keys := map[string]jose.JSONWebKey{}
	var skipped []UnusableKey
	for _, u := range ks.uris {
		raw, err := ks.fetch(ctx, u)
		if err != nil {
			return err
		}
		usable, unusable, err := ParseKeySet(raw)
		if err != nil {
			return fmt.Errorf("JWKS %s: %w", u, err)
		}
		for _, k := range usable {
			keys[k.KeyID] = k
		}
		for _, k := range unusable {
			k.Source = u
			skipped = append(skipped, k)
		}
	}
	ks.skipped.Record(float64(len(skipped)))
	for _, k := range skipped {
		if id := k.KeyID + "\x00" + k.Reason; !ks.skippedSeen[id] {
			ks.skippedSeen[id] = true
			ks.logger.Warn("Skipped a signing key this server cannot use; the other keys stay in use.",
				tag.NewStringTag("kid", k.KeyID), tag.NewStringTag("jwks", k.Source), tag.NewStringTag("reason", k.Reason))
		}
	}
	if len(keys) == 0 {
		return fmt.Errorf("no usable signing keys at %s", strings.Join(ks.uris, ", "))
	}
	fp := fingerprint(keys)
	if fp != ks.fingerprint {
		ks.fingerprint = fp
		ks.keys.Store(&keys)
		v := ks.version.Add(1)
		kids := make([]string, 0, len(keys))
		for kid := range keys {
			kids = append(kids, kid)
		}
		slices.Sort(kids)
		ks.logger.Info("Loaded signing keys.", tag.NewStringsTag("kids", kids), tag.NewInt64("key-set-version", int64(v)))
	}
	return nil
}

// UnusableKey is a JWKS entry that cannot verify tokens here, and why.
type UnusableKey struct {
	KeyID  string // "" when the entry has none
	Reason string
	Source string // the JWKS URI
}

// ParseKeySet parses a JWKS document (RFC 7517 section 5) key by key: an entry
// this server cannot use (an unknown "kty" such as DSA, an unsupported curve
// such as Ed448, a certificate-only or private key, no "kid", "use" other than
// "sig", an "alg" outside the accepted signature algorithms) is returned in
// unusable with the reason and never prevents the other keys from being used.
// It fails only when body is not a JSON object with a "keys" array.
func ParseKeySet(body []byte) (usable []jose.JSONWebKey, unusable []UnusableKey, err error) {
	var doc struct {
		Keys *[]json.RawMessage `json:"keys"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return nil, nil, fmt.Errorf("not a JWKS document: %w", err)
	}
	if doc.Keys == nil {
		return nil, nil, errors.New(`not a JWKS document: no "keys" array`)
	}
	for _, raw := range *doc.Keys {
		var hdr struct {
			KeyID string `json:"kid"`
			Kty   string `json:"kty"`
			Crv   string `json:"crv"`
		}
		_ = json.Unmarshal(raw, &hdr)
		var k jose.JSONWebKey
		if err := k.UnmarshalJSON(raw); err != nil {
			unusable = append(unusable, UnusableKey{KeyID: hdr.KeyID, Reason: fmt.Sprintf("kty %q crv %q: %s", hdr.Kty, hdr.Crv, trimJoseErr(err))})
			continue
		}
		var why string
		switch {
		case k.KeyID == "":
			why = "no kid"
		case !k.IsPublic():
			why = "not a public key (symmetric or private keys are refused)"
		case !k.Valid():
			why = "invalid key material"
		case k.Use != "" && k.Use != "sig":
			why = fmt.Sprintf("use %q (only sig keys verify tokens)", k.Use)
		case k.Algorithm != "" && !slices.Contains(allowedAlgs, jose.SignatureAlgorithm(k.Algorithm)):
			why = fmt.Sprintf("alg %q is not an accepted signature algorithm", k.Algorithm)
		}
		if why != "" {
			unusable = append(unusable, UnusableKey{KeyID: k.KeyID, Reason: why})
			continue
		}
		usable = append(usable, k)
	}
	return usable, unusable, nil
}

func (ks *keySet) fetch(ctx context.Context, uri string) ([]byte, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return nil, err
	}
	var body []byte
	switch u.Scheme {
	case "file":
		body, err = os.ReadFile(u.Path)
	case "http", "https":
		req, rerr := http.NewRequestWithContext(ctx, http.MethodGet, uri, nil)
		if rerr != nil {
			return nil, rerr
		}
		resp, rerr := ks.client.Do(req)
		if rerr != nil {
			return nil, fmt.Errorf("fetch JWKS %s: %w", uri, rerr)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("fetch JWKS %s: %s", uri, resp.Status)
		}
		body, err = io.ReadAll(io.LimitReader(resp.Body, maxJWKSBytes))
	default:
		return nil, fmt.Errorf("JWKS URI %q: scheme must be http, https or file", uri)
	}
	if err != nil {
		return nil, err
	}
	return body, nil
}

func fingerprint(keys map[string]jose.JSONWebKey) [32]byte {
	kids := make([]string, 0, len(keys))
	for kid := range keys {
		kids = append(kids, kid)
	}
	slices.Sort(kids)
	h := sha256.New()
	for _, kid := range kids {
		k := keys[kid]
		tp, _ := k.Thumbprint(crypto.SHA256)
		h.Write([]byte(kid))
		h.Write(tp)
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}
