// Package install installs, upgrades and removes the Temporal Stack chart on
// a Kubernetes cluster with Helm's Go SDK and client-go (stack install,
// stack teardown).
package install

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/kube"
	"helm.sh/helm/v3/pkg/release"
	"helm.sh/helm/v3/pkg/storage/driver"
	"helm.sh/helm/v3/pkg/strvals"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	"sigs.k8s.io/yaml"

	"github.com/temporal-stack/stack/internal/toolbin"
	"github.com/temporal-stack/stack/tools/stack/internal/cli"
	"github.com/temporal-stack/stack/tools/stack/internal/images"
)

// Options are the flags both commands share.
type Options struct {
	Kubeconfig, Context, Namespace, Release string
}

// Register adds the shared flags (--kubeconfig, --context, --namespace,
// --release) to fs.
func (o *Options) Register(fs *flag.FlagSet) {
	fs.StringVar(&o.Kubeconfig, "kubeconfig", "", "kubeconfig file (default: $KUBECONFIG or ~/.kube/config)")
	fs.StringVar(&o.Context, "context", "", "kubeconfig context (default: the current one)")
	fs.StringVar(&o.Namespace, "namespace", "temporal", "namespace of the release (created if missing)")
	fs.StringVar(&o.Release, "release", "temporal-stack", "release name")
}

// cluster is a reachable cluster: its client and the context's name.
type cluster struct {
	context string
	host    string
	rest    *rest.Config
	client  kubernetes.Interface
	helm    *action.Configuration
}

// connect loads the kubeconfig and checks the cluster answers within 10 s.
func connect(o Options, out io.Writer) (*cluster, error) {
	rules := clientcmd.NewDefaultClientConfigLoadingRules()
	if o.Kubeconfig != "" {
		rules.ExplicitPath = o.Kubeconfig
	}
	cc := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(rules, &clientcmd.ConfigOverrides{CurrentContext: o.Context})
	raw, err := cc.RawConfig()
	if err != nil {
		return nil, fmt.Errorf("read the kubeconfig: %w", err)
	}
	c := &cluster{context: o.Context}
	if c.context == "" {
		c.context = raw.CurrentContext
	}
	if c.rest, err = cc.ClientConfig(); err != nil {
		return nil, fmt.Errorf("kubeconfig context %q: %w (is a cluster configured? Docker Desktop: Settings > Kubernetes > Enable)", c.context, err)
	}
	c.host = c.rest.Host
	rc := rest.CopyConfig(c.rest)
	rc.Timeout = 10 * time.Second
	if c.client, err = kubernetes.NewForConfig(rc); err != nil {
		return nil, err
	}
	v, err := c.client.Discovery().ServerVersion()
	if err != nil {
		return nil, fmt.Errorf("the cluster of context %q (%s) does not answer: %v; is it running? (Docker Desktop: Settings > Kubernetes)", c.context, c.host, err)
	}
	fmt.Fprintf(out, "stack: cluster %s (context %q, Kubernetes %s)\n", c.host, c.context, v.GitVersion)
	c.helm = new(action.Configuration)
	flags := kube.GetConfig(o.Kubeconfig, o.Context, o.Namespace)
	if err := c.helm.Init(flags, o.Namespace, "secret", func(string, ...any) {}); err != nil {
		return nil, err
	}
	return c, nil
}

// Connect loads the kubeconfig of o, checks the cluster answers within
// 10 s (printing which cluster to out) and returns its client.
func Connect(o Options, out io.Writer) (kubernetes.Interface, error) {
	c, err := connect(o, out)
	if err != nil {
		return nil, err
	}
	return c.client, nil
}

type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

const installUsage = `usage: go run ./tools/stack install [flags]

Installs (or upgrades) the Temporal Stack chart on the cluster of your
kubeconfig: checks the prerequisites, builds our images (and loads them into a
local Docker daemon), installs the release, waits until every component is
ready (saying which is still waiting and why) and prints where everything is.

flags:
`

