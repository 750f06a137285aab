//go:build tools

package main

// The upstream UI image's own binary, which the node harness builds into an
// image honouring that image's env contract (config/docker.yaml).
import _ "github.com/temporalio/ui-server/v2/cmd/server"
