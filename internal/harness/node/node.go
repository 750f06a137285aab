// Package node runs a real single-node Kubernetes cluster from host
// processes, as Kubernetes' hack/local-up-cluster.sh does: the control plane
// of internal/harness/kube on the host's IP, a private containerd with CRI
// (Debian's, with runc), the CNI bridge plugins, kubelet, kube-proxy and
// CoreDNS as the cluster DNS. Everything it starts, mounts or adds (processes,
// mounts, iptables chains, the bridge, cgroups) is removed when the test ends.
package node

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/temporal-stack/stack/internal/harness/containerd"
	"github.com/temporal-stack/stack/internal/harness/kube"
	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/internal/toolbin"
)

const (
	// Name is the node's name.
	Name = "stack-node"
	// PodCIDR is the pods' network (host-local IPAM on the CNI bridge).
	PodCIDR = "10.88.0.0/16"
	// DNSServiceIP is the kube-dns Service (CoreDNS).
	DNSServiceIP = "10.96.0.10"
	bridge       = "stacknode0"
	pauseImage   = "local.test/pause:1"
	corednsImage = "local.test/coredns:1.15.0"
	// runDir is where containerd 1.6 puts its shims' sockets, whatever its state dir.
	runDir = "/run/containerd"
)

// Node is a running single-node cluster.
type Node struct {
	*kube.ControlPlane
	IP              string // the node's InternalIP (the host's)
	Containerd      string // CRI socket
	dir             string
	t               testing.TB
	procs           map[string]*proc.Process
	routeLocal      string // net.ipv4.conf.all.route_localnet before kube-proxy set it
	proxyBin        string
	createdRun      bool
	stopProvisioner context.CancelFunc
}

// Start brings the node up and waits until it is Ready and CoreDNS serves.
// It fails, saying what to install, when a host package is missing.
func Start(t testing.TB) *Node {
	t.Helper()
	for tool, pkg := range map[string]string{"containerd": "containerd", "runc": "runc", "ctr": "containerd",
		"iptables": "iptables", "ip": "iproute2", "ipset": "ipset"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found: apt-get install -y --no-install-recommends %s", tool, pkg)
		}
	}
	if _, err := os.Stat("/usr/lib/cni/bridge"); err != nil {
		t.Fatal("CNI plugins not found: apt-get install -y --no-install-recommends containernetworking-plugins")
	}
	bins := map[string]string{}
	for name, tool := range map[string]toolbin.Tool{"kubelet": toolbin.Kubelet, "kube-proxy": toolbin.KubeProxy, "coredns": toolbin.CoreDNS,
		"kube-router": toolbin.KubeRouter} {
		p, err := toolbin.Path(tool)
		if err != nil {
			t.Fatal(err)
		}
		bins[name] = p
	}
	pause, err := toolbin.Own("./internal/harness/node/pause")
	if err != nil {
		t.Fatal(err)
	}
	ip, err := hostIP()
	if err != nil {
		t.Fatal(err)
	}
	cleanStale(t)
	start := time.Now()
	cp := kube.StartWith(t, kube.Options{NodeIP: ip, NodeName: Name})
	cp.StartControllers()
	dir, err := os.MkdirTemp("", "node") // short: socket paths have at most 108 bytes
	if err != nil {
		t.Fatal(err)
	}
	n := &Node{ControlPlane: cp, IP: ip, dir: dir, t: t, procs: map[string]*proc.Process{},
		Containerd: filepath.Join(dir, "containerd.sock")}
	if _, err := os.Stat(runDir); os.IsNotExist(err) {
		n.createdRun = true
	}
	b, _ := os.ReadFile("/proc/sys/net/ipv4/conf/all/route_localnet")
	n.routeLocal = strings.TrimSpace(string(b))
	t.Cleanup(n.stop)

	n.startContainerd()
	n.importImage(pause, "/pause", pauseImage, nil)
	n.importImage(bins["coredns"], "/coredns", corednsImage, nil)
	n.writeCNI()
	n.rejectUnprogrammedServices()
	n.startKubelet(bins["kubelet"])
	n.startKubeProxy(bins["kube-proxy"])
	n.startNetworkPolicy(bins["kube-router"])
	n.startProvisioner()
	n.startCoreDNS()
	t.Logf("node %s (%s) Ready with DNS %s in %s, control plane start included", Name, ip, DNSServiceIP, time.Since(start).Round(100*time.Millisecond))
	return n
}

