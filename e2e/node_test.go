package e2e

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/temporal-stack/stack/internal/harness/node"
)

// TestNode: a real single-node cluster (kubelet, containerd, CNI, kube-proxy)
// runs CoreDNS as a pod, which answers cluster.local queries through the
// kube-dns ClusterIP that kube-proxy routes.
func TestNode(t *testing.T) {
	endToEnd(t, "runs a real Kubernetes node")
	n := node.Start(t)
	t.Run("the cluster DNS resolves the kubernetes Service", func(t *testing.T) {
		r := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{Timeout: 2 * time.Second}).DialContext(ctx, network, net.JoinHostPort(node.DNSServiceIP, "53"))
		}}
		var addrs []string
		var err error
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(500 * time.Millisecond) {
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			addrs, err = r.LookupHost(ctx, "kubernetes.default.svc.cluster.local")
			cancel()
			if err == nil {
				break
			}
		}
		if err != nil || len(addrs) != 1 || addrs[0] != "10.96.0.1" {
			t.Fatalf("kubernetes.default.svc.cluster.local via %s: %v %v", node.DNSServiceIP, addrs, err)
		}
	})
	_ = n
}
