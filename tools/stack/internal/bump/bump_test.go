package bump

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"

	"github.com/temporal-stack/stack/internal/toolbin"
)

func TestRepositoryAgreesWithGoMod(t *testing.T) {
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(root); err != nil {
		t.Fatal(err)
	}
}

// fakeGoGet stands in for go get: it rewrites the require line only.
func fakeGoGet(calls *int) func(root, ver string) error {
	return func(root, ver string) error {
		*calls++
		path := filepath.Join(root, "go.mod")
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := modfile.Parse(path, data, nil)
		if err != nil {
			return err
		}
		if err := f.AddRequire(ServerModule, "v"+ver); err != nil {
			return err
		}
		out, err := f.Format()
		if err != nil {
			return err
		}
		return os.WriteFile(path, out, 0o644)
	}
}

// copyTree copies go.mod and every place that exists in the repository into a
// temp dir, plus a chart/Chart.yaml so the optional place is exercised too.
func copyTree(t *testing.T) (dir, old string) {
	t.Helper()
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	old, _, err = Current(root)
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	write := func(rel string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, rel := range []string{"go.mod"} {
		data, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		write(rel, data)
	}
	for _, p := range Places {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p.Path)))
		if err == nil {
			write(p.Path, data)
		} else if !p.Optional {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "chart", "Chart.yaml")); err != nil {
		write("chart/Chart.yaml", []byte("apiVersion: v2\nname: temporal-stack\nversion: 0.1.0\nappVersion: \""+old+"\"\n"))
	}
	return dir, old
}

func TestBumpRewritesEveryPlace(t *testing.T) {
	dir, old := copyTree(t)
	const next = "1.99.0"
	var calls int
	var out bytes.Buffer
	if err := Bump(dir, "v"+next, fakeGoGet(&calls), &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if calls != 1 {
		t.Fatalf("go get ran %d times, want 1", calls)
	}
	for _, want := range []string{"go.mod: " + ServerModule + " v" + old + " -> v" + next, "README.md:", ": " + old + " -> " + next} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if got, _, _ := Current(dir); got != next {
		t.Fatalf("go.mod has %s, want %s", got, next)
	}
	for _, p := range Places {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p.Path)))
		if err != nil {
			t.Fatal(err)
		}
		locs := p.Pattern.FindAllSubmatch(data, -1)
		if len(locs) == 0 {
			t.Errorf("%s: no mention left after the bump", p.Path)
		}
		for _, m := range locs {
			if string(m[1]) != next {
				t.Errorf("%s: still mentions %s", p.Path, m[1])
			}
		}
	}
	if err := Check(dir); err != nil {
		t.Fatal(err)
	}

	// One stale mention: Check names the file and line.
	readme := filepath.Join(dir, "README.md")
	data, _ := os.ReadFile(readme)
	loc := Places[0].Pattern.FindSubmatchIndex(data)
	stale := append(append(append([]byte{}, data[:loc[2]]...), "1.0.0"...), data[loc[3]:]...)
	if err := os.WriteFile(readme, stale, 0o644); err != nil {
		t.Fatal(err)
	}
	err := Check(dir)
	want := "README.md:" + strconv.Itoa(lineOf(stale, loc[2])) + ": Temporal version 1.0.0, go.mod has " + next
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("Check = %v, want an error containing %q", err, want)
	}
}

func TestBumpRejectsBadVersionAndChangesNothing(t *testing.T) {
	dir, _ := copyTree(t)
	before := snapshot(t, dir)
	for _, v := range []string{"1.32", "v1.32.x", "1.33.0-rc.1", "latest", "", "1..2"} {
		var calls int
		err := Bump(dir, v, fakeGoGet(&calls), new(bytes.Buffer))
		if err == nil || !strings.Contains(err.Error(), "not a Temporal release version") {
			t.Errorf("Bump(%q) = %v, want a not-a-release-version error", v, err)
		}
		if calls != 0 {
			t.Errorf("Bump(%q) ran go get", v)
		}
	}
	if after := snapshot(t, dir); after != before {
		t.Fatal("a rejected bump changed files")
	}
}

func TestBumpStopsBeforeGoGetWhenAPlaceNoLongerMatches(t *testing.T) {
	dir, _ := copyTree(t)
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("reworded, no version here\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	var calls int
	err := Bump(dir, "1.99.0", fakeGoGet(&calls), new(bytes.Buffer))
	if err == nil || !strings.Contains(err.Error(), "README.md: no mention") || calls != 0 {
		t.Fatalf("Bump = %v (go get ran %d times), want a README.md error before go get", err, calls)
	}
	if snapshot(t, dir) != before {
		t.Fatal("a failed bump changed files")
	}
	if err := Check(dir); err == nil || !strings.Contains(err.Error(), "README.md: no mention") {
		t.Fatalf("Check = %v, want a README.md error", err)
	}
}

func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		b.WriteString(p + "\x00" + string(data) + "\x00")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
