package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/temporal-stack/stack/internal/harness/serverproc"
)

func TestServerCLI(t *testing.T) {
	endToEnd(t, "builds the server binary")
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}

	t.Run("version names temporal and our build", func(t *testing.T) {
		out, code := runServer(t, nil, "--version")
		if code != 0 || !strings.Contains(out, "temporal server 1.32.1") || !strings.Contains(out, "temporal-stack-server local") {
			t.Fatalf("exit %d, output %q", code, out)
		}
	})

	t.Run("validate-dynamic-config", func(t *testing.T) {
		good := write("good.yaml", "limit.blobSize.error:\n  - value: 2048\nno.such.key:\n  - value: 1\n")
		bad := write("bad.yaml", "limit.blobSize.error: [ {value: ")
		out, code := runServer(t, nil, "validate-dynamic-config", good)
		if code != 0 || !strings.Contains(out, "warning:") {
			t.Fatalf("good file: exit %d, output %q (want 0 and the unknown-key warning)", code, out)
		}
		out, code = runServer(t, nil, "validate-dynamic-config", good, bad)
		if code != 1 || !strings.Contains(out, "bad.yaml\n  error:") || !strings.Contains(out, "1 errors") {
			t.Fatalf("bad file: exit %d, output %q", code, out)
		}
		// What the running server would refuse, validate refuses too: a null
		// role policy (mis-indented value), constraints on a Stack key, and
		// upstream values that do not convert to the key's type.
		for name, content := range map[string]string{
			"null-policy.yaml":    "stack.auth.rolePolicy:\n  - value:\n    users: {a@example.com: [\"default:read\"]}\n",
			"constrained.yaml":    "stack.auth.rolePolicy:\n  - value: {default: [\"default:read\"]}\n    constraints: {namespace: default}\n",
			"wrong-type.yaml":     "frontend.namespaceRPS:\n  - value: 10s\n",
			"wrong-bool.yaml":     "frontend.exposeAuthorizerErrors:\n  - value: \"nope\"\n",
			"bad-permission.yaml": "stack.auth.rolePolicy:\n  - value: {default: [\"default:read ops:write\"]}\n",
		} {
			out, code := runServer(t, nil, "validate-dynamic-config", write(name, content))
			if code != 1 || !strings.Contains(out, "error:") {
				t.Errorf("%s: exit %d, output %q (want 1 and the error)", name, code, out)
			}
		}
		if _, code = runServer(t, nil, "validate-dynamic-config"); code != 2 {
			t.Fatalf("no file: exit %d, want 2", code)
		}
	})

	t.Run("render-config expands templates and masks secrets", func(t *testing.T) {
		cfg := write("config.yaml", `# enable-template
persistence:
  defaultStore: db
  visibilityStore: db
  numHistoryShards: 1
  datastores:
    db:
      sql:
        pluginName: postgres12
        databaseName: temporal
        connectAddr: {{ env "DB_HOST" }}:5432
        connectProtocol: tcp
        user: temporal
        password: {{ env "DB_PASSWORD" | quote }}
`)
		out, code := runServer(t, []string{"DB_HOST=db.example", "DB_PASSWORD=hunter2", "TEMPORAL_SERVER_CONFIG_FILE_PATH=" + cfg}, "render-config")
		if code != 0 || !strings.Contains(out, "db.example:5432") || strings.Contains(out, "hunter2") {
			t.Fatalf("exit %d, output:\n%s", code, out)
		}
	})

	t.Run("auth is on unless explicitly turned off", func(t *testing.T) {
		cfg := write("noauth.yaml", "persistence:\n  defaultStore: db\n  visibilityStore: db\n  numHistoryShards: 1\n  datastores:\n    db:\n      sql: {pluginName: sqlite, databaseName: x, connectAddr: localhost, connectProtocol: tcp, connectAttributes: {mode: memory}}\nservices:\n  frontend:\n    rpc: {grpcPort: 1, membershipPort: 2}\n")
		out, code := runServer(t, nil, "--config-file", cfg, "start", "--service", "frontend")
		if code != 1 || !strings.Contains(out, "auth is on by default and needs a token issuer") {
			t.Fatalf("exit %d, output %q", code, out)
		}
	})

	t.Run("usage errors exit 2 with help", func(t *testing.T) {
		for _, args := range [][]string{{"strat"}, {"start", "--service", "frontned"}, {"start", "extra"}, {"--no-such-flag"}} {
			out, code := runServer(t, nil, args...)
			if code != 2 || !strings.Contains(strings.ToLower(out), "usage") && !strings.Contains(out, "valid services") {
				t.Fatalf("%v: exit %d, output %q", args, code, out)
			}
		}
	})
}

