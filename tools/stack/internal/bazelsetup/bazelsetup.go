// Package bazelsetup lays out what Debian's Bazel 4.2.3 needs to build this
// repository offline: rules_go and gazelle from the Go module proxy with
// bazel/*.patch applied, a GOROOT with cmd/pack, stand-in repositories, a
// gazelle binary, and .bazelrc.local naming them by absolute path.
package bazelsetup

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/temporal-stack/stack/internal/subcharts"
	"github.com/temporal-stack/stack/internal/toolbin"
	"github.com/temporal-stack/stack/tools/stack/internal/cli"
)

// The rule sets the WORKSPACE loads, fetched as Go modules. They are the
// newest that can be patched to run on Bazel 4.2.3 (rules_go v0.41+ needs
// Bazel 5.4, v0.53+ 6.5; ../shared/notes/bazel.md).
const (
	RulesGo = "github.com/bazelbuild/rules_go@v0.44.2"
	Gazelle = "github.com/bazelbuild/bazel-gazelle@v0.35.0"
)

// Patches applied to each (under bazel/ in the repository).
var patches = map[string]string{
	"rules_go":      "bazel/rules_go-v0.44.2-bazel4-go126.patch",
	"bazel_gazelle": "bazel/bazel-gazelle-v0.35.0-bazel4.patch",
}

// Debian's Bazel and the Starlark libraries the WORKSPACE takes from it.
const (
	DebianRulesJava = "/usr/share/bazel/rules/java"
	DebianSkylib    = "/usr/share/bazel/tools/skylib"
	DebianPlatforms = "/usr/share/bazel/tools/platforms"
)

// DebianPackages are the Debian 12 packages that provide Bazel 4.2.3 and
// the libraries above.
var DebianPackages = []string{"bazel-bootstrap", "bazel-rules-java", "bazel-skylib", "bazel-platforms"}

//go:embed standins
var standins embed.FS

// Layout is a prepared .bazel-deps.
type Layout struct {
	Root    string // repository root
	Dir     string // Root/.bazel-deps
	GOROOT  string // the Go SDK rules_go uses: the machine's, plus cmd/pack
	Gazelle string // gazelle built from the patched source Bazel loads
	RCFile  string // Root/.bazelrc.local
	// Subcharts is the directory of published subchart archives the chart's
	// tests render with when chart/charts has none ("" if there is none).
	Subcharts string
}

// Dir is where Prepare lays things out, relative to the repository root.
const Dir = ".bazel-deps"

// Prepare lays out Root/.bazel-deps and writes Root/.bazelrc.local, unless
// they are already there for these versions, patches, stand-ins and Go
// (a stamp file records what they were made from). A cold run downloads two
// modules and builds gazelle and pack: about a minute on 2 cores.
func Prepare(ctx context.Context, root string, log io.Writer) (*Layout, error) {
	if log == nil {
		log = io.Discard
	}
	dir := filepath.Join(root, Dir)
	l := &Layout{Root: root, Dir: dir, GOROOT: filepath.Join(dir, "gosdk"),
		Gazelle: filepath.Join(dir, "bin", "gazelle"), RCFile: filepath.Join(root, ".bazelrc.local")}
	if kept, err := filepath.Abs(subcharts.Kept(filepath.Join(root, "chart"))); err == nil {
		if _, err := os.Stat(kept); err == nil {
			l.Subcharts = kept
		}
	}
	stamp, err := inputsHash(root)
	if err != nil {
		return nil, err
	}
	stampFile := filepath.Join(dir, "stamp")
	if b, err := os.ReadFile(stampFile); err == nil && strings.TrimSpace(string(b)) == stamp {
		// Laid out already; the rc file is cheap and always rewritten.
		if b, err := os.ReadFile(l.RCFile); err == nil && string(b) == rcFile(l) {
			return l, nil
		}
		return l, os.WriteFile(l.RCFile, []byte(rcFile(l)), 0o644)
	}
	err = toolbin.WithLock(root, func() error {
		start := time.Now()
		fmt.Fprintf(log, "bazel-setup: laying out %s for Bazel 4.2.3 (%s, %s)\n", dir, RulesGo, Gazelle)
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dir, "bin"), 0o755); err != nil {
			return err
		}
		for repo, mod := range map[string]string{"rules_go": RulesGo, "bazel_gazelle": Gazelle} {
			if err := fetchPatched(ctx, root, mod, filepath.Join(dir, repo), filepath.Join(root, patches[repo])); err != nil {
				return err
			}
		}
		// gazelle's go_repository tools are built in GOPATH mode, which needs a vendor tree.
		if err := run(ctx, filepath.Join(dir, "bazel_gazelle"), nil, "go", "mod", "vendor"); err != nil {
			return err
		}
		if err := run(ctx, filepath.Join(dir, "bazel_gazelle"), []string{"CGO_ENABLED=0"},
			"go", "build", "-mod=vendor", "-trimpath", "-o", l.Gazelle, "./cmd/gazelle"); err != nil {
			return err
		}
		if err := goroot(ctx, root, l.GOROOT); err != nil {
			return err
		}
		if err := writeStandins(dir); err != nil {
			return err
		}
		if err := os.WriteFile(l.RCFile, []byte(rcFile(l)), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(log, "bazel-setup: done in %s; wrote %s\n", time.Since(start).Round(100*time.Millisecond), l.RCFile)
		return os.WriteFile(stampFile, []byte(stamp+"\n"), 0o644)
	})
	if err != nil {
		return nil, fmt.Errorf("bazel setup: %w", err)
	}
	return l, nil
}

