// Package tokencache keeps dexlogin's tokens in the user's config directory
// (mode 0600), one file per issuer and client.
package tokencache

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/temporal-stack/stack/dexlogin/oidclogin"
)

// Dir is the default cache directory: <user config dir>/temporal-stack/dexlogin.
func Dir() (string, error) {
	d, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "temporal-stack", "dexlogin"), nil
}

func path(dir, issuer, clientID string) string {
	sum := sha256.Sum256([]byte(issuer + "\x00" + clientID))
	return filepath.Join(dir, hex.EncodeToString(sum[:8])+".json")
}

// ErrNone means no tokens are cached for this issuer and client.
var ErrNone = errors.New("no cached login")

// Load reads the cached tokens.
func Load(dir, issuer, clientID string) (*oidclogin.Tokens, error) {
	b, err := os.ReadFile(path(dir, issuer, clientID))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNone
	}
	if err != nil {
		return nil, err
	}
	var t oidclogin.Tokens
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("token cache %s is damaged (delete it and log in again): %w", path(dir, issuer, clientID), err)
	}
	return &t, nil
}

// Save writes tokens atomically with mode 0600 in a 0700 directory.
func Save(dir, issuer, clientID string, t *oidclogin.Tokens) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tokens-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path(dir, issuer, clientID))
}
