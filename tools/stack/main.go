// Command stack runs Temporal Stack: the local stack (up, status, down) and
// every test (test).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/temporal-stack/stack/internal/toolbin"
	"github.com/temporal-stack/stack/tools/stack/internal/bazelsetup"
	"github.com/temporal-stack/stack/tools/stack/internal/bump"
	"github.com/temporal-stack/stack/tools/stack/internal/images"
	"github.com/temporal-stack/stack/tools/stack/internal/install"
	"github.com/temporal-stack/stack/tools/stack/internal/testcmd"
	"github.com/temporal-stack/stack/tools/stack/internal/up"
)

const usage = `usage: go run ./tools/stack <command> [flags]

commands:
  up        run the Temporal Stack locally (no Kubernetes, no Docker); Ctrl-C stops it, --detach backgrounds it
  status    health of each component of a running local stack
  down      stop a local stack started with up --detach
  test      install what the tests need, then run every test (go vet + go test)
  images    build the server, poller and dexlogin OCI images (reproducible; --push REGISTRY)
  install   install or upgrade the Temporal Stack chart on your Kubernetes cluster and wait until it is ready
  teardown  remove what install created (release, kept ConfigMap, volumes, namespace, images)
  bump      move to another Temporal server version everywhere (go.mod, docs, chart)
  bazel-setup  prepare what Bazel 4.2.3 needs offline (.bazel-deps, .bazelrc.local); tools/bazel runs it

Run "go run ./tools/stack <command> -h" for a command's flags.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "up":
		err = up.Run(args)
	case "status", "down":
		err = dataDirCommand(cmd, args)
	case "install":
		err = install.RunInstall(args)
	case "teardown":
		err = install.RunTeardown(args)
	case "test":
		err = testcmd.Run(args)
	case "images":
		err = images.Run(args)
	case "bump":
		err = bump.Run(args)
	case "bazel-setup":
		err = bazelSetup(args)
	case "-h", "--help", "help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprintf(os.Stderr, "stack: unknown command %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "stack:", err)
		os.Exit(1)
	}
}

// dataDirCommand runs status or down, which only take --data-dir.
func dataDirCommand(cmd string, args []string) error {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	root, _ := toolbin.Root()
	dataDir := fs.String("data-dir", filepath.Join(root, ".stack"), "the data dir the stack was started with")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		os.Exit(2)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "%s takes no arguments, got %q\n", cmd, fs.Args())
		fs.Usage()
		os.Exit(2)
	}
	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		return err
	}
	if cmd == "status" {
		return up.Status(dir, os.Stdout)
	}
	return up.Down(dir, os.Stdout)
}

// bazelSetup prepares .bazel-deps and .bazelrc.local (no flags).
func bazelSetup(args []string) error {
	fs := flag.NewFlagSet("bazel-setup", flag.ContinueOnError)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		os.Exit(2)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "bazel-setup takes no arguments (got %q)\n", fs.Args())
		os.Exit(2)
	}
	root, err := toolbin.Root()
	if err != nil {
		return err
	}
	_, err = bazelsetup.Prepare(context.Background(), root, os.Stderr)
	return err
}
