// Package authz decides every frontend call from the caller's claims: roles
// read, write, worker and admin per namespace (cluster-wide through
// temporal-system), live task-queue blocking, and a reason on every deny.
package authz

import (
	"context"
	"fmt"
	"strings"

	commonpb "go.temporal.io/api/common/v1"
	taskqueuepb "go.temporal.io/api/taskqueue/v1"
	"go.temporal.io/server/common/api"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/log/tag"
	"go.temporal.io/server/common/metrics"

	"github.com/temporal-stack/stack/server/authn"
)

// Reason codes: the "reason" tag of stack_authz_decisions_total.
const (
	reasonAllowed      = "allowed"
	reasonHealth       = "health_check"
	reasonInternal     = "internal"
	reasonNoCredential = "no_credentials"
	reasonBadToken     = "invalid_token"
	reasonRole         = "insufficient_role"
	reasonBlocked      = "task_queue_blocked"
	reasonUnknownAPI   = "unknown_api"
)

var metricDecisions = metrics.NewCounterDef("stack_authz_decisions_total",
	metrics.WithDescription("Authorization decisions on the frontends, by decision (allow, deny) and reason."))

// Authorizer implements authorization.Authorizer.
type Authorizer struct {
	blocked  func() *Blocklist
	audit    func() AuditPolicy
	logger   log.Logger
	counters map[string]metrics.CounterIface
}

var _ authorization.Authorizer = (*Authorizer)(nil)

// New returns an Authorizer; blocked returns the task-queue blocklist in
// force, audit (nil = DefaultAuditPolicy) which allowed calls to audit.
func New(blocked func() *Blocklist, audit func() AuditPolicy, logger log.Logger, handler metrics.Handler) *Authorizer {
	if handler == nil {
		handler = metrics.NoopMetricsHandler
	}
	if audit == nil {
		audit = func() AuditPolicy { return DefaultAuditPolicy }
	}
	a := &Authorizer{blocked: blocked, audit: audit, logger: logger, counters: map[string]metrics.CounterIface{}}
	for _, r := range []string{reasonAllowed, reasonHealth, reasonInternal} {
		a.counters[r] = metricDecisions.With(handler.WithTags(metrics.StringTag("decision", "allow"), metrics.StringTag("reason", r)))
	}
	for _, r := range []string{reasonNoCredential, reasonBadToken, reasonRole, reasonBlocked, reasonUnknownAPI} {
		a.counters[r] = metricDecisions.With(handler.WithTags(metrics.StringTag("decision", "deny"), metrics.StringTag("reason", r)))
	}
	return a
}

var allow = authorization.Result{Decision: authorization.DecisionAllow}

