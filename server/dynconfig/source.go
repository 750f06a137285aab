// Package dynconfig serves Temporal dynamic config from a Kubernetes ConfigMap or a
// local file and pushes every valid edit to the running server without polling.
package dynconfig

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/log/tag"
	"go.temporal.io/server/common/metrics"
)

// Metric definitions. Every series carries exactly one tag, "source", so the
// tally Prometheus reporter never sees a metric with two tag-key sets.
var (
	metricGeneration = metrics.NewGaugeDef("stack_dynamic_config_generation",
		metrics.WithDescription("Number of dynamic-config versions applied since start-up."))
	metricHash = metrics.NewGaugeDef("stack_dynamic_config_hash",
		metrics.WithDescription("First 48 bits of the SHA-256 of the dynamic config in force, to compare pods."))
	metricLastSuccess = metrics.NewGaugeDef("stack_dynamic_config_last_success_timestamp_seconds",
		metrics.WithDescription("Unix time of the last successful dynamic-config update."))
	metricInvalid = metrics.NewGaugeDef("stack_dynamic_config_invalid",
		metrics.WithDescription("1 while the newest dynamic config is rejected and the last good one stays in force, else 0."))
	metricPresent = metrics.NewGaugeDef("stack_dynamic_config_source_present",
		metrics.WithDescription("1 while the ConfigMap or file exists, 0 while it is missing or deleted."))
	metricFailures = metrics.NewCounterDef("stack_dynamic_config_update_failures_total",
		metrics.WithDescription("Dynamic-config versions rejected because they failed to parse or validate."))
	metricWatchRestarts = metrics.NewCounterDef("stack_dynamic_config_watch_restarts_total",
		metrics.WithDescription("Times the ConfigMap watch was re-established (API server timeouts and restarts, network errors) or the file watch overflowed."))
)

// Status is a snapshot of what a Source has in force.
type Status struct {
	Generation  int64     // versions applied since start-up; 0 = defaults only
	Hash        string    // hex SHA-256 of the content in force ("" = none yet)
	Version     string    // the origin's version of that content (resourceVersion, mtime)
	LastSuccess time.Time // when it was applied
	Present     bool      // whether the origin currently exists
	Invalid     bool      // whether the newest content was rejected
	LastError   string    // why, when Invalid
}

// InvalidError reports content that was rejected; the previous config stays in force.
type InvalidError struct {
	Version string
	Errors  []error
}

func (e *InvalidError) Error() string {
	msgs := make([]string, len(e.Errors))
	for i, err := range e.Errors {
		msgs[i] = err.Error()
	}
	return fmt.Sprintf("dynamic config version %s rejected, last good config stays in force: %s",
		e.Version, strings.Join(msgs, "; "))
}

// Source is a dynamicconfig.Client and NotifyingClient whose values are replaced
// atomically by Apply. GetValue is a lock-free map lookup.
type Source struct {
	dynamicconfig.NotifyingClientImpl

	logger log.Logger
	kind   string

	mu          sync.Mutex // serializes Apply/SetPresent
	lastTried   string     // hash of the last content seen, valid or not
	absent      bool       // SetAbsent was called and nothing appeared since
	values      atomic.Pointer[dynamicconfig.ConfigValueMap]
	status      atomic.Pointer[Status]
	generation  metrics.GaugeIface
	hash        metrics.GaugeIface
	lastSuccess metrics.GaugeIface
	invalid     metrics.GaugeIface
	present     metrics.GaugeIface
	failures    metrics.CounterIface
	restarts    metrics.CounterIface
}

var (
	_ dynamicconfig.Client          = (*Source)(nil)
	_ dynamicconfig.NotifyingClient = (*Source)(nil)
)

// NewSource returns a Source holding no values (every key at its default).
// kind names the origin ("configmap" or "file") in logs and metric tags.
func NewSource(kind string, logger log.Logger, handler metrics.Handler) *Source {
	if handler == nil {
		handler = metrics.NoopMetricsHandler
	}
	h := handler.WithTags(metrics.StringTag("source", kind))
	s := &Source{
		NotifyingClientImpl: dynamicconfig.NewNotifyingClientImpl(),
		logger:              log.With(logger, tag.NewStringTag("dynamic-config-source", kind)),
		kind:                kind,
		generation:          metricGeneration.With(h),
		hash:                metricHash.With(h),
		lastSuccess:         metricLastSuccess.With(h),
		invalid:             metricInvalid.With(h),
		present:             metricPresent.With(h),
		failures:            metricFailures.With(h),
		restarts:            metricWatchRestarts.With(h),
	}
	empty := dynamicconfig.ConfigValueMap{}
	s.values.Store(&empty)
	s.status.Store(&Status{})
	s.generation.Record(0)
	s.invalid.Record(0)
	s.present.Record(0)
	s.failures.Record(0) // export the counters from the start
	s.restarts.Record(0)
	return s
}

// GetValue implements dynamicconfig.Client.
func (s *Source) GetValue(key dynamicconfig.Key) []dynamicconfig.ConstrainedValue {
	return (*s.values.Load())[key]
}

// Status returns a snapshot of the config in force.
func (s *Source) Status() Status { return *s.status.Load() }