// --namespace creates namespaces before the services start: they exist from
// the first moment the frontend serves (a worker started alongside the server
// never sees NamespaceNotFound), and a restart keeps them as they are; a
// retention below Temporal's minimum is refused.
func TestServerCreatesNamespacesAtStart(t *testing.T) {
	endToEnd(t, "runs the server")
	srv := serverproc.Start(t, serverproc.Options{Env: []string{"TEMPORAL_ALLOW_NO_AUTH=true"},
		Args: []string{"--namespace", "orders", "--namespace", "billing", "--namespace-retention", "48h"}})
	ctx := context.Background()
	describe := func(ns string) *workflowservice.DescribeNamespaceResponse {
		t.Helper()
		c, err := client.Dial(client.Options{HostPort: srv.FrontendAddr})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		r, err := c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: ns})
		if err != nil {
			t.Fatalf("namespace %s, as soon as the frontend serves: %v", ns, err)
		}
		return r
	}
	orders := describe("orders")
	if got := orders.GetConfig().GetWorkflowExecutionRetentionTtl().AsDuration(); got != 48*time.Hour {
		t.Fatalf("retention %s, want 48h", got)
	}
	describe("billing")
	srv.Proc.Stop(15 * time.Second)
	srv.Restart()
	if again := describe("orders"); again.GetNamespaceInfo().GetId() != orders.GetNamespaceInfo().GetId() {
		t.Fatalf("a restart replaced namespace orders: id %s, was %s", again.GetNamespaceInfo().GetId(), orders.GetNamespaceInfo().GetId())
	}

	out, code := runServer(t, []string{"TEMPORAL_ALLOW_NO_AUTH=true"}, "--config-file", srv.ConfigPath, "start", "--namespace", "orders", "--namespace-retention", "30m")
	if code != 1 || !strings.Contains(out, "want at least 1h0m0s") {
		t.Fatalf("a retention below an hour: exit %d, output %q", code, out)
	}
}

// TestEnsureNamespace: the chart's namespace Job runs our server image's
// ensure-namespace against the internal-frontend (auth on, no token needed
// there), idempotently.
func TestEnsureNamespace(t *testing.T) {
	endToEnd(t, "runs the server")
	// Auth on, with an issuer that never answers: only the internal-frontend can be used.
	srv := serverproc.Start(t, serverproc.Options{Args: []string{"--auth-issuer", "http://127.0.0.1:1/dex"}})
	out, code := runServer(t, nil, "ensure-namespace", "--address", srv.InternalFrontendAddr, "-n", "ops", "--retention", "48h")
	if code != 0 || !strings.Contains(out, `namespace "ops" registered`) {
		t.Fatalf("first run: exit %d, %s", code, out)
	}
	out, code = runServer(t, nil, "ensure-namespace", "--address", srv.InternalFrontendAddr, "-n", "ops", "--retention", "96h")
	if code != 0 || !strings.Contains(out, `namespace "ops" exists`) {
		t.Fatalf("second run: exit %d, %s", code, out)
	}
	conn, err := grpc.NewClient(srv.InternalFrontendAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	d, err := workflowservice.NewWorkflowServiceClient(conn).DescribeNamespace(context.Background(), &workflowservice.DescribeNamespaceRequest{Namespace: "ops"})
	if err != nil || d.GetConfig().GetWorkflowExecutionRetentionTtl().AsDuration() != 48*time.Hour {
		t.Fatalf("describe ops: %v %v", d.GetConfig(), err)
	}
	if _, code := runServer(t, nil, "ensure-namespace", "--address", srv.InternalFrontendAddr, "-n", "x", "--retention", "30m"); code != 2 {
		t.Fatalf("a retention under 1h: exit %d, want 2", code)
	}
	if out, code := runServer(t, nil, "ensure-namespace", "--address", "127.0.0.1:1", "-n", "x", "--wait", "2s"); code != 1 || !strings.Contains(out, "did not serve within 2s") {
		t.Fatalf("no frontend: exit %d, %s", code, out)
	}
}

// TestEnsureBucketsUsage: the chart's bucket Job command refuses what cannot
// work with a usage error, and gives up on an endpoint that never serves
// with the reason. (It creating buckets in a real MinIO is
// TestImagesRunOnNode's.)
func TestEnsureBucketsUsage(t *testing.T) {
	endToEnd(t, "runs the server binary")
	creds := []string{"AWS_ACCESS_KEY_ID=k", "AWS_SECRET_ACCESS_KEY=s"}
	for _, c := range []struct {
		name string
		env  []string
		args []string
		code int
		want string
	}{
		{"no credentials", []string{"AWS_ACCESS_KEY_ID=", "AWS_SECRET_ACCESS_KEY="}, []string{"--endpoint=http://127.0.0.1:1", "--bucket=a"}, 2, "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set"},
		{"endpoint without a scheme", creds, []string{"--endpoint=minio:9000", "--bucket=a"}, 2, `--endpoint "minio:9000": want an http:// or https:// URL`},
		{"no bucket", creds, []string{"--endpoint=http://127.0.0.1:1"}, 2, "usage: --bucket is required"},
		{"an endpoint that never serves", creds, []string{"--endpoint=http://127.0.0.1:1", "--bucket=a", "--wait=2s"}, 1, "create bucket a at http://127.0.0.1:1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, code := runServer(t, c.env, append([]string{"ensure-buckets"}, c.args...)...)
			if code != c.code || !strings.Contains(out, c.want) {
				t.Fatalf("exit %d, want %d with %q; output:\n%s", code, c.code, c.want, out)
			}
		})
	}
}
