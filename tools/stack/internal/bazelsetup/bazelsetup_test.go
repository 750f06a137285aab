package bazelsetup

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/temporal-stack/stack/internal/toolbin"
)

// prepared lays out .bazel-deps (a minute cold, then a stamp check).
func prepared(t *testing.T) *Layout {
	t.Helper()
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	l, err := Prepare(context.Background(), root, testWriter{t})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// TestGazelleDrift: every BUILD.bazel is what gazelle (the patched v0.35.0
// the WORKSPACE loads, as "bazel run //:gazelle" runs it) writes.
func TestGazelleDrift(t *testing.T) {
	l := prepared(t)
	cmd := exec.Command(l.Gazelle, "-mode=diff")
	cmd.Dir = l.Root
	out, err := cmd.CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Fatalf("BUILD files differ from gazelle's (run: bazel run //:gazelle): %v\n%s", err, out)
	}
}

// TestDepsMatchGoMod: deps.bzl is what "gazelle update-repos" makes of
// go.mod (with the hand-added attributes it keeps), in a copy of the tree.
func TestDepsMatchGoMod(t *testing.T) {
	if testing.Short() {
		t.Skip("lists go.mod's whole module graph (about a minute)")
	}
	l := prepared(t)
	dir := t.TempDir()
	for _, f := range []string{"WORKSPACE", "BUILD.bazel", "deps.bzl", "go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(l.Root, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(l.Gazelle, "update-repos", "-from_file=go.mod", "-to_macro=deps.bzl%go_dependencies",
		"-prune", "-build_file_proto_mode=disable_global")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gazelle update-repos: %v\n%s", err, out)
	}
	want, _ := os.ReadFile(filepath.Join(l.Root, "deps.bzl"))
	got, _ := os.ReadFile(filepath.Join(dir, "deps.bzl"))
	if !bytes.Equal(got, want) {
		t.Fatalf("deps.bzl is stale for go.mod: run\n  %s update-repos -from_file=go.mod -to_macro=deps.bzl%%go_dependencies -prune -build_file_proto_mode=disable_global\n(%d bytes now, %d after)", l.Gazelle, len(want), len(got))
	}
	if n := strings.Count(string(want), "go_repository("); n < 100 {
		t.Fatalf("deps.bzl declares %d go_repository rules", n)
	}
}

// TestModuleBazel checks what can be checked of MODULE.bazel without a
// modern Bazel: its use_repo names exactly the external repositories the
// BUILD files use, and it takes Go and the modules from go.mod.
func TestModuleBazel(t *testing.T) {
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile(filepath.Join(root, "MODULE.bazel"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`go_sdk.from_file(go_mod = "//:go.mod")`, `go_deps.from_file(go_mod = "//:go.mod")`,
		`repo_name = "io_bazel_rules_go"`, `repo_name = "bazel_gazelle"`} {
		if !bytes.Contains(mod, []byte(want)) {
			t.Errorf("MODULE.bazel lacks %s", want)
		}
	}
	block := regexp.MustCompile(`(?s)use_repo\(\s*go_deps,(.*?)\)`).FindSubmatch(mod)
	if block == nil {
		t.Fatal("MODULE.bazel has no use_repo(go_deps, ...)")
	}
	var declared []string
	for _, m := range regexp.MustCompile(`"([a-z0-9_]+)"`).FindAllSubmatch(block[1], -1) {
		declared = append(declared, string(m[1]))
	}
	used := map[string]bool{}
	label := regexp.MustCompile(`"@([a-z0-9_]+)//`)
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && p != root || d.Name() == "deps" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), "bazel-")) {
			return filepath.SkipDir
		}
		if d.Name() != "BUILD.bazel" {
			return nil
		}
		b, err := os.ReadFile(p)
		for _, m := range label.FindAllSubmatch(b, -1) {
			if r := string(m[1]); r != "io_bazel_rules_go" && r != "bazel_gazelle" {
				used[r] = true
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var missing, extra []string
	for r := range used {
		if !slices.Contains(declared, r) {
			missing = append(missing, r)
		}
	}
	for _, r := range declared {
		if !used[r] {
			extra = append(extra, r)
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 || len(extra) > 0 {
		t.Fatalf("MODULE.bazel's use_repo: missing %v, not used by any BUILD file %v", missing, extra)
	}
	if len(used) < 10 {
		t.Fatalf("only %d external repositories found in BUILD files", len(used))
	}
}

// TestRCFile: the generated .bazelrc.local points each command at the
// laid-out repositories and GOROOT by absolute path.
func TestRCFile(t *testing.T) {
	l := &Layout{Root: "/src", Dir: "/src/.bazel-deps", GOROOT: "/src/.bazel-deps/gosdk"}
	rc := rcFile(l)
	for _, want := range []string{
		"build --override_repository=rules_cc=/src/.bazel-deps/rules_cc\n",
		"query --repo_env=GOROOT=/src/.bazel-deps/gosdk\n",
		"build --override_repository=rules_java=" + DebianRulesJava + "\n",
	} {
		if !strings.Contains(rc, want) {
			t.Errorf(".bazelrc.local lacks %q:\n%s", want, rc)
		}
	}
}
