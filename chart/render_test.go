package chart

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/releaseutil"
	"k8s.io/apimachinery/pkg/api/resource"
	"sigs.k8s.io/yaml"

	"github.com/temporal-stack/stack/internal/subcharts"
	_ "github.com/temporal-stack/stack/server/authz" // registers the Stack keys checked below
	"github.com/temporal-stack/stack/server/dynconfig"
)

// object is one rendered manifest.
type object struct {
	Kind     string `json:"kind"`
	Metadata struct {
		Name        string            `json:"name"`
		Labels      map[string]string `json:"labels"`
		Annotations map[string]string `json:"annotations"`
	} `json:"metadata"`
	raw map[string]any
}

// render renders the chart as "helm install --dry-run" (client only) with
// the values files given (relative to the chart), release temporal-stack,
// with the real published subcharts (internal/subcharts). Hooks are
// included; two objects of one kind and name fail the render, as they would
// fail the install.
func render(t *testing.T, files ...string) map[string]object {
	t.Helper()
	objs, err := tryRender(files, nil)
	if err != nil {
		t.Fatal(err)
	}
	return objs
}

func tryRender(files []string, set map[string]any) (map[string]object, error) {
	ch, err := subcharts.Load(".")
	if err != nil {
		return nil, err
	}
	vals := map[string]any{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var v map[string]any
		if err := yaml.Unmarshal(b, &v); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		vals = chartutil.CoalesceTables(v, vals)
	}
	vals = chartutil.CoalesceTables(set, vals)
	cfg := &action.Configuration{}
	inst := action.NewInstall(cfg)
	inst.DryRun, inst.ClientOnly, inst.ReleaseName, inst.Namespace = true, true, "temporal-stack", "temporal"
	inst.KubeVersion = &chartutil.KubeVersion{Version: "v1.36.3", Major: "1", Minor: "36"}
	inst.APIVersions = chartutil.VersionSet{"monitoring.coreos.com/v1"}
	rel, err := inst.Run(ch, vals)
	if err != nil {
		return nil, err
	}
	out := map[string]object{}
	manifests := releaseutil.SplitManifests(rel.Manifest)
	for i, h := range rel.Hooks {
		manifests[fmt.Sprintf("hook-%d", i)] = h.Manifest
	}
	for _, m := range manifests {
		var o object
		if err := yaml.Unmarshal([]byte(m), &o); err != nil {
			return nil, fmt.Errorf("%w\n%s", err, m)
		}
		if o.Kind == "" {
			continue
		}
		_ = yaml.Unmarshal([]byte(m), &o.raw)
		key := o.Kind + "/" + o.Metadata.Name
		if _, dup := out[key]; dup {
			return nil, fmt.Errorf("two objects %s in one release: the second create fails", key)
		}
		out[key] = o
	}
	return out, nil
}

func names(objs map[string]object) []string {
	var n []string
	for k := range objs {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}

// get walks a rendered object: get(o, "spec", "template", "spec").
func get(v any, path ...any) any {
	for _, p := range path {
		switch key := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[key]
		case int:
			l, _ := v.([]any)
			if key >= len(l) {
				return nil
			}
			v = l[key]
		}
	}
	return v
}

