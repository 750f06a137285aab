package cliprofile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestWriteMergesAndKeepsOtherProfiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "temporal", "temporal.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("[profile.cloud]\naddress = \"x.tmprl.cloud:7233\"\n[profile.local]\naddress = \"old\"\ncodec = { endpoint = \"http://codec\" }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, Profile{Name: "local", Address: "127.0.0.1:7233", Namespace: "default", APIKey: "tok"}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Profile map[string]struct {
			Address, Namespace string
			APIKey             string `toml:"api_key"`
			TLS                struct{ Disabled bool }
			Codec              struct{ Endpoint string }
		}
	}
	if _, err := toml.DecodeFile(path, &doc); err != nil {
		t.Fatal(err)
	}
	l := doc.Profile["local"]
	if l.Address != "127.0.0.1:7233" || l.APIKey != "tok" || !l.TLS.Disabled || l.Codec.Endpoint != "http://codec" || doc.Profile["cloud"].Address != "x.tmprl.cloud:7233" {
		t.Fatalf("merged file: %+v", doc)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", st.Mode())
	}
	if err := os.WriteFile(path, []byte("not = [toml"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, Profile{Name: "local"}); err == nil || !strings.Contains(err.Error(), "not valid TOML") {
		t.Fatalf("broken file: %v", err)
	}
}
