//go:build tools

// Package dex pins the Dex OIDC provider built for tests and the local stack.
package dex

import _ "github.com/dexidp/dex/cmd/dex"
