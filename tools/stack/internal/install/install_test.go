package install

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chartutil"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/kubernetes/fake"
)

var ourRelease = map[string]string{"app.kubernetes.io/instance": "temporal-stack"}

func meta(name string, labels map[string]string) metav1.ObjectMeta {
	return metav1.ObjectMeta{Name: name, Namespace: "temporal", Labels: labels, Generation: 1}
}

func replicas(n int32) *int32 { return &n }

// A release with a Deployment whose pod cannot be scheduled, a StatefulSet
// without pods and a failing Job: each is named with its reason.
func TestNotReadyReasons(t *testing.T) {
	frontendPod := corev1.Pod{ObjectMeta: meta("frontend-abc", map[string]string{"component": "frontend"}), Status: corev1.PodStatus{Phase: corev1.PodPending}}
	jobPod := corev1.Pod{ObjectMeta: meta("schema-xyz", map[string]string{"job-name": "schema"}), Status: corev1.PodStatus{Phase: corev1.PodRunning}}
	objs := []runtime.Object{
		&appsv1.Deployment{ObjectMeta: meta("frontend", ourRelease), Spec: appsv1.DeploymentSpec{Replicas: replicas(2),
			Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"component": "frontend"}}},
			Status: appsv1.DeploymentStatus{ObservedGeneration: 1, UpdatedReplicas: 2, AvailableReplicas: 1}},
		&appsv1.Deployment{ObjectMeta: meta("web", ourRelease), Spec: appsv1.DeploymentSpec{
			Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"component": "web"}}},
			Status: appsv1.DeploymentStatus{ObservedGeneration: 1, UpdatedReplicas: 1, AvailableReplicas: 1}},
		&appsv1.StatefulSet{ObjectMeta: meta("postgres", ourRelease), Spec: appsv1.StatefulSetSpec{
			Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"component": "postgres"}}}},
		&batchv1.Job{ObjectMeta: meta("schema", ourRelease), Status: batchv1.JobStatus{Failed: 2}},
		&batchv1.Job{ObjectMeta: meta("other-release", map[string]string{"app.kubernetes.io/instance": "other"})},
		&frontendPod, &jobPod,
		&corev1.Event{ObjectMeta: meta("e1", nil), InvolvedObject: corev1.ObjectReference{Name: "frontend-abc"}, Type: "Warning",
			Reason: "FailedScheduling", Message: "0/1 nodes are available: 1 Insufficient memory. ", LastTimestamp: metav1.NewTime(time.Now())},
	}
	c := fake.NewSimpleClientset(objs...)
	got, err := notReady(context.Background(), c, "temporal", metav1.ListOptions{LabelSelector: "app.kubernetes.io/instance=temporal-stack"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"  Deployment/frontend: 1/2 available (Warning FailedScheduling: 0/1 nodes are available: 1 Insufficient memory.)",
		"  Job/schema: not done (2 failed attempts)",
		"  StatefulSet/postgres: 0/1 ready (no pod yet)",
	}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		// The fake client ignores field selectors, so the Job may show the
		// frontend pod's event; the reason's form is what counts.
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("line %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestWaitReady(t *testing.T) {
	ready := &appsv1.Deployment{ObjectMeta: meta("web", ourRelease), Spec: appsv1.DeploymentSpec{
		Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"component": "web"}}},
		Status: appsv1.DeploymentStatus{ObservedGeneration: 1, UpdatedReplicas: 1, AvailableReplicas: 1}}
	done := &batchv1.Job{ObjectMeta: meta("schema", ourRelease), Status: batchv1.JobStatus{Succeeded: 1}}
	var out bytes.Buffer
	o := Options{Namespace: "temporal", Release: "temporal-stack"}
	if err := waitReady(context.Background(), fake.NewSimpleClientset(ready, done), o, time.Second, &out); err != nil || out.Len() != 0 {
		t.Fatalf("a ready release: %v, printed %q", err, out.String())
	}
	stale := ready.DeepCopy()
	stale.Generation = 2 // a rollout the controller has not seen yet
	err := waitReady(context.Background(), fake.NewSimpleClientset(stale), o, time.Millisecond, &out)
	if err == nil || !strings.Contains(err.Error(), "not ready after 1ms:\n  Deployment/web: 1/1 available (no pod yet)") ||
		!strings.Contains(err.Error(), "kubectl -n temporal get pods,events") {
		t.Fatalf("an unobserved generation: %v", err)
	}
	if !strings.Contains(out.String(), "stack: waiting for 1 component(s):") {
		t.Fatalf("no progress printed: %q", out.String())
	}
}

