package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/temporal-stack/stack/internal/harness/node"
	"github.com/temporal-stack/stack/internal/harness/nodeimages"
	"github.com/temporal-stack/stack/internal/harness/subcharts"
	"github.com/temporal-stack/stack/internal/harness/toolbin"
)

// TestInstallOnNode: "stack install" of the chart, as a user has it after
// "helm dependency build", on the real node, every image imported and
// never pulled: our server image as the upstream chart's eight server pods,
// PostgreSQL ×3 (the stand-in) with our schema Jobs, Dex, MinIO with the
// bucket Job, the namespace Job, the poller and the Web UI, all Ready by
// their real probes. Monitoring and logging are off (their images are not
// built here; their objects pass TestChartServerSideDryRun). Then a workflow
// completes through the frontend's NodePort with a token from Dex's
// NodePort, and the Web UI signs a user in through Dex.
func TestInstallOnNode(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: runs a real Kubernetes node")
	}
	n := node.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Minute)
	defer cancel()
	importNodeImages(ctx, t, n)
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	vendored, err := subcharts.Vendor(filepath.Join(root, "chart"), filepath.Join(t.TempDir(), "chart"))
	if err != nil {
		t.Fatal(err)
	}
	stack, err := toolbin.Own("./tools/stack")
	if err != nil {
		t.Fatal(err)
	}
	issuer := fmt.Sprintf("http://%s:30556/dex", n.IP)
	install := exec.CommandContext(ctx, stack, "install", "--kubeconfig", n.Kubeconfig, "--chart", vendored, "--skip-images", "--timeout", "10m",
		"--set", "dex.issuer="+issuer,
		"--set", "images.postgres.repository="+strings.Split(nodeimages.PostgresStandIn, ":")[0], "--set", "images.postgres.tag=bookworm",
		"--set", "temporal.admintools.image.repository="+strings.Split(nodeimages.AdminToolsStandIn, ":")[0], "--set", "temporal.admintools.image.tag=bookworm",
		"--set", "kube-prometheus-stack.enabled=false", "--set", "loki.enabled=false", "--set", "alloy.enabled=false")
	install.Dir = root
	start := time.Now()
	out, err := install.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Temporal Stack is ready.") {
		t.Fatalf("stack install: %v\n%s\n%s", err, lastLines(string(out), 40), podReport(ctx, n, "temporal"))
	}
	t.Logf("stack install on the node: ready in %s", time.Since(start).Round(time.Second))
	pods, err := n.Client.CoreV1().Pods("temporal").List(ctx, metav1.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ready, done := 0, 0
	for i := range pods.Items {
		switch p := &pods.Items[i]; {
		case podReady(p):
			ready++
		case p.Status.Phase == corev1.PodSucceeded:
			done++
		case p.Status.Phase == corev1.PodFailed && len(p.OwnerReferences) > 0 && p.OwnerReferences[0].Kind == "Job":
			// an earlier attempt of a Job that install saw complete
		default:
			t.Errorf("pod %s is %s and not Ready", p.Name, p.Status.Phase)
		}
	}
	t.Logf("%d pods Ready, %d Job pods Succeeded", ready, done)

	sec, err := n.Client.CoreV1().Secrets("temporal").Get(ctx, "temporal-stack-dex", metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	password := string(sec.Data["admin-password"])

	t.Run("a workflow completes through the frontend's NodePort with a token from Dex", func(t *testing.T) {
		runGreeting(t, "127.0.0.1:30733", dexLogin(t, issuer, "admin@example.com", password), "installed-on-node")
	})

	t.Run("dual visibility: the workflow's row is in both visibility databases", func(t *testing.T) {
		pgPassword, err := n.Client.CoreV1().Secrets("temporal").Get(ctx, "temporal-stack-postgres", metav1.GetOptions{})
		if err != nil {
			t.Fatal(err)
		}
		query := "select count(*) from executions_visibility where workflow_id = 'installed-on-node' and status = 2" // 2: completed
		for i, store := range []struct{ host, db string }{
			{"temporal-stack-postgres-visibility", "temporal_visibility"},
			{"temporal-stack-postgres-secondary-visibility", "temporal_visibility_secondary"},
		} {
			// Visibility is written asynchronously: a few tries.
			for try := 1; ; try++ {
				got := psqlOnNode(ctx, t, n, "temporal", fmt.Sprintf("visibility-%d-%d", i, try), store.host, store.db, string(pgPassword.Data["password"]), query)
				if got == "1" {
					break
				}
				if try == 5 {
					t.Fatalf("%s holds %s completed rows of the workflow, want 1", store.db, got)
				}
				time.Sleep(3 * time.Second)
			}
		}
	})

	t.Run("a token-less call through the NodePort is denied", func(t *testing.T) {
		if err := describeAs("127.0.0.1:30733", ""); !isDenied(err) {
			t.Fatalf("DescribeNamespace without a token: %v", err)
		}
	})

	t.Run("the NetworkPolicy keeps other pods from the internal-frontend", func(t *testing.T) {
		// The chart's poller reaches it (it is Ready only after a successful round); a pod
		// that is none of ours, running the same poller, cannot.
		one, zero := int32(1), int32(0)
		job := &batchv1.Job{ObjectMeta: metav1.ObjectMeta{Name: "outsider"}, Spec: batchv1.JobSpec{BackoffLimit: &zero, ActiveDeadlineSeconds: ptr(int64(120)),
			Parallelism: &one, Template: corev1.PodTemplateSpec{Spec: corev1.PodSpec{RestartPolicy: corev1.RestartPolicyNever,
				Containers: []corev1.Container{{Name: "poller", Image: "temporal-stack/poller:1.32.1-stack.local", ImagePullPolicy: corev1.PullNever,
					Args: []string{"--once", "--address", "temporal-stack-internal-frontend:7236"}}}}}}}
		if _, err := n.Client.BatchV1().Jobs("temporal").Create(ctx, job, metav1.CreateOptions{}); err != nil {
			t.Fatal(err)
		}
		for deadline := time.Now().Add(3 * time.Minute); ; time.Sleep(time.Second) {
			j, err := n.Client.BatchV1().Jobs("temporal").Get(ctx, "outsider", metav1.GetOptions{})
			if err == nil && j.Status.Failed > 0 {
				break
			}
			if err == nil && j.Status.Succeeded > 0 {
				t.Fatal("a pod outside the NetworkPolicy's allow list reached the internal-frontend")
			}
			if time.Now().After(deadline) {
				t.Fatalf("the outsider Job neither failed nor succeeded: %v\n%s", err, podReport(ctx, n, "temporal"))
			}
		}
		d, err := n.Client.AppsV1().Deployments("temporal").Get(ctx, "temporal-stack-poller", metav1.GetOptions{})
		if err != nil || d.Status.AvailableReplicas != 1 {
			t.Fatalf("the chart's poller is not available: %v %v", d.Status, err)
		}
	})

	t.Run("the Web UI signs a user in through Dex", func(t *testing.T) {
		ui := "http://localhost:30080"
		jar, _ := cookiejar.New(nil)
		hc := &http.Client{Jar: jar, Timeout: 30 * time.Second}
		resp, err := hc.Get(ui + "/auth/sso")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Request.URL.Path, "/auth/local") {
			t.Fatalf("the UI's sign-in did not reach Dex's login form: %s at %s", resp.Status, resp.Request.URL)
		}
		resp, err = hc.PostForm(resp.Request.URL.String(), url.Values{"login": {"admin@example.com"}, "password": {password}})
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		u, _ := url.Parse(ui)
		var user bool
		for _, c := range jar.Cookies(u) {
			if strings.HasPrefix(c.Name, "user") && c.Value != "" {
				user = true
			}
		}
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Request.URL.String(), ui) || !user {
			t.Fatalf("after Dex's login: %s at %s, user cookie %v\n%s", resp.Status, resp.Request.URL, user, lastLines(string(body), 5))
		}
	})

	t.Run("helm test passes", func(t *testing.T) {
		helm, err := toolbin.Path(toolbin.Helm)
		if err != nil {
			t.Fatal(err)
		}
		// Ours only: upstream's test pod runs the temporal CLI of the admin-tools image. Right
		// after an install a history host can still be taking its shards (DeepHealthCheck says
		// not serving): up to three rounds, 10 s apart, each logged.
		var out []byte
		for attempt := 1; ; attempt++ {
			out, err = exec.CommandContext(ctx, helm, "test", "temporal-stack", "--namespace", "temporal", "--kubeconfig", n.Kubeconfig,
				"--filter", "name=temporal-stack-test-history-health", "--timeout", "3m", "--logs").CombinedOutput()
			if err == nil && strings.Contains(string(out), "Phase:          Succeeded") {
				t.Logf("helm test passed on attempt %d", attempt)
				return
			}
			if attempt == 3 {
				t.Fatalf("helm test: %v\n%s", err, out)
			}
			t.Logf("helm test attempt %d: %v\n%s", attempt, err, lastLines(string(out), 8))
			time.Sleep(10 * time.Second)
		}
	})

	t.Run("stack teardown leaves nothing behind", func(t *testing.T) {
		out, err := exec.CommandContext(ctx, stack, "teardown", "--kubeconfig", n.Kubeconfig, "--keep-images").CombinedOutput()
		if err != nil || !strings.Contains(string(out), "teardown complete") {
			t.Fatalf("stack teardown: %v\n%s", err, out)
		}
		for deadline := time.Now().Add(2 * time.Minute); ; time.Sleep(time.Second) {
			_, err := n.Client.CoreV1().Namespaces().Get(ctx, "temporal", metav1.GetOptions{})
			pvs, perr := n.Client.CoreV1().PersistentVolumes().List(ctx, metav1.ListOptions{})
			if apierrors.IsNotFound(err) && perr == nil && len(pvs.Items) == 0 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("after teardown: namespace %v, %d volumes left", err, len(pvs.Items))
			}
		}
		vols, _ := filepath.Glob(filepath.Join(os.TempDir(), "node*", "volumes", "*"))
		if len(vols) > 0 {
			t.Errorf("provisioned directories left on the node: %v", vols)
		}
	})

}

func ptr[T any](v T) *T { return &v }
