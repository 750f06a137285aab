package e2e

import "testing"

// endToEnd skips tb under -short (stack test --short, bazel test //...):
// what it needs is built and run by the whole suite only.
func endToEnd(tb testing.TB, needs string) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("end-to-end: " + needs)
	}
}
