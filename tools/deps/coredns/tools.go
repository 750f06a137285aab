//go:build tools

// Package coredns pins CoreDNS, the cluster DNS of the real test node (built
// into an image by the node harness).
package coredns

import _ "github.com/coredns/coredns"
