package e2e

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/releaseutil"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/restmapper"
	"sigs.k8s.io/yaml"

	"github.com/temporal-stack/stack/internal/harness/kube"
	"github.com/temporal-stack/stack/internal/subcharts"
	"github.com/temporal-stack/stack/internal/toolbin"
)

// TestChartServerSideDryRun: every object of every chart/ci scenario's full
// render (the real published subcharts, hooks and tests included) passes a
// server-side dry-run create on a real kube-apiserver, after the CRDs the
// chart carries (kube-prometheus-stack's) are applied: the API server's own
// validation, defaulting and admission, not a client-side schema.
func TestChartServerSideDryRun(t *testing.T) {
	endToEnd(t, "a kube-apiserver")
	cp := kube.Start(t)
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	ch, err := subcharts.Load(filepath.Join(root, "chart"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	dyn, err := dynamic.NewForConfig(cp.Config)
	if err != nil {
		t.Fatal(err)
	}
	crdGVR := schema.GroupVersionResource{Group: "apiextensions.k8s.io", Version: "v1", Resource: "customresourcedefinitions"}
	for _, crd := range ch.CRDObjects() {
		var u unstructured.Unstructured
		if err := yaml.Unmarshal(crd.File.Data, &u.Object); err != nil {
			t.Fatalf("CRD %s: %v", crd.Filename, err)
		}
		if _, err := dyn.Resource(crdGVR).Create(ctx, &u, metav1.CreateOptions{}); err != nil {
			t.Fatalf("CRD %s: %v", crd.Filename, err)
		}
	}
	// Every CRD established, then a fresh discovery of the API.
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(500 * time.Millisecond) {
		list, err := dyn.Resource(crdGVR).List(ctx, metav1.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		waiting := 0
		for _, crd := range list.Items {
			conds, _, _ := unstructured.NestedSlice(crd.Object, "status", "conditions")
			established := false
			for _, c := range conds {
				if m, _ := c.(map[string]any); m["type"] == "Established" && m["status"] == "True" {
					established = true
				}
			}
			if !established {
				waiting++
			}
		}
		if waiting == 0 && len(list.Items) == len(ch.CRDObjects()) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d CRDs not established after a minute", waiting)
		}
	}
	disc := memory.NewMemCacheClient(discovery.NewDiscoveryClientForConfigOrDie(cp.Config))
	mapper := restmapper.NewDeferredDiscoveryRESTMapper(disc)
	if _, err := cp.Client.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: "temporal"}}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	version, err := cp.Client.Discovery().ServerVersion()
	if err != nil {
		t.Fatal(err)
	}
	apis, err := action.GetVersionSet(cp.Client.Discovery())
	if err != nil {
		t.Fatal(err)
	}

	scenarios, _ := filepath.Glob(filepath.Join(root, "chart", "ci", "*-values.yaml"))
	if len(scenarios) < 5 {
		t.Fatalf("scenarios %v", scenarios)
	}
	for _, scenario := range scenarios {
		t.Run(filepath.Base(scenario), func(t *testing.T) {
			vals, err := chartutil.ReadValuesFile(scenario)
			if err != nil {
				t.Fatal(err)
			}
			inst := action.NewInstall(&action.Configuration{})
			inst.DryRun, inst.ClientOnly, inst.ReleaseName, inst.Namespace = true, true, "temporal-stack", "temporal"
			inst.KubeVersion = &chartutil.KubeVersion{Version: version.GitVersion, Major: version.Major, Minor: version.Minor}
			inst.APIVersions = apis
			rel, err := inst.Run(ch, vals)
			if err != nil {
				t.Fatal(err)
			}
			manifests := releaseutil.SplitManifests(rel.Manifest)
			for i, h := range rel.Hooks {
				manifests[fmt.Sprintf("hook-%d", i)] = h.Manifest
			}
			var objs []*unstructured.Unstructured
			for _, m := range manifests {
				u := &unstructured.Unstructured{}
				if err := yaml.Unmarshal([]byte(m), &u.Object); err != nil {
					t.Fatalf("%v\n%s", err, m)
				}
				if len(u.Object) != 0 {
					objs = append(objs, u)
				}
			}
			// Pods are admitted only if their ServiceAccount exists: create the release's for
			// real (and the namespace's default one, which no controller makes here).
			for _, u := range append(objs, &unstructured.Unstructured{Object: map[string]any{"apiVersion": "v1", "kind": "ServiceAccount",
				"metadata": map[string]any{"name": "default"}}}) {
				if u.GetKind() != "ServiceAccount" {
					continue
				}
				sa := u.DeepCopy()
				_, err := dyn.Resource(schema.GroupVersionResource{Version: "v1", Resource: "serviceaccounts"}).Namespace(namespaceOf(sa)).
					Create(ctx, sa, metav1.CreateOptions{})
				if err != nil && !apierrors.IsAlreadyExists(err) {
					t.Fatalf("ServiceAccount %s: %v", sa.GetName(), err)
				}
			}
			checked := 0
			for _, u := range objs {
				if u.GetKind() == "ServiceAccount" {
					checked++ // created above, for real
					continue
				}
				what := u.GetKind() + "/" + u.GetName()
				gvk := u.GroupVersionKind()
				mapping, err := mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
				if err != nil {
					t.Errorf("%s: %v", what, err)
					continue
				}
				var ri dynamic.ResourceInterface = dyn.Resource(mapping.Resource)
				if mapping.Scope.Name() == meta.RESTScopeNameNamespace {
					ns := namespaceOf(u)
					u.SetNamespace(ns)
					ri = dyn.Resource(mapping.Resource).Namespace(ns)
				}
				if _, err := ri.Create(ctx, u, metav1.CreateOptions{DryRun: []string{metav1.DryRunAll}, FieldValidation: "Strict"}); err != nil {
					t.Errorf("%s: %v", what, strings.TrimSpace(err.Error()))
					continue
				}
				checked++
			}
			t.Logf("%d objects accepted by a server-side dry run", checked)
		})
	}
}

// namespaceOf is an object's namespace: its own, else the release's.
func namespaceOf(u *unstructured.Unstructured) string {
	if ns := u.GetNamespace(); ns != "" {
		return ns
	}
	return "temporal"
}
