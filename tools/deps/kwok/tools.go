//go:build tools

// Package kwok pins kwok, which simulates nodes and pods for the control-plane
// tests (a real scheduler and controllers, no container runtime).
package kwok

import _ "sigs.k8s.io/kwok/cmd/kwok"