func TestCheckNodePorts(t *testing.T) {
	svc := func(ns, name, instance string, nodePort int32) *corev1.Service {
		return &corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns, Labels: map[string]string{"app.kubernetes.io/instance": instance}},
			Spec: corev1.ServiceSpec{Type: corev1.ServiceTypeNodePort, Ports: []corev1.ServicePort{{Port: 80, NodePort: nodePort}}}}
	}
	vals := chartutil.Values{"expose": map[string]any{"type": "NodePort", "nodePorts": map[string]any{"frontend": 30733, "ui": float64(30080)}}}
	o := Options{Namespace: "temporal", Release: "temporal-stack"}
	ctx := context.Background()
	// Ours from an earlier install, and another Service on another port: free.
	c := &cluster{client: fake.NewSimpleClientset(svc("temporal", "temporal-stack-frontend", "temporal-stack", 30733), svc("web", "shop", "shop", 30999))}
	if err := checkNodePorts(ctx, c, o, vals); err != nil {
		t.Fatalf("free ports: %v", err)
	}
	c = &cluster{client: fake.NewSimpleClientset(svc("web", "shop", "shop", 30080))}
	err := checkNodePorts(ctx, c, o, vals)
	if err == nil || !strings.Contains(err.Error(), "node port 30080 (expose.nodePorts.ui) is taken by Service web/shop") ||
		!strings.Contains(err.Error(), "--set expose.nodePorts.ui=PORT") {
		t.Fatalf("a taken port: %v", err)
	}
	// Not NodePort: nothing to check.
	if err := checkNodePorts(ctx, c, o, chartutil.Values{"expose": map[string]any{"type": "ClusterIP"}}); err != nil {
		t.Fatal(err)
	}
}

func TestValues(t *testing.T) {
	f := filepath.Join(t.TempDir(), "v.yaml")
	os.WriteFile(f, []byte("dex:\n  issuer: http://a/dex\n  enabled: true\nexpose:\n  type: NodePort\n"), 0o644)
	v, err := values([]string{f}, []string{"dex.issuer=http://b/dex", "temporal.server.replicaCount=3"})
	if err != nil {
		t.Fatal(err)
	}
	vals := chartutil.Values(v)
	for path, want := range map[string]any{"dex.issuer": "http://b/dex", "dex.enabled": true, "expose.type": "NodePort", "temporal.server.replicaCount": int64(3)} {
		if got, err := vals.PathValue(path); err != nil || got != want {
			t.Errorf("%s = %v (%T), %v; want %v", path, got, got, err, want)
		}
	}
	if _, err := values(nil, []string{"a.b[=1"}); err == nil || !strings.Contains(err.Error(), "--set a.b[=1") {
		t.Errorf("a bad --set: %v", err)
	}
	os.WriteFile(f, []byte("a: [\n"), 0o644)
	if _, err := values([]string{f}, nil); err == nil || !strings.Contains(err.Error(), "values file "+f) {
		t.Errorf("a bad values file: %v", err)
	}
}

func TestCheckIssuerAndSubcharts(t *testing.T) {
	on := func(issuer string) chartutil.Values {
		return chartutil.Values{"dex": map[string]any{"enabled": true, "issuer": issuer}}
	}
	if err := checkIssuer(on("http://localhost:30556/dex")); err != nil {
		t.Errorf("localhost: %v", err)
	}
	if err := checkIssuer(on("http://no-such-host.invalid:30556/dex")); err == nil || !strings.Contains(err.Error(), "does not resolve on this machine") {
		t.Errorf("an unresolvable issuer: %v", err)
	}
	if err := checkIssuer(chartutil.Values{"dex": map[string]any{"enabled": false, "issuer": "nonsense"}}); err != nil {
		t.Errorf("Dex off: %v", err)
	}
	ch := &chart.Chart{Metadata: &chart.Metadata{Name: "stack", Dependencies: []*chart.Dependency{
		{Name: "minio", Version: "5.4.0", Repository: "https://charts.min.io", Condition: "minio.enabled"},
		{Name: "loki", Version: "6.0.0", Repository: "https://grafana.github.io/helm-charts", Condition: "loki.enabled"}}}}
	vals := chartutil.Values{"minio": map[string]any{"enabled": true}, "loki": map[string]any{"enabled": false}}
	var out bytes.Buffer
	err := checkSubcharts(ch, vals, false, &out)
	if err == nil || !strings.Contains(err.Error(), "minio 5.4.0 (https://charts.min.io)") || strings.Contains(err.Error(), "loki") ||
		!strings.Contains(err.Error(), "helm dependency build chart") {
		t.Fatalf("a missing enabled subchart: %v", err)
	}
	if err := checkSubcharts(ch, vals, true, &out); err != nil || !strings.Contains(out.String(), "WARNING: enabled subcharts are not vendored and are skipped: minio") {
		t.Fatalf("skipped: %v %q", err, out.String())
	}
}

func TestPlan(t *testing.T) {
	got := plan("---\nkind: Service\nmetadata:\n  name: b\n---\nkind: Deployment\nmetadata:\n  name: a\n---\n# empty\n")
	if got != "  Deployment/a\n  Service/b\n" {
		t.Fatalf("%q", got)
	}
}
