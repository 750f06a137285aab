// Command imagetool is "stack images" without the rest of the stack CLI:
// the tool Bazel's stack_image rule runs (imagetool images --binary ...), so
// a build compiles only the image builder for the execution platform.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/temporal-stack/stack/tools/stack/internal/cli"
	"github.com/temporal-stack/stack/tools/stack/internal/images"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, "stack", "The image builder of the stack CLI alone (Bazel's stack_image tool).\n",
		[]cli.Command{{Name: "images", Summary: "build OCI images from prebuilt binaries (--binary NAME=PATH)", Run: images.Run}}, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
