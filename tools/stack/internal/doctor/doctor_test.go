package doctor

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/kubernetes/fake"
)

// failed returns the failed findings' checks and problems, one line each.
func failed(fs []Finding) string {
	var lines []string
	for _, f := range fs {
		if !f.OK() {
			if f.Fix == "" {
				lines = append(lines, "NO FIX: "+f.Check)
			}
			lines = append(lines, f.Check+": "+f.Problem)
		}
	}
	return strings.Join(lines, "\n")
}

func TestCheckIssuer(t *testing.T) {
	var srv *httptest.Server
	name, keys := "", `{"keys":[{"kid":"k1","alg":"RS256"}]}`
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/dex/.well-known/openid-configuration":
			json.NewEncoder(w).Encode(map[string]string{"issuer": srv.URL + "/dex" + name, "jwks_uri": srv.URL + "/dex/keys"})
		case "/dex/keys":
			w.Write([]byte(keys))
		}
	}))
	defer srv.Close()
	ctx, issuer := context.Background(), srv.URL+"/dex"
	if got := failed(checkIssuer(ctx, srv.Client(), issuer, "fix")); got != "" {
		t.Fatalf("a good issuer: %s", got)
	}
	keys = `{"keys":[]}`
	if got := failed(checkIssuer(ctx, srv.Client(), issuer, "fix")); !strings.Contains(got, "Dex publishes signing keys: the JWKS at") {
		t.Fatalf("no keys: %q", got)
	}
	name = "/other"
	if got := failed(checkIssuer(ctx, srv.Client(), issuer, "fix")); !strings.Contains(got, "the issuer calls itself") {
		t.Fatalf("another name: %q", got)
	}
	if got := failed(checkIssuer(ctx, srv.Client(), "http://127.0.0.1:1/dex", "fix")); !strings.Contains(got, "issuer reachable from the browser: OIDC discovery at http://127.0.0.1:1/dex failed") {
		t.Fatalf("down: %q", got)
	}
}

