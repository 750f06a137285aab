//go:build tools

package postgres

// Keeps Temporal's schema tool (built by CreateTemporalDatabase) in go.mod.
import _ "go.temporal.io/server/cmd/tools/sql"
