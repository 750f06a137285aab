package authn

import (
	"context"
	"crypto"
	"crypto/sha256"
	"encoding/json"
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
}

func newKeySet(uris []string, client *http.Client, minRefresh time.Duration, logger log.Logger) *keySet {
	ks := &keySet{uris: uris, client: client, minRefresh: minRefresh, logger: logger}
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
	for _, u := range ks.uris {
		set, err := ks.fetch(ctx, u)
		if err != nil {
			return err
		}
		for _, k := range set.Keys {
			if k.KeyID == "" || !k.Valid() || !k.IsPublic() || (k.Use != "" && k.Use != "sig") {
				continue
			}
			keys[k.KeyID] = k
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

func (ks *keySet) fetch(ctx context.Context, uri string) (*jose.JSONWebKeySet, error) {
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
	var set jose.JSONWebKeySet
	if err := json.Unmarshal(body, &set); err != nil {
		return nil, fmt.Errorf("JWKS %s: %w", uri, err)
	}
	return &set, nil
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
