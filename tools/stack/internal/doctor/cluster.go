package doctor

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/temporal-stack/stack/server/dynconfig"
)

// Release names an install: its namespace and release name.
type Release struct{ Namespace, Name string }

func (r Release) object(suffix string) string { return r.Name + "-" + suffix }

func (r Release) selector(extra string) metav1.ListOptions {
	sel := "app.kubernetes.io/instance=" + r.Name
	if extra != "" {
		sel += "," + extra
	}
	return metav1.ListOptions{LabelSelector: sel}
}

// pullFailures are the waiting reasons of an image the node does not have.
var pullFailures = map[string]bool{"ErrImagePull": true, "ImagePullBackOff": true, "ErrImageNeverPull": true, "InvalidImageName": true}

// Cluster checks the install r on the cluster c answers for; client makes
// the requests a browser would (to the issuer, to node ports).
func Cluster(ctx context.Context, c kubernetes.Interface, client *http.Client, r Release) []Finding {
	env, err := c.CoreV1().ConfigMaps(r.Namespace).Get(ctx, r.object("server-env"), metav1.GetOptions{})
	if err != nil {
		return []Finding{fail("release "+r.Name+" installed in namespace "+r.Namespace, err.Error(),
			"go run ./tools/stack install (or pass --namespace and --release of your install)")}
	}
	out := []Finding{pass("release " + r.Name + " installed in namespace " + r.Namespace)}
	out = append(out, checkPods(ctx, c, r)...)
	issuer := env.Data["TEMPORAL_AUTH_ISSUER"]
	if issuer != "" {
		out = append(out, checkIssuer(ctx, client, issuer,
			fmt.Sprintf("the issuer must be reachable from your browser: check dex.issuer and that Dex runs (kubectl -n %s logs deploy/%s)", r.Namespace, r.object("dex")))...)
	}
	out = append(out, checkServerPods(ctx, c, r, issuer)...)
	out = append(out, checkConfigMap(ctx, c, r, env.Data["TEMPORAL_DYNAMIC_CONFIG_CONFIGMAP"])...)
	if issuer != "" {
		out = append(out, clusterUIAuth(ctx, c, r, issuer))
	}
	out = append(out, checkNodePorts(ctx, c, r)...)
	return out
}

// checkPods finds images the node lacks and crashing containers.
func checkPods(ctx context.Context, c kubernetes.Interface, r Release) []Finding {
	pods, err := c.CoreV1().Pods(r.Namespace).List(ctx, r.selector(""))
	if err != nil {
		return []Finding{fail("pods listed", err.Error(), "check your kubeconfig's permissions in namespace "+r.Namespace)}
	}
	var missing, crashing []string
	for _, p := range pods.Items {
		for _, st := range append(p.Status.InitContainerStatuses, p.Status.ContainerStatuses...) {
			w := st.State.Waiting
			switch {
			case w == nil:
			case pullFailures[w.Reason]:
				missing = append(missing, fmt.Sprintf("%s (pod %s: %s)", st.Image, p.Name, w.Reason))
			case w.Reason == "CrashLoopBackOff":
				crashing = append(crashing, fmt.Sprintf("%s/%s", p.Name, st.Name))
			}
		}
	}
	var out []Finding
	if len(missing) > 0 {
		sort.Strings(missing)
		out = append(out, fail("images present on the node", "the node cannot get "+strings.Join(missing, ", "),
			"our images: go run ./tools/stack images loads them into a local Docker (Docker Desktop's Kubernetes uses it); for another node import .cache/images (an OCI layout) into its runtime, or push them with stack images --push REGISTRY and set images.*.repository"))
	} else {
		out = append(out, pass("images present on the node"))
	}
	if len(crashing) > 0 {
		sort.Strings(crashing)
		out = append(out, fail("no container crash-loops", "crash-looping: "+strings.Join(crashing, ", "),
			fmt.Sprintf("kubectl -n %s logs POD -c CONTAINER --previous shows why", r.Namespace)))
	}
	return out
}

// serverComponents are the Temporal services' pod components.
const serverComponents = "app.kubernetes.io/component in (frontend,internal-frontend,history,matching,worker)"

// checkServerPods reads each server pod's gauges through the API server's
// pod proxy: discovery of the issuer from inside the cluster, and whether
// the last dynamic config was accepted.
func checkServerPods(ctx context.Context, c kubernetes.Interface, r Release, issuer string) []Finding {
	pods, err := c.CoreV1().Pods(r.Namespace).List(ctx, r.selector(serverComponents))
	if err != nil {
		return []Finding{fail("server pods listed", err.Error(), "check your kubeconfig's permissions in namespace "+r.Namespace)}
	}
	var out []Finding
	for _, p := range pods.Items {
		if p.Status.Phase != corev1.PodRunning {
			continue
		}
		port := "9090"
		for _, ctr := range p.Spec.Containers {
			for _, cp := range ctr.Ports {
				if cp.Name == "metrics" {
					port = strconv.Itoa(int(cp.ContainerPort))
				}
			}
		}
		name := p.Name
		fetch := func(ctx context.Context) ([]byte, error) {
			ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			defer cancel()
			return c.CoreV1().Pods(r.Namespace).ProxyGet("http", name, port, "/metrics", nil).DoRaw(ctx)
		}
		out = append(out, serverFindings(ctx, "server pod "+name, issuer, fetch, fmt.Sprintf("kubectl -n %s logs %s", r.Namespace, name),
			fmt.Sprintf("kubectl -n %s describe configmap %s shows the rejection (events); fix it with kubectl edit", r.Namespace, r.object("live-dynamic-config")))...)
	}
	if len(out) == 0 {
		out = append(out, fail("server pods running", "no running server pod", fmt.Sprintf("kubectl -n %s get pods shows why", r.Namespace)))
	}
	return out
}