// Authorize implements authorization.Authorizer. It never returns an error:
// a denial is a Result with DecisionDeny and the reason, which Temporal's
// interceptor answers with PermissionDenied carrying that reason (whatever
// frontend.exposeAuthorizerErrors says), counts in
// service_errors_unauthorized and does not log. An allowed call returns the
// caller's principal (recorded on history events when
// frontend.enablePrincipalPropagation is on).
func (a *Authorizer) Authorize(_ context.Context, c *authorization.Claims, t *authorization.CallTarget) (authorization.Result, error) {
	if authorization.IsHealthCheckAPI(t.APIName) {
		a.counters[reasonHealth].Record(1)
		return allow, nil
	}
	if c != nil && c.AuthType == authorization.InternalPrincipalType && c.Subject == authorization.InternalPrincipalName {
		// internal-frontend traffic (system workflows); only in-cluster callers reach it.
		a.counters[reasonInternal].Record(1)
		return authorization.Result{Decision: authorization.DecisionAllow,
			Principal: &commonpb.Principal{Type: authorization.InternalPrincipalType, Name: authorization.InternalPrincipalName}}, nil
	}
	method := api.MethodName(t.APIName)
	if c == nil {
		return a.deny(c, t, method, "", reasonNoCredential, `no credentials: send "authorization: Bearer <token>"`), nil
	}
	if te, ok := c.Extensions.(*authn.TokenError); ok {
		return a.deny(c, t, method, "", reasonBadToken, te.Error()), nil
	}
	md := api.GetMethodMetadata(t.APIName)
	access := Access(t.APIName)
	switch md.Scope {
	case api.ScopeNamespace:
		role := c.System | c.Namespaces[t.Namespace]
		if !permits(role, access, method) {
			return a.deny(c, t, method, "", reasonRole, fmt.Sprintf("role %s on namespace %q cannot call %s (needs %s)",
				roleName(role), truncate(t.Namespace), method, needs(access, method))), nil
		}
		if md.Polling == api.PollingAlways {
			if tq := taskQueue(t.Request); tq != "" && a.blocked().Blocked(t.Namespace, tq) {
				return a.deny(c, t, method, tq, reasonBlocked, fmt.Sprintf("task queue %q in namespace %q is blocked by policy: %s is denied",
					truncate(tq), truncate(t.Namespace), method)), nil
			}
		}
	case api.ScopeCluster:
		ok := permits(c.System, access, method)
		if !ok && access == api.AccessReadOnly {
			// Cluster-wide reads (list namespaces, cluster and system info)
			// are open to anyone granted a role somewhere, so the UI works.
			ok = c.System != 0
			for _, r := range c.Namespaces {
				ok = ok || r != 0
			}
		}
		if !ok {
			return a.deny(c, t, method, "", reasonRole, fmt.Sprintf("cluster API %s needs temporal-system:%s; the caller has temporal-system role %s",
				method, needs(access, method), roleName(c.System))), nil
		}
	default:
		return a.deny(c, t, method, "", reasonUnknownAPI, fmt.Sprintf("unknown API %s", truncate(t.APIName))), nil
	}
	a.counters[reasonAllowed].Record(1)
	principal := principalOf(c)
	if a.audit().Audits(Category(t.APIName)) {
		a.auditLine(c, t, method, "", "allow", reasonAllowed, "")
	}
	return authorization.Result{Decision: authorization.DecisionAllow, Principal: principal}, nil
}

// principalOf names the caller for history events: a verified email, else
// the token's subject; a Kubernetes ServiceAccount as
// system:serviceaccount:NAMESPACE:NAME (see authn.Identity).
func principalOf(c *authorization.Claims) *commonpb.Principal {
	if id, ok := c.Extensions.(*authn.Identity); ok && id.Principal != nil {
		return id.Principal
	}
	if id, ok := c.Extensions.(*authn.Identity); ok && id.PrincipalType != "" {
		return &commonpb.Principal{Type: id.PrincipalType, Name: id.PrincipalName}
	}
	return &commonpb.Principal{Type: authn.PrincipalSubject, Name: c.Subject}
}

// permits reports whether role may make a call with this access level.
func permits(role authorization.Role, access api.Access, method string) bool {
	switch {
	case role&authorization.RoleAdmin != 0:
		return true
	case role&authorization.RoleWorker != 0 && workerAPIs[method]:
		return true
	}
	switch access {
	case api.AccessReadOnly:
		return role&(authorization.RoleReader|authorization.RoleWriter) != 0
	case api.AccessWrite:
		return role&authorization.RoleWriter != 0
	}
	return false
}

func needs(access api.Access, method string) string {
	switch {
	case access == api.AccessReadOnly && workerAPIs[method]:
		return "read, worker, write or admin"
	case access == api.AccessReadOnly:
		return "read, write or admin"
	case access == api.AccessWrite && workerAPIs[method]:
		return "worker, write or admin"
	case access == api.AccessWrite:
		return "write or admin"
	}
	return "admin"
}

func roleName(r authorization.Role) string {
	if r == 0 {
		return "none"
	}
	var names []string
	for _, x := range []struct {
		r    authorization.Role
		name string
	}{{authorization.RoleAdmin, "admin"}, {authorization.RoleWriter, "write"}, {authorization.RoleReader, "read"}, {authorization.RoleWorker, "worker"}} {
		if r&x.r != 0 {
			names = append(names, x.name)
		}
	}
	return strings.Join(names, "+")
}

