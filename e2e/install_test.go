package e2e

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	authorizationv1 "k8s.io/api/authorization/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/temporal-stack/stack/internal/harness/kube"
	"github.com/temporal-stack/stack/internal/subcharts"
	"github.com/temporal-stack/stack/internal/toolbin"
)

// TestInstallOnControlPlane runs "stack install" against a real control plane
// (etcd, kube-apiserver, controller-manager, scheduler) whose only node is
// simulated by kwok: every object of our chart is created for real, scheduled,
// and its pods reported Running (Jobs Succeeded) by kwok. Containers never run,
// so this proves the chart, RBAC and the install flow, not the images. The
// chart is installed as a user has it after "helm dependency build": every
// published subchart at its pinned version (internal/subcharts).
func TestInstallOnControlPlane(t *testing.T) {
	endToEnd(t, "a Kubernetes control plane")
	cp := kube.Start(t)
	cp.StartNodes()
	bin, err := toolbin.Own("./tools/stack")
	if err != nil {
		t.Fatal(err)
	}
	root, _ := toolbin.Root()
	stack := func(args ...string) (string, error) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	common := []string{"--kubeconfig", cp.Kubeconfig, "--namespace", "temporal"}
	// The chart as a user has it after "helm dependency build": every published subchart vendored.
	vendored, err := subcharts.Vendor(filepath.Join(root, "chart"), filepath.Join(t.TempDir(), "chart"))
	if err != nil {
		t.Fatal(err)
	}
	installArgs := append([]string{"install"}, append(common, "--skip-images", "--chart", vendored, "--timeout", "4m",
		"--set", "dex.issuer=http://127.0.0.1:30556/dex")...)
	ctx := context.Background()
	c := cp.Client

	t.Run("refuses bad input before changing anything", func(t *testing.T) {
		if out, err := stack("install", "--kubeconfig", filepath.Join(t.TempDir(), "none")); err == nil || !strings.Contains(out, "does not answer") && !strings.Contains(out, "kubeconfig") {
			t.Fatalf("install without a cluster: %v\n%s", err, out)
		}
		partial, err := subcharts.Vendor(filepath.Join(root, "chart"), filepath.Join(t.TempDir(), "chart"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(filepath.Join(partial, "charts", "temporal-1.6.0.tgz")); err != nil {
			t.Fatal(err)
		}
		if out, err := stack(append([]string{"install"}, append(common, "--skip-images", "--chart", partial)...)...); err == nil ||
			!strings.Contains(out, "enabled subcharts are not in the chart's charts/: temporal 1.6.0") {
			t.Fatalf("install with the temporal chart missing: %v\n%s", err, out)
		}
		if out, err := stack(append(installArgs, "--set", "dex.issuer=http://no-such-host.invalid:30556/dex")...); err == nil || !strings.Contains(out, "does not resolve on this machine") {
			t.Fatalf("install with an unresolvable issuer: %v\n%s", err, out)
		}
		var ee *exec.ExitError
		if out, err := stack("install", "extra"); !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(out, "usage") {
			t.Fatalf("install extra: %v\n%s", err, out)
		}
	})
	t.Run("--dry-run prints the plan and creates nothing", func(t *testing.T) {
		out, err := stack(append(installArgs, "--dry-run")...)
		if err != nil || !strings.Contains(out, "StatefulSet/temporal-stack-postgres-main") || !strings.Contains(out, "dry run, nothing changed") {
			t.Fatalf("dry run: %v\n%s", err, out)
		}
		if _, err := c.CoreV1().Namespaces().Get(ctx, "temporal", metav1.GetOptions{}); !apierrors.IsNotFound(err) {
			t.Fatalf("the dry run created the namespace: %v", err)
		}

	})
	installed := t.Run("installs every component ready", func(t *testing.T) {
		start := time.Now()
		out, err := stack(installArgs...)
		if err != nil || !strings.Contains(out, "Temporal Stack is ready.") || !strings.Contains(out, "Log in as admin@example.com") {
			t.Fatalf("install: %v\n%s", err, out)
		}
		t.Logf("install ready in %s", time.Since(start).Round(time.Second))
		for _, name := range []string{"temporal-stack-postgres-main", "temporal-stack-postgres-visibility", "temporal-stack-postgres-secondary-visibility", "temporal-stack-minio"} {
			s, err := c.AppsV1().StatefulSets("temporal").Get(ctx, name, metav1.GetOptions{})
			if err != nil || s.Status.ReadyReplicas != 1 {
				t.Fatalf("StatefulSet %s: %v %v", name, s.Status, err)
			}
		}
		for _, name := range []string{"temporal-stack-poller", "temporal-stack-dex"} {
			d, err := c.AppsV1().Deployments("temporal").Get(ctx, name, metav1.GetOptions{})
			if err != nil || d.Status.AvailableReplicas != 1 {
				t.Fatalf("Deployment %s: %v %v", name, d.Status, err)
			}
		}
		pods, err := c.CoreV1().Pods("temporal").List(ctx, metav1.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		running := 0
		for _, p := range pods.Items {
			if p.Status.Phase == corev1.PodRunning || p.Status.Phase == corev1.PodSucceeded {
				running++
			}
		}
		t.Logf("%d pods Running or Succeeded on the kwok node", running)
		if running < 11 { // postgres ×3, minio, poller, dex; Jobs: schema ×3, buckets, namespace
			t.Fatalf("only %d pods running or done", running)
		}

	})
	if !installed {
		return // what follows needs the release
	}
	t.Run("the server's ServiceAccount may watch its ConfigMap and nothing more", func(t *testing.T) {
		sa := "system:serviceaccount:temporal:temporal-stack-server"
		for _, c2 := range []struct {
			verb, resource, name string
			allowed              bool
		}{
			{"watch", "configmaps", "temporal-stack-live-dynamic-config", true},
			{"list", "configmaps", "temporal-stack-live-dynamic-config", true},
			{"get", "configmaps", "temporal-stack-live-dynamic-config", true},
			{"create", "events", "", true},
			{"update", "configmaps", "temporal-stack-live-dynamic-config", false},
			{"get", "configmaps", "temporal-stack-server-env", false},
			{"list", "configmaps", "", false},
			{"get", "secrets", "temporal-stack-postgres", false},
			{"list", "pods", "", false},
		} {
			r, err := c.AuthorizationV1().SubjectAccessReviews().Create(ctx, &authorizationv1.SubjectAccessReview{Spec: authorizationv1.SubjectAccessReviewSpec{
				User: sa, Groups: []string{"system:serviceaccounts", "system:serviceaccounts:temporal"},
				ResourceAttributes: &authorizationv1.ResourceAttributes{Namespace: "temporal", Verb: c2.verb, Resource: c2.resource, Name: c2.name},
			}}, metav1.CreateOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if r.Status.Allowed != c2.allowed {
				t.Errorf("%s may %s %s %q: %v, want %v", sa, c2.verb, c2.resource, c2.name, r.Status.Allowed, c2.allowed)
			}
		}

		if _, err := c.NetworkingV1().NetworkPolicies("temporal").Get(ctx, "temporal-stack-server-internal", metav1.GetOptions{}); err != nil {
			t.Fatalf("the NetworkPolicy: %v", err)
		}
	})
	secrets := func(t *testing.T) map[string]string {
		t.Helper()
		out := map[string]string{}
		for _, n := range []string{"temporal-stack-dex", "temporal-stack-postgres", "temporal-stack-server-secrets"} {
			s, err := c.CoreV1().Secrets("temporal").Get(ctx, n, metav1.GetOptions{})
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range s.Data {
				if k != "config.yaml" {
					out[n+"/"+k] = string(v)
				}
			}
		}
		return out
	}
	t.Run("an upgrade with changed values is applied and keeps the generated secrets", func(t *testing.T) {
		before := secrets(t)
		if len(before["temporal-stack-dex/admin-password"]) < 20 || len(before["temporal-stack-postgres/password"]) < 20 {
			t.Fatalf("generated secrets too short: %d, %d", len(before["temporal-stack-dex/admin-password"]), len(before["temporal-stack-postgres/password"]))
		}

		// An upgrade with changed values is applied; running install again is idempotent.
		out, err := stack(append(installArgs, "--set", "poller.interval=5s")...)
		if err != nil || !strings.Contains(out, "upgrading release temporal-stack") || !strings.Contains(out, "revision 2") {
			t.Fatalf("upgrade: %v\n%s", err, out)
		}
		d, err := c.AppsV1().Deployments("temporal").Get(ctx, "temporal-stack-poller", metav1.GetOptions{})
		if err != nil || !strings.Contains(strings.Join(d.Spec.Template.Spec.Containers[0].Args, " "), "--interval 5s") {
			t.Fatalf("the upgrade did not reach the poller: %v %v", d.Spec.Template.Spec.Containers[0].Args, err)
		}
		if _, err := c.BatchV1().Jobs("temporal").Get(ctx, "temporal-stack-schema-main-r2", metav1.GetOptions{}); err != nil {
			t.Fatalf("the upgrade's schema Job: %v", err)
		}

		// Generated passwords and secrets survive the upgrade.
		for k, v := range secrets(t) {
			if before[k] != v {
				t.Errorf("secret %s changed on upgrade", k)
			}
		}

	})
	t.Run("teardown leaves nothing behind, and a second one says so", func(t *testing.T) {
		out, err := stack(append([]string{"teardown"}, common...)...)
		if err != nil || !strings.Contains(out, "teardown complete") {
			t.Fatalf("teardown: %v\n%s", err, out)
		}
		if _, err := c.CoreV1().Namespaces().Get(ctx, "temporal", metav1.GetOptions{}); !apierrors.IsNotFound(err) {
			t.Fatalf("namespace after teardown: %v", err)
		}
		pvs, err := c.CoreV1().PersistentVolumes().List(ctx, metav1.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var left []string
		for _, pv := range pvs.Items {
			if pv.Spec.ClaimRef != nil && pv.Spec.ClaimRef.Namespace == "temporal" && pv.Status.Phase != corev1.VolumeReleased {
				left = append(left, pv.Name)
			}
		}
		if len(left) > 0 {
			t.Errorf("volumes still bound to the namespace: %v", left)
		}
		if out, err := stack(append([]string{"teardown"}, common...)...); err != nil || !strings.Contains(out, "no release temporal-stack") {
			t.Fatalf("a second teardown: %v\n%s", err, out)
		}
	})
}