// checkConfigMap validates the live dynamic config ConfigMap ("ns/name")
// and reads the newest verdict the server pods recorded on it as events.
func checkConfigMap(ctx context.Context, c kubernetes.Interface, r Release, ref string) []Finding {
	ns, name, ok := strings.Cut(ref, "/")
	if !ok {
		ns, name = r.Namespace, ref
	}
	if name == "" {
		return nil
	}
	fix := fmt.Sprintf("kubectl -n %s edit configmap %s (go run ./server validate-dynamic-config FILE checks a copy first)", ns, name)
	cm, err := c.CoreV1().ConfigMaps(ns).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return []Finding{fail("dynamic config ConfigMap "+ref+" present", err.Error(), "the server runs on defaults without it; helm upgrade (go run ./tools/stack install) recreates it")}
	}
	out := []Finding{checkDynamicConfig("ConfigMap "+ref, []byte(cm.Data["dynamic_config.yaml"]), fix)}
	evs, err := c.CoreV1().Events(ns).List(ctx, metav1.ListOptions{FieldSelector: "involvedObject.name=" + name})
	if err != nil {
		return out
	}
	var newest *corev1.Event
	for i := range evs.Items {
		e := &evs.Items[i]
		if e.InvolvedObject.Name != name || (e.Reason != dynconfig.ReasonInvalid && e.Reason != dynconfig.ReasonValid) {
			continue
		}
		if newest == nil || e.LastTimestamp.After(newest.LastTimestamp.Time) {
			newest = e
		}
	}
	if newest != nil && newest.Reason == dynconfig.ReasonInvalid {
		out = append(out, fail("ConfigMap "+ref+" accepted by the server", "the server rejected it and keeps the last good config: "+newest.Message, fix))
	}
	return out
}

// clusterUIAuth compares the UI's SSO settings (the web-auth Secret) with
// the server's issuer and Dex's clients (the Dex Secret).
func clusterUIAuth(ctx context.Context, c kubernetes.Interface, r Release, issuer string) Finding {
	fix := "the chart renders these from the same values: go run ./tools/stack install again; if you set temporal.web env yourself, make it match dex.issuer and the UI URL"
	sec, err := c.CoreV1().Secrets(r.Namespace).Get(ctx, r.object("web-auth"), metav1.GetOptions{})
	if err != nil {
		return fail("UI sign-in settings readable", err.Error(), fix)
	}
	d := sec.Data
	ui := uiAuth{Enabled: string(d["TEMPORAL_AUTH_ENABLED"]) == "true", ProviderURL: string(d["TEMPORAL_AUTH_PROVIDER_URL"]),
		ClientID: string(d["TEMPORAL_AUTH_CLIENT_ID"]), ClientSecret: string(d["TEMPORAL_AUTH_CLIENT_SECRET"]), CallbackURL: string(d["TEMPORAL_AUTH_CALLBACK_URL"])}
	var clients []dexClient
	if dex, err := c.CoreV1().Secrets(r.Namespace).Get(ctx, r.object("dex"), metav1.GetOptions{}); err == nil {
		if clients, err = dexClients(dex.Data["config.yaml"]); err != nil {
			return fail("Dex's config readable", err.Error(), fix)
		}
	}
	return checkUIAuth(ui, issuer, clients, fix)
}

// checkNodePorts dials each node port of the release on each node's
// addresses from this machine, as a browser or CLI here would.
func checkNodePorts(ctx context.Context, c kubernetes.Interface, r Release) []Finding {
	svcs, err := c.CoreV1().Services(r.Namespace).List(ctx, r.selector(""))
	if err != nil {
		return []Finding{fail("Services listed", err.Error(), "check your kubeconfig's permissions")}
	}
	nodes, err := c.CoreV1().Nodes().List(ctx, metav1.ListOptions{})
	if err != nil {
		return nil // a namespaced user may not list nodes
	}
	hosts := []string{"127.0.0.1"} // Docker Desktop publishes node ports on localhost
	for _, n := range nodes.Items {
		for _, a := range n.Status.Addresses {
			if a.Type == corev1.NodeInternalIP || a.Type == corev1.NodeExternalIP {
				hosts = append(hosts, a.Address)
			}
		}
	}
	var out []Finding
	for _, s := range svcs.Items {
		if s.Spec.Type != corev1.ServiceTypeNodePort {
			continue
		}
		for _, p := range s.Spec.Ports {
			check := fmt.Sprintf("node port %d (Service %s) reachable from here", p.NodePort, s.Name)
			reached := false
			for _, h := range hosts {
				conn, err := (&net.Dialer{Timeout: 2 * time.Second}).DialContext(ctx, "tcp", net.JoinHostPort(h, strconv.Itoa(int(p.NodePort))))
				if err == nil {
					conn.Close()
					reached = true
					break
				}
			}
			if reached {
				out = append(out, pass(check))
			} else {
				out = append(out, fail(check, fmt.Sprintf("nothing answers on port %d of %s", p.NodePort, strings.Join(hosts, ", ")),
					"the node's addresses must be reachable from this machine (kind: extraPortMappings; minikube: minikube tunnel), or use --set expose.type=ClusterIP with an Ingress"))
			}
		}
	}
	return out
}
