package e2e

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"go.temporal.io/api/workflowservice/v1"

	"github.com/temporal-stack/stack/internal/datadir"
	"github.com/temporal-stack/stack/internal/harness/postgres"
)

// TestStackUpPostgresMulti runs "up" in the chart's shape (eight server
// processes) on PostgreSQL with dual visibility and MinIO archival: a primary
// visibility outage is survived by flipping reads to the secondary live, and
// nothing is lost once the primary is back.
func TestStackUpPostgresMulti(t *testing.T) {
	endToEnd(t, "PostgreSQL, MinIO and eight server processes")
	db := postgres.Start(t)
	s := newLocalStack(t)
	pgURL := fmt.Sprintf("postgres://%s:%s@127.0.0.1:%d/", postgres.User, postgres.Password, db.Port)
	banner := s.upDetached("--topology", "multi", "--postgres", pgURL, "--archival", "minio", "--no-ui")
	ctx := context.Background()
	c := s.admin()
	defer c.Close()
	token := s.dexloginToken()
	wf1 := fmt.Sprintf("dual-1-%d", rand.IntN(1_000_000))

	t.Run("the banner and status show the chart's shape on PostgreSQL with MinIO", func(t *testing.T) {
		if !strings.Contains(banner, "(dual)") || !strings.Contains(banner, "s3://temporal-history-archive") || strings.Contains(banner, postgres.Password+"@") {
			t.Fatalf("banner:\n%s", banner)
		}
		out, code := s.run("status", "--data-dir", s.dataDir)
		for _, comp := range []string{"frontend-1", "frontend-2", "history-1", "history-2", "matching-1", "matching-2", "worker", "internal-frontend", "minio", "poller", "dex"} {
			if code != 0 || !strings.Contains(out, comp) {
				t.Fatalf("status: exit %d, want %s:\n%s", code, comp, out)
			}
		}
		eventually(t, time.Minute, "the poller sees both history hosts (via Prometheus)", func() error {
			v, err := promQuery(s.Prometheus, "stack_poller_history_hosts")
			if err == nil && v != "2" {
				err = fmt.Errorf("history hosts %s", v)
			}
			return err
		})
	})

	inStore := func(database, id string) func() error {
		return func() error {
			n, err := db.Query(database, fmt.Sprintf("select count(*) from executions_visibility where workflow_id = '%s' and status = 2", id))
			if err == nil && n != "1" {
				err = fmt.Errorf("%s: %s closed rows for %s", database, n, id)
			}
			return err
		}
	}
	list := func(id string) func() error {
		return func() error {
			ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			defer cancel()
			r, err := c.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{Namespace: "default", Query: fmt.Sprintf("WorkflowId = '%s'", id)})
			if err == nil && len(r.Executions) != 1 {
				err = fmt.Errorf("list %s: %d executions", id, len(r.Executions))
			}
			return err
		}
	}
	t.Run("a workflow's row is in both visibility databases", func(t *testing.T) {
		runGreeting(t, s.Frontend, token, wf1)
		eventually(t, 30*time.Second, "in the primary visibility store", inStore("temporal_visibility", wf1))
		eventually(t, 30*time.Second, "in the secondary visibility store", inStore("temporal_visibility_secondary", wf1))
		if err := list(wf1)(); err != nil {
			t.Fatal(err)
		}
	})

	dc := filepath.Join(s.dataDir, "dynamic_config.yaml")
	setRead := func(t *testing.T, from, to string) {
		t.Helper()
		b, err := os.ReadFile(dc)
		if err != nil {
			t.Fatal(err)
		}
		old := "system.enableReadFromSecondaryVisibility:\n  - value: " + from
		if !strings.Contains(string(b), old) {
			t.Fatalf("dynamic config lacks %q:\n%s", old, b)
		}
		if err := os.WriteFile(dc, []byte(strings.Replace(string(b), old, "system.enableReadFromSecondaryVisibility:\n  - value: "+to, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wf2 := fmt.Sprintf("dual-2-%d", rand.IntN(1_000_000))
	t.Run("a primary visibility outage is survived by reading from the secondary, switched live", func(t *testing.T) {
		// The primary visibility database goes away: listing fails.
		if _, err := db.Query("postgres", "alter database temporal_visibility with allow_connections false"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Query("postgres", "select pg_terminate_backend(pid) from pg_stat_activity where datname = 'temporal_visibility'"); err != nil {
			t.Fatal(err)
		}
		eventually(t, 30*time.Second, "listing fails while the primary is down", func() error {
			if list(wf1)() == nil {
				return fmt.Errorf("listing still works")
			}
			return nil
		})
		// Flip reads to the secondary, live.
		setRead(t, "false", "true")
		flipped := time.Now()
		eventually(t, 30*time.Second, "listing from the secondary", list(wf1))
		t.Logf("reads served by the secondary %s after the flip", time.Since(flipped).Round(time.Millisecond))
		// Work goes on during the outage.
		runGreeting(t, s.Frontend, token, wf2)
		eventually(t, 30*time.Second, "the outage's workflow listed from the secondary", list(wf2))

	})

	t.Run("nothing is lost once the primary is back", func(t *testing.T) {
		// The primary comes back, reads flip back: the outage's workflow is there.
		if _, err := db.Query("postgres", "alter database temporal_visibility with allow_connections true"); err != nil {
			t.Fatal(err)
		}
		setRead(t, "true", "false")
		eventually(t, 2*time.Minute, "the outage's workflow reached the primary", inStore("temporal_visibility", wf2))
		eventually(t, 30*time.Second, "listing from the primary again", list(wf2))
		if err := list(wf1)(); err != nil {
			t.Fatal(err)
		}

	})

	t.Run("archives to MinIO through Temporal's s3store", func(t *testing.T) {
		s3c := s3.New(s3.Options{Region: "us-east-1", BaseEndpoint: aws.String(fmt.Sprintf("http://127.0.0.1:%d", s.base+45)), UsePathStyle: true,
			Credentials: credentials.NewStaticCredentialsProvider(datadir.MinIOUser, s.secrets().MinIORootPassword, "")})
		for _, bucket := range []string{"temporal-history-archive", "temporal-visibility-archive"} {
			eventually(t, time.Minute, "archives in "+bucket, func() error {
				r, err := s3c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String(bucket)})
				if err != nil {
					return err
				}
				for _, o := range r.Contents {
					if strings.Contains(aws.ToString(o.Key), wf1) {
						return nil
					}
				}
				return fmt.Errorf("%d objects, none for %s", len(r.Contents), wf1)
			})
		}
	})
}
