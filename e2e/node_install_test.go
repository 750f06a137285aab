package e2e

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	enumspb "go.temporal.io/api/enums/v1"
	taskqueuepb "go.temporal.io/api/taskqueue/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/temporal-stack/stack/internal/harness/node"
	"github.com/temporal-stack/stack/internal/harness/nodeimages"
	"github.com/temporal-stack/stack/internal/subcharts"
	"github.com/temporal-stack/stack/internal/toolbin"
)

// TestInstallOnNode: "stack install" of the chart, as a user has it after
// "helm dependency build", on the real node, every image imported and
// never pulled: our server image as the upstream chart's eight server pods,
// PostgreSQL ×3 (the stand-in) with our schema Jobs, Dex, MinIO with the
// bucket Job, the namespace Job, the poller and the Web UI, all Ready by
// their real probes. Monitoring and logging are off (their images are not
// built here; their objects pass TestChartServerSideDryRun). Then, as named
// behaviours: dexlogin + the temporal CLI + an SDK worker through the
// NodePorts, the UI in headless Chromium, dual visibility, archival in
// MinIO, a token-less call denied, ConfigMap edits reaching all 8 server
// pods (p50/p99), the NetworkPolicy, a force-deleted history pod, both
// helm tests, and teardown.
func TestInstallOnNode(t *testing.T) {
	endToEnd(t, "runs a real Kubernetes node")
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
		"--set", "kube-prometheus-stack.enabled=false", "--set", "loki.enabled=false", "--set", "alloy.enabled=false",
		// Temporal archives a closed run after a random delay of up to 5 minutes (FullJitter of
		// history.archivalProcessorArchiveDelay); the archival check below should not wait that long.
		"--set", `dynamicConfig.history\.archivalProcessorArchiveDelay[0].value=1s`)
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

	const frontend = "127.0.0.1:30733"
	var token string
	t.Run("dexlogin, the temporal CLI and a Go SDK worker run a workflow with an activity", func(t *testing.T) {
		token = dexloginAt(t, issuer, "admin@example.com", password)
		stop := greetingWorker(t, frontend, token)
		defer stop()
		cli, err := toolbin.Path(toolbin.TemporalCLI)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.CommandContext(ctx, cli, "workflow", "execute", "--address", frontend, "--namespace", "default", "--tls=false",
			"--api-key", token, "--type", "Greeting", "--task-queue", "greetings", "--workflow-id", "installed-on-node", "--input", `"stack"`)
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "hello stack") {
			t.Fatalf("temporal workflow execute: %v\n%s", err, out)
		}
	})
	if token == "" {
		t.Fatal("no token from dexlogin: the rest needs one")
	}
	tc, err := client.Dial(client.Options{HostPort: frontend, Namespace: "default", HeadersProvider: bearerHeader(token)})
	if err != nil {
		t.Fatal(err)
	}
	defer tc.Close()

	t.Run("the Web UI in headless Chromium signs in through Dex and shows the workflow", func(t *testing.T) {
		shot := browserLogin(t, "http://localhost:30080", "admin@example.com", password, "default", "installed-on-node")
		t.Logf("UI screenshot: %s", shot)
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

	t.Run("archival: the closed run is in the MinIO pod's buckets", func(t *testing.T) {
		creds, err := n.Client.CoreV1().Secrets("temporal").Get(ctx, "temporal-stack-server-secrets", metav1.GetOptions{})
		if err != nil {
			t.Fatal(err)
		}
		minio := podIP(ctx, t, n, "temporal", "app.kubernetes.io/component=minio")
		s3c := s3.New(s3.Options{Region: "us-east-1", BaseEndpoint: aws.String("http://" + net.JoinHostPort(minio, "9000")), UsePathStyle: true,
			Credentials: credentials.NewStaticCredentialsProvider(string(creds.Data["AWS_ACCESS_KEY_ID"]), string(creds.Data["AWS_SECRET_ACCESS_KEY"]), "")})
		eventually(t, 2*time.Minute, "the run in both archive buckets", func() error {
			for _, bucket := range []string{"temporal-history-archive", "temporal-visibility-archive"} {
				objs, err := s3c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String(bucket)})
				if err != nil {
					return fmt.Errorf("list %s: %w", bucket, err)
				}
				if len(objs.Contents) == 0 {
					return fmt.Errorf("bucket %s is empty", bucket)
				}
			}
			// The frontend reads the visibility archive back from MinIO.
			r, err := tc.WorkflowService().ListArchivedWorkflowExecutions(ctx, &workflowservice.ListArchivedWorkflowExecutionsRequest{
				Namespace: "default", PageSize: 10, Query: "WorkflowId = 'installed-on-node'"})
			if err != nil {
				return err
			}
			if len(r.Executions) != 1 || r.Executions[0].Status != enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED {
				return fmt.Errorf("archived executions: %v", r.Executions)
			}
			return nil
		})
	})

	t.Run("a token-less call through the NodePort is denied", func(t *testing.T) {
		if err := describeAs("127.0.0.1:30733", ""); !isDenied(err) {
			t.Fatalf("DescribeNamespace without a token: %v", err)
		}
	})

	t.Run("a ConfigMap edit reaches every server pod", func(t *testing.T) {
		servers, err := n.Client.CoreV1().Pods("temporal").List(ctx, metav1.ListOptions{
			LabelSelector: "app.kubernetes.io/name=temporal,app.kubernetes.io/component in (frontend,internal-frontend,history,matching,worker)"})
		if err != nil || len(servers.Items) != 8 {
			t.Fatalf("server pods: %v (%d, want 8)", err, len(servers.Items))
		}
		cms := n.Client.CoreV1().ConfigMaps("temporal")
		const edits = 20
		var lags []time.Duration
		for i := range edits {
			cm, err := cms.Get(ctx, "temporal-stack-live-dynamic-config", metav1.GetOptions{})
			if err != nil {
				t.Fatal(err)
			}
			base, _, _ := strings.Cut(cm.Data["dynamic_config.yaml"], "\n# edit ")
			content := fmt.Sprintf("%s\n# edit %d\nstack.auth.blockedTaskQueues:\n  - value: [default/blocked-%d]\n", base, i, i)
			cm.Data["dynamic_config.yaml"] = content
			sum := sha256.Sum256([]byte(content))
			want := float64(binary.BigEndian.Uint64(sum[:8]) >> 16)
			edited := time.Now()
			if _, err := cms.Update(ctx, cm, metav1.UpdateOptions{}); err != nil {
				t.Fatal(err)
			}
			var last time.Time
			eventually(t, time.Minute, fmt.Sprintf("edit %d applied on every server pod", i), func() error {
				last = time.Time{}
				for _, p := range servers.Items {
					m, err := scrape("http://" + net.JoinHostPort(p.Status.PodIP, "9090") + "/metrics")
					if err != nil {
						return fmt.Errorf("%s: %w", p.Name, err)
					}
					if got := m["stack_dynamic_config_hash"]; got != want {
						return fmt.Errorf("%s has config %v, want %v", p.Name, got, want)
					}
					// The pods' clock is this host's: the time each applied it is comparable.
					if at := time.Unix(0, int64(m["stack_dynamic_config_last_success_timestamp_seconds"]*1e9)); at.After(last) {
						last = at
					}
				}
				return nil
			})
			lags = append(lags, last.Sub(edited))
		}
		slices.Sort(lags)
		t.Logf("ConfigMap edit → applied on the last of %d server pods, over %d edits: p50 %s, p99 %s, max %s",
			len(servers.Items), edits, lags[len(lags)/2].Round(time.Millisecond), lags[len(lags)*99/100].Round(time.Millisecond), lags[len(lags)-1].Round(time.Millisecond))
		// And it is in force: polls on the queue the last edit blocked are denied with the reason.
		pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		_, err = tc.WorkflowService().PollWorkflowTaskQueue(pctx, &workflowservice.PollWorkflowTaskQueueRequest{
			Namespace: "default", TaskQueue: &taskqueuepb.TaskQueue{Name: fmt.Sprintf("blocked-%d", edits-1)}, Identity: "e2e"})
		if !isDenied(err) || !strings.Contains(denyReason(err), "blocked") {
			t.Fatalf("a poll on the blocked task queue: %v (reason %q)", err, denyReason(err))
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

	t.Run("a force-deleted history pod: every workflow completes, the poller reports the host down and back", func(t *testing.T) {
		w := worker.New(tc, "node-history", worker.Options{})
		w.RegisterWorkflowWithOptions(sleepyWorkflow, workflow.RegisterOptions{Name: "Sleepy"})
		w.RegisterActivityWithOptions(greet, activity.RegisterOptions{Name: "Greet"})
		if err := w.Start(); err != nil {
			t.Fatal(err)
		}
		defer w.Stop()
		metrics := "http://" + net.JoinHostPort(podIP(ctx, t, n, "temporal", "app.kubernetes.io/component=poller"), "9095") + "/metrics"
		history, err := n.Client.CoreV1().Pods("temporal").List(ctx, metav1.ListOptions{LabelSelector: "app.kubernetes.io/name=temporal,app.kubernetes.io/component=history"})
		if err != nil || len(history.Items) != 2 {
			t.Fatalf("history pods: %v (%d, want 2)", err, len(history.Items))
		}
		victim := history.Items[0]
		host := net.JoinHostPort(victim.Status.PodIP, "7234")
		eventually(t, time.Minute, "the poller sees both history hosts serving", func() error {
			if s := hostStates(t, metrics); len(s) != 2 || s[host] != 1 {
				return fmt.Errorf("states %v, want %s serving among 2", s, host)
			}
			return nil
		})
		var runs []client.WorkflowRun
		for i := range 20 {
			r, err := tc.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: fmt.Sprintf("node-history-%d", i), TaskQueue: "node-history"}, "Sleepy", i)
			if err != nil {
				t.Fatal(err)
			}
			runs = append(runs, r)
		}
		kubectl, err := toolbin.Path(toolbin.Kubectl)
		if err != nil {
			t.Fatal(err)
		}
		if out, err := exec.CommandContext(ctx, kubectl, "--kubeconfig", n.Kubeconfig, "--namespace", "temporal",
			"delete", "pod", victim.Name, "--force", "--grace-period=0").CombinedOutput(); err != nil {
			t.Fatalf("kubectl delete pod --force: %v\n%s", err, out)
		}
		deleted := time.Now()
		eventually(t, 2*time.Minute, "the poller to report the deleted host down", func() error {
			if v, ok := hostStates(t, metrics)[host]; ok && v == 1 {
				return fmt.Errorf("%s still serving", host)
			}
			return nil
		})
		t.Logf("the deleted history host %s reported down %s after the delete", host, time.Since(deleted).Round(time.Millisecond))
		wctx, cancel := context.WithTimeout(ctx, 4*time.Minute)
		defer cancel()
		for i, r := range runs {
			var out string
			if err := r.Get(wctx, &out); err != nil || out != fmt.Sprintf("hello %d", i) {
				t.Fatalf("workflow %d: %q, %v", i, out, err)
			}
		}
		t.Logf("all %d workflows started before the delete completed %s after it", len(runs), time.Since(deleted).Round(time.Millisecond))
		eventually(t, 3*time.Minute, "the poller to report two history hosts serving again", func() error {
			s := hostStates(t, metrics)
			serving := 0
			for _, v := range s {
				if v == 1 {
					serving++
				}
			}
			if serving != 2 {
				return fmt.Errorf("states %v", s)
			}
			return nil
		})
		t.Logf("two history hosts serving again %s after the delete", time.Since(deleted).Round(time.Millisecond))
	})

	t.Run("stack doctor --cluster finds nothing wrong", func(t *testing.T) {
		out, err := exec.CommandContext(ctx, stack, "doctor", "--cluster", "--kubeconfig", n.Kubeconfig).CombinedOutput()
		if err != nil || strings.Contains(string(out), "FAIL") || !strings.Contains(string(out), "checks passed") {
			t.Fatalf("doctor: %v\n%s", err, out)
		}
		for _, want := range []string{"ok    images present on the node", "ok    issuer reachable from the browser", "ok    Dex publishes signing keys",
			"ok    issuer reachable from server pod temporal-stack-history-", "ok    dynamic config accepted by server pod",
			"ok    UI sign-in settings agree with the server and Dex", "ok    node port 30733 (Service"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("doctor did not check %q:\n%s", want, out)
			}
		}
	})
	t.Run("helm test passes", func(t *testing.T) {
		helm, err := toolbin.Path(toolbin.Helm)
		if err != nil {
			t.Fatal(err)
		}
		// Ours and upstream's ("temporal operator cluster health" in the admin-tools image).
		// Right after an install a history host can still be taking its shards (DeepHealthCheck
		// says not serving): up to three rounds, 10 s apart, each logged.
		var out []byte
		for attempt := 1; ; attempt++ {
			out, err = exec.CommandContext(ctx, helm, "test", "temporal-stack", "--namespace", "temporal", "--kubeconfig", n.Kubeconfig,
				"--timeout", "3m", "--logs").CombinedOutput()
			if err == nil && strings.Count(string(out), "Phase:          Succeeded") == 2 &&
				strings.Contains(string(out), "temporal-stack-test-cluster-health") && strings.Contains(string(out), "temporal-stack-test-history-health") {
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

// podIP returns the IP of the one Running pod in ns matching selector.
func podIP(ctx context.Context, t *testing.T, n *node.Node, ns, selector string) string {
	t.Helper()
	pods, err := n.Client.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: selector, FieldSelector: "status.phase=Running"})
	if err != nil || len(pods.Items) != 1 {
		t.Fatalf("pods %s in %s: %v (%d, want 1)", selector, ns, err, len(pods.Items))
	}
	return pods.Items[0].Status.PodIP
}

// scrape reads the Prometheus text at url: the value of each metric's
// first series, by name.
func scrape(url string) (map[string]float64, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		return nil, err
	}
	out := map[string]float64{}
	for name, f := range fams {
		if len(f.Metric) == 0 {
			continue
		}
		switch m := f.Metric[0]; {
		case m.Gauge != nil:
			out[name] = m.Gauge.GetValue()
		case m.Counter != nil:
			out[name] = m.Counter.GetValue()
		case m.Untyped != nil:
			out[name] = m.Untyped.GetValue()
		}
	}
	return out, nil
}
