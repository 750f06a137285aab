package repocheck

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/temporal-stack/stack/internal/toolbin"
)

// skipDirs are not this repository's code: caches, Bazel's trees, vendored charts, npm.
var skipDirs = map[string]bool{".cache": true, ".bazel-deps": true, "node_modules": true, ".git": true, ".stack": true}

// walkGo calls f with the path and content of each .go file under the
// repository's code directories whose name matches suffix.
func walkGo(t *testing.T, root, suffix string, f func(path, src string)) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (skipDirs[d.Name()] || strings.HasPrefix(d.Name(), "bazel-") || path == filepath.Join(root, "chart", "charts")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, suffix) {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			f(path, string(b))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

var (
	testFunc   = regexp.MustCompile(`(?m)^func ((?:Test|Benchmark|Fuzz)[A-Z]\w*)\(`)
	subtest    = regexp.MustCompile(`\bt\.Run\("((?:[^"\\]|\\.)*)"`)
	namedInDoc = regexp.MustCompile("`((?:Test|Benchmark|Fuzz)[A-Z][A-Za-z0-9_]*)(/[^`]*)?`")
)

// TestTestingMDNamesEveryTest keeps TESTING.md honest: every test,
// benchmark and fuzz target of the repository is named in it, and every
// name in it (Test/subtest included) is one.
func TestTestingMDNamesEveryTest(t *testing.T) {
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(filepath.Join(root, "TESTING.md"))
	if err != nil {
		t.Fatal(err)
	}
	tests, subtests := map[string]string{}, map[string]bool{}
	walkGo(t, root, "_test.go", func(path, src string) {
		for _, m := range testFunc.FindAllStringSubmatch(src, -1) {
			tests[m[1]] = path
		}
		for _, m := range subtest.FindAllStringSubmatch(src, -1) {
			subtests[m[1]] = true
		}
	})
	if len(tests) < 100 {
		t.Fatalf("found %d tests; want the whole repository's", len(tests))
	}
	named := map[string]bool{}
	for _, m := range namedInDoc.FindAllStringSubmatch(string(doc), -1) {
		name, sub := m[1], strings.TrimPrefix(m[2], "/")
		named[name] = true
		if _, ok := tests[name]; !ok {
			t.Errorf("TESTING.md names %s, which is no test here", name)
		}
		if sub != "" && !subtests[sub] {
			t.Errorf("TESTING.md names %s/%s, but no t.Run has that subtest", name, sub)
		}
	}
	var missing []string
	for name, path := range tests {
		if !named[name] {
			rel, _ := filepath.Rel(root, path)
			missing = append(missing, name+" ("+rel+")")
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("%s is not in TESTING.md: add it under the phase it proves", m)
	}
}
