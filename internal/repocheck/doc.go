// Package repocheck holds checks of the checkout itself, run by go test: the
// docs that name every test (TESTING.md) and every error message the tools
// print (TROUBLESHOOTING.md), and the test harness's import boundary.
package repocheck