// inputsHash identifies everything a layout is made from.
func inputsHash(root string) (string, error) {
	h := sha256.New()
	fmt.Fprintln(h, RulesGo, Gazelle, runtime.Version(), runtime.GOOS, runtime.GOARCH, root)
	for _, repo := range []string{"rules_go", "bazel_gazelle"} {
		b, err := os.ReadFile(filepath.Join(root, patches[repo]))
		if err != nil {
			return "", err
		}
		h.Write(b)
	}
	err := fs.WalkDir(standins, "standins", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := standins.ReadFile(p)
		fmt.Fprintln(h, p, len(b))
		h.Write(b)
		return err
	})
	return hex.EncodeToString(h.Sum(nil))[:16], err
}

// fetchPatched copies module mod (from the module cache, downloaded through
// GOPROXY) to dst (os.CopyFS makes the copies writable) and applies patch
// with patch(1).
func fetchPatched(ctx context.Context, root, mod, dst, patch string) error {
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, "go", "mod", "download", "-json", mod)
	cmd.Dir = root
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go mod download %s: %w\n%s", mod, err, out.String())
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out.Bytes(), &info); err != nil || info.Dir == "" {
		return fmt.Errorf("go mod download %s: %v %s", mod, err, info.Error)
	}
	if err := os.CopyFS(dst, os.DirFS(info.Dir)); err != nil {
		return err
	}
	if _, err := exec.LookPath("patch"); err != nil {
		return errors.New("patch(1) not found: apt-get install -y patch")
	}
	return run(ctx, dst, nil, "patch", "-s", "-p1", "-i", patch)
}

// goroot makes dst a GOROOT that is the machine's (by symbolic links) plus
// pkg/tool/<os>_<arch>/pack, which rules_go before v0.57 runs and Go 1.25+
// no longer ships.
func goroot(ctx context.Context, root, dst string) error {
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, "go", "env", "GOROOT")
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go env GOROOT: %w", err)
	}
	src := strings.TrimSpace(out.String())
	tools := filepath.Join("pkg", "tool", runtime.GOOS+"_"+runtime.GOARCH)
	for _, d := range []string{".", "pkg", tools} {
		if err := os.MkdirAll(filepath.Join(dst, d), 0o755); err != nil {
			return err
		}
		entries, err := os.ReadDir(filepath.Join(src, d))
		if err != nil {
			return err
		}
		for _, e := range entries {
			rel := filepath.Join(d, e.Name())
			if rel == "pkg" || rel == filepath.Join("pkg", "tool") || rel == tools {
				continue // made above, filled entry by entry
			}
			if err := os.Symlink(filepath.Join(src, rel), filepath.Join(dst, rel)); err != nil {
				return err
			}
		}
	}
	return run(ctx, root, nil, "go", "build", "-trimpath", "-o", filepath.Join(dst, tools, "pack"), "cmd/pack")
}

// writeStandins copies the embedded stand-in repositories into dir. Their
// WORKSPACE and BUILD.bazel files are stored as *.in, so that this
// repository's Bazel and gazelle do not take them for packages of its own.
func writeStandins(dir string) error {
	return fs.WalkDir(standins, "standins", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := standins.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, strings.TrimSuffix(strings.TrimPrefix(p, "standins/"), ".in"))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if strings.HasSuffix(p, ".sh") {
			mode = 0o755
		}
		return os.WriteFile(dst, b, mode)
	})
}

// rcFile is .bazelrc.local: the absolute paths Bazel 4.2.3 needs (it does
// not expand %workspace% in flag values).
func rcFile(l *Layout) string {
	var b strings.Builder
	b.WriteString("# Written by \"go run ./tools/stack bazel-setup\" (tools/bazel runs it): Bazel 4.2.3 settings. Do not edit.\n")
	for _, cmd := range []string{"build", "query", "fetch", "sync"} {
		for _, flag := range []string{
			"--override_repository=rules_cc=" + filepath.Join(l.Dir, "rules_cc"),
			"--override_repository=rules_java=" + DebianRulesJava,
			"--override_repository=remote_coverage_tools=" + filepath.Join(l.Dir, "remote_coverage_tools"),
			"--repo_env=GOROOT=" + l.GOROOT,
			// go_repository fetches into the machine's module cache (shared with go build).
			"--repo_env=GO_REPOSITORY_USE_HOST_CACHE=1",
		} {
			fmt.Fprintf(&b, "%s %s\n", cmd, flag)
		}
	}
	// Debian's linux-sandbox prints about 200 debug lines per action.
	b.WriteString("build --spawn_strategy=processwrapper-sandbox\n")
	// bazel test --config=e2e //e2e/... (.bazelrc): the end-to-end tests build
	// and start real components from this checkout.
	fmt.Fprintf(&b, "test:e2e --test_env=STACK_ROOT=%s\n", l.Root)
	if l.Subcharts != "" {
		// The chart's tests render with the real subcharts (internal/subcharts).
		fmt.Fprintf(&b, "test --test_env=STACK_SUBCHARTS=%s\n", l.Subcharts)
	}
	return b.String()
}

func run(ctx context.Context, dir string, env []string, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s (in %s): %w\n%s", name, strings.Join(args, " "), dir, err, out)
	}
	return nil
}

// Run is "stack bazel-setup": Prepare in the repository it runs in, with no
// flags; progress goes to stderr.
func Run(ctx context.Context, args []string, _, stderr io.Writer) error {
	fs := cli.NewFlagSet("bazel-setup", "usage: go run ./tools/stack bazel-setup\n\nPrepares what Bazel 4.2.3 needs offline: .bazel-deps (patched rules_go and gazelle\nfrom the Go module proxy, a GOROOT, stand-ins) and .bazelrc.local. tools/bazel runs it.\n")
	if err := fs.Parse(args, 0); err != nil {
		return err
	}
	root, err := toolbin.Root()
	if err != nil {
		return err
	}
	_, err = Prepare(ctx, root, stderr)
	return err
}
