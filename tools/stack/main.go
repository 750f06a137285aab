// Command stack runs Temporal Stack: the local stack (up, status, down), the
// Kubernetes install (install, teardown), images, every test (test) and
// version bumps.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/temporal-stack/stack/tools/stack/internal/bazelsetup"
	"github.com/temporal-stack/stack/tools/stack/internal/bump"
	"github.com/temporal-stack/stack/tools/stack/internal/cli"
	"github.com/temporal-stack/stack/tools/stack/internal/doctor"
	"github.com/temporal-stack/stack/tools/stack/internal/images"
	"github.com/temporal-stack/stack/tools/stack/internal/install"
	"github.com/temporal-stack/stack/tools/stack/internal/temporalcmd"
	"github.com/temporal-stack/stack/tools/stack/internal/testcmd"
	"github.com/temporal-stack/stack/tools/stack/internal/up"
)

var commands = []cli.Command{
	{Name: "up", Summary: "run the Temporal Stack locally (no Kubernetes, no Docker); Ctrl-C stops it, --detach backgrounds it", Run: up.Run},
	{Name: "status", Summary: "health of each component of a running local stack", Run: up.RunStatus},
	{Name: "down", Summary: "stop a local stack started with up --detach", Run: up.RunDown},
	{Name: "doctor", Summary: "check a running local stack (or --cluster: an install) for known failure causes and print the fixes", Run: doctor.Run},
	{Name: "temporal", Summary: "run the temporal CLI this repository pins (built once); all arguments are its own", Run: temporalcmd.Run},
	{Name: "test", Summary: "install what the tests need, then run every test (go vet + go test)", Run: testcmd.Run},
	{Name: "images", Summary: "build the server, poller and dexlogin OCI images (reproducible; --push REGISTRY)", Run: images.Run},
	{Name: "install", Summary: "install or upgrade the Temporal Stack chart on your Kubernetes cluster and wait until it is ready", Run: install.RunInstall},
	{Name: "teardown", Summary: "remove what install created (release, kept ConfigMap, volumes, namespace, images)", Run: install.RunTeardown},
	{Name: "bump", Summary: "move to another Temporal server version everywhere (go.mod, docs, chart)", Run: bump.Run},
	{Name: "bazel-setup", Summary: "prepare what Bazel 4.2.3 needs offline (.bazel-deps, .bazelrc.local); tools/bazel runs it", Run: bazelsetup.Run},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, "stack", "Temporal Stack: a production-like Temporal cluster, locally and on Kubernetes.\n", commands, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
