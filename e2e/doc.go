// Package e2e holds end-to-end tests that run the real server and the real
// components around it (Kubernetes API server, ...) through the harness.
package e2e
