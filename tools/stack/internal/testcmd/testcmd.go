// Package testcmd is "stack test": it prepares every real component the tests
// run (building pinned tools once, one at a time) and then runs go vet and
// every test, end-to-end ones included.
package testcmd

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/temporal-stack/stack/internal/harness/toolbin"
)

// Run parses flags and runs the tests.
func Run(args []string) error {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	short := fs.Bool("short", false, "unit tests only (skip end-to-end tests and their builds)")
	run := fs.String("run", "", "only tests matching this regexp (go test -run)")
	pkgs := fs.String("pkgs", "./...", "packages to test")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		os.Exit(2)
	}
	root, err := toolbin.Root()
	if err != nil {
		return err
	}
	if err := os.Chdir(root); err != nil {
		return err
	}
	start := time.Now()
	if !*short {
		if err := prepare(); err != nil {
			return err
		}
	}
	if err := step("go", "vet", "./..."); err != nil {
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
	if err := step("go", testArgs...); err != nil {
		return err
	}
	// A brief fuzz of the token path: random headers never error, panic or get a role.
	if err := step("go", "test", "-run", "^$", "-fuzz", "FuzzGetClaims", "-fuzztime", "20s", "./server/authn"); err != nil {
		return err
	}
	fmt.Printf("stack test: all passed in %s\n", time.Since(start).Round(time.Second))
	return nil
}

// prepare checks the host tools the end-to-end tests use and builds the pinned
// components up front, so no test spends its timeout compiling.
func prepare() error {
	if os.Geteuid() != 0 {
		return errors.New("the end-to-end tests run the server as uid 1000 on a read-only root filesystem (unshare, mount, setpriv) and need root; run as root or use --short")
	}
	for tool, pkg := range map[string]string{"unshare": "util-linux", "setpriv": "util-linux", "mount": "mount",
		"promtool": "prometheus", "prometheus": "prometheus", "chromium": "chromium", "node": "nodejs", "npm": "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s not found: apt-get install -y --no-install-recommends %s", tool, pkg)
		}
	}
	if m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb"); len(m) == 0 {
		return errors.New("PostgreSQL server not found: apt-get install -y --no-install-recommends postgresql")
	}
	if _, err := exec.LookPath("gcc"); err != nil {
		return errors.New("gcc not found: Dex builds with cgo (apt-get install -y gcc)")
	}
	for _, t := range []toolbin.Tool{toolbin.Etcd, toolbin.KubeAPIServer, toolbin.Dex, toolbin.TemporalCLI, toolbin.UI, toolbin.MinIO, toolbin.Crane} {
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

func step(name string, args ...string) error {
	fmt.Printf("stack test: %s %s\n", name, strings.Join(args, " "))
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", name, args[0], err)
	}
	return nil
}