// RunInstall parses the flags of "install" and installs.
func RunInstall(ctx context.Context, args []string, out, stderr io.Writer) error {
	fs := cli.NewFlagSet("install", installUsage)
	var o Options
	o.Register(fs.FlagSet)
	var files, sets stringList
	fs.Var(&files, "f", "values file (repeatable)")
	fs.Var(&sets, "set", "KEY=VALUE (repeatable), as helm --set")
	dryRun := fs.Bool("dry-run", false, "print the plan (checks, images, every object) and change nothing")
	skipImages := fs.Bool("skip-images", false, "do not build images; use the tags already in the values")
	skipMissing := fs.Bool("skip-missing-subcharts", false, "install even when enabled subcharts are not vendored in chart/charts (their templates are skipped; for offline tests)")
	timeout := fs.Duration("timeout", 10*time.Minute, "how long to wait for the components to be ready")
	chartDir := fs.String("chart", "", "the chart directory, its subcharts in charts/ (default: chart/ of this repository, after \"helm dependency build chart\")")
	if err := fs.Parse(args, 0); err != nil {
		return err
	}
	root, err := toolbin.Root()
	if err != nil {
		return err
	}
	if *chartDir == "" {
		*chartDir = filepath.Join(root, "chart")
	}
	ch, err := loader.Load(*chartDir)
	if err != nil {
		return fmt.Errorf("load the chart: %w", err)
	}
	vals, err := values(files, sets)
	if err != nil {
		return err
	}
	c, err := connect(o, out)
	if err != nil {
		return err
	}
	merged, err := chartutil.CoalesceValues(ch, vals)
	if err != nil {
		return err
	}
	if err := checkSubcharts(ch, merged, *skipMissing, out); err != nil {
		return err
	}
	if err := checkIssuer(merged); err != nil {
		return err
	}
	if err := checkNodePorts(ctx, c, o, merged); err != nil {
		return err
	}
	if !*skipImages {
		tag, err := buildImages(ctx, root, *dryRun, out, stderr)
		if err != nil {
			return err
		}
		for _, s := range []string{"images.server.tag=" + tag, "images.poller.tag=" + tag, "temporal.server.image.tag=" + tag} {
			if err := strvals.ParseInto(s, vals); err != nil {
				return err
			}
		}
	}

	_, histErr := action.NewHistory(c.helm).Run(o.Release)
	upgrade := histErr == nil
	if histErr != nil && !errors.Is(histErr, driver.ErrReleaseNotFound) {
		return fmt.Errorf("release history of %s: %w", o.Release, histErr)
	}
	var rel *release.Release
	if upgrade {
		fmt.Fprintf(out, "stack: upgrading release %s in namespace %s...\n", o.Release, o.Namespace)
		u := action.NewUpgrade(c.helm)
		u.Namespace, u.DryRun, u.MaxHistory = o.Namespace, *dryRun, 10
		rel, err = u.RunWithContext(ctx, o.Release, ch, vals)
	} else {
		fmt.Fprintf(out, "stack: installing release %s in namespace %s...\n", o.Release, o.Namespace)
		in := action.NewInstall(c.helm)
		in.ReleaseName, in.Namespace, in.CreateNamespace, in.DryRun = o.Release, o.Namespace, true, *dryRun
		// CRDs of the vendored subcharts (kube-prometheus-stack's) go in first.
		in.SkipCRDs = false
		// A first install's dry run renders client-side: the objects of those CRDs cannot be
		// checked against a cluster that has not got them yet, and a dry run installs nothing.
		if in.ClientOnly = *dryRun; in.ClientOnly {
			if in.KubeVersion, in.APIVersions, err = capabilities(c, ch); err != nil {
				return err
			}
		}
		rel, err = in.RunWithContext(ctx, ch, vals)
	}
	if err != nil {
		return fmt.Errorf("helm %s: %w", map[bool]string{true: "upgrade", false: "install"}[upgrade], err)
	}
	if *dryRun {
		fmt.Fprintf(out, "stack: dry run, nothing changed. The release would hold:\n%s", plan(rel.Manifest))
		return nil
	}
	fmt.Fprintf(out, "stack: release %s revision %d applied; waiting for the components (up to %s)...\n", o.Release, rel.Version, *timeout)
	if err := waitReady(ctx, c.client, o, *timeout, out); err != nil {
		return err
	}
	fmt.Fprintf(out, "\nstack: Temporal Stack is ready.\n\n%s\n", rel.Info.Notes)
	return nil
}

// capabilities are what a client-side render should assume of the
// cluster: its Kubernetes version and API groups, plus the groups of the
// chart's CRDs, which the install would create first.
func capabilities(c *cluster, ch *chart.Chart) (*chartutil.KubeVersion, chartutil.VersionSet, error) {
	v, err := c.client.Discovery().ServerVersion()
	if err != nil {
		return nil, nil, fmt.Errorf("the cluster's version: %w", err)
	}
	set, err := action.GetVersionSet(c.client.Discovery())
	if err != nil {
		return nil, nil, fmt.Errorf("the cluster's API groups: %w", err)
	}
	for _, crd := range ch.CRDObjects() {
		var obj struct {
			Spec struct {
				Group    string                  `json:"group"`
				Names    struct{ Kind string }   `json:"names"`
				Versions []struct{ Name string } `json:"versions"`
			} `json:"spec"`
		}
		if err := yaml.Unmarshal(crd.File.Data, &obj); err != nil {
			return nil, nil, fmt.Errorf("CRD %s: %w", crd.Filename, err)
		}
		for _, ver := range obj.Spec.Versions {
			gv := obj.Spec.Group + "/" + ver.Name
			set = append(set, gv, gv+"/"+obj.Spec.Names.Kind)
		}
	}
	return &chartutil.KubeVersion{Version: v.GitVersion, Major: v.Major, Minor: v.Minor}, set, nil
}

