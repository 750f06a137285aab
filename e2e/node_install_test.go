package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
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
}