func TestRenderDefault(t *testing.T) {
	objs := render(t, "ci/default-values.yaml")
	for _, want := range []string{
		"ConfigMap/temporal-stack-live-dynamic-config", "ConfigMap/temporal-stack-server-env", "Secret/temporal-stack-server-secrets",
		"ServiceAccount/temporal-stack-server", "Role/temporal-stack-server", "RoleBinding/temporal-stack-server",
		"Secret/temporal-stack-postgres", "StatefulSet/temporal-stack-postgres-main", "StatefulSet/temporal-stack-postgres-visibility",
		"StatefulSet/temporal-stack-postgres-secondary-visibility", "Job/temporal-stack-schema-main-r1", "Job/temporal-stack-schema-visibility-r1",
		"Job/temporal-stack-schema-secondary-visibility-r1", "Deployment/temporal-stack-poller", "Deployment/temporal-stack-dex",
		"Secret/temporal-stack-dex", "StatefulSet/temporal-stack-minio", "Job/temporal-stack-minio-buckets-r1",
		"NetworkPolicy/temporal-stack-server-internal", "ServiceMonitor/temporal-stack-server", "ServiceMonitor/temporal-stack-poller",
		"PrometheusRule/temporal-stack-alerts", "Service/temporal-stack-dex", "Service/temporal-stack-minio-console",
	} {
		if _, ok := objs[want]; !ok {
			t.Errorf("missing %s; rendered %v", want, names(objs))
		}
	}
	// The dynamic config: kept on uninstall, dual visibility, authorizer errors exposed, role policy.
	dc := objs["ConfigMap/temporal-stack-live-dynamic-config"]
	if dc.Metadata.Annotations["helm.sh/resource-policy"] != "keep" {
		t.Error("the dynamic-config ConfigMap is not kept on uninstall")
	}
	var dyn map[string][]map[string]any
	if err := yaml.Unmarshal([]byte(get(dc.raw, "data", "dynamic_config.yaml").(string)), &dyn); err != nil {
		t.Fatal(err)
	}
	if dyn["system.secondaryVisibilityWritingMode"][0]["value"] != "dual" || dyn["frontend.enablePrincipalPropagation"][0]["value"] != true ||
		get(dyn["stack.auth.rolePolicy"][0]["value"], "users", "admin@example.com", 0) != "temporal-system:admin" {
		t.Errorf("dynamic config %v", dyn)
	}
	// The server's env names this release's ConfigMap and the bundled Dex.
	env := objs["ConfigMap/temporal-stack-server-env"]
	if get(env.raw, "data", "TEMPORAL_DYNAMIC_CONFIG_CONFIGMAP") != "temporal/temporal-stack-live-dynamic-config" ||
		get(env.raw, "data", "TEMPORAL_AUTH_ISSUER") != "http://host.docker.internal:30556/dex" ||
		get(env.raw, "data", "TEMPORAL_AUTH_KUBERNETES_AUDIENCE") != "temporal" {
		t.Errorf("server env %v", env.raw["data"])
	}
	// The namespace Job runs our server image (no admin-tools image), read-only.
	nsJob := get(objs["Job/temporal-stack-namespace-r1"].raw, "spec", "template", "spec", "containers", 0)
	if img, _ := get(nsJob, "image").(string); !strings.Contains(img, "/server:") || get(nsJob, "args", 0) != "ensure-namespace" ||
		get(nsJob, "securityContext", "readOnlyRootFilesystem") != true {
		t.Errorf("namespace Job container %v", nsJob)
	}
	// What the server would refuse, the chart never renders: its dynamic
	// config passes the server's own strict loader.
	if lr := dynconfig.Load([]byte(get(dc.raw, "data", "dynamic_config.yaml").(string))); len(lr.Errors) > 0 {
		t.Errorf("the rendered dynamic config is refused by the server: %v", lr.Errors)
	}
	// Every pod runs as non-root; every Job and Deployment uses pinned images.
	for name, o := range objs {
		spec := get(o.raw, "spec", "template", "spec")
		if spec == nil {
			continue
		}
		if get(spec, "securityContext", "runAsNonRoot") != true {
			t.Errorf("%s: not runAsNonRoot", name)
		}
		for _, c := range get(spec, "containers").([]any) {
			img := get(c, "image").(string)
			if strings.HasSuffix(img, ":latest") || !strings.Contains(img, ":") {
				t.Errorf("%s: unpinned image %s", name, img)
			}
		}
	}
	// NodePorts as documented.
	for svc, port := range map[string]float64{"Service/temporal-stack-dex": 30556, "Service/temporal-stack-minio-console": 30901} {
		if got := get(objs[svc].raw, "spec", "ports", 0, "nodePort"); got != port {
			t.Errorf("%s nodePort %v, want %v", svc, got, port)
		}
	}
	// Temporal's namespace label survives the scrape.
	if got := get(objs["ServiceMonitor/temporal-stack-server"].raw, "spec", "endpoints", 0, "honorLabels"); got != true {
		t.Errorf("server ServiceMonitor honorLabels = %v", got)
	}
	// The dashboards are shipped.
	dash := 0
	for n := range objs {
		if strings.HasPrefix(n, "ConfigMap/temporal-stack-dashboard-") {
			dash++
			if objs[n].Metadata.Labels["grafana_dashboard"] != "1" {
				t.Errorf("%s lacks the grafana_dashboard label", n)
			}
		}
	}
	if files, _ := filepath.Glob("files/dashboards/*.json"); dash != len(files) {
		t.Errorf("%d dashboard ConfigMaps for %d files", dash, len(files))
	}
	// The PrometheusRule carries the same rules as the local stack's file.
	var local struct{ Groups []any }
	if err := yaml.Unmarshal(AlertRules, &local); err != nil {
		t.Fatal(err)
	}
	if got := get(objs["PrometheusRule/temporal-stack-alerts"].raw, "spec", "groups").([]any); len(got) != len(local.Groups) {
		t.Errorf("PrometheusRule has %d groups, the rule file %d", len(got), len(local.Groups))
	}
}