func TestServerMetrics(t *testing.T) {
	text := `# TYPE stack_auth_oidc_discovered gauge
stack_auth_oidc_discovered{issuer="http://a/dex"} 1
stack_auth_oidc_discovered{issuer="http://b/dex"} 0
# TYPE stack_auth_jwks_unusable_keys gauge
stack_auth_jwks_unusable_keys{issuer="http://a/dex"} 2
# TYPE stack_dynamic_config_invalid gauge
stack_dynamic_config_invalid 1
`
	m, err := parseServerMetrics(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	got := failed(checkServerMetrics("pod p", m, "fix it"))
	for _, want := range []string{"issuer reachable from pod p: OIDC discovery of http://b/dex fails from pod p",
		"keys of http://a/dex usable by pod p: 2 key(s)", "dynamic config accepted by pod p: the server rejected the last edit"} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	// Temporal's reporter rewrites label values; the finding names the issuer as configured.
	m, _ = parseServerMetrics(strings.NewReader("stack_auth_oidc_discovered{issuer=\"http___127_0_0_1_5556_dex\"} 0\n"))
	m.relabel("http://127.0.0.1:5556/dex")
	if got := failed(checkServerMetrics("pod p", m, "")); !strings.Contains(got, "OIDC discovery of http://127.0.0.1:5556/dex fails") {
		t.Fatalf("relabelled: %s", got)
	}
	m, _ = parseServerMetrics(strings.NewReader("stack_auth_oidc_discovered{issuer=\"http://a/dex\"} 1\nstack_dynamic_config_invalid 0\n"))
	if got := failed(checkServerMetrics("pod p", m, "")); got != "" {
		t.Fatalf("a healthy server: %s", got)
	}
}

func TestCheckUIAuth(t *testing.T) {
	clients := []dexClient{{ID: "temporal-ui", Secret: "s", RedirectURIs: []string{"http://ui/auth/sso/callback"}}}
	good := uiAuth{Enabled: true, ProviderURL: "http://dex/dex", ClientID: "temporal-ui", ClientSecret: "s", CallbackURL: "http://ui/auth/sso/callback"}
	if f := checkUIAuth(good, "http://dex/dex", clients, "fix"); !f.OK() {
		t.Fatal(f.Problem)
	}
	for want, ui := range map[string]uiAuth{
		"auth off":                  {},
		"the server trusts":         {Enabled: true, ProviderURL: "http://localhost:5556/dex"},
		"Dex has no client":         {Enabled: true, ProviderURL: "http://dex/dex", ClientID: "ui"},
		"client secret differs":     {Enabled: true, ProviderURL: "http://dex/dex", ClientID: "temporal-ui", ClientSecret: "x"},
		"Unregistered redirect_uri": {Enabled: true, ProviderURL: "http://dex/dex", ClientID: "temporal-ui", ClientSecret: "s", CallbackURL: "http://other/cb"},
	} {
		if f := checkUIAuth(ui, "http://dex/dex", clients, "fix"); f.OK() || !strings.Contains(f.Problem, want) {
			t.Errorf("%s: %+v", want, f)
		}
	}
}

func TestCluster(t *testing.T) {
	ns := "temporal"
	lbl := func(component string) map[string]string {
		return map[string]string{"app.kubernetes.io/instance": "temporal-stack", "app.kubernetes.io/component": component}
	}
	meta := func(name string, labels map[string]string) metav1.ObjectMeta {
		return metav1.ObjectMeta{Name: name, Namespace: ns, Labels: labels}
	}
	waiting := func(image, reason string) corev1.PodStatus {
		return corev1.PodStatus{Phase: corev1.PodPending, ContainerStatuses: []corev1.ContainerStatus{{Name: "c", Image: image,
			State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: reason}}}}}
	}
	dexConfig := "staticClients:\n- id: temporal-ui\n  secret: s3\n  redirectURIs: [\"http://127.0.0.1:30080/auth/sso/callback\"]\n"
	now := time.Now()
	objs := []runtime.Object{
		&corev1.ConfigMap{ObjectMeta: meta("temporal-stack-server-env", nil), Data: map[string]string{
			"TEMPORAL_AUTH_ISSUER": "http://127.0.0.1:1/dex", "TEMPORAL_DYNAMIC_CONFIG_CONFIGMAP": ns + "/temporal-stack-live-dynamic-config"}},
		&corev1.ConfigMap{ObjectMeta: meta("temporal-stack-live-dynamic-config", nil), Data: map[string]string{"dynamic_config.yaml": "limit.blobSize.error:\n  - value: 12345\n"}},
		&corev1.Event{ObjectMeta: meta("e1", nil), InvolvedObject: corev1.ObjectReference{Name: "temporal-stack-live-dynamic-config"},
			Reason: "DynamicConfigApplied", LastTimestamp: metav1.NewTime(now.Add(-time.Minute))},
		&corev1.Event{ObjectMeta: meta("e2", nil), InvolvedObject: corev1.ObjectReference{Name: "temporal-stack-live-dynamic-config"},
			Reason: "InvalidDynamicConfig", Message: "key limit.blobSize.error: not an int", LastTimestamp: metav1.NewTime(now)},
		&corev1.Secret{ObjectMeta: meta("temporal-stack-web-auth", nil), Data: map[string][]byte{"TEMPORAL_AUTH_ENABLED": []byte("true"),
			"TEMPORAL_AUTH_PROVIDER_URL": []byte("http://127.0.0.1:1/dex"), "TEMPORAL_AUTH_CLIENT_ID": []byte("temporal-ui"),
			"TEMPORAL_AUTH_CLIENT_SECRET": []byte("s3"), "TEMPORAL_AUTH_CALLBACK_URL": []byte("http://localhost:30080/auth/sso/callback")}},
		&corev1.Secret{ObjectMeta: meta("temporal-stack-dex", nil), Data: map[string][]byte{"config.yaml": []byte(dexConfig)}},
		&corev1.Pod{ObjectMeta: meta("poller-1", lbl("poller")), Status: waiting("temporal-stack/poller:1.32.1-stack.local", "ErrImageNeverPull")},
		&corev1.Pod{ObjectMeta: meta("web-1", lbl("web")), Status: waiting("temporalio/ui:2.55.0", "CrashLoopBackOff")},
		&corev1.Pod{ObjectMeta: meta("other", map[string]string{"app.kubernetes.io/instance": "other"}), Status: waiting("x:1", "ImagePullBackOff")},
	}
	c := fake.NewSimpleClientset(objs...)
	got := failed(Cluster(context.Background(), c, &http.Client{}, Release{Namespace: ns, Name: "temporal-stack"}))
	for _, want := range []string{
		"images present on the node: the node cannot get temporal-stack/poller:1.32.1-stack.local (pod poller-1: ErrImageNeverPull)",
		"no container crash-loops: crash-looping: web-1/c",
		"issuer reachable from the browser: OIDC discovery at http://127.0.0.1:1/dex failed",
		"server pods running: no running server pod",
		"ConfigMap temporal/temporal-stack-live-dynamic-config accepted by the server: the server rejected it and keeps the last good config: key limit.blobSize.error: not an int",
		"UI sign-in settings agree with the server and Dex: the UI's callback http://localhost:30080/auth/sso/callback is not among Dex's redirect URIs",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q", want)
		}
	}
	if strings.Contains(got, "x:1") || strings.Contains(got, "NO FIX") {
		t.Errorf("another release's pod, or a finding without a fix:\n%s", got)
	}
	if t.Failed() {
		t.Log(got)
	}
	if got := failed(Cluster(context.Background(), fake.NewSimpleClientset(), &http.Client{}, Release{Namespace: ns, Name: "temporal-stack"})); !strings.Contains(got, "release temporal-stack installed in namespace temporal") {
		t.Fatalf("no release: %s", got)
	}
}
