package up

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"

	"github.com/temporal-stack/stack/internal/datadir"
	"github.com/temporal-stack/stack/internal/localconfig"
	"github.com/temporal-stack/stack/internal/s3bucket"
)

// Archival buckets (MinIO) and the S3 region Temporal's s3store requires.
const (
	historyBucket    = "temporal-history-archive"
	visibilityBucket = "temporal-visibility-archive"
	minioRegion      = "us-east-1"
)

// minioClientEnv is the environment of a server process that archives to
// MinIO: the S3 SDK's credentials (MinIO's root user) and region.
func minioClientEnv(password string) []string {
	return []string{"AWS_ACCESS_KEY_ID=" + datadir.MinIOUser, "AWS_SECRET_ACCESS_KEY=" + password,
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
func createBuckets(ctx context.Context, endpoint, password string) error {
	return s3bucket.Ensure(ctx, s3bucket.Config{Endpoint: endpoint, Region: minioRegion, AccessKey: datadir.MinIOUser, SecretKey: password},
		historyBucket, visibilityBucket)
}
