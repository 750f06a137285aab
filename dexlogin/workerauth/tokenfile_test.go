package workerauth

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The kubelet's rotation: a new data directory, then an atomic swap of the
// ..data symlink the token file points through.
func TestTokenFileFollowsRotation(t *testing.T) {
	dir := t.TempDir()
	write := func(gen, token string) {
		t.Helper()
		d := filepath.Join(dir, "..gen-"+gen)
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "token"), []byte(token+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		tmp := filepath.Join(dir, "..data_tmp")
		if err := os.Symlink("..gen-"+gen, tmp); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(dir, "..data")); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "token")
	if _, err := TokenFile(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("a missing file: %v", err)
	}
	write("1", "first.token.value")
	if err := os.Symlink("..data/token", path); err != nil {
		t.Fatal(err)
	}
	hp, err := TokenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	get := func() string {
		t.Helper()
		h, err := hp.GetHeaders(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return h["authorization"]
	}
	if got := get(); got != "Bearer first.token.value" {
		t.Fatalf("first: %q", got)
	}
	write("2", "second.token.value-longer")
	if got := get(); got != "Bearer second.token.value-longer" {
		t.Fatalf("after rotation: %q", got)
	}
	// A file that vanishes keeps the last token.
	if err := os.Remove(filepath.Join(dir, "..data")); err != nil {
		t.Fatal(err)
	}
	if got := get(); got != "Bearer second.token.value-longer" {
		t.Fatalf("after the file vanished: %q", got)
	}
	empty := filepath.Join(dir, "empty")
	_ = os.WriteFile(empty, []byte("\n"), 0o644)
	if _, err := TokenFile(empty); err == nil {
		t.Fatal("an empty file was accepted")
	}
}