// The chart's Role is exactly the RBAC the server's e2e test runs with.
func TestRenderRBACMatchesServerRole(t *testing.T) {
	objs := render(t, "ci/default-values.yaml")
	b, err := os.ReadFile("../server/dynconfig/rbac.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := yaml.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	got := objs["Role/temporal-stack-server"].raw["rules"].([]any)
	wantRules := want["rules"].([]any)
	if len(got) != len(wantRules) {
		t.Fatalf("rules %v, want %v", got, wantRules)
	}
	for i := range got {
		for _, k := range []string{"apiGroups", "resources", "verbs"} {
			if fmt.Sprint(get(got[i], k)) != fmt.Sprint(get(wantRules[i], k)) {
				t.Errorf("rule %d %s: %v, want %v", i, k, get(got[i], k), get(wantRules[i], k))
			}
		}
	}
	if names := get(got[0], "resourceNames").([]any); len(names) != 1 || names[0] != "temporal-stack-live-dynamic-config" {
		t.Errorf("the Role may read %v", names)
	}
}

func TestRenderAuthOff(t *testing.T) {
	objs := render(t, "ci/auth-off-values.yaml")
	env := objs["ConfigMap/temporal-stack-server-env"].raw["data"].(map[string]any)
	if env["TEMPORAL_ALLOW_NO_AUTH"] != "true" || env["TEMPORAL_AUTH_ISSUER"] != nil {
		t.Errorf("auth off: server env %v", env)
	}
}

func TestRenderDualVisibilityOff(t *testing.T) {
	objs := render(t, "ci/dual-visibility-off-values.yaml")
	for _, gone := range []string{"StatefulSet/temporal-stack-postgres-secondary-visibility", "Job/temporal-stack-schema-secondary-visibility-r1"} {
		if _, ok := objs[gone]; ok {
			t.Errorf("%s rendered with dual visibility off", gone)
		}
	}
	dc := get(objs["ConfigMap/temporal-stack-live-dynamic-config"].raw, "data", "dynamic_config.yaml").(string)
	if strings.Contains(dc, "secondaryVisibilityWritingMode") {
		t.Errorf("dual visibility off still seeds the writing mode:\n%s", dc)
	}
	// The server config upstream renders names no secondary store's host or password.
	var configs int
	for n, o := range objs {
		if o.Kind != "ConfigMap" || !strings.HasPrefix(n, "ConfigMap/temporal-stack-config") {
			continue
		}
		configs++
		tmpl := fmt.Sprint(get(o.raw, "data", "config_template.yaml"))
		if strings.Contains(tmpl, "secondary-visibility:5432") || strings.Contains(tmpl, "SECONDARY_VISIBILITY_STORE_PASSWORD") {
			t.Errorf("%s still connects to a secondary visibility store:\n%s", n, tmpl)
		}
	}
	if configs == 0 {
		t.Error("no server config ConfigMap rendered")
	}
}

func TestRenderExternalIdP(t *testing.T) {
	objs := render(t, "ci/external-idp-values.yaml")
	for n := range objs {
		if strings.Contains(n, "-dex") {
			t.Errorf("%s rendered with Dex off", n)
		}
	}
	if got := get(objs["ConfigMap/temporal-stack-server-env"].raw, "data", "TEMPORAL_AUTH_ISSUER"); got != "https://idp.example.com/realms/temporal" {
		t.Errorf("issuer %v", got)
	}
}

func TestRenderClusterIP(t *testing.T) {
	objs := render(t, "ci/clusterip-values.yaml")
	for n, o := range objs {
		if o.Kind == "Service" && get(o.raw, "spec", "type") == "NodePort" {
			t.Errorf("%s is a NodePort in the ClusterIP scenario", n)
		}
	}
}

// Bad values fail at render with a message that says what to change.
func TestRenderRejects(t *testing.T) {
	for _, c := range []struct {
		set  map[string]any
		want string
	}{
		{map[string]any{"dex": map[string]any{"enabled": false}}, "auth.enabled needs a token issuer"},
		{map[string]any{"dualVisibility": map[string]any{"enabled": false}}, "also set temporal.server.config.persistence.secondaryVisibilityStore"},
		{map[string]any{"expose": map[string]any{"typo": 1}}, "additional properties 'typo' not allowed"},
		{map[string]any{"poller": map[string]any{"interval": 15}}, "interval"},
		{map[string]any{"temporal": map[string]any{"enabled": true, "serviceAccount": map[string]any{"name": "other"}}}, `temporal.serviceAccount.name is "other"`},
		// Exposure the subcharts' Services cannot follow by themselves.
		{map[string]any{"expose": map[string]any{"type": "ClusterIP"}},
			"expose.type is ClusterIP but temporal.web.service.type is NodePort: also set temporal.web.service.type=ClusterIP"},
		{map[string]any{"expose": map[string]any{"nodePorts": map[string]any{"grafana": 31300}}},
			"kube-prometheus-stack.grafana.service.nodePort is 30300 but expose.nodePorts says 31300: also set kube-prometheus-stack.grafana.service.nodePort=31300"},
		{map[string]any{"kube-prometheus-stack": map[string]any{"prometheus": map[string]any{"service": map[string]any{"type": "ClusterIP"}}}},
			"expose.type is NodePort but kube-prometheus-stack.prometheus.service.type is ClusterIP: also set kube-prometheus-stack.prometheus.service.type=NodePort"},
	} {
		_, err := tryRender([]string{"ci/default-values.yaml"}, c.set)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("values %v: error %v, want it to contain %q", c.set, err, c.want)
		}
	}
}