// Apply parses content with Temporal's own YAML loader. Content with errors is
// rejected with an *InvalidError and the previous values stay in force; content
// with only warnings (unknown keys, values that fail a key's validation) is
// applied and the warnings logged. Re-applying the content in force is a no-op.
// version identifies the content in logs (a resourceVersion or a file mtime).
func (s *Source) Apply(content []byte, version string) error {
	err, _ := s.apply(content, version)
	return err
}

// apply is Apply that also says whether a rejection is new (not a resync of
// content already rejected), so callers record one Event per bad version.
func (s *Source) apply(content []byte, version string) (error, bool) {
	sum := sha256.Sum256(content)
	hash := hex.EncodeToString(sum[:])

	s.mu.Lock()
	defer s.mu.Unlock()

	st := *s.status.Load()
	st.Present = true
	s.absent = false
	s.present.Record(1)
	if hash == st.Hash && st.Generation > 0 {
		// Same content as in force (a resync, or a fix back to the good version).
		s.lastTried = hash
		if st.Invalid {
			s.clearInvalid(&st, version)
		}
		st.Version = version
		s.status.Store(&st)
		return nil, false
	}

	loaded := Load(content)
	if len(loaded.Errors) > 0 {
		err := &InvalidError{Version: version, Errors: loaded.Errors}
		return err, s.rejectLocked(&st, hash, err)
	}
	s.lastTried = hash
	for _, w := range loaded.Warnings {
		s.logger.Warn("Dynamic config warning (value applied).",
			tag.NewStringTag("version", version), tag.Error(w))
	}

	old := s.values.Swap(&loaded.Map)
	changed := dynamicconfig.DiffAndLogConfigs(s.logger, *old, loaded.Map)

	now := time.Now()
	if st.Invalid {
		s.clearInvalid(&st, version)
	}
	st.Generation++
	st.Hash = hash
	st.Version = version
	st.LastSuccess = now
	s.status.Store(&st)
	s.generation.Record(float64(st.Generation))
	s.hash.Record(float64(binary.BigEndian.Uint64(sum[:8]) >> 16))
	s.lastSuccess.Record(float64(now.UnixNano()) / 1e9)
	s.logger.Info("Applied dynamic config.",
		tag.NewStringTag("version", version), tag.NewInt64("generation", st.Generation),
		tag.NewStringTag("sha256", hash[:12]), tag.NewInt("changed-keys", len(changed)),
		tag.NewInt("warnings", len(loaded.Warnings)))

	s.PublishUpdates(changed)
	return nil, false
}

// rejectLocked marks the newest content (identified by hash) invalid and reports
// whether it differs from the content rejected last time.
func (s *Source) rejectLocked(st *Status, hash string, err *InvalidError) bool {
	fresh := hash != s.lastTried
	s.lastTried = hash
	if fresh {
		s.failures.Record(1)
		s.logger.Error("Rejected dynamic config; the last good config stays in force.",
			tag.NewStringTag("version", err.Version), tag.NewStringTag("in-force-version", st.Version),
			tag.NewInt("errors", len(err.Errors)), tag.Error(err))
	}
	st.Invalid = true
	st.LastError = err.Error()
	s.invalid.Record(1)
	s.status.Store(st)
	return fresh
}

// reject marks content the watcher could not even hand over (a ConfigMap
// without the data key) as invalid; ident identifies it for de-duplication.
func (s *Source) reject(ident string, err *InvalidError) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := *s.status.Load()
	st.Present = true
	s.absent = false
	s.present.Record(1)
	return s.rejectLocked(&st, "reject:"+ident, err)
}

func (s *Source) clearInvalid(st *Status, version string) {
	st.Invalid = false
	st.LastError = ""
	s.invalid.Record(0)
	s.logger.Info("Dynamic config valid again.", tag.NewStringTag("version", version))
}

// SetAbsent records that the origin does not exist (never created, or deleted).
// The values in force are kept: deleting a ConfigMap by mistake must not reset a
// running cluster to defaults.
func (s *Source) SetAbsent(why string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.absent {
		return // already reported
	}
	s.absent = true
	st := *s.status.Load()
	st.Present = false
	s.status.Store(&st)
	s.present.Record(0)
	if st.Generation == 0 {
		s.logger.Warn("Dynamic config source is missing; every key keeps its default until it appears.",
			tag.NewStringTag("reason", why))
		return
	}
	s.logger.Warn("Dynamic config source is gone; the last good config stays in force.",
		tag.NewStringTag("reason", why), tag.NewStringTag("in-force-version", st.Version))
}

// watchRestarted counts a watch re-established after the first one: API server
// watch timeouts, API server restarts, network errors, fsnotify overflows.
func (s *Source) watchRestarted() {
	s.restarts.Record(1)
	s.logger.Debug("Dynamic config watch re-established.")
}

// watchFailed logs why a watch ended abnormally; it is retried with backoff.
func (s *Source) watchFailed(err error) {
	s.logger.Warn("Dynamic config watch failed; retrying with backoff.", tag.Error(err))
}

// errMissingKey is returned when a ConfigMap exists but lacks the data key.
var errMissingKey = errors.New("data key missing")
