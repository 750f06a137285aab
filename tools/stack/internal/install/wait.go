package install

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// waitReady waits until every Deployment and StatefulSet of the release is
// ready and every Job has succeeded, printing what still waits and why (the
// newest event of its pods) whenever that changes, and at least every 20 s.
func waitReady(ctx context.Context, c kubernetes.Interface, o Options, timeout time.Duration, w io.Writer) error {
	deadline := time.Now().Add(timeout)
	sel := metav1.ListOptions{LabelSelector: "app.kubernetes.io/instance=" + o.Release}
	last, lastPrint := "", time.Time{}
	for {
		waiting, err := notReady(ctx, c, o.Namespace, sel)
		if err != nil {
			return err
		}
		if len(waiting) == 0 {
			return nil
		}
		report := strings.Join(waiting, "\n")
		if report != last || time.Since(lastPrint) > 20*time.Second {
			fmt.Fprintf(w, "stack: waiting for %d component(s):\n%s\n", len(waiting), report)
			last, lastPrint = report, time.Now()
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not ready after %s:\n%s\n(kubectl -n %s get pods,events shows more)", timeout, report, o.Namespace)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(2 * time.Second):
		}
	}
}

// notReady lists "  Kind/name: state (why)" for each component not ready.
func notReady(ctx context.Context, c kubernetes.Interface, ns string, sel metav1.ListOptions) ([]string, error) {
	var out []string
	deps, err := c.AppsV1().Deployments(ns).List(ctx, sel)
	if err != nil {
		return nil, err
	}
	for _, d := range deps.Items {
		want := int32(1)
		if d.Spec.Replicas != nil {
			want = *d.Spec.Replicas
		}
		if d.Status.ObservedGeneration < d.Generation || d.Status.UpdatedReplicas < want || d.Status.AvailableReplicas < want {
			out = append(out, fmt.Sprintf("  Deployment/%s: %d/%d available%s", d.Name, d.Status.AvailableReplicas, want, why(ctx, c, ns, d.Spec.Selector.MatchLabels)))
		}
	}
	sts, err := c.AppsV1().StatefulSets(ns).List(ctx, sel)
	if err != nil {
		return nil, err
	}
	for _, s := range sts.Items {
		want := int32(1)
		if s.Spec.Replicas != nil {
			want = *s.Spec.Replicas
		}
		if s.Status.ObservedGeneration < s.Generation || s.Status.ReadyReplicas < want || s.Status.UpdatedReplicas < want {
			out = append(out, fmt.Sprintf("  StatefulSet/%s: %d/%d ready%s", s.Name, s.Status.ReadyReplicas, want, why(ctx, c, ns, s.Spec.Selector.MatchLabels)))
		}
	}
	jobs, err := c.BatchV1().Jobs(ns).List(ctx, sel)
	if err != nil {
		return nil, err
	}
	for _, j := range jobs.Items {
		if j.Status.Succeeded == 0 {
			out = append(out, fmt.Sprintf("  Job/%s: not done (%d failed attempts)%s", j.Name, j.Status.Failed, why(ctx, c, ns, map[string]string{"job-name": j.Name})))
		}
	}
	sort.Strings(out)
	return out, nil
}

// why is the newest event of the pods a selector matches, or their phase.
func why(ctx context.Context, c kubernetes.Interface, ns string, labels map[string]string) string {
	var sel []string
	for k, v := range labels {
		sel = append(sel, k+"="+v)
	}
	pods, err := c.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: strings.Join(sel, ",")})
	if err != nil || len(pods.Items) == 0 {
		return " (no pod yet)"
	}
	var newest *corev1.Event
	for _, p := range pods.Items {
		evs, err := c.CoreV1().Events(ns).List(ctx, metav1.ListOptions{FieldSelector: "involvedObject.name=" + p.Name})
		if err != nil {
			continue
		}
		for i := range evs.Items {
			e := &evs.Items[i]
			if newest == nil || e.LastTimestamp.After(newest.LastTimestamp.Time) {
				newest = e
			}
		}
	}
	if newest != nil {
		return fmt.Sprintf(" (%s %s: %s)", newest.Type, newest.Reason, strings.TrimSpace(newest.Message))
	}
	return fmt.Sprintf(" (pod %s %s)", pods.Items[0].Name, pods.Items[0].Status.Phase)
}
