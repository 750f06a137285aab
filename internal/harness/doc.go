// Package harness is the one place tests start real components: each
// sub-package builds (once, into the repository's gitignored .cache) and runs
// one of them on loopback, and cleans up after itself.
package harness
