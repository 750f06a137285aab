// Command server is the Temporal Stack server: upstream Temporal with a live
// Kubernetes-ConfigMap dynamic-config source, built as a drop-in for the
// temporalio/server image.
package main

import (
	"os"

	"github.com/temporal-stack/stack/server/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args)) }
