// Package kube runs a real Kubernetes control plane for tests: etcd and
// kube-apiserver built from their Go modules, on loopback, with fresh data;
// StartNodes adds controllers, the scheduler and a kwok-simulated node.
package kube

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	authenticationv1 "k8s.io/api/authentication/v1"
	corev1 "k8s.io/api/core/v1"
	storagev1 "k8s.io/api/storage/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
	"sigs.k8s.io/yaml"

	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/internal/toolbin"
)

const adminToken = "harness-admin-token"

// ControlPlane is a running etcd + kube-apiserver.
type ControlPlane struct {
	Dir        string // data, certs and logs
	Kubeconfig string // admin kubeconfig file
	Config     *rest.Config
	Client     kubernetes.Interface

	t         testing.TB
	apiBin    string
	apiArgs   []string
	etcd      *proc.Process
	apiserver *proc.Process
	others    map[string]*proc.Process // StartControllers'
}

// Processes are the control plane's running processes by name (etcd,
// kube-apiserver, and the controllers once started).
func (cp *ControlPlane) Processes() map[string]*proc.Process {
	m := map[string]*proc.Process{"etcd": cp.etcd, "kube-apiserver": cp.apiserver}
	for k, v := range cp.others {
		m[k] = v
	}
	return m
}

// Start builds (once) and starts a control plane, registered for cleanup.
func Start(t testing.TB) *ControlPlane { return StartWith(t, Options{}) }

// Options change the control plane for a real node (internal/harness/node).
type Options struct {
	// NodeIP, if set, is where kube-apiserver listens and what it advertises
	// (pods reach it through the kubernetes Service, whose endpoint it
	// maintains); authorization is Node,RBAC, with tokens for a kubelet
	// (NodeName) and kube-proxy. Empty: loopback only, RBAC, no endpoint.
	NodeIP   string
	NodeName string
}

// Tokens of the node agents (Options.NodeIP); see KubeconfigFor.
const (
	NodeToken  = "harness-node-token"
	ProxyToken = "harness-proxy-token"
)

