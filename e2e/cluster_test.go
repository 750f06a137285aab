package e2e

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/temporal-stack/stack/internal/harness/cluster"
	"github.com/temporal-stack/stack/poller/healthpoll"
)

func sleepyWorkflow(ctx workflow.Context, n int) (string, error) {
	if err := workflow.Sleep(ctx, 3*time.Second); err != nil {
		return "", err
	}
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: 10 * time.Second})
	var out string
	err := workflow.ExecuteActivity(ctx, "Greet", fmt.Sprint(n)).Get(ctx, &out)
	return out, err
}

// TestPollerMultiProcessCluster runs the cluster as six processes on
// PostgreSQL: the poller sees two history hosts serving, reports a kill -9 of
// one within two intervals, drops its series when membership does, and every
// workflow started before the kill completes.
func TestPollerMultiProcessCluster(t *testing.T) {
	endToEnd(t, "runs PostgreSQL and six server processes")
	c := cluster.Start(t, []string{"TEMPORAL_ALLOW_NO_AUTH=true"})
	ctx := context.Background()
	tc, err := client.Dial(client.Options{HostPort: c.FrontendAddr, Namespace: "default"})
	if err != nil {
		t.Fatal(err)
	}
	defer tc.Close()
	if _, err := tc.WorkflowService().RegisterNamespace(ctx, &workflowservice.RegisterNamespaceRequest{
		Namespace: "default", WorkflowExecutionRetentionPeriod: durationpb.New(24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}

	const interval = 2 * time.Second
	p, err := healthpoll.New(healthpoll.Config{Address: c.InternalFrontendAddr, Interval: interval, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	pctx, stop := context.WithCancel(ctx)
	defer stop()
	go p.Run(pctx)
	web := httptest.NewServer(p.Handler())
	defer web.Close()
	metrics := web.URL + "/metrics"
	victim := fmt.Sprintf("127.0.0.1:%d", c.Members["history-2"].GRPC)
	eventually(t, 2*time.Minute, "two history hosts serving", func() error {
		s := hostStates(t, metrics)
		if len(s) != 2 || s[victim] != 1 {
			return fmt.Errorf("states %v; members:\n%s", s, c.Diagnose())
		}
		for h, v := range s {
			if v != 1 {
				return fmt.Errorf("host %s state %v", h, v)
			}
		}
		return nil
	})

	w := worker.New(tc, "cluster", worker.Options{})
	w.RegisterWorkflowWithOptions(sleepyWorkflow, workflow.RegisterOptions{Name: "Sleepy"})
	w.RegisterActivityWithOptions(greet, activity.RegisterOptions{Name: "Greet"})
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	defer w.Stop()
	var runs []client.WorkflowRun
	for i := range 20 {
		r, err := tc.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: fmt.Sprintf("cluster-%d", i), TaskQueue: "cluster"}, "Sleepy", i)
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, r)
	}

	c.Kill("history-2")
	killed := time.Now()
	eventually(t, 2*interval+2*time.Second, "the kill to be reported", func() error {
		if v, ok := hostStates(t, metrics)[victim]; ok && v == 1 {
			return fmt.Errorf("%s still serving", victim)
		}
		return nil
	})
	t.Logf("kill -9 of %s reported after %s (interval %s)", victim, time.Since(killed).Round(time.Millisecond), interval)
	eventually(t, 90*time.Second, "the dead host's series to disappear", func() error {
		if s := hostStates(t, metrics); len(s) != 1 {
			return fmt.Errorf("states %v", s)
		}
		return nil
	})
	t.Logf("series removed %s after the kill", time.Since(killed).Round(time.Millisecond))
	wctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	for i, r := range runs {
		var out string
		if err := r.Get(wctx, &out); err != nil || out != fmt.Sprintf("hello %d", i) {
			t.Fatalf("workflow %d: %q, %v", i, out, err)
		}
	}
	t.Logf("all %d workflows started before the kill completed %s after it", len(runs), time.Since(killed).Round(time.Millisecond))
}
