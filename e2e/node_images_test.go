package e2e

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"golang.org/x/crypto/bcrypt"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/temporal-stack/stack/internal/harness/dex"
	"github.com/temporal-stack/stack/internal/harness/node"
	"github.com/temporal-stack/stack/internal/harness/nodeimages"
	"github.com/temporal-stack/stack/internal/localconfig"
	"github.com/temporal-stack/stack/internal/toolbin"
)

// TestImagesRunOnNode: our images and the third-party images a default
// install runs work as pods on a real node. The server starts from the
// upstream chart's env contract (TEMPORAL_SERVICES,
// TEMPORAL_SERVER_CONFIG_FILE_PATH with a "# enable-template" config reading
// POD_IP) as uid 1000 on a read-only root with every capability dropped,
// auth on; Dex (sqlite3 on a provisioned volume) issues the token; all are
// Ready by their real probes; a workflow completes through a NodePort; the
// log is readable with kubectl; a pod killed with --force comes back; and
// the NetworkPolicy keeps a pod outside its allow list from the
// internal-frontend while the poller still reaches it.
func TestImagesRunOnNode(t *testing.T) {
	endToEnd(t, "runs a real Kubernetes node")
	n := node.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	image := importNodeImages(ctx, t, n)

	const ns = "temporal"
	c := n.Client
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(c.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: ns}}, metav1.CreateOptions{}))
	uid, no, yes := int64(1000), false, true
	hardened := func(uid int64) *corev1.SecurityContext {
		return &corev1.SecurityContext{RunAsUser: &uid, RunAsGroup: &uid, RunAsNonRoot: &yes, ReadOnlyRootFilesystem: &yes,
			AllowPrivilegeEscalation: &no, Capabilities: &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}},
			SeccompProfile: &corev1.SeccompProfile{Type: corev1.SeccompProfileTypeRuntimeDefault}}
	}
	cmVolume := func(name, cm string) corev1.Volume {
		return corev1.Volume{Name: name, VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{
			LocalObjectReference: corev1.LocalObjectReference{Name: cm}}}}
	}
	deployment := func(name string, labels map[string]string, spec corev1.PodSpec) *appsv1.Deployment {
		one := int32(1)
		spec.AutomountServiceAccountToken = &no
		for i := range spec.Containers {
			if spec.Containers[i].SecurityContext == nil {
				spec.Containers[i].SecurityContext = hardened(uid)
			}
			spec.Containers[i].ImagePullPolicy = corev1.PullNever // imported, never pulled
		}
		return &appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: name, Labels: labels}, Spec: appsv1.DeploymentSpec{
			Replicas: &one, Selector: &metav1.LabelSelector{MatchLabels: labels},
			Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: labels}, Spec: spec}}}
	}
	service := func(name string, selector map[string]string, port, nodePort int32) {
		t.Helper()
		svc := &corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: name}, Spec: corev1.ServiceSpec{Selector: selector,
			Ports: []corev1.ServicePort{{Name: "p", Port: port, TargetPort: intstr.FromInt32(port), NodePort: nodePort}}}}
		if nodePort != 0 {
			svc.Spec.Type = corev1.ServiceTypeNodePort
		}
		must(c.CoreV1().Services(ns).Create(ctx, svc, metav1.CreateOptions{}))
	}
	nodePorts := rand.Perm(2700)
	frontendPort, dexPort := int32(30000+nodePorts[0]), int32(30000+nodePorts[1])

	// Dex, as the chart runs it: sqlite3 on a claim the node's provisioner binds, reached by browsers and pods at its NodePort.
	issuer := fmt.Sprintf("http://%s:%d/dex", n.IP, dexPort)
	const email, password = "admin@example.com", "node-test-password"
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		t.Fatal(err)
	}
	must(c.CoreV1().ConfigMaps(ns).Create(ctx, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "dex"}, Data: map[string]string{
		"config.yaml": fmt.Sprintf(`issuer: %s
storage: {type: sqlite3, config: {file: /var/dex/dex.db}}
web: {http: "0.0.0.0:5556"}
oauth2: {skipApprovalScreen: true, passwordConnector: local}
enablePasswordDB: true
staticClients:
  - {id: temporal-cli, name: Temporal CLI, public: true, redirectURIs: [%q]}
staticPasswords:
  - {email: %s, hash: %q, username: admin, userID: uid-admin}
`, issuer, dex.RedirectURL, email, hash)}}, metav1.CreateOptions{}))
	must(c.CoreV1().PersistentVolumeClaims(ns).Create(ctx, &corev1.PersistentVolumeClaim{ObjectMeta: metav1.ObjectMeta{Name: "dex"},
		Spec: corev1.PersistentVolumeClaimSpec{AccessModes: []corev1.PersistentVolumeAccessMode{corev1.ReadWriteOnce},
			Resources: corev1.VolumeResourceRequirements{Requests: corev1.ResourceList{corev1.ResourceStorage: resource.MustParse("64Mi")}}}},
		metav1.CreateOptions{}))
	dexUID := int64(1001)
	dexLabels := map[string]string{"app": "dex"}
	must(c.AppsV1().Deployments(ns).Create(ctx, deployment("dex", dexLabels, corev1.PodSpec{
		SecurityContext: &corev1.PodSecurityContext{FSGroup: &dexUID},
		Containers: []corev1.Container{{Name: "dex", Image: nodeimages.Dex, Args: []string{"dex", "serve", "/etc/dex/config.yaml"},
			SecurityContext: hardened(dexUID),
			ReadinessProbe: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{
				Path: "/dex/.well-known/openid-configuration", Port: intstr.FromInt32(5556)}}, PeriodSeconds: 2},
			VolumeMounts: []corev1.VolumeMount{{Name: "config", MountPath: "/etc/dex"}, {Name: "data", MountPath: "/var/dex"}}}},
		Volumes: []corev1.Volume{cmVolume("config", "dex"), {Name: "data", VolumeSource: corev1.VolumeSource{
			PersistentVolumeClaim: &corev1.PersistentVolumeClaimVolumeSource{ClaimName: "dex"}}}},
	}), metav1.CreateOptions{}))
	service("dex", dexLabels, 5556, dexPort)

	// The server config: fixed ports in the pod, every service binding and
	// broadcasting the pod's IP, as the upstream chart's config does.
	cfg := localconfig.Config{Frontend: 7233, FrontendMembership: 6933, FrontendHTTP: 7243, Internal: 7236, InternalMembership: 6936,
		InternalHTTP: 7246, History: 7234, HistoryMembership: 6934, Matching: 7235, MatchingMembership: 6935, Worker: 7239,
		WorkerMembership: 6939, Metrics: 9090, DataDir: "/data", DynamicConfigFile: "/etc/temporal/dynamic/dynamic_config.yaml"}
	var rendered bytes.Buffer
	if err := localconfig.Write(&rendered, cfg); err != nil {
		t.Fatal(err)
	}
	serverConfig := strings.ReplaceAll(strings.ReplaceAll(rendered.String(), "bindOnLocalHost: true", `bindOnIP: {{ env "POD_IP" }}`),
		"127.0.0.1", `{{ env "POD_IP" }}`)
	must(c.CoreV1().ConfigMaps(ns).Create(ctx, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "server-config"},
		Data: map[string]string{"config_template.yaml": serverConfig}}, metav1.CreateOptions{}))
	must(c.CoreV1().ConfigMaps(ns).Create(ctx, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "auth"}, Data: map[string]string{
		"issuers.yaml": fmt.Sprintf("issuers:\n  - issuer: %s\n    audiences: [temporal-cli]\n    policyDefault: true\n", issuer)}},
		metav1.CreateOptions{}))
	must(c.CoreV1().ConfigMaps(ns).Create(ctx, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "dynamic-config"}, Data: map[string]string{
		"dynamic_config.yaml": "stack.auth.rolePolicy:\n  - value:\n      users: {" + email + `: ["temporal-system:admin"]}` + "\n"}},
		metav1.CreateOptions{}))
	healthService := "temporal.api.workflowservice.v1.WorkflowService"
	// The chart's labels: its NetworkPolicy selects the internal services by them.
	serverLabels := map[string]string{"app.kubernetes.io/name": "temporal", "app.kubernetes.io/instance": "temporal-stack",
		"app.kubernetes.io/component": "internal-frontend"}
	must(c.AppsV1().Deployments(ns).Create(ctx, deployment("temporal-server", serverLabels, corev1.PodSpec{
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
	service("temporal-frontend", serverLabels, 7233, frontendPort)
	service("temporal-internal-frontend", serverLabels, 7236, 0)
	internal := "temporal-internal-frontend." + ns + ".svc.cluster.local:7236"
	pollerLabels := map[string]string{"app.kubernetes.io/name": "temporal-stack", "app.kubernetes.io/instance": "temporal-stack",
		"app.kubernetes.io/component": "poller"}
	must(c.AppsV1().Deployments(ns).Create(ctx, deployment("poller", pollerLabels, corev1.PodSpec{
		Containers: []corev1.Container{{Name: "poller", Image: image["poller"], Args: []string{"--address", internal, "--interval", "2s"},
			ReadinessProbe: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: "/readyz", Port: intstr.FromInt32(9095)}}, PeriodSeconds: 2},
		}},
	}), metav1.CreateOptions{}))
	// A pod that is none of ours, to try the internal-frontend from.
	must(c.AppsV1().Deployments(ns).Create(ctx, deployment("outsider", map[string]string{"app": "outsider"}, corev1.PodSpec{
		Containers: []corev1.Container{{Name: "poller", Image: image["poller"], Args: []string{"--address", internal, "--interval", "1h"}}},
	}), metav1.CreateOptions{}))

	start := time.Now()
	for _, d := range []string{"dex", "temporal-server", "poller", "outsider"} {
		waitAvailable(ctx, t, n, ns, d, 3*time.Minute)
	}
	t.Logf("Dex, server and poller Ready by their probes %s after the Deployments were created", time.Since(start).Round(100*time.Millisecond))

	kubectl := func(args ...string) (string, error) {
		bin, err := toolbin.Path(toolbin.Kubectl)
		if err != nil {
			t.Fatal(err)
		}
		out, err := exec.CommandContext(ctx, bin, append([]string{"--kubeconfig", n.Kubeconfig, "--namespace", ns}, args...)...).CombinedOutput()
		return string(out), err
	}

	t.Run("a workflow completes through the NodePort with a token from Dex's NodePort", func(t *testing.T) {
		tok := dexLogin(t, issuer, email, password)
		addr := fmt.Sprintf("127.0.0.1:%d", frontendPort)
		runGreeting(t, addr, tok, "on-node")
		if err := describeAs(addr, "not-a-token"); !isDenied(err) {
			t.Fatalf("a bad token through the NodePort: %v", err)
		}
	})

	t.Run("kubectl logs shows the server's start-up", func(t *testing.T) {
		out, err := kubectl("logs", "deployment/temporal-server")
		if err != nil || !strings.Contains(out, `"msg":"Starting."`) {
			t.Fatalf("kubectl logs: %v\n%s", err, lastLines(out, 10))
		}
	})

	t.Run("a pod killed with --force comes back", func(t *testing.T) {
		pods, err := c.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: "app.kubernetes.io/component=poller"})
		if err != nil || len(pods.Items) != 1 {
			t.Fatalf("%v %v", pods, err)
		}
		old := pods.Items[0].Name
		if out, err := kubectl("delete", "pod", old, "--force", "--grace-period=0"); err != nil {
			t.Fatalf("kubectl delete --force: %v\n%s", err, out)
		}
		deadline := time.Now().Add(2 * time.Minute)
		for {
			ps, err := c.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: "app.kubernetes.io/component=poller"})
			if err == nil && len(ps.Items) == 1 && ps.Items[0].Name != old && podReady(&ps.Items[0]) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("no new Ready poller pod after 2 min: %v\n%s", err, podReport(ctx, n, ns))
			}
			time.Sleep(500 * time.Millisecond)
		}
	})

	t.Run("the NetworkPolicy keeps other pods from the internal-frontend", func(t *testing.T) {
		probe := func(deploy string) error {
			out, err := kubectl("exec", "deployment/"+deploy, "--", "temporal-stack-poller", "--once", "--wait", "0s", "--address", internal)
			if err != nil {
				return fmt.Errorf("%w: %s", err, lastLines(out, 3))
			}
			return nil
		}
		if err := probe("outsider"); err != nil {
			t.Fatalf("before any policy the outsider cannot reach the internal-frontend either, so the test proves nothing: %v", err)
		}
		// The chart's policy (chart/templates/networkpolicy.yaml) for release temporal-stack, and the public frontend port.
		tcp, internalPort, frontend := corev1.ProtocolTCP, intstr.FromInt32(7236), intstr.FromInt32(7233)
		must(c.NetworkingV1().NetworkPolicies(ns).Create(ctx, &networkingv1.NetworkPolicy{ObjectMeta: metav1.ObjectMeta{Name: "server-internal"},
			Spec: networkingv1.NetworkPolicySpec{PodSelector: metav1.LabelSelector{MatchLabels: map[string]string{
				"app.kubernetes.io/name": "temporal", "app.kubernetes.io/instance": "temporal-stack"}},
				PolicyTypes: []networkingv1.PolicyType{networkingv1.PolicyTypeIngress},
				Ingress: []networkingv1.NetworkPolicyIngressRule{
					{From: []networkingv1.NetworkPolicyPeer{{PodSelector: &metav1.LabelSelector{MatchLabels: map[string]string{
						"app.kubernetes.io/name": "temporal-stack", "app.kubernetes.io/instance": "temporal-stack"},
						MatchExpressions: []metav1.LabelSelectorRequirement{{Key: "app.kubernetes.io/component", Operator: metav1.LabelSelectorOpIn,
							Values: []string{"poller", "test", "namespace-bootstrap"}}}}}},
						Ports: []networkingv1.NetworkPolicyPort{{Protocol: &tcp, Port: &internalPort}}},
					{Ports: []networkingv1.NetworkPolicyPort{{Protocol: &tcp, Port: &frontend}}},
				}}}, metav1.CreateOptions{}))
		deadline := time.Now().Add(time.Minute)
		for probe("outsider") == nil {
			if time.Now().After(deadline) {
				t.Fatalf("the outsider still reaches the internal-frontend a minute after the policy; kube-router:\n%s", n.Tail("kube-router", 20))
			}
			time.Sleep(time.Second)
		}
		if err := probe("poller"); err != nil {
			t.Fatalf("the poller, which the policy allows, cannot reach the internal-frontend: %v", err)
		}
		if err := describeAs(fmt.Sprintf("127.0.0.1:%d", frontendPort), "not-a-token"); !isDenied(err) {
			t.Fatalf("the frontend stopped answering under the policy: %v", err)
		}
	})

	t.Run("the other images of a default install run", func(t *testing.T) {
		testThirdPartyImages(ctx, t, n, ns, image["server"], int32(30000+nodePorts[2]))
	})
}

