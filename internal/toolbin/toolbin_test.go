package toolbin

import (
	"os"
	"path/filepath"
	"testing"
)

// TestHashTree: the digest follows every file a Go build can read, and
// ignores what the go tool ignores.
func TestHashTree(t *testing.T) {
	root := t.TempDir()
	write := func(rel, content string) {
		t.Helper()
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"go.mod", "go.sum", "server/main.go", "server/rbac.yaml", "server/main_test.go",
		"server/testdata/in.txt", ".git/HEAD", ".bazel-deps/x/BUILD", "_scratch/a.go", "ui/node_modules/x.js", "artifacts/log.txt"} {
		write(f, "v1")
	}
	for _, c := range []struct {
		file    string
		changes bool
	}{
		{"server/main.go", true},
		{"server/rbac.yaml", true}, // may be embedded
		{"go.sum", true},
		{"server/new.go", true},
		{"server/main_test.go", false},
		{"server/testdata/in.txt", false},
		{".git/HEAD", false},
		{".bazel-deps/x/BUILD", false},
		{"_scratch/a.go", false},
		{"ui/node_modules/x.js", false},
		{"artifacts/log.txt", false},
	} {
		t.Run(c.file, func(t *testing.T) {
			before, err := hashTree(root)
			if err != nil {
				t.Fatal(err)
			}
			write(c.file, "v2 (longer)")
			after, err := hashTree(root)
			if err != nil {
				t.Fatal(err)
			}
			if changed := after != before; changed != c.changes {
				t.Errorf("editing %s: digest changed = %v, want %v", c.file, changed, c.changes)
			}
		})
	}
}