// StartWith starts etcd and kube-apiserver with o.
func StartWith(t testing.TB, o Options) *ControlPlane {
	t.Helper()
	etcdBin, err := toolbin.Path(toolbin.Etcd)
	if err != nil {
		t.Fatal(err)
	}
	apiBin, err := toolbin.Path(toolbin.KubeAPIServer)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// Servers under test may run as uid 1000 and read the kubeconfig.
	for _, d := range []string{dir, filepath.Dir(dir)} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cp := &ControlPlane{Dir: dir, t: t, apiBin: apiBin}

	// A free port can be taken by another process (a parallel test package)
	// between being found and being bound: then etcd starts again on others.
	var clientURL string
	for attempt := 1; ; attempt++ {
		clientURL = fmt.Sprintf("http://127.0.0.1:%d", mustPort(t))
		peerURL := fmt.Sprintf("http://127.0.0.1:%d", mustPort(t))
		_ = os.RemoveAll(filepath.Join(dir, "etcd"))
		cp.etcd, err = proc.Start(proc.Spec{Name: "etcd", Path: etcdBin, LogDir: dir, Args: []string{
			"--name", "harness", "--data-dir", filepath.Join(dir, "etcd"),
			"--listen-client-urls", clientURL, "--advertise-client-urls", clientURL,
			"--listen-peer-urls", peerURL, "--initial-advertise-peer-urls", peerURL,
			"--initial-cluster", "harness=" + peerURL, "--log-level", "warn",
		}})
		if err != nil {
			t.Fatal(err)
		}
		err = cp.etcd.WaitFor(30*time.Second, "healthy", proc.HTTPOK(nil, clientURL+"/health"))
		if err == nil {
			break
		}
		cp.etcd.Stop(5 * time.Second)
		if attempt == 3 || !strings.Contains(cp.etcd.Tail(5), "address already in use") {
			t.Fatal(err)
		}
		t.Logf("etcd: a port was taken meanwhile; starting again (attempt %d)", attempt+1)
	}
	t.Cleanup(func() { cp.etcd.Stop(5 * time.Second) })
	apiPort := mustPort(t)

	saKey := filepath.Join(dir, "sa.key")
	if err := writeServiceAccountKey(saKey); err != nil {
		t.Fatal(err)
	}
	tokens := filepath.Join(dir, "tokens.csv")
	tokenLines := adminToken + ",harness-admin,harness-admin,system:masters\n"
	if o.NodeIP != "" {
		tokenLines += NodeToken + ",system:node:" + o.NodeName + ",node-" + o.NodeName + ",system:nodes\n" +
			ProxyToken + ",system:kube-proxy,kube-proxy\n"
	}
	if err := os.WriteFile(tokens, []byte(tokenLines), 0o600); err != nil {
		t.Fatal(err)
	}
	host := "127.0.0.1"
	if o.NodeIP != "" {
		host = o.NodeIP
	}
	cp.apiArgs = []string{
		"--etcd-servers", clientURL,
		"--bind-address", host, "--advertise-address", host,
		"--secure-port", strconv.Itoa(apiPort), "--cert-dir", filepath.Join(dir, "certs"),
		"--service-account-key-file", saKey, "--service-account-signing-key-file", saKey,
		"--service-account-issuer", "https://kubernetes.default.svc.cluster.local",
		"--token-auth-file", tokens, "--service-cluster-ip-range", "10.96.0.0/24",
	}
	if o.NodeIP == "" {
		cp.apiArgs = append(cp.apiArgs, "--authorization-mode", "RBAC", "--endpoint-reconciler-type", "none")
	} else {
		// The apiserver dials kubelets by InternalIP (the node name does not resolve here).
		cp.apiArgs = append(cp.apiArgs, "--authorization-mode", "Node,RBAC", "--allow-privileged=true",
			"--kubelet-preferred-address-types", "InternalIP,Hostname", "--service-node-port-range", "30000-32767")
	}
	cp.Config = &rest.Config{
		Host:            fmt.Sprintf("https://%s:%d", host, apiPort),
		BearerToken:     adminToken,
		TLSClientConfig: rest.TLSClientConfig{Insecure: true},
		QPS:             200, Burst: 400,
	}
	cp.StartAPIServer()
	t.Cleanup(func() {
		if cp.apiserver != nil {
			cp.apiserver.Stop(10 * time.Second)
		}
	})

	cp.Client, err = kubernetes.NewForConfig(cp.Config)
	if err != nil {
		t.Fatal(err)
	}
	cp.Kubeconfig = filepath.Join(dir, "kubeconfig")
	if err := writeKubeconfig(cp.Kubeconfig, cp.Config); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(cp.Kubeconfig, 0o644); err != nil { // a throwaway test token
		t.Fatal(err)
	}
	return cp
}

// StartAPIServer starts kube-apiserver (again) on the same port and data, and
// waits until /readyz answers.
func (cp *ControlPlane) StartAPIServer() {
	cp.t.Helper()
	var err error
	cp.apiserver, err = proc.Start(proc.Spec{Name: "kube-apiserver", Path: cp.apiBin, LogDir: cp.Dir, Args: cp.apiArgs})
	if err != nil {
		cp.t.Fatal(err)
	}
	hc, err := rest.HTTPClientFor(cp.Config)
	if err != nil {
		cp.t.Fatal(err)
	}
	if err := cp.apiserver.WaitFor(90*time.Second, "ready", proc.HTTPOK(hc, cp.Config.Host+"/readyz")); err != nil {
		cp.t.Fatal(err)
	}
}

// KillAPIServer kills kube-apiserver with SIGKILL (etcd keeps the data).
func (cp *ControlPlane) KillAPIServer() {
	cp.apiserver.Kill()
	cp.apiserver = nil
}

// Ready reports whether the API server answers /readyz.
func (cp *ControlPlane) Ready(ctx context.Context) error {
	hc, err := rest.HTTPClientFor(cp.Config)
	if err != nil {
		return err
	}
	return proc.HTTPOK(&http.Client{Transport: hc.Transport, Timeout: 2 * time.Second}, cp.Config.Host+"/readyz")(ctx)
}

func mustPort(t testing.TB) int {
	p, err := proc.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func writeServiceAccountKey(path string) error {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return err
	}
	der := x509.MarshalPKCS1PrivateKey(key)
	return os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: der}), 0o600)
}

