package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"

	"github.com/temporal-stack/stack/dexlogin/workerauth"
	"github.com/temporal-stack/stack/internal/datadir"
)

// codecServer is a Temporal codec server over https (the Web UI sends the
// user's token to https endpoints only) that decodes nothing (payloads come
// back as they went) and records the Authorization header of each /decode
// call; it answers the browser's CORS preflight for origin.
type codecServer struct {
	*httptest.Server
	mu    sync.Mutex
	auths []string
}

func newCodecServer(t *testing.T, origin string) *codecServer {
	c := &codecServer{}
	c.Server = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Methods", "POST, OPTIONS")
		w.Header().Set("Access-Control-Allow-Headers", "Authorization, Authorization-Extras, Content-Type, X-Namespace")
		if r.Method == http.MethodOptions {
			return
		}
		if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/decode") {
			http.NotFound(w, r)
			return
		}
		c.mu.Lock()
		c.auths = append(c.auths, r.Header.Get("Authorization"))
		c.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		io.Copy(w, r.Body)
	}))
	t.Cleanup(c.Close)
	return c
}

func (c *codecServer) authorizations() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.auths...)
}

// TestStackUpStartDevFlags: the flags "temporal server start-dev" users rely
// on, with auth kept, on one in-memory stack.
func TestStackUpStartDevFlags(t *testing.T) {
	endToEnd(t, "builds and runs the local stack")
	s := newLocalStack(t)
	codec := newCodecServer(t, s.UI)
	p := s.upWith(s.portFlags("--ephemeral", "--namespace", "orders", "--namespace", "billing",
		"--search-attribute", "CustomerId=Keyword", "--search-attribute", "Amount=double",
		"--dynamic-config-value", "limit.blobSize.error=12345", "--dynamic-config-value", `history.archivalProcessorArchiveDelay="2s"`,
		"--ui-codec-endpoint", codec.URL, "--log-level", "warn", "--no-prometheus"))
	out, _ := os.ReadFile(p.LogPath)
	banner, _ := datadir.Banner(string(out))
	m := regexp.MustCompile(`(?m)^  Data and logs\s+(\S+)$`).FindStringSubmatch(banner)
	if m == nil {
		t.Fatalf("no data dir in the banner:\n%s", banner)
	}
	dir := datadir.Dir(m[1])
	sec, err := dir.ReadSecrets()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	hp, err := workerauth.PasswordGrant(ctx, workerauth.Config{Issuer: s.Issuer, ClientID: datadir.WorkerClient,
		ClientSecret: sec.WorkerClientSecret, Username: datadir.AdminEmail, Password: sec.AdminPassword})
	if err != nil {
		t.Fatal(err)
	}
	dial := func(ns string) client.Client {
		c, err := client.Dial(client.Options{HostPort: s.Frontend, Namespace: ns, HeadersProvider: hp})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(c.Close)
		return c
	}
	admin := dial("default")

	t.Run("creates every --namespace", func(t *testing.T) {
		for _, ns := range []string{"default", "orders", "billing"} {
			if _, err := admin.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: ns}); err != nil {
				t.Errorf("namespace %s: %v", ns, err)
			}
		}
		if !strings.Contains(banner, "Namespaces        default, orders, billing   (search attributes CustomerId (Keyword), Amount (Double))") {
			t.Errorf("the banner does not list them:\n%s", banner)
		}
	})

	t.Run("registers --search-attribute in every namespace", func(t *testing.T) {
		for _, ns := range []string{"default", "orders", "billing"} {
			r, err := admin.OperatorService().ListSearchAttributes(ctx, &operatorservice.ListSearchAttributesRequest{Namespace: ns})
			if err != nil {
				t.Fatal(err)
			}
			if got := r.CustomAttributes; got["CustomerId"] != enumspb.INDEXED_VALUE_TYPE_KEYWORD || got["Amount"] != enumspb.INDEXED_VALUE_TYPE_DOUBLE {
				t.Errorf("namespace %s: custom search attributes %v", ns, got)
			}
		}
		orders := dial("orders")
		id := fmt.Sprintf("order-%d", rand.IntN(1_000_000))
		run, err := orders.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: id, TaskQueue: "nobody-polls",
			TypedSearchAttributes: temporal.NewSearchAttributes(temporal.NewSearchAttributeKeyKeyword("CustomerId").ValueSet("c-42"))}, "Anything")
		if err != nil {
			t.Fatal(err)
		}
		defer orders.TerminateWorkflow(ctx, id, run.GetRunID(), "test done")
		eventually(t, 10*time.Second, "the workflow found by its search attribute", func() error {
			r, err := orders.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{Namespace: "orders", Query: `CustomerId = "c-42"`})
			if err != nil {
				return err
			}
			if len(r.Executions) != 1 || r.Executions[0].Execution.WorkflowId != id {
				return fmt.Errorf("found %v", r.Executions)
			}
			return nil
		})
	})

	t.Run("writes --dynamic-config-value into the live file", func(t *testing.T) {
		b, err := os.ReadFile(dir.DynamicConfig())
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"limit.blobSize.error:\n  - value: 12345\n", "history.archivalProcessorArchiveDelay:\n  - value: 2s\n", "stack.auth.rolePolicy:", "# Who may do what"} {
			if !strings.Contains(string(b), want) {
				t.Errorf("the live file lacks %q:\n%s", want, b)
			}
		}
		r, err := admin.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: "orders"})
		if err != nil || r.NamespaceInfo.GetLimits().GetBlobSizeLimitError() != 12345 {
			t.Fatalf("the server's blob size limit: %v %v", r.GetNamespaceInfo().GetLimits(), err)
		}
	})

	t.Run("the UI passes the user's access token to the codec server", func(t *testing.T) {
		resp, err := (&http.Client{Timeout: 10 * time.Second}).Get(s.UI + "/api/v1/settings")
		if err != nil {
			t.Fatal(err)
		}
		var settings struct {
			Codec struct {
				Endpoint        string
				PassAccessToken bool
			}
		}
		err = json.NewDecoder(resp.Body).Decode(&settings)
		resp.Body.Close()
		if err != nil || settings.Codec.Endpoint != codec.URL || !settings.Codec.PassAccessToken {
			t.Fatalf("UI settings: %+v %v", settings, err)
		}
		wfID := fmt.Sprintf("codec-%d", rand.IntN(1_000_000))
		runGreeting(t, s.Frontend, dexloginAt(t, s.Issuer, datadir.AdminEmail, sec.AdminPassword), wfID)
		browserLoginCodec(t, s.UI, datadir.AdminEmail, sec.AdminPassword, "default", wfID, codec.URL)
		auths := codec.authorizations()
		if len(auths) == 0 {
			t.Fatal("the codec server got no /decode call")
		}
		token, ok := strings.CutPrefix(auths[0], "Bearer ")
		if !ok {
			t.Fatalf("Authorization %q: want a bearer token", auths[0])
		}
		provider, err := oidc.NewProvider(ctx, s.Issuer)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := provider.Verifier(&oidc.Config{ClientID: datadir.UIClient}).Verify(ctx, token); err != nil {
			t.Fatalf("the codec server's token is not the UI user's Dex token: %v", err)
		}
	})

	t.Run("stack temporal runs the pinned temporal CLI", func(t *testing.T) {
		if _, err := exec.LookPath("temporal"); err != nil && !strings.Contains(banner, "go run ./tools/stack temporal --profile local workflow list") {
			t.Errorf("no temporal CLI on PATH, and the banner does not say how to run one:\n%s", banner)
		}
		token := dexloginAt(t, s.Issuer, datadir.AdminEmail, sec.AdminPassword)
		out, code := s.run("temporal", "workflow", "list", "--address", s.Frontend, "--tls=false", "--namespace", "orders", "--api-key", token, "--output", "json")
		if code != 0 || !strings.Contains(out, "order-") {
			t.Fatalf("stack temporal workflow list: exit %d\n%s", code, out)
		}
		if out, code := s.run("temporal", "workflow", "list", "--address", s.Frontend, "--tls=false", "--namespace", "orders"); code != 1 || !strings.Contains(out, "Request unauthorized") {
			t.Fatalf("without a token: exit %d\n%s", code, out)
		}
	})

	t.Run("logs at --log-level", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join(dir.Logs(), "server.log"))
		if err != nil {
			t.Fatal(err)
		}
		// At info the server always logs "Starting." (its first line).
		if strings.Contains(string(b), `"level":"info"`) || strings.Contains(string(b), `"msg":"Starting."`) {
			t.Fatalf("info lines at --log-level warn:\n%s", lastLines(string(b), 5))
		}
	})

	t.Run("--ephemeral keeps nothing", func(t *testing.T) {
		if _, err := os.Stat(filepath.Join(string(dir), "db")); !os.IsNotExist(err) {
			t.Fatalf("a database directory in an ephemeral stack: %v", err)
		}
		p.Stop(60 * time.Second)
		if _, err := os.Stat(string(dir)); !os.IsNotExist(err) {
			t.Fatalf("the data dir %s outlives the stack: %v", dir, err)
		}
	})
}
