// Package kube runs a real Kubernetes control plane for tests: etcd and
// kube-apiserver built from their Go modules, on loopback, with fresh data.
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
	"path/filepath"
	"strconv"
	"testing"
	"time"

	authenticationv1 "k8s.io/api/authentication/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"

	"github.com/temporal-stack/stack/internal/harness/proc"
	"github.com/temporal-stack/stack/internal/harness/toolbin"
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
}

// Start builds (once) and starts a control plane, registered for cleanup.
func Start(t testing.TB) *ControlPlane {
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

	clientPort, peerPort, apiPort := mustPort(t), mustPort(t), mustPort(t)
	clientURL := fmt.Sprintf("http://127.0.0.1:%d", clientPort)
	peerURL := fmt.Sprintf("http://127.0.0.1:%d", peerPort)
	cp.etcd, err = proc.Start(proc.Spec{Name: "etcd", Path: etcdBin, LogDir: dir, Args: []string{
		"--name", "harness", "--data-dir", filepath.Join(dir, "etcd"),
		"--listen-client-urls", clientURL, "--advertise-client-urls", clientURL,
		"--listen-peer-urls", peerURL, "--initial-advertise-peer-urls", peerURL,
		"--initial-cluster", "harness=" + peerURL, "--log-level", "warn",
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cp.etcd.Stop(5 * time.Second) })
	if err := cp.etcd.WaitFor(30*time.Second, "healthy", proc.HTTPOK(nil, clientURL+"/health")); err != nil {
		t.Fatal(err)
	}

	saKey := filepath.Join(dir, "sa.key")
	if err := writeServiceAccountKey(saKey); err != nil {
		t.Fatal(err)
	}
	tokens := filepath.Join(dir, "tokens.csv")
	if err := os.WriteFile(tokens, []byte(adminToken+",harness-admin,harness-admin,system:masters\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cp.apiArgs = []string{
		"--etcd-servers", clientURL,
		"--bind-address", "127.0.0.1", "--advertise-address", "127.0.0.1",
		"--secure-port", strconv.Itoa(apiPort), "--cert-dir", filepath.Join(dir, "certs"),
		"--service-account-key-file", saKey, "--service-account-signing-key-file", saKey,
		"--service-account-issuer", "https://kubernetes.default.svc.cluster.local",
		"--token-auth-file", tokens, "--authorization-mode", "RBAC",
		"--service-cluster-ip-range", "10.96.0.0/24", "--endpoint-reconciler-type", "none",
	}
	cp.Config = &rest.Config{
		Host:            fmt.Sprintf("https://127.0.0.1:%d", apiPort),
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