func writeKubeconfig(path string, rc *rest.Config) error {
	cfg := clientcmdapi.NewConfig()
	cfg.Clusters["harness"] = &clientcmdapi.Cluster{Server: rc.Host, InsecureSkipTLSVerify: true}
	cfg.AuthInfos["harness-user"] = &clientcmdapi.AuthInfo{Token: rc.BearerToken}
	cfg.Contexts["harness"] = &clientcmdapi.Context{Cluster: "harness", AuthInfo: "harness-user"}
	cfg.CurrentContext = "harness"
	return clientcmd.WriteToFile(*cfg, path)
}

// ServiceAccountKubeconfig creates the ServiceAccount ns/name (the namespace
// must exist), obtains a token for it through the TokenRequest API and writes
// a kubeconfig that acts as it, so tests exercise real RBAC.
func (cp *ControlPlane) ServiceAccountKubeconfig(ns, name string) string {
	cp.t.Helper()
	ctx := context.Background()
	sa := &corev1.ServiceAccount{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns}}
	if _, err := cp.Client.CoreV1().ServiceAccounts(ns).Create(ctx, sa, metav1.CreateOptions{}); err != nil {
		cp.t.Fatal(err)
	}
	hour := int64(3600)
	tr, err := cp.Client.CoreV1().ServiceAccounts(ns).CreateToken(ctx, name,
		&authenticationv1.TokenRequest{Spec: authenticationv1.TokenRequestSpec{ExpirationSeconds: &hour}}, metav1.CreateOptions{})
	if err != nil {
		cp.t.Fatal(err)
	}
	rc := rest.CopyConfig(cp.Config)
	rc.BearerToken = tr.Status.Token
	path := filepath.Join(cp.Dir, "kubeconfig-"+ns+"-"+name)
	if err := writeKubeconfig(path, rc); err != nil {
		cp.t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		cp.t.Fatal(err)
	}
	return path
}

