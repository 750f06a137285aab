// Package cliprofile writes a profile of the stock temporal CLI's config file
// (temporal.toml) so that "temporal --profile NAME ..." uses a dexlogin token.
//
// The pinned temporal CLI (v1.5.1, envconfig v0.1.0) knows no oauth section,
// so the access token goes in the profile's api_key (sent as "authorization:
// Bearer ..."), and "dexlogin token --temporal-profile NAME" rewrites it with a
// fresh token. Other profiles and keys in the file are kept.
package cliprofile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"
)

// Path is the file the CLI reads: $TEMPORAL_CONFIG_FILE, else
// <user config dir>/temporal/temporal.toml.
func Path() (string, error) {
	if p := os.Getenv("TEMPORAL_CONFIG_FILE"); p != "" {
		return p, nil
	}
	d, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "temporal", "temporal.toml"), nil
}

// Profile is what dexlogin sets in a profile.
type Profile struct {
	Name, Address, Namespace, APIKey string
	TLS                              bool
}

// Write merges p into the config file at path (mode 0600: it holds a token).
func Write(path string, p Profile) error {
	doc := map[string]any{}
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	default:
		if _, err := toml.Decode(string(b), &doc); err != nil {
			return fmt.Errorf("%s is not valid TOML (fix or remove it): %w", path, err)
		}
	}
	profiles, _ := doc["profile"].(map[string]any)
	if profiles == nil {
		profiles = map[string]any{}
	}
	prof, _ := profiles[p.Name].(map[string]any)
	if prof == nil {
		prof = map[string]any{}
	}
	prof["address"], prof["namespace"], prof["api_key"] = p.Address, p.Namespace, p.APIKey
	tlsSection, _ := prof["tls"].(map[string]any)
	if tlsSection == nil {
		tlsSection = map[string]any{}
	}
	tlsSection["disabled"] = !p.TLS
	prof["tls"] = tlsSection
	profiles[p.Name] = prof
	doc["profile"] = profiles

	var out bytes.Buffer
	if err := toml.NewEncoder(&out).Encode(doc); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, out.Bytes(), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
