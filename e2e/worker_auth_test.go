package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/temporal-stack/stack/dexlogin/workerauth"
	"github.com/temporal-stack/stack/internal/harness/dex"
	"github.com/temporal-stack/stack/internal/harness/serverproc"
)

// TestWorkerTokenRenewal: a real SDK worker holding a service-account token
// (password grant through a confidential client, renewed by workerauth) keeps
// polling and completing tasks for well over the token lifetime.
func TestWorkerTokenRenewal(t *testing.T) {
	endToEnd(t, "runs Dex and the server")
	const lifetime = 15 * time.Second
	d := dex.Start(t, dex.Options{TokenLifetime: lifetime, Users: []dex.User{
		{Email: "admin@example.com", Password: "admin-pw"}, {Email: "worker-svc@example.com", Password: "svc-pw"}}})
	dcFile := filepath.Join(t.TempDir(), "dynamic_config.yaml")
	if err := os.WriteFile(dcFile, []byte(`stack.auth.rolePolicy:
  - value:
      users:
        admin@example.com: ["temporal-system:admin"]
        worker-svc@example.com: ["default:worker"]
`), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serverproc.Start(t, serverproc.Options{DynamicConfigFile: dcFile,
		Args: []string{"--auth-issuer", d.Issuer, "--auth-audience", dex.PublicClient + "," + dex.WorkerClient}})
	ctx := context.Background()
	dial := func(user, pw string) client.Client {
		t.Helper()
		hp, err := workerauth.PasswordGrant(ctx, workerauth.Config{Issuer: d.Issuer, ClientID: dex.WorkerClient,
			ClientSecret: d.ClientSecret, Username: user, Password: pw, RenewBefore: 3 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		c, err := client.Dial(client.Options{HostPort: srv.FrontendAddr, Namespace: "default", HeadersProvider: hp})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(c.Close)
		return c
	}
	if _, err := workerauth.PasswordGrant(ctx, workerauth.Config{Issuer: d.Issuer, ClientID: dex.WorkerClient,
		ClientSecret: "wrong", Username: "worker-svc@example.com", Password: "svc-pw"}); err == nil {
		t.Fatal("a wrong client secret was accepted")
	}
	admin := dial("admin@example.com", "admin-pw")
	if _, err := admin.WorkflowService().RegisterNamespace(ctx, &workflowservice.RegisterNamespaceRequest{
		Namespace: "default", WorkflowExecutionRetentionPeriod: durationpb.New(24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	w := worker.New(dial("worker-svc@example.com", "svc-pw"), "svc", worker.Options{})
	w.RegisterWorkflowWithOptions(authWorkflow, workflow.RegisterOptions{Name: "Auth"})
	w.RegisterActivityWithOptions(greet, activity.RegisterOptions{Name: "Greet"})
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	defer w.Stop()

	start := time.Now()
	for i := 0; time.Since(start) < 3*lifetime; i++ {
		run, err := admin.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: fmt.Sprintf("svc-%d", i), TaskQueue: "svc"}, "Auth", fmt.Sprint(i))
		if err != nil {
			t.Fatalf("start %d at %s: %v", i, time.Since(start), err)
		}
		wctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		var out string
		err = run.Get(wctx, &out)
		cancel()
		if err != nil || out != fmt.Sprintf("hello %d", i) {
			t.Fatalf("workflow %d at %s: %q, %v", i, time.Since(start).Round(time.Second), out, err)
		}
		time.Sleep(2 * time.Second)
	}
	if srv.LogContains(`"Audit."`, `"decision":"deny"`) {
		t.Fatal("a call was denied while the tokens renewed")
	}
	t.Logf("worker polled and completed tasks for %s with %s tokens", time.Since(start).Round(time.Second), lifetime)
}
