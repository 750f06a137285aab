//go:build tools

// Package kuberouter pins kube-router, whose network policy controller (run
// alone: no routing, no service proxy) enforces NetworkPolicy on the real
// test node.
package kuberouter

import _ "github.com/cloudnativelabs/kube-router/v2/cmd/kube-router"
