package workerauth

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// DefaultServiceAccountTokenPath is where the chart projects a worker pod's
// ServiceAccount token with audience "temporal" (a projected volume; the
// kubelet rewrites it before it expires).
const DefaultServiceAccountTokenPath = "/var/run/secrets/temporal/token"

// maxTokenFileBytes bounds the token file (the server refuses tokens over 16 KiB).
const maxTokenFileBytes = 64 << 10

// TokenFile returns a provider that sends the token in path, typically a
// Kubernetes projected ServiceAccount token:
//
//	volumes:
//	  - name: temporal-token
//	    projected:
//	      sources:
//	        - serviceAccountToken: {path: token, audience: temporal, expirationSeconds: 3600}
//
// The kubelet rotates the file (an atomic symlink swap) before the token
// expires; the provider re-reads it whenever its modification time or size
// changes, and at least every minute, so a rotated token is sent from the
// next call on. The file is read now: a missing or empty file fails at
// start-up. Later read errors keep the last token and are returned only when
// there is none. Safe for concurrent use.
func TokenFile(path string) (*HeadersProvider, error) {
	src := &fileSource{path: path}
	if _, err := src.Token(); err != nil {
		return nil, err
	}
	return &HeadersProvider{ts: src}, nil
}

// fileSource is an oauth2.TokenSource over a token file.
type fileSource struct {
	path string

	mu      sync.Mutex
	token   string
	modTime time.Time
	size    int64
	read    time.Time
}

// recheck is the longest a token read from the file is used without reading it again.
const recheck = time.Minute

func (f *fileSource) Token() (*oauth2.Token, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	st, err := os.Stat(f.path)
	if err == nil && f.token != "" && st.ModTime().Equal(f.modTime) && st.Size() == f.size && time.Since(f.read) < recheck {
		return &oauth2.Token{AccessToken: f.token, TokenType: "Bearer"}, nil
	}
	tok, rerr := f.readLocked()
	if rerr == nil {
		f.token, f.read = tok, time.Now()
		if st != nil {
			f.modTime, f.size = st.ModTime(), st.Size()
		}
	}
	if f.token == "" {
		return nil, fmt.Errorf("workerauth: token file %s: %w", f.path, rerr)
	}
	return &oauth2.Token{AccessToken: f.token, TokenType: "Bearer"}, nil
}

func (f *fileSource) readLocked() (string, error) {
	b, err := os.ReadFile(f.path)
	if err != nil {
		return "", err
	}
	if len(b) > maxTokenFileBytes {
		return "", fmt.Errorf("%d bytes, more than a token (%d)", len(b), maxTokenFileBytes)
	}
	tok := string(bytes.TrimSpace(b))
	if tok == "" {
		return "", errors.New("empty")
	}
	return tok, nil
}
