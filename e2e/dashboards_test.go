package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"os/exec"
	"slices"
	"testing"
	"time"

	"go.temporal.io/api/serviceerror"

	"github.com/temporal-stack/stack/dexlogin/workerauth"
	"github.com/temporal-stack/stack/internal/datadir"
	"github.com/temporal-stack/stack/internal/toolbin"
)

// TestDashboardQueries runs every Grafana panel's PromQL against the local
// stack's Prometheus after real traffic: each must parse and return a series,
// so a renamed metric or label cannot leave a panel silently empty.
func TestDashboardQueries(t *testing.T) {
	endToEnd(t, "builds and runs the local stack")
	s := newLocalStack(t)
	s.upDetached()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	// Traffic: one workflow with a worker (requests, tasks, plaintext
	// payloads) and one expected error (NotFound).
	sec := s.secrets()
	hp, err := workerauth.PasswordGrant(ctx, workerauth.Config{Issuer: s.Issuer, ClientID: "temporal-worker",
		ClientSecret: sec.WorkerClientSecret, Username: datadir.AdminEmail, Password: sec.AdminPassword})
	if err != nil {
		t.Fatal(err)
	}
	if err := firstWorkflow(ctx, s.Frontend, hp); err != nil {
		t.Fatalf("workflow: %v", err)
	}
	c := s.admin()
	defer c.Close()
	var nf *serviceerror.NotFound
	if _, err := c.DescribeWorkflowExecution(ctx, "no-such-workflow", ""); !errors.As(err, &nf) {
		t.Fatalf("describing a missing workflow: %v, want NotFound", err)
	}

	// Counters need two scrapes inside the 1m rate window: retry until every
	// query has a series or a minute has passed.
	queries := panelQueries(t)
	pending := slices.Sorted(maps.Keys(queries))
	failures := map[string]error{}
	for deadline := time.Now().Add(time.Minute); len(pending) > 0 && time.Now().Before(deadline); time.Sleep(2 * time.Second) {
		var still []string
		for _, title := range pending {
			if err := promSeries(s.Prometheus, queries[title]); err != nil {
				failures[title] = err
				still = append(still, title)
			}
		}
		pending = still
	}
	for _, title := range pending {
		t.Errorf("panel %q: %v\n  query: %s", title, failures[title], queries[title])
	}
	t.Logf("%d panel queries returned series", len(queries)-len(pending))
}

// panelQueries is dashboards.Queries() (panel title → PromQL), printed by the
// generator: e2e cannot import chart/internal.
func panelQueries(t *testing.T) map[string]string {
	t.Helper()
	gen, err := toolbin.Own("./chart/internal/dashboards/gen")
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(gen, "-queries").Output()
	var q map[string]string
	if err == nil {
		err = json.Unmarshal(out, &q)
	}
	if err != nil || len(q) == 0 {
		t.Fatalf("dashboards gen -queries: %v (%d queries)", err, len(q))
	}
	return q
}

// promSeries runs an instant query: nil when it parses and returns a series,
// else Prometheus's own error.
func promSeries(base, q string) error {
	resp, err := http.Get(base + "/api/v1/query?query=" + url.QueryEscape(q))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var r struct {
		Status, ErrorType, Error string
		Data                     struct{ Result []json.RawMessage }
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return fmt.Errorf("HTTP %s: %w", resp.Status, err)
	}
	switch {
	case r.Status != "success":
		return fmt.Errorf("Prometheus: %s: %s", r.ErrorType, r.Error)
	case len(r.Data.Result) == 0:
		return errors.New("no series: is the metric or a label renamed, or was it never emitted?")
	}
	return nil
}
