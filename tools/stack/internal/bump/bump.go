// Package bump is "stack bump VERSION": it moves the Temporal server version
// everywhere at once, with go.mod's go.temporal.io/server as the single source
// of truth that every other mention (Places) must agree with.
package bump

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/temporal-stack/stack/internal/toolbin"
	"github.com/temporal-stack/stack/tools/stack/internal/cli"
)

// ServerModule is the module whose version go.mod pins: the source of truth.
const ServerModule = "go.temporal.io/server"

// A Place is a file that mentions the Temporal version. Pattern's one capture
// group is the version, without the leading "v".
type Place struct {
	Path     string // slash-separated, relative to the repository root
	Pattern  *regexp.Regexp
	Optional bool // the file may be absent (not written yet); when present it must match
}

// version matches a release version: bump accepts nothing else.
const version = `(\d+\.\d+\.\d+)`

// Places lists every mention of the Temporal version besides go.mod. Add a
// line here when a file starts mentioning it; Check fails on a stale one.
var Places = []Place{
	{Path: "README.md", Pattern: regexp.MustCompile("`go\\.temporal\\.io/server` v" + version)},
	{Path: "e2e/server_cli_test.go", Pattern: regexp.MustCompile(`"temporal server ` + version + `"`)},
	{Path: "chart/Chart.yaml", Pattern: regexp.MustCompile(`(?m)^appVersion:[ \t]*["']?v?` + version)},
	// The subchart's server image tag (its values are static; stack install overrides the build part).
	{Path: "chart/values.yaml", Pattern: regexp.MustCompile(`(?m)^      tag: ` + version + `-stack\.local$`)},
	// The Bazel module's version (modern Bazel's front door).
	{Path: "MODULE.bazel", Pattern: regexp.MustCompile(`(?m)^    version = "` + version + `",$`)},
}

var releaseRE = regexp.MustCompile(`^v?` + version + `$`)

const usage = `usage: go run ./tools/stack bump VERSION

Moves Temporal Stack to go.temporal.io/server VERSION (e.g. 1.32.1 or v1.32.1):
go get + go mod tidy, then every other file that mentions the version (the
README, the chart's appVersion, tests). Nothing changes if VERSION is not a
release version or a file no longer matches.
`

// Run parses the arguments of "bump" and bumps the repository it runs in.
func Run(_ context.Context, args []string, stdout, _ io.Writer) error {
	fs := cli.NewFlagSet("bump", usage)
	if err := fs.Parse(args, 1); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fs.Errorf("want one argument, the Temporal server version")
	}
	root, err := toolbin.Root()
	if err != nil {
		return err
	}
	return Bump(root, fs.Arg(0), GoGet, stdout)
}

// GoGet moves go.mod to go.temporal.io/server@vVERSION and tidies it.
func GoGet(root, ver string) error {
	for _, args := range [][]string{{"get", ServerModule + "@v" + ver}, {"mod", "tidy"}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, out)
		}
	}
	return nil
}

