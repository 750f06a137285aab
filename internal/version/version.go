// Package version reports the Temporal Stack build and the Temporal server version it embeds.
package version

import (
	"fmt"
	"runtime"

	"go.temporal.io/server/common/headers"
)

// Build is the Temporal Stack build identifier, set at link time with
// -ldflags "-X github.com/temporal-stack/stack/internal/version.Build=...".
var Build = "dev"

// Temporal returns the version of go.temporal.io/server compiled into this binary.
func Temporal() string { return headers.ServerVersion }

// String is the one-line version shown by every binary's --version.
func String(program string) string {
	return fmt.Sprintf("%s %s (temporal server %s, %s, %s/%s)",
		program, Build, Temporal(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
