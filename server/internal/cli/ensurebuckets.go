package cli

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	urfave "github.com/urfave/cli/v2"

	"github.com/temporal-stack/stack/internal/s3bucket"
)

// ensureBucketsCommand creates the archival buckets on an S3 endpoint
// unless they exist: the chart's bucket Job runs our server image with it
// instead of the MinIO image's shell and mc.
func ensureBucketsCommand() *urfave.Command {
	return &urfave.Command{
		Name:      "ensure-buckets",
		Usage:     "Wait for an S3 endpoint, then create each bucket unless it exists (idempotent; the chart's MinIO bucket Job)",
		ArgsUsage: " ",
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "endpoint", Usage: "S3 endpoint URL, path-style (e.g. http://minio:9000)"},
			&urfave.StringSliceFlag{Name: "bucket", Usage: "bucket to create (repeatable)"},
			&urfave.StringFlag{Name: "region", Value: "us-east-1", Usage: "S3 region"},
			&urfave.DurationFlag{Name: "wait", Value: 5 * time.Minute, Usage: "how long to retry while the endpoint is not ready"},
		},
		Description: "Credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, as for the server's s3store archiver.",
		Before:      required("endpoint", "bucket"),
		Action: func(c *urfave.Context) error {
			if c.NArg() > 0 {
				return urfave.Exit(fmt.Sprintf("ensure-buckets takes no arguments, got %q", c.Args().Slice()), 2)
			}
			endpoint := c.String("endpoint")
			if !strings.HasPrefix(endpoint, "http://") && !strings.HasPrefix(endpoint, "https://") {
				return urfave.Exit(fmt.Sprintf("--endpoint %q: want an http:// or https:// URL", endpoint), 2)
			}
			key, secret := os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY")
			if key == "" || secret == "" {
				return urfave.Exit("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set", 2)
			}
			ctx, cancel := context.WithTimeout(c.Context, c.Duration("wait"))
			defer cancel()
			buckets := c.StringSlice("bucket")
			if err := s3bucket.Ensure(ctx, s3bucket.Config{Endpoint: endpoint, Region: c.String("region"), AccessKey: key, SecretKey: secret},
				buckets...); err != nil {
				return urfave.Exit(err.Error(), 1)
			}
			fmt.Fprintf(c.App.Writer, "buckets %s exist at %s\n", strings.Join(buckets, ", "), endpoint)
			return nil
		},
	}
}
