package authz

import (
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/mitchellh/mapstructure"
	"go.temporal.io/server/common/api"
	"go.temporal.io/server/common/dynamicconfig"

	"github.com/temporal-stack/stack/server/dynconfig"
)

// adminAPIs are namespace APIs that upstream rates as plain writes
// (api.GetMethodMetadata: AccessWrite, or AccessReadOnly for the compute
// config check) but that make the server call out or change how the whole
// namespace runs; Temporal Stack requires namespace admin for them.
var adminAPIs = map[string]bool{
	// Worker deployments: compute config makes the server call out (serverless
	// workers); versions, routing and managers decide which code runs for
	// every workflow of the namespace.
	"UpdateWorkerDeploymentVersionComputeConfig":   true,
	"ValidateWorkerDeploymentVersionComputeConfig": true,
	"CreateWorkerDeployment":                       true,
	"CreateWorkerDeploymentVersion":                true,
	"DeleteWorkerDeployment":                       true,
	"DeleteWorkerDeploymentVersion":                true,
	"SetWorkerDeploymentCurrentVersion":            true,
	"SetWorkerDeploymentRampingVersion":            true,
	"SetWorkerDeploymentManager":                   true,
	"UpdateWorkerDeploymentVersionMetadata":        true,
	"SetCurrentDeployment":                         true,
	"UpdateWorkerBuildIdCompatibility":             true,
	"UpdateWorkerVersioningRules":                  true,
	// Workflow rules act on every matching workflow of the namespace.
	"CreateWorkflowRule":  true,
	"DeleteWorkflowRule":  true,
	"TriggerWorkflowRule": true,
	// Task-queue and worker configuration (rate limits, fairness, pollers).
	"UpdateTaskQueueConfig": true,
	"UpdateWorkerConfig":    true,
	// Batch operations change any number of workflows at once.
	"StartBatchOperation": true,
	"StopBatchOperation":  true,
}

// Access is the access level Temporal Stack requires for a full gRPC method
// name: upstream's (api.GetMethodMetadata), raised to AccessAdmin for the
// APIs of adminAPIs.
func Access(fullMethod string) api.Access {
	if strings.HasPrefix(fullMethod, api.WorkflowServicePrefix) && adminAPIs[api.MethodName(fullMethod)] {
		return api.AccessAdmin
	}
	return api.GetMethodMetadata(fullMethod).Access
}

// Audit categories of calls (AuditPolicy.Allowed).
const (
	CategoryRead   = "read"   // read-only APIs
	CategoryWrite  = "write"  // write APIs
	CategoryAdmin  = "admin"  // APIs that need admin (namespace or cluster)
	CategoryWorker = "worker" // the SDK worker APIs: polls, task responses, heartbeats
)

// Category classifies a full gRPC method name for auditing.
func Category(fullMethod string) string {
	switch {
	case workerAPIs[api.MethodName(fullMethod)] && strings.HasPrefix(fullMethod, api.WorkflowServicePrefix):
		return CategoryWorker
	case api.GetMethodMetadata(fullMethod).Polling == api.PollingAlways:
		return CategoryWorker
	}
	switch Access(fullMethod) {
	case api.AccessReadOnly:
		return CategoryRead
	case api.AccessWrite:
		return CategoryWrite
	}
	return CategoryAdmin
}

// AuditKey is the dynamic-config key choosing which allowed calls are
// audited; denials always are.
//
//	stack.auth.audit:
//	  - value: {allowed: [write, admin]}   # any of read, write, admin, worker; [] = none
const AuditKey = "stack.auth.audit"

// AuditPolicy says which categories of allowed calls get an audit line.
type AuditPolicy struct {
	Allowed []string `mapstructure:"allowed"`
}

// DefaultAuditPolicy audits allowed writes and admin calls, never reads or
// worker traffic (polls, task responses), which would drown the rest.
var DefaultAuditPolicy = AuditPolicy{Allowed: []string{CategoryWrite, CategoryAdmin}}

// Audits reports whether allowed calls of category are audited.
func (p AuditPolicy) Audits(category string) bool { return slices.Contains(p.Allowed, category) }

// ParseAuditPolicy decodes a dynamic-config value strictly.
func ParseAuditPolicy(v any) (AuditPolicy, error) {
	var p AuditPolicy
	if v == nil {
		return p, fmt.Errorf("%s: the value is null", AuditKey)
	}
	dec, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{Result: &p, ErrorUnused: true})
	if err != nil {
		return p, err
	}
	if err := dec.Decode(v); err != nil {
		return AuditPolicy{}, fmt.Errorf("%s: %w", AuditKey, err)
	}
	if p.Allowed == nil {
		p.Allowed = []string{}
	}
	for _, c := range p.Allowed {
		if !slices.Contains([]string{CategoryRead, CategoryWrite, CategoryAdmin, CategoryWorker}, c) {
			return AuditPolicy{}, fmt.Errorf("%s: unknown category %q (want %s)", AuditKey, c,
				strings.Join([]string{CategoryRead, CategoryWrite, CategoryAdmin, CategoryWorker}, ", "))
		}
	}
	return p, nil
}

var auditSetting = dynamicconfig.NewGlobalTypedSettingWithConverter(AuditKey, ParseAuditPolicy, DefaultAuditPolicy,
	"Temporal Stack: which allowed calls get an audit line (read, write, admin, worker); denials always do.")

func init() {
	dynconfig.RegisterCheck(AuditKey, func(v any) error { _, err := ParseAuditPolicy(v); return err })
}

// LiveAuditPolicy follows the audit policy in dc (the default when dc is nil).
func LiveAuditPolicy(dc *dynamicconfig.Collection) func() AuditPolicy {
	var current atomic.Pointer[AuditPolicy]
	p := DefaultAuditPolicy
	current.Store(&p)
	if dc != nil {
		// An update that arrives before Subscribe returns must not be
		// overwritten by the older initial value.
		initial, _ := auditSetting.Subscribe(dc)(func(p AuditPolicy) { current.Store(&p) })
		current.CompareAndSwap(&p, &initial)
	}
	return func() AuditPolicy { return *current.Load() }
}