// values merges -f files and --set flags as helm does.
func values(files, sets []string) (map[string]any, error) {
	vals := map[string]any{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var v map[string]any
		if err := yaml.Unmarshal(b, &v); err != nil {
			return nil, fmt.Errorf("values file %s: %w", f, err)
		}
		vals = chartutil.CoalesceTables(v, vals)
	}
	for _, s := range sets {
		if err := strvals.ParseInto(s, vals); err != nil {
			return nil, fmt.Errorf("--set %s: %w", s, err)
		}
	}
	return vals, nil
}

// checkSubcharts fails on an enabled dependency that is not vendored.
func checkSubcharts(ch *chart.Chart, vals chartutil.Values, skip bool, out io.Writer) error {
	have := map[string]bool{}
	for _, d := range ch.Dependencies() {
		have[d.Name()] = true
	}
	var missing []string
	for _, d := range ch.Metadata.Dependencies {
		on, err := vals.PathValue(d.Condition)
		if have[d.Name] || err != nil || on != true {
			continue
		}
		missing = append(missing, fmt.Sprintf("%s %s (%s)", d.Name, d.Version, d.Repository))
	}
	if len(missing) == 0 {
		return nil
	}
	if skip {
		fmt.Fprintf(out, "stack: WARNING: enabled subcharts are not vendored and are skipped: %s\n", strings.Join(missing, ", "))
		return nil
	}
	return fmt.Errorf("enabled subcharts are not in the chart's charts/: %s; run \"helm dependency build chart\" (it downloads them; see the README for the repositories to add), or disable each with --set NAME.enabled=false", strings.Join(missing, ", "))
}

// checkIssuer: browsers and pods must both resolve the OIDC issuer's host.
func checkIssuer(vals chartutil.Values) error {
	if on, _ := vals.PathValue("dex.enabled"); on != true {
		return nil
	}
	issuer, _ := vals.PathValue("dex.issuer")
	u, err := url.Parse(fmt.Sprint(issuer))
	if err != nil || u.Hostname() == "" {
		return fmt.Errorf("dex.issuer %v is not a URL", issuer)
	}
	if _, err := net.LookupHost(u.Hostname()); err != nil {
		return fmt.Errorf("dex.issuer %s: %s does not resolve on this machine (%v); with Docker Desktop, host.docker.internal resolves on the host and in pods. Elsewhere set --set dex.issuer=http://HOST:30556/dex with a host both your browser and the pods reach",
			issuer, u.Hostname(), err)
	}
	return nil
}

// checkNodePorts fails when another Service already holds one of our node ports.
func checkNodePorts(ctx context.Context, c *cluster, o Options, vals chartutil.Values) error {
	if t, _ := vals.PathValue("expose.type"); t != "NodePort" {
		return nil
	}
	ports, err := vals.Table("expose.nodePorts")
	if err != nil {
		return nil
	}
	want := map[int64]string{}
	for name, p := range ports {
		if n, ok := toInt(p); ok {
			want[n] = name
		}
	}
	svcs, err := c.client.CoreV1().Services("").List(ctx, metav1.ListOptions{})
	if err != nil {
		return fmt.Errorf("list Services (to check the node ports are free): %w", err)
	}
	for _, s := range svcs.Items {
		if s.Namespace == o.Namespace && s.Labels["app.kubernetes.io/instance"] == o.Release {
			continue // ours, from an earlier install
		}
		for _, p := range s.Spec.Ports {
			if name, ok := want[int64(p.NodePort)]; ok && p.NodePort != 0 {
				return fmt.Errorf("node port %d (expose.nodePorts.%s) is taken by Service %s/%s: delete it or choose another port with --set expose.nodePorts.%s=PORT",
					p.NodePort, name, s.Namespace, s.Name, name)
			}
		}
	}
	return nil
}

func toInt(v any) (int64, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int64:
		return n, true
	case float64:
		return int64(n), true
	}
	return 0, false
}

// buildImages builds our images into the OCI layout, loads them into a local
// Docker daemon if one answers, and returns their tag.
func buildImages(ctx context.Context, root string, dryRun bool, out, log io.Writer) (string, error) {
	fmt.Fprintln(out, "stack: building our images (server, poller, dexlogin)...")
	imgs, err := images.Build(ctx, images.Options{Root: root, Log: log})
	if err != nil {
		return "", err
	}
	for _, img := range imgs {
		fmt.Fprintf(out, "stack:   %s %s\n", img.Ref(), img.Digest)
	}
	if dryRun {
		return imgs[0].Tag, nil
	}
	if err := images.WriteLayout(filepath.Join(root, ".cache", "images"), imgs); err != nil {
		return "", err
	}
	if _, err := images.Load(ctx, imgs, out); err != nil {
		return "", err
	}
	return imgs[0].Tag, nil
}

// plan lists the objects of a manifest, one "Kind/name" a line.
func plan(manifest string) string {
	var lines []string
	for _, doc := range strings.Split(manifest, "\n---") {
		var o struct {
			Kind     string                `json:"kind"`
			Metadata struct{ Name string } `json:"metadata"`
		}
		if yaml.Unmarshal([]byte(doc), &o) == nil && o.Kind != "" {
			lines = append(lines, fmt.Sprintf("  %s/%s", o.Kind, o.Metadata.Name))
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}
