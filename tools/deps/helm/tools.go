//go:build tools

// Package helm pins the helm CLI, used by tests to lint the chart as users do.
package helm

import _ "helm.sh/helm/v3/cmd/helm"