type hasTaskQueue interface {
	GetTaskQueue() *taskqueuepb.TaskQueue
}

type hasWorkflowID interface {
	GetWorkflowId() string
}

type hasExecution interface {
	GetWorkflowExecution() *commonpb.WorkflowExecution
}

// taskQueue names a poll's task queue; a sticky queue is named by its normal queue.
func taskQueue(req any) string {
	r, ok := req.(hasTaskQueue)
	if !ok {
		return ""
	}
	tq := r.GetTaskQueue()
	if n := tq.GetNormalName(); n != "" {
		return n
	}
	return tq.GetName()
}

// workflowID names the workflow a request is about, if any.
func workflowID(req any) string {
	if r, ok := req.(hasWorkflowID); ok {
		return r.GetWorkflowId()
	}
	if r, ok := req.(hasExecution); ok {
		return r.GetWorkflowExecution().GetWorkflowId()
	}
	return ""
}

// maxAuditField bounds every caller-chosen string in an audit line or a
// reason (namespace, workflow id, task queue, principal) of an authenticated
// caller; maxUnauthenticatedField bounds the namespace of a caller without a
// valid token, whose lines leave out workflow id and task queue. A flood of
// token-less calls thus writes lines of at most about 300 bytes.
const (
	maxAuditField           = 128
	maxUnauthenticatedField = 48
	maxAuditReason          = 200
)

func truncate(s string) string { return truncateTo(s, maxAuditField) }

func truncateTo(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// deny counts and audits a denial and returns it as a Result.
func (a *Authorizer) deny(c *authorization.Claims, t *authorization.CallTarget, method, tq, code, reason string) authorization.Result {
	a.counters[code].Record(1)
	a.auditLine(c, t, method, tq, "deny", code, reason)
	return authorization.Result{Decision: authorization.DecisionDeny, Reason: reason}
}

// auditLine writes one audit line (README, "Audit"): allowed calls at Info,
// denials at Warn; empty fields are left out and every caller-chosen value
// is truncated. A caller without a valid token (no principal) gets a short
// line: its workflow id and task queue are noise it chose.
func (a *Authorizer) auditLine(c *authorization.Claims, t *authorization.CallTarget, method, tq, decision, code, reason string) {
	tags := make([]tag.Tag, 0, 9)
	authenticated := false
	if c != nil {
		if _, bad := c.Extensions.(*authn.TokenError); !bad {
			if p := principalOf(c); p.Name != "" {
				authenticated = true
				tags = append(tags, tag.NewStringTag("principal", p.Type+":"+truncate(p.Name)))
			}
		}
	}
	tags = append(tags, tag.NewStringTag("api", method))
	if !authenticated {
		if t.Namespace != "" {
			tags = append(tags, tag.NewStringTag("namespace", truncateTo(t.Namespace, maxUnauthenticatedField)))
		}
	} else {
		if t.Namespace != "" {
			tags = append(tags, tag.NewStringTag("namespace", truncate(t.Namespace)))
		}
		if wf := workflowID(t.Request); wf != "" {
			tags = append(tags, tag.NewStringTag("workflow-id", truncate(wf)))
		}
		if tq == "" {
			tq = taskQueue(t.Request)
		}
		if tq != "" {
			tags = append(tags, tag.NewStringTag("task-queue", truncate(tq)))
		}
	}
	tags = append(tags, tag.NewStringTag("decision", decision), tag.NewStringTag("reason-code", code))
	if reason != "" && code != reasonNoCredential { // the code says it all
		tags = append(tags, tag.NewStringTag("reason", truncateTo(reason, maxAuditReason)))
	}
	if decision == "deny" {
		a.logger.Warn("Audit.", tags...)
		return
	}
	a.logger.Info("Audit.", tags...)
}
