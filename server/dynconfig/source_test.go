package dynconfig

import (
	"errors"
	"testing"

	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/metrics/metricstest"
)

var blobKey = dynamicconfig.MakeKey("limit.blobSize.error")

func newTestSource(t *testing.T) (*Source, *metricstest.Capture) {
	t.Helper()
	h := metricstest.NewCaptureHandler()
	c := h.StartCapture()
	return NewSource("test", log.NewNoopLogger(), h), c
}

// lastValue returns the most recent recording of a metric.
func lastValue(t *testing.T, c *metricstest.Capture, name string) any {
	t.Helper()
	recs := c.Snapshot()[name]
	if len(recs) == 0 {
		t.Fatalf("metric %s never recorded", name)
	}
	r := recs[len(recs)-1]
	if r.Tags["source"] != "test" {
		t.Fatalf("metric %s tags %v, want source=test", name, r.Tags)
	}
	return r.Value
}

func counterSum(c *metricstest.Capture, name string) int64 {
	var n int64
	for _, r := range c.Snapshot()[name] {
		n += r.Value.(int64)
	}
	return n
}

func value(t *testing.T, s *Source) any {
	t.Helper()
	v := s.GetValue(blobKey)
	if len(v) != 1 {
		t.Fatalf("GetValue(%s) = %v, want one value", blobKey, v)
	}
	return v[0].Value
}

func TestApplyValidPublishesChangedKeys(t *testing.T) {
	s, c := newTestSource(t)
	if got := s.GetValue(blobKey); got != nil {
		t.Fatalf("new source has values: %v", got)
	}
	var published []map[dynamicconfig.Key][]dynamicconfig.ConstrainedValue
	s.Subscribe(func(m map[dynamicconfig.Key][]dynamicconfig.ConstrainedValue) { published = append(published, m) })

	if err := s.Apply([]byte("limit.blobSize.error:\n  - value: 2048\n"), "v1"); err != nil {
		t.Fatal(err)
	}
	if got := value(t, s); got != 2048 {
		t.Fatalf("value = %v, want 2048", got)
	}
	if len(published) != 1 || len(published[0][blobKey]) != 1 {
		t.Fatalf("published %v, want one update of %s", published, blobKey)
	}
	st := s.Status()
	if st.Generation != 1 || st.Version != "v1" || st.Invalid || !st.Present || st.Hash == "" {
		t.Fatalf("status %+v", st)
	}
	if lastValue(t, c, "stack_dynamic_config_generation") != float64(1) {
		t.Fatal("generation gauge not 1")
	}
	if lastValue(t, c, "stack_dynamic_config_invalid") != float64(0) {
		t.Fatal("invalid gauge not 0")
	}

	// Same content again (a resync): nothing published, generation unchanged.
	if err := s.Apply([]byte("limit.blobSize.error:\n  - value: 2048\n"), "v2"); err != nil {
		t.Fatal(err)
	}
	if len(published) != 1 || s.Status().Generation != 1 {
		t.Fatalf("re-applying identical content published %d updates, generation %d", len(published), s.Status().Generation)
	}

	// Removing the key publishes it with a nil value (back to default).
	if err := s.Apply([]byte(""), "v3"); err != nil {
		t.Fatal(err)
	}
	if got := s.GetValue(blobKey); got != nil {
		t.Fatalf("removed key still has %v", got)
	}
	if v, ok := published[1][blobKey]; !ok || v != nil {
		t.Fatalf("removal published %v", published[1])
	}
}

func TestApplyInvalidKeepsLastGood(t *testing.T) {
	s, c := newTestSource(t)
	if err := s.Apply([]byte("limit.blobSize.error:\n  - value: 2048\n"), "good"); err != nil {
		t.Fatal(err)
	}
	goodHash := s.Status().Hash
	for _, bad := range []string{
		"limit.blobSize.error: [ {value: ",                                   // not YAML
		"limit.blobSize.error:\n  - value: 1\n    constraints: {bogus: x}\n", // unknown constraint
		"- just\n- a list\n",                                                 // wrong shape
	} {
		err := s.Apply([]byte(bad), "bad")
		var inv *InvalidError
		if !errors.As(err, &inv) || inv.Version != "bad" || len(inv.Errors) == 0 {
			t.Fatalf("Apply(%q) = %v, want *InvalidError", bad, err)
		}
		if got := value(t, s); got != 2048 {
			t.Fatalf("after bad %q value = %v, want last good 2048", bad, got)
		}
		st := s.Status()
		if !st.Invalid || st.LastError == "" || st.Hash != goodHash || st.Generation != 1 {
			t.Fatalf("status after bad content: %+v", st)
		}
		if lastValue(t, c, "stack_dynamic_config_invalid") != float64(1) {
			t.Fatal("invalid gauge not 1")
		}
	}
	if n := counterSum(c, "stack_dynamic_config_update_failures_total"); n != 3 {
		t.Fatalf("failures counted %d times, want 3", n)
	}
	// The same bad content again (a resync) is not counted again.
	_ = s.Apply([]byte("- just\n- a list\n"), "bad")
	if n := counterSum(c, "stack_dynamic_config_update_failures_total"); n != 3 {
		t.Fatalf("a resync of rejected content was counted: %d", n)
	}
	// Going back to the good content clears the failure.
	if err := s.Apply([]byte("limit.blobSize.error:\n  - value: 2048\n"), "good-again"); err != nil {
		t.Fatal(err)
	}
	if s.Status().Invalid || lastValue(t, c, "stack_dynamic_config_invalid") != float64(0) {
		t.Fatal("restoring good content did not clear the invalid state")
	}
}

func TestApplyWarningsAreApplied(t *testing.T) {
	s, _ := newTestSource(t)
	content := "no.such.key:\n  - value: 1\nlimit.blobSize.error:\n  - value: 4096\n"
	if err := s.Apply([]byte(content), "w"); err != nil {
		t.Fatalf("unknown keys must warn, not fail: %v", err)
	}
	if got := value(t, s); got != 4096 {
		t.Fatalf("value = %v", got)
	}
}

func TestAbsentKeepsValues(t *testing.T) {
	s, c := newTestSource(t)
	s.SetAbsent("never created")
	if s.Status().Present || s.GetValue(blobKey) != nil {
		t.Fatal("absent source must serve defaults")
	}
	if err := s.Apply([]byte("limit.blobSize.error:\n  - value: 2048\n"), "v1"); err != nil {
		t.Fatal(err)
	}
	s.SetAbsent("deleted")
	if got := value(t, s); got != 2048 {
		t.Fatalf("deleting the source reset values: %v", got)
	}
	if s.Status().Present || lastValue(t, c, "stack_dynamic_config_source_present") != float64(0) {
		t.Fatal("present gauge still 1 after delete")
	}
}
