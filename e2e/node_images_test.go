package e2e

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/temporal-stack/stack/internal/harness/node"
	"github.com/temporal-stack/stack/internal/harness/toolbin"
	"github.com/temporal-stack/stack/internal/localconfig"
	"github.com/temporal-stack/stack/server/authn/authntest"
)

// TestImagesRunOnNode: our server and poller images run as pods on a real
// node. The server starts from the upstream chart's env contract
// (TEMPORAL_SERVICES, TEMPORAL_SERVER_CONFIG_FILE_PATH with a "# enable-template"
// config reading POD_IP), as uid 1000 on a read-only root with every
// capability dropped, auth on; both are Ready by their real probes, a
// workflow completes through a NodePort, the server's log is readable
// through the API, and a pod killed with --force comes back.
func TestImagesRunOnNode(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: runs a real Kubernetes node")
	}
	n := node.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()

	// Our images, as "stack images" writes them, imported into the node's containerd.
	stack, err := toolbin.Own("./tools/stack")
	if err != nil {
		t.Fatal(err)
	}
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	layoutDir := filepath.Join(t.TempDir(), "layout")
	build := exec.CommandContext(ctx, stack, "images", "--out", layoutDir, "--no-load")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("stack images: %v\n%s", err, out)
	}
	archive := filepath.Join(t.TempDir(), "images.tar")
	if err := tarDir(layoutDir, archive); err != nil {
		t.Fatal(err)
	}
	refs, err := n.ImportImages(ctx, archive)
	if err != nil {
		t.Fatal(err)
	}
	image := map[string]string{}
	for _, ref := range refs {
		if rest, ok := strings.CutPrefix(ref, "docker.io/temporal-stack/"); ok {
			image[rest[:strings.IndexByte(rest, ':')]] = ref
		}
	}
	if image["server"] == "" || image["poller"] == "" {
		t.Fatalf("containerd has %s", refs)
	}

	// The server config: fixed ports in the pod, addresses from POD_IP, as the upstream chart renders it.
	cfg := localconfig.Config{Frontend: 7233, FrontendMembership: 6933, FrontendHTTP: 7243, Internal: 7236, InternalMembership: 6936,
		InternalHTTP: 7246, History: 7234, HistoryMembership: 6934, Matching: 7235, MatchingMembership: 6935, Worker: 7239,
		WorkerMembership: 6939, Metrics: 9090, DataDir: "/data", DynamicConfigFile: "/etc/temporal/dynamic/dynamic_config.yaml"}
	var rendered bytes.Buffer
	if err := localconfig.Write(&rendered, cfg); err != nil {
		t.Fatal(err)
	}
	// Every service binds and broadcasts the pod's IP, as the upstream chart's config does.
	serverConfig := strings.ReplaceAll(strings.ReplaceAll(rendered.String(), "bindOnLocalHost: true", `bindOnIP: {{ env "POD_IP" }}`),
		"127.0.0.1", `{{ env "POD_IP" }}`)
	idp := authntest.New(t)
	jwks, err := os.ReadFile(idp.Path)
	if err != nil {
		t.Fatal(err)
	}
	const ns = "temporal"
	c := n.Client
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(c.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: ns}}, metav1.CreateOptions{}))
	must(c.CoreV1().ConfigMaps(ns).Create(ctx, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "server-config"},
		Data: map[string]string{"config_template.yaml": serverConfig}}, metav1.CreateOptions{}))
	must(c.CoreV1().ConfigMaps(ns).Create(ctx, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "auth"}, Data: map[string]string{
		"issuers.yaml": fmt.Sprintf("issuers:\n  - issuer: %s\n    keySourceURIs: [file:///etc/temporal/auth/jwks.json]\n    audiences: [temporal-cli]\n", authntest.Issuer),
		"jwks.json":    string(jwks)}}, metav1.CreateOptions{}))
	must(c.CoreV1().ConfigMaps(ns).Create(ctx, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "dynamic-config"}, Data: map[string]string{
		"dynamic_config.yaml": "stack.auth.rolePolicy:\n  - value:\n      users: {admin@example.com: [\"temporal-system:admin\"]}\n"}}, metav1.CreateOptions{}))

	uid, no, yes := int64(1000), false, true
	hardened := &corev1.SecurityContext{RunAsUser: &uid, RunAsGroup: &uid, RunAsNonRoot: &yes, ReadOnlyRootFilesystem: &yes,
		AllowPrivilegeEscalation: &no, Capabilities: &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}},
		SeccompProfile: &corev1.SeccompProfile{Type: corev1.SeccompProfileTypeRuntimeDefault}}
	cmVolume := func(name, cm string) corev1.Volume {
		return corev1.Volume{Name: name, VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{
			LocalObjectReference: corev1.LocalObjectReference{Name: cm}}}}
	}
	healthService := "temporal.api.workflowservice.v1.WorkflowService"
	deployment := func(name string, spec corev1.PodSpec) *appsv1.Deployment {
		one, labels := int32(1), map[string]string{"app": name}
		spec.Containers[0].SecurityContext = hardened
		spec.Containers[0].ImagePullPolicy = corev1.PullNever // imported, never pulled
		return &appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: name, Labels: labels}, Spec: appsv1.DeploymentSpec{
			Replicas: &one, Selector: &metav1.LabelSelector{MatchLabels: labels},
			Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: labels}, Spec: spec}}}
	}
	must(c.AppsV1().Deployments(ns).Create(ctx, deployment("temporal-server", corev1.PodSpec{
		AutomountServiceAccountToken: &no,
		Containers: []corev1.Container{{Name: "server", Image: image["server"],
			Env: []corev1.EnvVar{
				{Name: "POD_IP", ValueFrom: &corev1.EnvVarSource{FieldRef: &corev1.ObjectFieldSelector{FieldPath: "status.podIP"}}},
				{Name: "TEMPORAL_SERVICES", Value: "frontend,internal-frontend,history,matching,worker"},
				{Name: "TEMPORAL_SERVER_CONFIG_FILE_PATH", Value: "/etc/temporal/config/config_template.yaml"},
				{Name: "TEMPORAL_AUTH_CONFIG", Value: "/etc/temporal/auth/issuers.yaml"},
				{Name: "TEMPORAL_NAMESPACES", Value: "default"},
			},
			ReadinessProbe: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{GRPC: &corev1.GRPCAction{Port: 7233, Service: &healthService}}, PeriodSeconds: 2},
			VolumeMounts: []corev1.VolumeMount{{Name: "data", MountPath: "/data"}, {Name: "config", MountPath: "/etc/temporal/config"},
				{Name: "auth", MountPath: "/etc/temporal/auth"}, {Name: "dynamic", MountPath: "/etc/temporal/dynamic"}},
		}},
		Volumes: []corev1.Volume{{Name: "data", VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{}}},
			cmVolume("config", "server-config"), cmVolume("auth", "auth"), cmVolume("dynamic", "dynamic-config")},
		SecurityContext: &corev1.PodSecurityContext{FSGroup: &uid},
	}), metav1.CreateOptions{}))
	nodePort := int32(30000 + rand.IntN(2700))
	must(c.CoreV1().Services(ns).Create(ctx, &corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: "temporal-frontend"}, Spec: corev1.ServiceSpec{
		Type: corev1.ServiceTypeNodePort, Selector: map[string]string{"app": "temporal-server"},
		Ports: []corev1.ServicePort{{Name: "grpc", Port: 7233, TargetPort: intstr.FromInt32(7233), NodePort: nodePort}}}}, metav1.CreateOptions{}))
	must(c.CoreV1().Services(ns).Create(ctx, &corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: "temporal-internal-frontend"}, Spec: corev1.ServiceSpec{
		Selector: map[string]string{"app": "temporal-server"},
		Ports:    []corev1.ServicePort{{Name: "grpc", Port: 7236, TargetPort: intstr.FromInt32(7236)}}}}, metav1.CreateOptions{}))
	must(c.AppsV1().Deployments(ns).Create(ctx, deployment("poller", corev1.PodSpec{
		AutomountServiceAccountToken: &no,
		Containers: []corev1.Container{{Name: "poller", Image: image["poller"],
			Args:           []string{"--address", "temporal-internal-frontend." + ns + ".svc.cluster.local:7236", "--interval", "2s"},
			ReadinessProbe: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: "/readyz", Port: intstr.FromInt32(9095)}}, PeriodSeconds: 2},
		}},
	}), metav1.CreateOptions{}))

	available := func(name string, timeout time.Duration) {
		t.Helper()
		deadline := time.Now().Add(timeout)
		for {
			d, err := c.AppsV1().Deployments(ns).Get(ctx, name, metav1.GetOptions{})
			if err == nil && d.Status.AvailableReplicas == 1 && d.Status.UpdatedReplicas == 1 && d.Status.Replicas == 1 {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s not available after %s: %v\n%s", name, timeout, err, podReport(ctx, n, ns))
			}
			time.Sleep(500 * time.Millisecond)
		}
	}
	start := time.Now()
	available("temporal-server", 3*time.Minute)
	available("poller", 2*time.Minute)
	t.Logf("server and poller Ready by their probes %s after the Deployments were created", time.Since(start).Round(100*time.Millisecond))

	t.Run("a workflow completes through the NodePort, with a token", func(t *testing.T) {
		runGreeting(t, fmt.Sprintf("127.0.0.1:%d", nodePort), idp.Token(authntest.DexClaims("admin@example.com")), "on-node")
		if err := describeAs(fmt.Sprintf("127.0.0.1:%d", nodePort), "not-a-token"); !isDenied(err) {
			t.Fatalf("a bad token through the NodePort: %v", err)
		}
	})

	t.Run("the server's log is readable through the API", func(t *testing.T) {
		pods, err := c.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: "app=temporal-server"})
		if err != nil || len(pods.Items) != 1 {
			t.Fatalf("%v %v", pods, err)
		}
		b, err := c.CoreV1().Pods(ns).GetLogs(pods.Items[0].Name, &corev1.PodLogOptions{}).DoRaw(ctx)
		if err != nil || !bytes.Contains(b, []byte(`"msg":"Starting."`)) {
			t.Fatalf("logs: %v\n%s", err, lastLines(string(b), 10))
		}
	})

	t.Run("a pod killed with --force comes back", func(t *testing.T) {
		pods, err := c.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: "app=poller"})
		if err != nil || len(pods.Items) != 1 {
			t.Fatalf("%v %v", pods, err)
		}
		zero := int64(0)
		if err := c.CoreV1().Pods(ns).Delete(ctx, pods.Items[0].Name, metav1.DeleteOptions{GracePeriodSeconds: &zero}); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(2 * time.Minute)
		for {
			ps, err := c.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: "app=poller"})
			if err == nil && len(ps.Items) == 1 && ps.Items[0].Name != pods.Items[0].Name && podReady(&ps.Items[0]) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("no new Ready poller pod after 2 min: %v\n%s", err, podReport(ctx, n, ns))
			}
			time.Sleep(500 * time.Millisecond)
		}
	})
}

