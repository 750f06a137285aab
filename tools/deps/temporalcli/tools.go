//go:build tools

// Package temporalcli pins the temporal CLI built for tests.
package temporalcli

import _ "github.com/temporalio/cli/cmd/temporal"