// StartNodes makes the control plane run workloads without a container
// runtime: kube-controller-manager and kube-scheduler (real controllers and
// scheduling) and kwok, which simulates one node whose pods go Running (Job
// pods Succeeded) and provisions PersistentVolumes for the default
// StorageClass "kwok-volume". Nothing runs in the pods: readiness is what
// kwok reports, not what a container would.
func (cp *ControlPlane) StartNodes() {
	cp.t.Helper()
	cp.StartControllers()
	kwok, err := toolbin.Path(toolbin.Kwok)
	if err != nil {
		cp.t.Fatal(err)
	}
	stages, storageClass, err := kwokStages(filepath.Join(cp.Dir, "kwok-stages.yaml"))
	if err != nil {
		cp.t.Fatal(err)
	}
	for _, c := range []struct {
		name, bin string
		args      []string
	}{
		{"kwok", kwok, []string{"--kubeconfig", cp.Kubeconfig, "--config", stages, "--manage-all-nodes=false",
			"--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake", "--manage-nodes-with-label-selector=",
			"--disregard-status-with-annotation-selector=kwok.x-k8s.io/status=custom", "--disregard-status-with-label-selector=",
			"--cidr=10.0.0.1/24", "--node-ip=10.0.0.1", "--server-address", fmt.Sprintf("127.0.0.1:%d", mustPort(cp.t))}},
	} {
		p, err := proc.Start(proc.Spec{Name: c.name, Path: c.bin, LogDir: cp.Dir, Args: c.args})
		if err != nil {
			cp.t.Fatal(err)
		}
		cp.t.Cleanup(func() { p.Stop(5 * time.Second) })
	}
	ctx := context.Background()
	node := &corev1.Node{
		ObjectMeta: metav1.ObjectMeta{Name: "kwok-node-0", Annotations: map[string]string{"kwok.x-k8s.io/node": "fake"},
			Labels: map[string]string{"type": "kwok", "kubernetes.io/hostname": "kwok-node-0", "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64"}},
		Status: corev1.NodeStatus{Allocatable: nodeResources(), Capacity: nodeResources()},
	}
	if _, err := cp.Client.CoreV1().Nodes().Create(ctx, node, metav1.CreateOptions{}); err != nil {
		cp.t.Fatal(err)
	}
	if _, err := cp.Client.StorageV1().StorageClasses().Create(ctx, storageClass, metav1.CreateOptions{}); err != nil {
		cp.t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	for {
		n, err := cp.Client.CoreV1().Nodes().Get(ctx, "kwok-node-0", metav1.GetOptions{})
		if err == nil {
			for _, c := range n.Status.Conditions {
				if c.Type == corev1.NodeReady && c.Status == corev1.ConditionTrue {
					return
				}
			}
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(filepath.Join(cp.Dir, "kwok.log"))
			cp.t.Fatalf("the kwok node is not Ready after 1 min (%v); kwok log:\n%s", err, lastBytes(b, 3000))
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// StartControllers runs kube-controller-manager and kube-scheduler.
func (cp *ControlPlane) StartControllers() {
	cp.t.Helper()
	kcm, err := toolbin.Path(toolbin.KubeControllerManager)
	if err != nil {
		cp.t.Fatal(err)
	}
	sched, err := toolbin.Path(toolbin.KubeScheduler)
	if err != nil {
		cp.t.Fatal(err)
	}
	for _, c := range []struct {
		name, bin string
		args      []string
	}{
		{"kube-controller-manager", kcm, []string{"--kubeconfig", cp.Kubeconfig, "--leader-elect=false", "--bind-address", "127.0.0.1",
			"--secure-port", strconv.Itoa(mustPort(cp.t)), "--service-account-private-key-file", filepath.Join(cp.Dir, "sa.key"),
			"--root-ca-file", filepath.Join(cp.Dir, "certs", "apiserver.crt"), "--use-service-account-credentials=false"}},
		{"kube-scheduler", sched, []string{"--kubeconfig", cp.Kubeconfig, "--leader-elect=false", "--bind-address", "127.0.0.1",
			"--secure-port", strconv.Itoa(mustPort(cp.t))}},
	} {
		p, err := proc.Start(proc.Spec{Name: c.name, Path: c.bin, LogDir: cp.Dir, Args: c.args})
		if err != nil {
			cp.t.Fatal(err)
		}
		cp.t.Cleanup(func() { p.Stop(5 * time.Second) })
		if cp.others == nil {
			cp.others = map[string]*proc.Process{}
		}
		cp.others[c.name] = p
	}
}

// KubeconfigFor writes a kubeconfig acting with token (NodeToken,
// ProxyToken) to path.
func (cp *ControlPlane) KubeconfigFor(token, path string) error {
	rc := rest.CopyConfig(cp.Config)
	rc.BearerToken = token
	return writeKubeconfig(path, rc)
}

func nodeResources() corev1.ResourceList {
	return corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("32"), corev1.ResourceMemory: resource.MustParse("256Gi"),
		corev1.ResourcePods: resource.MustParse("110")}
}

func lastBytes(b []byte, n int) string {
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}

// kwokStages writes kwok's own fast node, pod and volume stages (from its
// pinned module) into one file, and returns its StorageClass.
func kwokStages(out string) (string, *storagev1.StorageClass, error) {
	root, err := toolbin.Root()
	if err != nil {
		return "", nil, err
	}
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "sigs.k8s.io/kwok")
	cmd.Dir = filepath.Join(root, "tools", "deps", "kwok")
	dirOut, err := cmd.Output()
	if err != nil {
		return "", nil, fmt.Errorf("find the kwok module: %w", err)
	}
	stageDir := filepath.Join(strings.TrimSpace(string(dirOut)), "kustomize", "stage")
	var files []string
	for _, pattern := range []string{"node/fast/node-initialize.yaml", "pod/fast/pod-*.yaml", "volume/fast/p*.yaml"} {
		m, _ := filepath.Glob(filepath.Join(stageDir, pattern))
		files = append(files, m...)
	}
	if len(files) < 5 {
		return "", nil, fmt.Errorf("kwok stages not found under %s (found %v)", stageDir, files)
	}
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return "", nil, err
		}
		b.WriteString("---\n")
		b.Write(data)
		b.WriteString("\n")
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		return "", nil, err
	}
	sc := &storagev1.StorageClass{}
	data, err := os.ReadFile(filepath.Join(stageDir, "volume", "fast", "storage-class.yaml"))
	if err != nil {
		return "", nil, err
	}
	if err := yaml.Unmarshal(data, sc); err != nil {
		return "", nil, err
	}
	return out, sc, nil
}
