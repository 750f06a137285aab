package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
	authenticationv1 "k8s.io/api/authentication/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/temporal-stack/stack/dexlogin/workerauth"
	"github.com/temporal-stack/stack/internal/harness/kube"
	"github.com/temporal-stack/stack/internal/harness/serverproc"
)

// TestWorkloadIdentity: workers authenticate with their Kubernetes identity.
// A real kube-apiserver issues ServiceAccount tokens (TokenRequest API, as
// the kubelet does for a projected volume); the server finds the cluster's
// issuer and keys through the API server with its own ServiceAccount; a Go
// SDK worker reads its token from a file with workerauth.TokenFile.
func TestWorkloadIdentity(t *testing.T) {
	endToEnd(t, "runs etcd, kube-apiserver and the server")
	cp := kube.Start(t)
	ctx := context.Background()
	for _, ns := range []string{"temporal", "workers"} {
		if _, err := cp.Client.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: ns}}, metav1.CreateOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	serverKubeconfig := cp.ServiceAccountKubeconfig("temporal", "temporal-server")
	token := func(cp *kube.ControlPlane, ns, name, audience string) string {
		t.Helper()
		sa := &corev1.ServiceAccount{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns}}
		if _, err := cp.Client.CoreV1().ServiceAccounts(ns).Create(ctx, sa, metav1.CreateOptions{}); err != nil && !strings.Contains(err.Error(), "already exists") {
			t.Fatal(err)
		}
		exp := int64(3600)
		tr, err := cp.Client.CoreV1().ServiceAccounts(ns).CreateToken(ctx, name, &authenticationv1.TokenRequest{
			Spec: authenticationv1.TokenRequestSpec{Audiences: []string{audience}, ExpirationSeconds: &exp}}, metav1.CreateOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return tr.Status.Token
	}

	dcFile := filepath.Join(t.TempDir(), "dynamic_config.yaml")
	if err := os.WriteFile(dcFile, []byte(`stack.auth.rolePolicy:
  - value:
      serviceAccounts:
        workers/orders: ["default:worker"]
        workers/starter: ["default:write"]
      default: ["default:admin"]   # people only: a ServiceAccount no rule names gets nothing
`), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serverproc.Start(t, serverproc.Options{DynamicConfigFile: dcFile, Args: []string{
		"--auth-kubernetes-audience", "temporal", "--kubeconfig", serverKubeconfig, "--namespace", "default"}})
	if !srv.LogContains("tokens accepted from issuer", `"issuer":"https://kubernetes.default.svc.cluster.local"`) {
		t.Fatalf("the server did not discover the cluster's ServiceAccount issuer:\n%s", srv.Logs())
	}

	dial := func(hp interface {
		GetHeaders(context.Context) (map[string]string, error)
	}) client.Client {
		t.Helper()
		c, err := client.Dial(client.Options{HostPort: srv.FrontendAddr, Namespace: "default", HeadersProvider: hp})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(c.Close)
		return c
	}
	tokenFile := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(tokenFile, []byte(token(cp, "workers", "orders", "temporal")), 0o600); err != nil {
		t.Fatal(err)
	}
	workerHP, err := workerauth.TokenFile(tokenFile)
	if err != nil {
		t.Fatal(err)
	}
	starter := dial(bearerHeader(token(cp, "workers", "starter", "temporal")))

	t.Run("a ServiceAccount token with audience temporal runs a Go SDK worker", func(t *testing.T) {
		w := worker.New(dial(workerHP), "k8s-orders", worker.Options{})
		w.RegisterWorkflowWithOptions(authWorkflow, workflow.RegisterOptions{Name: "Auth"})
		w.RegisterActivityWithOptions(greet, activity.RegisterOptions{Name: "Greet"})
		if err := w.Start(); err != nil {
			t.Fatal(err)
		}
		defer w.Stop()
		for i := range 2 {
			run, err := starter.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: fmt.Sprintf("k8s-%d", i), TaskQueue: "k8s-orders"}, "Auth", "k8s")
			if err != nil {
				t.Fatal(err)
			}
			tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
			var out string
			err = run.Get(tctx, &out)
			cancel()
			if err != nil || out != "hello k8s" {
				t.Fatalf("workflow %d: %q, %v", i, out, err)
			}
			// The kubelet rotates the projected token; the worker picks up the new one.
			if err := os.WriteFile(tokenFile, []byte(token(cp, "workers", "orders", "temporal")), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		it := starter.GetWorkflowHistory(ctx, "k8s-0", "", false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
		ev, err := it.Next()
		if err != nil {
			t.Fatal(err)
		}
		if p := ev.GetPrincipal(); p.GetType() != "serviceaccount" || p.GetName() != "system:serviceaccount:workers:starter" {
			t.Fatalf("the start event's principal: %v", p)
		}
	})

	t.Run("the worker role cannot start workflows", func(t *testing.T) {
		_, err := dial(workerHP).ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "k8s-x", TaskQueue: "k8s-orders"}, "Auth", "x")
		if !strings.Contains(denyReason(err), `role worker on namespace "default" cannot call StartWorkflowExecution`) {
			t.Fatalf("%v (reason %q)", err, denyReason(err))
		}
	})

	other := kube.Start(t) // another cluster: same issuer URL, its own signing key
	for name, tc := range map[string]struct{ token, reason string }{
		"a token for another audience is denied":     {token(cp, "workers", "orders", "vault"), "audience"},
		"a ServiceAccount no rule names is denied":   {token(cp, "workers", "intruder", "temporal"), "role none"},
		"another cluster's ServiceAccount is denied": {token(other, "default", "default", "temporal"), "unknown signing key"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := dial(bearerHeader(tc.token)).WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: "default"})
			if !isDenied(err) || !strings.Contains(denyReason(err), tc.reason) {
				t.Fatalf("%v (reason %q), want a denial saying %q", err, denyReason(err), tc.reason)
			}
		})
	}
}
