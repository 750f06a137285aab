package dynconfig

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestFileWatch(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "dynamic_config.yaml")
	s, _ := newTestSource(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := WatchFile(ctx, s, path); err != nil {
		t.Fatal(err)
	}
	if s.Status().Present || s.GetValue(blobKey) != nil {
		t.Fatal("missing file must mean defaults")
	}
	write := func(content string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	has := func(v int) func() bool {
		return func() bool { got := s.GetValue(blobKey); return len(got) == 1 && got[0].Value == v }
	}

	write("limit.blobSize.error:\n  - value: 2048\n")
	eventually(t, "the new file to apply", has(2048))

	write("limit.blobSize.error: [ {value: ")
	eventually(t, "the bad edit to be rejected", func() bool { return s.Status().Invalid })
	if !has(2048)() {
		t.Fatal("bad edit changed the value")
	}

	// An atomic save: write elsewhere, rename over the file.
	tmp := filepath.Join(dir, ".tmp")
	if err := os.WriteFile(tmp, []byte("limit.blobSize.error:\n  - value: 4096\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the renamed file to apply", has(4096))
	if s.Status().Invalid {
		t.Fatal("still invalid")
	}

	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the delete to be seen", func() bool { return !s.Status().Present })
	if !has(4096)() {
		t.Fatal("deleting the file reset the value")
	}
}

func TestWatchFileNeedsDirectory(t *testing.T) {
	s, _ := newTestSource(t)
	if err := WatchFile(context.Background(), s, "/nonexistent-dir/x.yaml"); err == nil {
		t.Fatal("no error for a missing directory")
	}
}