// Bump sets the Temporal version to ver ("1.32.1" or "v1.32.1"): goGet moves
// go.mod (GoGet, or a stand-in in tests), then every Place is rewritten. A
// version that is not MAJOR.MINOR.PATCH, or a required place that no longer
// matches, fails before anything changes.
func Bump(root, ver string, goGet func(root, ver string) error, out io.Writer) error {
	m := releaseRE.FindStringSubmatch(strings.TrimSpace(ver))
	if m == nil {
		return fmt.Errorf("%q is not a Temporal release version: want MAJOR.MINOR.PATCH, e.g. 1.32.1 or v1.32.1 (nothing changed)", ver)
	}
	ver = m[1]
	old, _, err := Current(root)
	if err != nil {
		return err
	}

	// Compute every rewrite first, so a broken place stops us before go get.
	type rewrite struct {
		path    string
		data    []byte
		changes []string // "LINE: OLD"
	}
	var rewrites []rewrite
	for _, p := range Places {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p.Path)))
		if errors.Is(err, os.ErrNotExist) && p.Optional {
			fmt.Fprintf(out, "%s: absent (optional), skipped\n", p.Path)
			continue
		}
		if err != nil {
			return fmt.Errorf("%w (nothing changed)", err)
		}
		locs := p.Pattern.FindAllSubmatchIndex(data, -1)
		if len(locs) == 0 {
			return fmt.Errorf("%s: no mention of the Temporal version matches %s; fix the file or bump.Places (nothing changed)", p.Path, p.Pattern)
		}
		var b []byte
		last := 0
		var changes []string
		for _, l := range locs {
			b = append(append(b, data[last:l[2]]...), ver...)
			last = l[3]
			changes = append(changes, fmt.Sprintf("%d: %s", lineOf(data, l[2]), data[l[2]:l[3]]))
		}
		b = append(b, data[last:]...)
		rewrites = append(rewrites, rewrite{p.Path, b, changes})
	}

	if err := goGet(root, ver); err != nil {
		return fmt.Errorf("moving go.mod to %s v%s: %w (no other file changed)", ServerModule, ver, err)
	}
	got, _, err := Current(root)
	if err != nil {
		return err
	}
	if got != ver {
		return fmt.Errorf("after go get, go.mod has %s v%s, not v%s (no other file changed)", ServerModule, got, ver)
	}
	fmt.Fprintf(out, "go.mod: %s v%s -> v%s\n", ServerModule, old, ver)
	for _, r := range rewrites {
		path := filepath.Join(root, filepath.FromSlash(r.path))
		fi, err := os.Stat(path)
		if err != nil {
			return err
		}
		if err := os.WriteFile(path, r.data, fi.Mode().Perm()); err != nil {
			return err
		}
		for _, c := range r.changes {
			fmt.Fprintf(out, "%s:%s -> %s\n", r.path, c, ver)
		}
	}
	return Check(root)
}

// Current returns go.mod's version of go.temporal.io/server, without the
// "v", and the go.mod line that pins it.
func Current(root string) (ver string, line int, err error) {
	path := filepath.Join(root, "go.mod")
	data, err := os.ReadFile(path)
	if err != nil {
		return "", 0, err
	}
	f, err := modfile.ParseLax(path, data, nil)
	if err != nil {
		return "", 0, err
	}
	for _, r := range f.Require {
		if r.Mod.Path != ServerModule {
			continue
		}
		m := releaseRE.FindStringSubmatch(r.Mod.Version)
		if m == nil {
			return "", 0, fmt.Errorf("go.mod:%d: %s %s is not a release version", r.Syntax.Start.Line, ServerModule, r.Mod.Version)
		}
		return m[1], r.Syntax.Start.Line, nil
	}
	return "", 0, fmt.Errorf("go.mod does not require %s", ServerModule)
}

// Check reports every place whose Temporal version disagrees with go.mod, as
// file:line, and every required place that is missing or no longer matches.
func Check(root string) error {
	want, _, err := Current(root)
	if err != nil {
		return err
	}
	var problems []string
	for _, p := range Places {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p.Path)))
		if errors.Is(err, os.ErrNotExist) && p.Optional {
			continue
		}
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		locs := p.Pattern.FindAllSubmatchIndex(data, -1)
		if len(locs) == 0 {
			problems = append(problems, fmt.Sprintf("%s: no mention of the Temporal version matches %s (reworded? update bump.Places)", p.Path, p.Pattern))
		}
		for _, l := range locs {
			if got := string(data[l[2]:l[3]]); got != want {
				problems = append(problems, fmt.Sprintf("%s:%d: Temporal version %s, go.mod has %s", p.Path, lineOf(data, l[2]), got, want))
			}
		}
	}
	if len(problems) == 0 {
		return nil
	}
	sort.Strings(problems)
	return fmt.Errorf("the Temporal version disagrees with go.mod's %s v%s (the source of truth; run go run ./tools/stack bump %s to realign):\n  %s",
		ServerModule, want, want, strings.Join(problems, "\n  "))
}

func lineOf(data []byte, off int) int {
	return 1 + bytes.Count(data[:off], []byte("\n"))
}