// dexLogin signs email in at issuer through the authorization-code flow with
// PKCE, as dexlogin does, and returns the ID token.
func dexLogin(t *testing.T, issuer, email, password string) string {
	t.Helper()
	tok, err := dex.LoginAt(issuer, email, password)
	if err != nil || tok.ID == "" {
		t.Fatalf("login at %s: %v (ID token %q)", issuer, err, tok.ID)
	}
	return tok.ID
}

// waitAvailable waits until Deployment ns/name has its one replica available.
func waitAvailable(ctx context.Context, t *testing.T, n *node.Node, ns, name string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		d, err := n.Client.AppsV1().Deployments(ns).Get(ctx, name, metav1.GetOptions{})
		if err == nil && d.Status.AvailableReplicas == 1 && d.Status.UpdatedReplicas == 1 && d.Status.Replicas == 1 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s not available after %s: %v\n%s", name, timeout, err, podReport(ctx, n, ns))
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// testThirdPartyImages runs the images nodeimages builds as a default
// install would: the Web UI serves its page; MinIO reports ready and our
// server image's ensure-buckets (the chart's bucket Job) creates the
// archival buckets in it; the PostgreSQL stand-in initializes a provisioned
// volume from the official image's env contract and accepts a password
// login over the network.
func testThirdPartyImages(ctx context.Context, t *testing.T, n *node.Node, ns, serverImage string, minioPort int32) {
	c := n.Client
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	no, yes := false, true
	restricted := func(uid int64, readOnly bool) *corev1.SecurityContext {
		return &corev1.SecurityContext{RunAsUser: &uid, RunAsGroup: &uid, RunAsNonRoot: &yes, ReadOnlyRootFilesystem: &readOnly,
			AllowPrivilegeEscalation: &no, Capabilities: &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}},
			SeccompProfile: &corev1.SeccompProfile{Type: corev1.SeccompProfileTypeRuntimeDefault}}
	}
	one := int32(1)
	template := func(labels map[string]string, spec corev1.PodSpec) corev1.PodTemplateSpec {
		spec.AutomountServiceAccountToken = &no
		for i := range spec.Containers {
			spec.Containers[i].ImagePullPolicy = corev1.PullNever
		}
		return corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: labels}, Spec: spec}
	}
	httpReady := func(path string, port int32) *corev1.Probe {
		return &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: path, Port: intstr.FromInt32(port)}}, PeriodSeconds: 2}
	}
	ui := map[string]string{"app": "ui"}
	must(c.AppsV1().Deployments(ns).Create(ctx, &appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: "ui"}, Spec: appsv1.DeploymentSpec{
		Replicas: &one, Selector: &metav1.LabelSelector{MatchLabels: ui}, Template: template(ui, corev1.PodSpec{
			Containers: []corev1.Container{{Name: "ui", Image: nodeimages.UI, SecurityContext: restricted(1000, true),
				Env:            []corev1.EnvVar{{Name: "TEMPORAL_ADDRESS", Value: "temporal-frontend." + ns + ".svc.cluster.local:7233"}},
				ReadinessProbe: httpReady("/", 8080)}}})}}, metav1.CreateOptions{}))
	minio := map[string]string{"app": "minio"}
	must(c.AppsV1().Deployments(ns).Create(ctx, &appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: "minio"}, Spec: appsv1.DeploymentSpec{
		Replicas: &one, Selector: &metav1.LabelSelector{MatchLabels: minio}, Template: template(minio, corev1.PodSpec{
			Containers: []corev1.Container{{Name: "minio", Image: nodeimages.MinIO, SecurityContext: restricted(1000, false),
				Args: []string{"server", "/data", "--address", ":9000", "--console-address", ":9001"},
				Env: []corev1.EnvVar{{Name: "MINIO_ROOT_USER", Value: "archive"}, {Name: "MINIO_ROOT_PASSWORD", Value: "archive-password"},
					{Name: "HOME", Value: "/data"}},
				ReadinessProbe: httpReady("/minio/health/ready", 9000),
				VolumeMounts:   []corev1.VolumeMount{{Name: "data", MountPath: "/data"}}}},
			Volumes: []corev1.Volume{{Name: "data", VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{}}}}})}},
		metav1.CreateOptions{}))

	must(c.CoreV1().Services(ns).Create(ctx, &corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: "minio"}, Spec: corev1.ServiceSpec{
		Type: corev1.ServiceTypeNodePort, Selector: minio,
		Ports: []corev1.ServicePort{{Port: 9000, TargetPort: intstr.FromInt32(9000), NodePort: minioPort}}}}, metav1.CreateOptions{}))
	// The chart's bucket Job (chart/templates/minio.yaml), started before MinIO is ready: it retries.
	buckets := &batchv1.Job{ObjectMeta: metav1.ObjectMeta{Name: "buckets"}, Spec: batchv1.JobSpec{BackoffLimit: &one,
		Template: template(nil, corev1.PodSpec{RestartPolicy: corev1.RestartPolicyNever,
			Containers: []corev1.Container{{Name: "buckets", Image: serverImage, SecurityContext: restricted(1000, true),
				Args: []string{"ensure-buckets", "--endpoint=http://minio:9000", "--bucket=temporal-history", "--bucket=temporal-visibility"},
				Env:  []corev1.EnvVar{{Name: "AWS_ACCESS_KEY_ID", Value: "archive"}, {Name: "AWS_SECRET_ACCESS_KEY", Value: "archive-password"}}}}})}}
	must(c.BatchV1().Jobs(ns).Create(ctx, buckets, metav1.CreateOptions{}))

	// PostgreSQL as chart/templates/postgres.yaml runs it: a StatefulSet whose claim the provisioner binds.
	pg := map[string]string{"app": "postgres"}
	pgUID := int64(999)
	env := []corev1.EnvVar{{Name: "POSTGRES_USER", Value: "temporal"}, {Name: "POSTGRES_DB", Value: "temporal_visibility"},
		{Name: "PGDATA", Value: "/var/lib/postgresql/data/pgdata"}, {Name: "POSTGRES_PASSWORD", Value: "pg-node-password"}}
	must(c.AppsV1().StatefulSets(ns).Create(ctx, &appsv1.StatefulSet{ObjectMeta: metav1.ObjectMeta{Name: "postgres"}, Spec: appsv1.StatefulSetSpec{
		Replicas: &one, ServiceName: "postgres", Selector: &metav1.LabelSelector{MatchLabels: pg},
		Template: template(pg, corev1.PodSpec{SecurityContext: &corev1.PodSecurityContext{FSGroup: &pgUID},
			Containers: []corev1.Container{{Name: "postgres", Image: nodeimages.PostgresStandIn, SecurityContext: restricted(pgUID, false), Env: env,
				ReadinessProbe: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{
					Command: []string{"pg_isready", "-U", "temporal", "-d", "temporal_visibility"}}}, PeriodSeconds: 2},
				VolumeMounts: []corev1.VolumeMount{{Name: "data", MountPath: "/var/lib/postgresql/data"}, {Name: "run", MountPath: "/var/run/postgresql"}}}},
			Volumes: []corev1.Volume{{Name: "run", VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{}}}}}),
		VolumeClaimTemplates: []corev1.PersistentVolumeClaim{{ObjectMeta: metav1.ObjectMeta{Name: "data"},
			Spec: corev1.PersistentVolumeClaimSpec{AccessModes: []corev1.PersistentVolumeAccessMode{corev1.ReadWriteOnce},
				Resources: corev1.VolumeResourceRequirements{Requests: corev1.ResourceList{corev1.ResourceStorage: resource.MustParse("256Mi")}}}}},
	}}, metav1.CreateOptions{}))
	must(c.CoreV1().Services(ns).Create(ctx, &corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: "postgres"}, Spec: corev1.ServiceSpec{
		Selector: pg, Ports: []corev1.ServicePort{{Port: 5432, TargetPort: intstr.FromInt32(5432)}}}}, metav1.CreateOptions{}))

	for _, d := range []string{"ui", "minio"} {
		waitAvailable(ctx, t, n, ns, d, 3*time.Minute)
	}
	deadline := time.Now().Add(3 * time.Minute)
	for {
		s, err := c.AppsV1().StatefulSets(ns).Get(ctx, "postgres", metav1.GetOptions{})
		if err == nil && s.Status.ReadyReplicas == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("postgres not ready after 3 min: %v\n%s", err, podReport(ctx, n, ns))
		}
		time.Sleep(500 * time.Millisecond)
	}
	pvc, err := c.CoreV1().PersistentVolumeClaims(ns).Get(ctx, "data-postgres-0", metav1.GetOptions{})
	if err != nil || pvc.Status.Phase != corev1.ClaimBound {
		t.Fatalf("the StatefulSet's claim is not bound: %v %+v", err, pvc)
	}

	waitJob(ctx, t, n, ns, "buckets")
	s3c := s3.New(s3.Options{Region: "us-east-1", BaseEndpoint: aws.String(fmt.Sprintf("http://127.0.0.1:%d", minioPort)), UsePathStyle: true,
		Credentials: credentials.NewStaticCredentialsProvider("archive", "archive-password", "")})
	for _, b := range []string{"temporal-history", "temporal-visibility"} {
		if _, err := s3c.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(b)}); err != nil {
			t.Errorf("bucket %s after the bucket Job: %v", b, err)
		}
	}

	// A password login over the Service, from another pod, to the database the env asked for.
	got := psqlOnNode(ctx, t, n, ns, "psql", "postgres."+ns+".svc.cluster.local", "temporal_visibility", "pg-node-password",
		"select current_database() || ' ' || current_user")
	if got != "temporal_visibility temporal" {
		t.Fatalf("psql printed %q, want %q", got, "temporal_visibility temporal")
	}
}

// waitJob waits up to 3 minutes for Job ns/name to succeed.
func waitJob(ctx context.Context, t *testing.T, n *node.Node, ns, name string) {
	t.Helper()
	for deadline := time.Now().Add(3 * time.Minute); ; time.Sleep(500 * time.Millisecond) {
		j, err := n.Client.BatchV1().Jobs(ns).Get(ctx, name, metav1.GetOptions{})
		if err == nil && j.Status.Succeeded == 1 {
			return
		}
		if time.Now().After(deadline) || (err == nil && j.Status.Failed > 1) {
			t.Fatalf("Job %s did not succeed: %v\n%s", name, err, podReport(ctx, n, ns))
		}
	}
}