// Every scenario file renders.
func TestRenderScenarios(t *testing.T) {
	files, _ := filepath.Glob("ci/*-values.yaml")
	if !slices.Contains(files, "ci/default-values.yaml") || len(files) < 5 {
		t.Fatalf("scenarios %v", files)
	}
	for _, f := range files {
		if _, err := tryRender([]string{f}, nil); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestDefaultInstallFitsALaptopNode: the resource requests of a default
// install (every replica of every workload, a DaemonSet pod for one node,
// Jobs once) fit a 4-CPU / 8 GiB node with a quarter to spare, so nothing
// stays Pending on Docker Desktop's default VM. The sums are logged.
func TestDefaultInstallFitsALaptopNode(t *testing.T) {
	objs := render(t, "ci/default-values.yaml")
	cpu, mem := resource.Quantity{}, resource.Quantity{}
	var unset []string
	for _, n := range names(objs) {
		o := objs[n]
		replicas := 1.0
		var spec any
		switch o.Kind {
		case "Deployment", "StatefulSet":
			if r, ok := get(o.raw, "spec", "replicas").(float64); ok {
				replicas = r
			}
			spec = get(o.raw, "spec", "template", "spec")
		case "DaemonSet", "Job":
			spec = get(o.raw, "spec", "template", "spec")
		case "Prometheus", "Alertmanager": // the operator makes their StatefulSets
			spec = map[string]any{"containers": []any{map[string]any{"name": o.Kind, "resources": get(o.raw, "spec", "resources")}}}
		default:
			continue
		}
		containers, _ := get(spec, "containers").([]any)
		for _, c := range containers {
			req, _ := get(c, "resources", "requests").(map[string]any)
			if req["cpu"] == nil || req["memory"] == nil {
				unset = append(unset, fmt.Sprintf("%s/%v", n, get(c, "name")))
				continue
			}
			for key, sum := range map[string]*resource.Quantity{"cpu": &cpu, "memory": &mem} {
				if v, ok := req[key]; ok {
					q := resource.MustParse(fmt.Sprint(v))
					for range int(replicas) {
						sum.Add(q)
					}
				}
			}
		}
	}
	t.Logf("requests of a default install: cpu %s, memory %s", cpu.String(), mem.String())
	if len(unset) > 0 {
		t.Errorf("containers with no requests make the sum meaningless (and run BestEffort): %v", unset)
	}
	if cpu.Cmp(resource.MustParse("3")) > 0 || mem.Cmp(resource.MustParse("6Gi")) > 0 {
		t.Fatalf("a default install requests cpu %s and memory %s: more than 3 CPUs / 6 GiB of a 4-CPU / 8 GiB node", cpu.String(), mem.String())
	}
}

// The Web UI signs users in through Dex, as "stack up" does: its Secret
// names the provider, the client and its generated secret (the one Dex's
// config has), the callback Dex allows, the scopes and the cookie settings
// the UI's URL needs, for NodePort and for ClusterIP behind an Ingress.
func TestRenderUISingleSignOn(t *testing.T) {
	for _, c := range []struct {
		scenario, url, insecure string
	}{
		{"ci/default-values.yaml", "http://localhost:30080", "true"},
		{"ci/clusterip-values.yaml", "https://temporal.example.com", "false"},
	} {
		objs := render(t, c.scenario)
		env, _ := get(objs["Secret/temporal-stack-web-auth"].raw, "stringData").(map[string]any)
		dex := objs["Secret/temporal-stack-dex"]
		var dexCfg struct {
			StaticClients []struct {
				ID, Secret   string
				RedirectURIs []string `json:"redirectURIs"`
			} `json:"staticClients"`
		}
		if err := yaml.Unmarshal(decode(t, get(dex.raw, "data", "config.yaml")), &dexCfg); err != nil {
			t.Fatal(err)
		}
		var uiClient struct {
			Secret       string
			RedirectURIs []string
		}
		for _, cl := range dexCfg.StaticClients {
			if cl.ID == "temporal-ui" {
				uiClient.Secret, uiClient.RedirectURIs = cl.Secret, cl.RedirectURIs
			}
		}
		callback := c.url + "/auth/sso/callback"
		want := map[string]string{"TEMPORAL_AUTH_ENABLED": "true", "TEMPORAL_AUTH_PROVIDER_URL": "http://host.docker.internal:30556/dex",
			"TEMPORAL_AUTH_CLIENT_ID": "temporal-ui", "TEMPORAL_AUTH_CLIENT_SECRET": uiClient.Secret, "TEMPORAL_AUTH_CALLBACK_URL": callback,
			"TEMPORAL_AUTH_SCOPES": "openid,profile,email,groups,offline_access", "TEMPORAL_AUTH_REDIRECT_TO_PROVIDER": "true",
			"TEMPORAL_CORS_ORIGINS": c.url, "TEMPORAL_CSRF_COOKIE_INSECURE": c.insecure}
		for k, v := range want {
			if env[k] != v || v == "" {
				t.Errorf("%s: the UI's %s is %v, want %q", c.scenario, k, env[k], v)
			}
		}
		if !slices.Equal(uiClient.RedirectURIs, []string{callback}) {
			t.Errorf("%s: Dex allows the UI to return to %v, want %s", c.scenario, uiClient.RedirectURIs, callback)
		}
		web := objs["Deployment/temporal-stack-web"]
		if !strings.Contains(fmt.Sprint(get(web.raw, "spec", "template", "spec", "containers", 0, "envFrom")), "temporal-stack-web-auth") {
			t.Errorf("%s: the UI does not read its SSO Secret: %v", c.scenario, get(web.raw, "spec", "template", "spec", "containers", 0, "envFrom"))
		}
	}
	if _, err := tryRender([]string{"ci/clusterip-values.yaml"}, map[string]any{"expose": map[string]any{"uiURL": ""}}); err == nil ||
		!strings.Contains(err.Error(), "expose.type is ClusterIP: set expose.uiURL") {
		t.Errorf("ClusterIP without the UI's URL: %v", err)
	}
}

func decode(t *testing.T, v any) []byte {
	t.Helper()
	s, _ := v.(string)
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