func podReady(p *corev1.Pod) bool {
	for _, c := range p.Status.Conditions {
		if c.Type == corev1.PodReady && c.Status == corev1.ConditionTrue {
			return true
		}
	}
	return false
}

// podReport describes every pod of ns: phase, container states, recent
// events and the last log lines, for a failure message.
func podReport(ctx context.Context, n *node.Node, ns string) string {
	var b strings.Builder
	pods, _ := n.Client.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{})
	for _, p := range pods.Items {
		fmt.Fprintf(&b, "pod %s: %s\n", p.Name, p.Status.Phase)
		for _, cs := range p.Status.ContainerStatuses {
			fmt.Fprintf(&b, "  %s ready=%v restarts=%d state=%+v last=%+v\n", cs.Name, cs.Ready, cs.RestartCount, cs.State, cs.LastTerminationState)
		}
		logs, _ := n.Client.CoreV1().Pods(ns).GetLogs(p.Name, &corev1.PodLogOptions{}).DoRaw(ctx)
		fmt.Fprintf(&b, "  log:\n%s\n", lastLines(string(logs), 15))
	}
	evs, _ := n.Client.CoreV1().Events(ns).List(ctx, metav1.ListOptions{})
	for _, e := range evs.Items {
		fmt.Fprintf(&b, "event %s %s: %s\n", e.InvolvedObject.Name, e.Reason, e.Message)
	}
	return b.String()
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
