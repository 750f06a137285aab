package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"google.golang.org/protobuf/types/known/durationpb"
	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/yaml"

	"github.com/temporal-stack/stack/internal/harness/kube"
	"github.com/temporal-stack/stack/internal/harness/serverproc"
	"github.com/temporal-stack/stack/server/dynconfig"
)

const (
	kubeNS  = "temporal"
	cmName  = "temporal-dynamic-config"
	testNS  = "e2e"
	dataKey = "dynamic_config.yaml"
	// The error limit applies only above the warn limit, so both are set.
	blobLimit = "limit.blobSize.error:\n  - value: %d\n    constraints: {namespace: " + testNS + "}\n" +
		"limit.blobSize.warn:\n  - value: 1024\n    constraints: {namespace: " + testNS + "}\n"
)

// TestDynamicConfigFromConfigMap runs the server binary (all five services,
// SQLite, uid 1000, read-only root filesystem) against a real kube-apiserver
// and changes its behaviour through ConfigMap edits only.
func TestDynamicConfigFromConfigMap(t *testing.T) {
	endToEnd(t, "builds and runs kube-apiserver and the server")
	cp := kube.Start(t)
	ctx := context.Background()
	cms := cp.Client.CoreV1().ConfigMaps(kubeNS)
	if _, err := cp.Client.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: kubeNS}}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	setConfig := func(t *testing.T, content string) {
		t.Helper()
		cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: cmName, Namespace: kubeNS}, Data: map[string]string{dataKey: content}}
		if _, err := cms.Update(ctx, cm, metav1.UpdateOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	for name, limit := range map[string]int{cmName: 2048, "unrelated": 99} {
		cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: kubeNS}, Data: map[string]string{dataKey: fmt.Sprintf(blobLimit, limit)}}
		if _, err := cms.Create(ctx, cm, metav1.CreateOptions{}); err != nil {
			t.Fatal(err)
		}
	}

	// The server acts as a ServiceAccount holding exactly the documented Role.
	var role rbacv1.Role
	if err := yaml.Unmarshal(dynconfig.RBAC, &role); err != nil {
		t.Fatal(err)
	}
	if _, err := cp.Client.RbacV1().Roles(kubeNS).Create(ctx, &role, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	binding := &rbacv1.RoleBinding{
		ObjectMeta: metav1.ObjectMeta{Name: role.Name},
		RoleRef:    rbacv1.RoleRef{APIGroup: "rbac.authorization.k8s.io", Kind: "Role", Name: role.Name},
		Subjects:   []rbacv1.Subject{{Kind: "ServiceAccount", Name: "temporal-server", Namespace: kubeNS}},
	}
	if _, err := cp.Client.RbacV1().RoleBindings(kubeNS).Create(ctx, binding, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	kubeconfig := cp.ServiceAccountKubeconfig(kubeNS, "temporal-server")

	srv := serverproc.Start(t, serverproc.Options{
		Args:         []string{"--dynamic-config-configmap", kubeNS + "/" + cmName, "--kubeconfig", kubeconfig},
		Env:          []string{"TEMPORAL_ALLOW_NO_AUTH=true", "TEMPORAL_LOG_LEVEL=info"},
		AsUID:        1000,
		ReadOnlyRoot: true,
	})
	c, err := client.Dial(client.Options{HostPort: srv.FrontendAddr, Namespace: testNS})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.WorkflowService().RegisterNamespace(ctx, &workflowservice.RegisterNamespaceRequest{
		Namespace: testNS, WorkflowExecutionRetentionPeriod: durationpb.New(24 * time.Hour),
	}); err != nil {
		t.Fatal(err)
	}
	limit := func(t *testing.T) int64 {
		t.Helper()
		resp, err := c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: testNS})
		if err != nil {
			t.Fatal(err)
		}
		return resp.NamespaceInfo.GetLimits().GetBlobSizeLimitError()
	}
	waitLimit := func(t *testing.T, want int64) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for limit(t) != want {
			if time.Now().After(deadline) {
				t.Fatalf("blob size limit still %d, want %d; server log tail:\n%s", limit(t), want, srv.Proc.Tail(20))
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	// waitMetric polls /metrics: the server's reporter flushes every second.
	waitMetric := func(t *testing.T, name string, ok func(float64) bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			v, err := srv.Metric(name, map[string]string{"source": "configmap"})
			if err == nil && ok(v) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s = %v (%v), not as expected", name, v, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	input := strings.Repeat("x", 4096)
	startWorkflow := func(id string) error {
		_, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: id, TaskQueue: "e2e-dynconfig"}, "Anything", input)
		return err
	}

	t.Run("an edit applies live", func(t *testing.T) {
		if got := limit(t); got != 2048 {
			t.Fatalf("limit at start-up = %d, want 2048 from the ConfigMap (not the unrelated one)", got)
		}
		err := startWorkflow("too-big")
		if err == nil || !strings.Contains(err.Error(), "exceeds") {
			t.Fatalf("a 4 KiB input under a 2 KiB limit: err = %v, want a size error", err)
		}
		setConfig(t, fmt.Sprintf(blobLimit, 1<<20))
		waitLimit(t, 1<<20)
		if err := startWorkflow("fits-now"); err != nil {
			t.Fatalf("after raising the limit: %v", err)
		}
	})

	t.Run("broken YAML keeps the last good config, with a Warning event", func(t *testing.T) {
		setConfig(t, "limit.blobSize.error: [ {value: ")
		deadline := time.Now().Add(20 * time.Second)
		for {
			evs, err := cp.Client.CoreV1().Events(kubeNS).List(ctx, metav1.ListOptions{FieldSelector: "involvedObject.name=" + cmName + ",reason=InvalidDynamicConfig"})
			if err != nil {
				t.Fatal(err)
			}
			if len(evs.Items) > 0 {
				if evs.Items[0].Type != corev1.EventTypeWarning || !strings.Contains(evs.Items[0].Message, "last good config stays in force") {
					t.Fatalf("event %+v", evs.Items[0])
				}
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("no InvalidDynamicConfig event on the ConfigMap")
			}
			time.Sleep(100 * time.Millisecond)
		}
		waitMetric(t, "stack_dynamic_config_invalid", func(v float64) bool { return v == 1 })
		if got := limit(t); got != 1<<20 {
			t.Fatalf("limit = %d after broken YAML, want the last good 1 MiB", got)
		}
		if !srv.LogContains("Rejected dynamic config", "@") {
			t.Fatal("the rejection is not logged with the resourceVersion")
		}
		setConfig(t, fmt.Sprintf(blobLimit, 3000))
		waitLimit(t, 3000)
		waitMetric(t, "stack_dynamic_config_invalid", func(v float64) bool { return v == 0 })
	})

	t.Run("the watch survives a kube-apiserver restart", func(t *testing.T) {
		cp.KillAPIServer()
		// Give the server's watch time to notice and start its backoff.
		time.Sleep(3 * time.Second)
		cp.StartAPIServer()
		setConfig(t, fmt.Sprintf(blobLimit, 5000))
		waitLimit(t, 5000)
		waitMetric(t, "stack_dynamic_config_watch_restarts_total", func(v float64) bool { return v >= 1 })
		waitMetric(t, "stack_dynamic_config_generation", func(v float64) bool { return v == 4 })
	})
}
