// Package testcmd is "stack test": it prepares every real component the tests
// run (building pinned tools once, one at a time) and then runs go vet and
// every test, end-to-end ones included.
package testcmd

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
	"strings"
	"time"

	"github.com/temporal-stack/stack/internal/toolbin"
	"github.com/temporal-stack/stack/tools/stack/internal/bazelsetup"
	"github.com/temporal-stack/stack/tools/stack/internal/cli"
)

const usage = `usage: go run ./tools/stack test [flags]

Installs what the tests need (Debian packages, as root), builds every pinned
component once, then runs go vet, every Go test (end-to-end ones included), a
brief fuzz of the token path and the Bazel build and tests.

flags:
`

// runner runs the steps of "stack test" with the command's context and writers.
type runner struct {
	ctx            context.Context
	stdout, stderr io.Writer
}

// Run parses flags and runs the tests; output goes to stdout and stderr, and
// ctx's end (Ctrl-C) stops the running step.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlagSet("test", usage)
	short := fs.Bool("short", false, "unit tests only (skip end-to-end tests and their builds)")
	run := fs.String("run", "", "only tests matching this regexp (go test -run)")
	pkgs := fs.String("pkgs", "./...", "packages to test")
	if err := fs.Parse(args, 0); err != nil {
		return err
	}
	root, err := toolbin.Root()
	if err != nil {
		return err
	}
	if err := os.Chdir(root); err != nil {
		return err
	}
	r := &runner{ctx: ctx, stdout: stdout, stderr: stderr}
	start := time.Now()
	if !*short {
		if err := r.prepare(); err != nil {
			return err
		}
	}
	if err := r.step("go", "vet", "./..."); err != nil {
		return err
	}
	testArgs := []string{"test", "-count=1", "-timeout", "45m"}
	if *short {
		testArgs = append(testArgs, "-short")
	}
	if *run != "" {
		testArgs = append(testArgs, "-run", *run)
	}
	testArgs = append(testArgs, strings.Fields(*pkgs)...)
	if err := r.step("go", testArgs...); err != nil {
		return err
	}
	// A brief fuzz of the token path: random headers never error, panic or get a role.
	if err := r.step("go", "test", "-run", "^$", "-fuzz", "FuzzGetClaims", "-fuzztime", "20s", "./server/authn"); err != nil {
		return err
	}
	if !*short {
		if err := r.bazelPhase(root); err != nil {
			return err
		}
	}
	fmt.Fprintf(r.stdout, "stack test: all passed in %s\n", time.Since(start).Round(time.Second))
	return nil
}

// bazelPhase builds and tests the repository with Bazel 4.2.3 through
// tools/bazel (which lays out what it needs offline first): bazel build
// //..., bazel test //... (every unit test; the e2e target is tagged out),
// and one e2e test through the e2e config, to prove that wiring. It prints
// its own "N passed, N failed" line and stops the Bazel server afterwards.
func (r *runner) bazelPhase(root string) error {
	bazel := filepath.Join(root, "tools", "bazel")
	defer exec.Command(bazel, "shutdown").Run()
	// A cold build takes about 37 min on 2 cores; a hung Bazel must not hang CI.
	ctx, cancel := context.WithTimeout(r.ctx, 70*time.Minute)
	defer cancel()
	start := time.Now()
	if _, _, _, err := r.bazelTest(ctx, bazel, "build", "--keep_going", "//..."); err != nil {
		return err
	}
	fmt.Fprintf(r.stdout, "stack test: bazel build //... took %s\n", time.Since(start).Round(time.Second))
	passed, failed, _, err := r.bazelTest(ctx, bazel, "test", "--keep_going", "//...")
	if err == nil {
		// The e2e target under Bazel, on one quick behaviour (go test ran them all above).
		var p, f int
		var out string
		p, f, out, err = r.bazelTest(ctx, bazel, "test", "--config=e2e", "//e2e/...", "--test_arg=-test.run=^TestDexloginBadInput$",
			"--test_arg=-test.v", "--test_output=all", "--nocache_test_results")
		passed, failed = passed+p, failed+f
		if err == nil && !strings.Contains(out, "--- PASS: TestDexloginBadInput") {
			err = errors.New("bazel test --config=e2e ran no TestDexloginBadInput")
		}
	}
	fmt.Fprintf(r.stdout, "stack test: bazel: %d passed, %d failed (%s)\n", passed, failed, time.Since(start).Round(time.Second))
	if err == nil && (failed > 0 || passed == 0) {
		err = fmt.Errorf("bazel test: %d passed, %d failed", passed, failed)
	}
	return err
}

// bazelResult matches bazel test's per-target summary lines. Bazel may
// print another line into one ("(cached) PASSEDINFO: Build completed..."),
// so the status needs no word boundary after it.
var bazelResult = regexp.MustCompile(`(?m)^//\S+\s+(?:\(cached\) )?(PASSED|FAILED|TIMEOUT|FLAKY|NO STATUS)`)

// bazelTest runs bazel with args until ctx ends, echoing its output, and
// counts the test targets that passed and those that did not; output is
// what it printed.
func (r *runner) bazelTest(ctx context.Context, bazel string, args ...string) (passed, failed int, output string, err error) {
	fmt.Fprintf(r.stdout, "stack test: %s %s\n", bazel, strings.Join(args, " "))
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, bazel, args...)
	cmd.Stdout, cmd.Stderr = io.MultiWriter(r.stdout, &out), io.MultiWriter(r.stderr, &out)
	runErr := cmd.Run()
	passed, failed = countBazelResults(out.String())
	if runErr != nil && failed == 0 {
		return passed, failed, out.String(), fmt.Errorf("bazel %s: %w", args[0], runErr)
	}
	return passed, failed, out.String(), nil
}

