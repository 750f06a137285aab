//go:build tools

// Package tools pins MinIO (AGPLv3, run as its own binary for archival in the
// local stack), kept apart from the root module because its dependencies clash.
package tools

import _ "github.com/minio/minio"
