//go:build tools

// Package tools pins crane, whose "registry serve" is the local registry the
// image push test pushes to, kept apart from the root module like every tool.
package tools

import _ "github.com/google/go-containerregistry/cmd/crane"