// Processes are every host process of the cluster by name: the control
// plane's and the node's (containerd, kubelet, kube-proxy, kube-router).
func (n *Node) Processes() map[string]*proc.Process {
	m := n.ControlPlane.Processes()
	for k, v := range n.procs {
		m[k] = v
	}
	return m
}

// PodsMemory is the resident memory of every pod's containers, in bytes:
// total_rss of the kubelet's cgroup v1 memory hierarchy.
func PodsMemory() (int64, error) {
	b, err := os.ReadFile("/sys/fs/cgroup/memory/kubepods/memory.stat")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "total_rss" {
			var v int64
			_, err := fmt.Sscan(f[1], &v)
			return v, err
		}
	}
	return 0, errors.New("no total_rss in the kubepods memory cgroup")
}

// hostIP is the address of the interface the default route uses.
func hostIP() (string, error) {
	c, err := net.Dial("udp4", "192.0.2.254:9") // no packet is sent: only a route lookup
	if err != nil {
		return "", fmt.Errorf("no default route for the node IP: %w", err)
	}
	defer c.Close()
	return c.LocalAddr().(*net.UDPAddr).IP.String(), nil
}

func (n *Node) path(elem ...string) string { return filepath.Join(append([]string{n.dir}, elem...)...) }

func (n *Node) write(name, content string) string {
	n.t.Helper()
	p := n.path(name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		n.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		n.t.Fatal(err)
	}
	return p
}

func (n *Node) run(name, bin string, args ...string) *proc.Process {
	n.t.Helper()
	p, err := proc.Start(proc.Spec{Name: name, Path: bin, LogDir: n.dir, Args: args})
	if err != nil {
		n.t.Fatal(err)
	}
	n.procs[name] = p
	return p
}

// Ctr runs ctr against the node's containerd in the kubelet's namespace.
func (n *Node) Ctr(ctx context.Context, args ...string) (string, error) {
	return containerd.Ctr(ctx, n.Containerd, args...)
}

func (n *Node) startContainerd() {
	n.t.Helper()
	// restrict_oom_score_adj: this VM withholds CAP_SYS_RESOURCE, so runc
	// cannot lower a sandbox's oom_score_adj (realnode.md, F2).
	cfg := n.write("containerd.toml", fmt.Sprintf(`version = 2
root = %q
state = %q
oom_score = 0
[grpc]
  address = %q
[ttrpc]
  address = %q
[plugins]
  [plugins."io.containerd.grpc.v1.cri"]
    sandbox_image = %q
    disable_apparmor = true
    restrict_oom_score_adj = true
    netns_mounts_under_state_dir = true
    systemd_cgroup = false
    stream_server_address = "127.0.0.1"
    stream_server_port = "0"
    [plugins."io.containerd.grpc.v1.cri".cni]
      bin_dir = "/usr/lib/cni"
      conf_dir = %q
      max_conf_num = 1
    [plugins."io.containerd.grpc.v1.cri".containerd]
      snapshotter = "overlayfs"
      default_runtime_name = "runc"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
        runtime_type = "io.containerd.runc.v2"
        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
          BinaryName = "/usr/sbin/runc"
          Root = %q
          SystemdCgroup = false
  [plugins."io.containerd.internal.v1.opt"]
    path = %q
`, n.path("containerd", "root"), n.path("containerd", "state"), n.Containerd, n.Containerd+".ttrpc", pauseImage,
		n.path("cni", "net.d"), n.path("containerd", "runc"), n.path("containerd", "opt")))
	bin, _ := exec.LookPath("containerd")
	p := n.run("containerd", bin, "--config", cfg)
	if err := p.WaitFor(30*time.Second, "containerd answers", func(ctx context.Context) error {
		_, err := n.Ctr(ctx, "version")
		return err
	}); err != nil {
		n.t.Fatalf("%v\n%s", err, p.Tail(30))
	}
}

func (n *Node) writeCNI() {
	n.write("cni/net.d/10-stacknode.conflist", fmt.Sprintf(`{"cniVersion": "1.0.0", "name": "stacknode", "plugins": [
  {"type": "bridge", "bridge": %q, "isGateway": true, "ipMasq": true, "hairpinMode": true,
   "ipam": {"type": "host-local", "ranges": [[{"subnet": %q}]], "routes": [{"dst": "0.0.0.0/0"}], "dataDir": %q}},
  {"type": "portmap", "capabilities": {"portMappings": true}},
  {"type": "loopback"}]}
`, bridge, PodCIDR, n.path("cni", "ipam")))
}

