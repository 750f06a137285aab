// Package s3bucket makes S3 buckets exist (Temporal's s3store archiver
// writes only into existing ones), for the local stack's MinIO and the
// chart's bucket Job.
package s3bucket

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// Config says where the buckets live.
type Config struct {
	Endpoint  string // e.g. "http://minio:9000"; path-style addressing is used
	Region    string // e.g. "us-east-1" (MinIO's default)
	AccessKey string
	SecretKey string
}

// Ensure creates each bucket unless the caller already owns it. It retries
// every second until ctx ends (the endpoint may still be starting), and
// then returns the last error.
func Ensure(ctx context.Context, c Config, buckets ...string) error {
	client := s3.New(s3.Options{Region: c.Region, BaseEndpoint: aws.String(c.Endpoint), UsePathStyle: true,
		Credentials: credentials.NewStaticCredentialsProvider(c.AccessKey, c.SecretKey, ""),
		// MinIO accepts the SDK's default CRC checksums; ask for them only when required.
		RequestChecksumCalculation: aws.RequestChecksumCalculationWhenRequired,
		ResponseChecksumValidation: aws.ResponseChecksumValidationWhenRequired})
	for _, b := range buckets {
		for {
			_, err := client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(b)})
			var owned *s3types.BucketAlreadyOwnedByYou
			if err == nil || errors.As(err, &owned) {
				break
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("create bucket %s at %s: %w", b, c.Endpoint, err)
			case <-time.After(time.Second):
			}
		}
	}
	return nil
}