// countBazelResults tallies bazel test's summary lines.
func countBazelResults(out string) (passed, failed int) {
	for _, m := range bazelResult.FindAllStringSubmatch(out, -1) {
		if m[1] == "PASSED" {
			passed++
		} else {
			failed++
		}
	}
	return passed, failed
}

// hostTools are the commands the end-to-end tests run from the host, with the
// Debian package of each (Debian 12 names).
var hostTools = []struct{ command, pkg string }{
	{"unshare", "util-linux"}, {"setpriv", "util-linux"}, {"mount", "mount"},
	{"promtool", "prometheus"}, {"prometheus", "prometheus"}, {"chromium", "chromium"},
	{"node", "nodejs"}, {"npm", "npm"}, {"gcc", "gcc"},
	{"dockerd", "docker.io"}, {"docker", "docker.io"}, // a private engine runs our images (e2e/docker_test.go)
	// The real node (internal/harness/node): containerd with CRI, runc, iptables, and ipset for its NetworkPolicy controller.
	{"containerd", "containerd"}, {"ctr", "containerd"}, {"runc", "runc"}, {"iptables", "iptables"}, {"ipset", "ipset"},
	// Bazel 4.2.3 (tools/bazel runs bazel-4; bazel-setup patches rules_go and gazelle with patch).
	{"bazel-4", "bazel-bootstrap"}, {"patch", "patch"},
}

// missingPackages lists the Debian packages of host tools that are not
// installed (each once, in hostTools order); lookPath and glob are the
// lookups (exec.LookPath and filepath.Glob, replaced in tests).
func missingPackages(lookPath func(string) (string, error), glob func(string) ([]string, error)) []string {
	var pkgs []string
	add := func(p string) {
		for _, q := range pkgs {
			if q == p {
				return
			}
		}
		pkgs = append(pkgs, p)
	}
	for _, t := range hostTools {
		if _, err := lookPath(t.command); err != nil {
			add(t.pkg)
		}
	}
	if m, _ := glob("/usr/lib/postgresql/*/bin/initdb"); len(m) == 0 {
		add("postgresql")
	}
	if m, _ := glob("/usr/lib/cni/bridge"); len(m) == 0 {
		add("containernetworking-plugins") // the node's pod network
	}
	// The Starlark libraries the WORKSPACE takes from Debian.
	for _, d := range [][2]string{{bazelsetup.DebianRulesJava, "bazel-rules-java"}, {bazelsetup.DebianSkylib, "bazel-skylib"}, {bazelsetup.DebianPlatforms, "bazel-platforms"}} {
		if m, _ := glob(d[0]); len(m) == 0 {
			add(d[1])
		}
	}
	return pkgs
}

// prepare installs the Debian packages the end-to-end tests need (as root
// with apt-get; otherwise it prints the one command) and builds the pinned
// components up front, so no test spends its timeout compiling.
func (r *runner) prepare() error {
	if os.Geteuid() != 0 {
		return errors.New("the end-to-end tests run the server as uid 1000 on a read-only root filesystem (unshare, mount, setpriv) and need root; run as root or use --short")
	}
	if pkgs := missingPackages(exec.LookPath, filepath.Glob); len(pkgs) > 0 {
		install := "apt-get install -y --no-install-recommends " + strings.Join(pkgs, " ")
		if _, err := exec.LookPath("apt-get"); err != nil {
			return fmt.Errorf("missing host packages; install them with: %s", install)
		}
		fmt.Fprintf(r.stdout, "stack test: installing the host packages the end-to-end tests need: %s\n", strings.Join(pkgs, " "))
		if err := r.step("apt-get", "update", "-qq"); err != nil {
			return err
		}
		cmd := exec.Command("apt-get", append([]string{"install", "-y", "-qq", "--no-install-recommends"}, pkgs...)...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		cmd.Stdout, cmd.Stderr = r.stdout, r.stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: %w", install, err)
		}
		if still := missingPackages(exec.LookPath, filepath.Glob); len(still) > 0 {
			return fmt.Errorf("still missing after apt-get: %s", strings.Join(still, " "))
		}
	}
	for _, t := range []toolbin.Tool{toolbin.Etcd, toolbin.KubeAPIServer, toolbin.KubeControllerManager, toolbin.KubeScheduler,
		toolbin.Kubelet, toolbin.KubeProxy, toolbin.KubeRouter, toolbin.CoreDNS, toolbin.Dex, toolbin.UIServer, toolbin.TemporalCLI, toolbin.UI, toolbin.MinIO, toolbin.Crane} {
		if _, err := toolbin.Path(t); err != nil {
			return err
		}
	}
	for _, pkg := range []string{"./server", "./poller", "./tools/stack", "go.temporal.io/server/cmd/tools/sql"} {
		if _, err := toolbin.Own(pkg); err != nil {
			return err
		}
	}
	// The browser test's driver (playwright-core, pinned in package-lock.json).
	npm := exec.Command("npm", "ci", "--no-audit", "--no-fund")
	npm.Dir = filepath.Join("e2e", "browser")
	if out, err := npm.CombinedOutput(); err != nil {
		return fmt.Errorf("npm ci in e2e/browser: %v\n%s", err, out)
	}
	return nil
}

func (r *runner) step(name string, args ...string) error {
	fmt.Fprintf(r.stdout, "stack test: %s %s\n", name, strings.Join(args, " "))
	// Not CommandContext: Ctrl-C reaches go test and its test binaries through
	// the terminal's process group, and they clean up (a kill would not).
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = r.stdout, r.stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", name, args[0], err)
	}
	return nil
}