func (n *Node) startKubelet(bin string) {
	n.t.Helper()
	kubeconfig := n.path("kubelet.kubeconfig")
	if err := n.KubeconfigFor(kube.NodeToken, kubeconfig); err != nil {
		n.t.Fatal(err)
	}
	// failCgroupV1: false is the one concession to this cgroup v1 VM (kubelet
	// 1.35+ refuses v1 otherwise).
	cfg := n.write("kubelet.yaml", fmt.Sprintf(`apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
failCgroupV1: false
cgroupDriver: cgroupfs
containerRuntimeEndpoint: unix://%s
imageServiceEndpoint: unix://%s
address: %s
port: %d
healthzBindAddress: 127.0.0.1
healthzPort: %d
readOnlyPort: 0
authentication: {anonymous: {enabled: true}, webhook: {enabled: false}}
authorization: {mode: AlwaysAllow}
clusterDNS: [%q]
clusterDomain: cluster.local
resolvConf: %q
failSwapOn: false
podLogsDir: %q
volumePluginDir: %q
serializeImagePulls: false
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard: {memory.available: "100Mi", nodefs.available: "1%%", imagefs.available: "1%%", nodefs.inodesFree: "1%%"}
rotateCertificates: false
serverTLSBootstrap: false
registerNode: true
maxPods: 50
`, n.Containerd, n.Containerd, n.IP, freePort(n.t), freePort(n.t), DNSServiceIP, n.hostResolvConf(), n.path("podlogs"), n.path("kubelet", "volume-plugins")))
	p := n.run("kubelet", bin, "--config", cfg, "--kubeconfig", kubeconfig, "--root-dir", n.path("kubelet"),
		"--cert-dir", n.path("kubelet", "pki"), "--hostname-override", Name, "--node-ip", n.IP)
	deadline := time.Now().Add(90 * time.Second)
	for {
		nd, err := n.Client.CoreV1().Nodes().Get(context.Background(), Name, metav1.GetOptions{})
		if err == nil {
			for _, c := range nd.Status.Conditions {
				if c.Type == corev1.NodeReady && c.Status == corev1.ConditionTrue {
					return
				}
			}
		}
		if time.Now().After(deadline) {
			n.t.Fatalf("node %s not Ready after 90 s (%v); kubelet log:\n%s", Name, err, p.Tail(40))
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// hostResolvConf writes the host's nameservers without its search domains,
// for the kubelet to give pods: a pod's search list is then the cluster's
// only, so a cluster name is never first tried under a host domain (this
// VM's resolver answers every name, which would shadow cluster.local).
func (n *Node) hostResolvConf() string {
	n.t.Helper()
	b, err := os.ReadFile("/etc/resolv.conf")
	if err != nil {
		n.t.Fatal(err)
	}
	var out strings.Builder
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "nameserver" {
			out.WriteString(line + "\n")
		}
	}
	return n.write("resolv.conf", out.String())
}

// ServiceCIDR is the Services' ClusterIP range (kube-apiserver's
// --service-cluster-ip-range in internal/harness/kube).
const ServiceCIDR = "10.96.0.0/24"

// rejectUnprogrammedServices refuses traffic to a ClusterIP that kube-proxy
// has not NATed (yet): on a real network it goes nowhere, but this VM's
// upstream answers every address, and a gRPC client would keep a connection
// to that impostor. DNAT happens before routing, so only un-NATed packets
// still carry a ClusterIP when they are routed: from pods (in on the bridge)
// a policy rule makes the Service range unreachable, and from the host the
// OUTPUT chain rejects it. The host's own forwarding policy is not trusted:
// pod traffic is accepted at the end of FORWARD, after kube-proxy's and any
// NetworkPolicy controller's chains. Chains are named KUBE-* so cleanup
// removes them; stop removes the rule.
func (n *Node) rejectUnprogrammedServices() {
	n.t.Helper()
	if out, err := exec.Command("ip", append([]string{"rule", "add"}, serviceRule...)...).CombinedOutput(); err != nil {
		n.t.Fatalf("ip rule add %s: %v\n%s", strings.Join(serviceRule, " "), err, out)
	}
	const output, forward = "KUBE-STACK-NODE-SERVICES", "KUBE-STACK-NODE-FORWARD"
	for _, args := range [][]string{
		{"-N", output},
		{"-A", output, "-d", ServiceCIDR, "-p", "tcp", "-j", "REJECT", "--reject-with", "tcp-reset"},
		{"-A", output, "-d", ServiceCIDR, "-j", "REJECT"},
		{"-I", "OUTPUT", "1", "-j", output},
		{"-N", forward},
		{"-A", forward, "-s", PodCIDR, "-j", "ACCEPT"},
		{"-A", forward, "-d", PodCIDR, "-j", "ACCEPT"},
		{"-A", "FORWARD", "-j", forward},
	} {
		if out, err := exec.Command("iptables", append([]string{"-w"}, args...)...).CombinedOutput(); err != nil {
			n.t.Fatalf("iptables %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// serviceRule is the policy routing rule (ip rule add/del arguments) that
// makes un-NATed ClusterIP traffic from pods unreachable.
var serviceRule = []string{"iif", bridge, "to", ServiceCIDR, "priority", "90", "unreachable"}

func (n *Node) startKubeProxy(bin string) {
	n.t.Helper()
	kubeconfig := n.path("proxy.kubeconfig")
	if err := n.KubeconfigFor(kube.ProxyToken, kubeconfig); err != nil {
		n.t.Fatal(err)
	}
	cfg := n.write("kube-proxy.yaml", fmt.Sprintf(`apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection: {kubeconfig: %q}
hostnameOverride: %s
mode: iptables
clusterCIDR: %s
bindAddress: 0.0.0.0
metricsBindAddress: 127.0.0.1:%d
healthzBindAddress: 127.0.0.1:%d
conntrack: {maxPerCore: 0}
iptables: {localhostNodePorts: true}
nodePortAddresses: []
`, kubeconfig, Name, PodCIDR, freePort(n.t), freePort(n.t)))
	n.proxyBin = bin
	n.run("kube-proxy", bin, "--config", cfg)
}

// startNetworkPolicy enforces NetworkPolicy with kube-router's network
// policy controller alone (no routing, no service proxy, no CNI), acting as
// a ServiceAccount that may only read what the controller watches. Its
// iptables chains are KUBE-* and its ipsets KUBE-*, both removed by stop.
func (n *Node) startNetworkPolicy(bin string) {
	n.t.Helper()
	ctx := context.Background()
	const name = "kube-router"
	role := &rbacv1.ClusterRole{ObjectMeta: metav1.ObjectMeta{Name: name}, Rules: []rbacv1.PolicyRule{
		{APIGroups: []string{""}, Resources: []string{"namespaces", "pods", "services", "nodes", "endpoints"}, Verbs: []string{"get", "list", "watch"}},
		{APIGroups: []string{"networking.k8s.io"}, Resources: []string{"networkpolicies"}, Verbs: []string{"get", "list", "watch"}},
		{APIGroups: []string{"discovery.k8s.io"}, Resources: []string{"endpointslices"}, Verbs: []string{"get", "list", "watch"}},
	}}
	binding := &rbacv1.ClusterRoleBinding{ObjectMeta: metav1.ObjectMeta{Name: name},
		RoleRef:  rbacv1.RoleRef{APIGroup: "rbac.authorization.k8s.io", Kind: "ClusterRole", Name: name},
		Subjects: []rbacv1.Subject{{Kind: "ServiceAccount", Namespace: "kube-system", Name: name}}}
	if _, err := n.Client.RbacV1().ClusterRoles().Create(ctx, role, metav1.CreateOptions{}); err != nil {
		n.t.Fatal(err)
	}
	if _, err := n.Client.RbacV1().ClusterRoleBindings().Create(ctx, binding, metav1.CreateOptions{}); err != nil {
		n.t.Fatal(err)
	}
	kubeconfig := n.ServiceAccountKubeconfig("kube-system", name)
	health := freePort(n.t)
	p := n.run(name, bin, "--kubeconfig", kubeconfig, "--hostname-override", Name,
		"--run-firewall=true", "--run-router=false", "--run-service-proxy=false", "--enable-cni=false",
		"--enable-ipv6=false", "--service-cluster-ip-range", ServiceCIDR, "--metrics-port=0",
		fmt.Sprintf("--health-port=%d", health))
	if err := p.WaitFor(60*time.Second, "healthy", proc.HTTPOK(nil, fmt.Sprintf("http://127.0.0.1:%d/healthz", health))); err != nil {
		n.t.Fatal(err)
	}
}

// destroyIPSets removes the ipsets kube-router made (after the iptables
// rules that use them).
func destroyIPSets(t testing.TB) {
	out, err := exec.Command("ipset", "list", "-n").Output()
	if err != nil {
		return
	}
	for _, set := range strings.Fields(string(out)) {
		if strings.HasPrefix(set, "KUBE-") || strings.HasPrefix(set, "inet6:KUBE-") {
			if out, err := exec.Command("ipset", "destroy", set).CombinedOutput(); err != nil {
				t.Logf("ipset destroy %s: %v %s", set, err, out)
			}
		}
	}
}

func freePort(t testing.TB) int {
	p, err := proc.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// stop removes everything Start made, in reverse: pods (so the kubelet
// tears their sandboxes and CNI down), node agents, containerd and its
// shims, mounts, the bridge, iptables chains, cgroups, directories.
func (n *Node) stop() {
	if n.stopProvisioner != nil {
		n.stopProvisioner()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if n.procs["kubelet"] != nil {
		zero := int64(0)
		nss, _ := n.Client.CoreV1().Namespaces().List(ctx, metav1.ListOptions{})
		for _, ns := range nss.Items {
			_ = n.Client.AppsV1().Deployments(ns.Name).DeleteCollection(ctx, metav1.DeleteOptions{}, metav1.ListOptions{})
			_ = n.Client.AppsV1().StatefulSets(ns.Name).DeleteCollection(ctx, metav1.DeleteOptions{}, metav1.ListOptions{})
			_ = n.Client.CoreV1().Pods(ns.Name).DeleteCollection(ctx, metav1.DeleteOptions{GracePeriodSeconds: &zero}, metav1.ListOptions{})
		}
		for deadline := time.Now().Add(45 * time.Second); time.Now().Before(deadline); time.Sleep(500 * time.Millisecond) {
			if out, err := n.Ctr(ctx, "tasks", "ls", "-q"); err != nil || strings.TrimSpace(out) == "" {
				break
			}
		}
	}
	for _, name := range []string{"kube-router", "kube-proxy", "kubelet", "containerd"} {
		if p := n.procs[name]; p != nil {
			p.Stop(15 * time.Second)
		}
	}
	if n.procs["kube-proxy"] != nil {
		_ = exec.Command(n.proxyBin, "--cleanup").Run()
	}
	n.killShims()
	n.unmountAll()
	_ = exec.Command("ip", "link", "del", bridge).Run()
	for exec.Command("ip", append([]string{"rule", "del"}, serviceRule...)...).Run() == nil {
	}
	cleanIPTables(n.t)
	destroyIPSets(n.t)
	if n.routeLocal != "" {
		_ = os.WriteFile("/proc/sys/net/ipv4/conf/all/route_localnet", []byte(n.routeLocal), 0o644)
	}
	removeCgroups("kubepods")
	if err := os.RemoveAll(n.dir); err != nil {
		n.t.Logf("remove %s: %v", n.dir, err)
	}
	if n.createdRun {
		for _, d := range []string{"s", "fifo", "runc/k8s.io", "runc"} {
			_ = os.RemoveAll(filepath.Join(runDir, d))
		}
		_ = os.Remove(runDir)
	}
}

// cleanStale removes what a node of an earlier run left behind when its
// test binary was killed before its cleanup ran (a timeout, ^C): the shims
// and containers of a containerd that no longer answers, their mounts and
// directories, and, when no node is running, the iptables chains, ipsets
// and the routing rule. Only one node runs on a host at a time.
func cleanStale(t testing.TB) {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "node[0-9]*"))
	live := false
	for _, dir := range dirs {
		sock := filepath.Join(dir, "containerd.sock")
		if _, err := os.Stat(filepath.Join(dir, "containerd.toml")); err != nil {
			continue // not a node's directory
		}
		if c, err := net.DialTimeout("unix", sock, time.Second); err == nil {
			c.Close()
			live = true
			continue
		}
		t.Logf("removing a node an earlier run left behind in %s", dir)
		stale := &Node{dir: dir, t: t, Containerd: sock}
		stale.killShims()
		stale.unmountAll()
		if err := os.RemoveAll(dir); err != nil {
			t.Logf("remove %s: %v", dir, err)
		}
	}
	if live {
		t.Log("another node is running on this host: its network rules are left alone (node tests must not run concurrently)")
		return
	}
	_ = exec.Command("ip", "link", "del", bridge).Run()
	for exec.Command("ip", append([]string{"rule", "del"}, serviceRule...)...).Run() == nil {
	}
	cleanIPTables(t)
	destroyIPSets(t)
}

// killShims kills containerd-shim processes of this node's containerd.
func (n *Node) killShims() {
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil || !bytes.Contains(b, []byte("containerd-shim")) || !bytes.Contains(b, []byte(n.Containerd)) {
			continue
		}
		var pid int
		if _, err := fmt.Sscan(e.Name(), &pid); err == nil {
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
	}
}

// unmountAll unmounts everything under the node's directory, deepest first.
func (n *Node) unmountAll() {
	b, err := os.ReadFile("/proc/self/mounts")
	if err != nil {
		return
	}
	var mounts []string
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) > 1 && (f[1] == n.dir || strings.HasPrefix(f[1], n.dir+"/")) {
			mounts = append(mounts, f[1])
		}
	}
	sort.Slice(mounts, func(i, j int) bool { return len(mounts[i]) > len(mounts[j]) })
	for _, m := range mounts {
		if err := syscall.Unmount(m, syscall.MNT_DETACH); err != nil {
			n.t.Logf("unmount %s: %v", m, err)
		}
	}
}

// cleanIPTables removes every KUBE-* and CNI-* chain (kube-proxy's, the
// kubelet's, the CNI plugins') and the jumps to them, in every table, for
// IPv4 and IPv6; other chains (Docker's) are left alone.
func cleanIPTables(t testing.TB) {
	for _, bin := range []string{"iptables", "ip6tables"} {
		for _, table := range []string{"filter", "nat", "mangle", "raw"} {
			out, err := exec.Command(bin, "-w", "-t", table, "-S").Output()
			if err != nil {
				continue
			}
			var chains []string
			for _, line := range strings.Split(string(out), "\n") {
				f := splitRule(line)
				switch {
				case len(f) >= 2 && f[0] == "-N" && ours(f[1]):
					chains = append(chains, f[1])
				case len(f) >= 4 && f[0] == "-A" && !ours(f[1]) && jumpsToOurs(f):
					_ = exec.Command(bin, append([]string{"-w", "-t", table, "-D"}, f[1:]...)...).Run()
				}
			}
			for _, c := range chains {
				_ = exec.Command(bin, "-w", "-t", table, "-F", c).Run()
			}
			for _, c := range chains {
				if err := exec.Command(bin, "-w", "-t", table, "-X", c).Run(); err != nil {
					t.Logf("%s -t %s -X %s: %v", bin, table, c, err)
				}
			}
		}
	}
}

// splitRule splits a line of iptables -S into arguments as a shell would:
// double quotes group words ("CNI firewall plugin rules") and are dropped,
// and \" inside them is a literal quote (the CNI plugins' comments).
func splitRule(line string) []string {
	var args []string
	var cur strings.Builder
	quoted, inArg := false, false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\' && quoted && i+1 < len(line) && line[i+1] == '"':
			cur.WriteByte('"')
			i++
		case c == '"':
			quoted, inArg = !quoted, true
		case c == ' ' && !quoted:
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
		default:
			cur.WriteByte(c)
			inArg = true
		}
	}
	if inArg {
		args = append(args, cur.String())
	}
	return args
}

func ours(chain string) bool {
	return strings.HasPrefix(chain, "KUBE-") || strings.HasPrefix(chain, "CNI-")
}

func jumpsToOurs(rule []string) bool {
	for i := 0; i+1 < len(rule); i++ {
		if (rule[i] == "-j" || rule[i] == "-g") && ours(rule[i+1]) {
			return true
		}
	}
	return false
}

// removeCgroups removes the kubelet's cgroup trees (name) in every cgroup v1
// hierarchy, deepest first.
func removeCgroups(name string) {
	roots, _ := filepath.Glob("/sys/fs/cgroup/*/" + name)
	for _, root := range roots {
		var dirs []string
		_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				dirs = append(dirs, p)
			}
			return nil
		})
		sort.Slice(dirs, func(i, j int) bool { return len(dirs[i]) > len(dirs[j]) })
		for _, d := range dirs {
			_ = os.Remove(d)
		}
	}
}

// Tail returns the last lines of a node component's log (kubelet,
// kube-proxy, containerd), for failure messages.
func (n *Node) Tail(component string, lines int) string {
	if p := n.procs[component]; p != nil {
		return p.Tail(lines)
	}
	return "no " + component
}
