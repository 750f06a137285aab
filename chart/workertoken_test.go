package chart

import (
	"strings"
	"testing"

	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/releaseutil"
	"sigs.k8s.io/yaml"

	"github.com/temporal-stack/stack/internal/subcharts"
)

// A worker Deployment of a chart that depends on this one projects its
// ServiceAccount token with the chart's templates: audience from
// auth.workloadIdentity, mounted where workerauth.DefaultServiceAccountTokenPath reads.
func TestWorkerTokenTemplates(t *testing.T) {
	ch, err := subcharts.Load(".")
	if err != nil {
		t.Fatal(err)
	}
	ch.Templates = append(ch.Templates, &chart.File{Name: "templates/zz-worker.yaml", Data: []byte(`apiVersion: apps/v1
kind: Deployment
metadata: {name: orders-worker}
spec:
  selector: {matchLabels: {app: orders}}
  template:
    metadata: {labels: {app: orders}}
    spec:
      volumes: [{{ include "temporal-stack.workerTokenVolume" . }}]
      containers:
        - name: worker
          image: orders:1
          volumeMounts: [{{ include "temporal-stack.workerTokenMount" . }}]
`)})
	vals := map[string]any{"auth": map[string]any{"workloadIdentity": map[string]any{"audience": "temporal-prod"}}}
	inst := action.NewInstall(&action.Configuration{})
	inst.DryRun, inst.ClientOnly, inst.ReleaseName, inst.Namespace = true, true, "temporal-stack", "temporal"
	inst.KubeVersion = &chartutil.KubeVersion{Version: "v1.36.3", Major: "1", Minor: "36"}
	rel, err := inst.Run(ch, vals)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range releaseutil.SplitManifests(rel.Manifest) {
		if !strings.Contains(m, "name: orders-worker") {
			continue
		}
		var d map[string]any
		if err := yaml.Unmarshal([]byte(m), &d); err != nil {
			t.Fatal(err)
		}
		spec := get(d, "spec", "template", "spec")
		if get(spec, "volumes", 0, "projected", "sources", 0, "serviceAccountToken", "audience") != "temporal-prod" ||
			get(spec, "containers", 0, "volumeMounts", 0, "mountPath") != "/var/run/secrets/temporal" ||
			get(spec, "volumes", 0, "name") != get(spec, "containers", 0, "volumeMounts", 0, "name") {
			t.Fatalf("worker pod spec: %v", spec)
		}
		return
	}
	t.Fatal("the worker Deployment was not rendered")
}
