package up

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"

	"github.com/temporal-stack/stack/internal/localconfig"
	"github.com/temporal-stack/stack/internal/s3bucket"
)

// Archival buckets (MinIO) and the S3 region Temporal's s3store requires.
const (
	historyBucket    = "temporal-history-archive"
	visibilityBucket = "temporal-visibility-archive"
	minioRegion      = "us-east-1"
	minioUser        = "stack-admin"
)

// minioPassword is set once the secrets are loaded; the server and the bucket
// setup read the same credentials.
var minioPassword string

func minioClientEnv() []string {
	return []string{"AWS_ACCESS_KEY_ID=" + minioUser, "AWS_SECRET_ACCESS_KEY=" + minioPassword,
		"AWS_REGION=" + minioRegion,
		// MinIO accepts the SDK's default CRC checksums, but only ask for them when required.
		"AWS_REQUEST_CHECKSUM_CALCULATION=when_required", "AWS_RESPONSE_CHECKSUM_VALIDATION=when_required"}
}

// archivalConfig is where the default namespace archives: files in the data
// dir, or the two MinIO buckets.
func archivalConfig(kind, dataDir string, minioPort int) (*localconfig.Archival, error) {
	switch kind {
	case "file":
		u := func(sub string) string {
			return (&url.URL{Scheme: "file", Path: filepath.Join(dataDir, "archival", sub)}).String()
		}
		return &localconfig.Archival{HistoryURI: u("history"), VisibilityURI: u("visibility")}, nil
	case "minio":
		return &localconfig.Archival{HistoryURI: "s3://" + historyBucket, VisibilityURI: "s3://" + visibilityBucket,
			S3Endpoint: fmt.Sprintf("http://127.0.0.1:%d", minioPort), S3Region: minioRegion}, nil
	case "off":
		return nil, nil
	}
	return nil, fmt.Errorf("--archival %q: want file, minio or off", kind)
}

// createBuckets makes the archival buckets (s3store writes into existing
// buckets only).
func createBuckets(ctx context.Context, endpoint string) error {
	return s3bucket.Ensure(ctx, s3bucket.Config{Endpoint: endpoint, Region: minioRegion, AccessKey: minioUser, SecretKey: minioPassword},
		historyBucket, visibilityBucket)
}
