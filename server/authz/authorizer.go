// Package authz decides every frontend call from the caller's claims: roles
// read, write, worker and admin per namespace (cluster-wide through
// temporal-system), live task-queue blocking, and a reason on every deny.
package authz

import (
	"context"
	"fmt"
	"strings"

	"go.temporal.io/api/serviceerror"
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
	logger   log.Logger
	counters map[string]metrics.CounterIface
}

var _ authorization.Authorizer = (*Authorizer)(nil)

// New returns an Authorizer; blocked returns the task-queue blocklist in force.
func New(blocked func() *Blocklist, logger log.Logger, handler metrics.Handler) *Authorizer {
	if handler == nil {
		handler = metrics.NoopMetricsHandler
	}
	a := &Authorizer{blocked: blocked, logger: logger, counters: map[string]metrics.CounterIface{}}
	for _, r := range []string{reasonAllowed, reasonHealth, reasonInternal} {
		a.counters[r] = metricDecisions.With(handler.WithTags(metrics.StringTag("decision", "allow"), metrics.StringTag("reason", r)))
	}
	for _, r := range []string{reasonNoCredential, reasonBadToken, reasonRole, reasonBlocked, reasonUnknownAPI} {
		a.counters[r] = metricDecisions.With(handler.WithTags(metrics.StringTag("decision", "deny"), metrics.StringTag("reason", r)))
	}
	return a
}

var allow = authorization.Result{Decision: authorization.DecisionAllow}

// Authorize implements authorization.Authorizer.
func (a *Authorizer) Authorize(_ context.Context, c *authorization.Claims, t *authorization.CallTarget) (authorization.Result, error) {
	if authorization.IsHealthCheckAPI(t.APIName) {
		a.counters[reasonHealth].Record(1)
		return allow, nil
	}
	if c != nil && c.AuthType == authorization.InternalPrincipalType && c.Subject == authorization.InternalPrincipalName {
		// internal-frontend traffic (system workflows); only in-cluster callers reach it.
		a.counters[reasonInternal].Record(1)
		return allow, nil
	}
	method := api.MethodName(t.APIName)
	if c == nil {
		return a.deny(c, t, method, "", reasonNoCredential, `no credentials: send the header "authorization: Bearer <token>"`)
	}
	if te, ok := c.Extensions.(*authn.TokenError); ok {
		return a.deny(c, t, method, "", reasonBadToken, te.Error())
	}
	md := api.GetMethodMetadata(t.APIName)
	switch md.Scope {
	case api.ScopeNamespace:
		role := c.System | c.Namespaces[t.Namespace]
		if !permits(role, md.Access, method) {
			return a.deny(c, t, method, "", reasonRole, fmt.Sprintf("role %s on namespace %q cannot call %s (needs %s)",
				roleName(role), t.Namespace, method, needs(md.Access, method)))
		}
		if md.Polling == api.PollingAlways {
			if tq := taskQueue(t.Request); tq != "" && a.blocked().Blocked(t.Namespace, tq) {
				return a.deny(c, t, method, tq, reasonBlocked, fmt.Sprintf("task queue %q in namespace %q is blocked by policy: %s is denied",
					tq, t.Namespace, method))
			}
		}
	case api.ScopeCluster:
		ok := permits(c.System, md.Access, method)
		if !ok && md.Access == api.AccessReadOnly {
			// Cluster-wide reads (list namespaces, cluster and system info)
			// are open to anyone granted a role somewhere, so the UI works.
			ok = c.System != 0
			for _, r := range c.Namespaces {
				ok = ok || r != 0
			}
		}
		if !ok {
			return a.deny(c, t, method, "", reasonRole, fmt.Sprintf("cluster API %s needs temporal-system:%s; the caller has temporal-system role %s",
				method, needs(md.Access, method), roleName(c.System)))
		}
	default:
		return a.deny(c, t, method, "", reasonUnknownAPI, fmt.Sprintf("unknown API %s", t.APIName))
	}
	a.counters[reasonAllowed].Record(1)
	return allow, nil
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

// deny records and logs a denial. The reason travels as a PermissionDenied
// error: with frontend.exposeAuthorizerErrors (on by Temporal Stack default)
// the caller sees it as the message; otherwise Temporal hides it.
func (a *Authorizer) deny(c *authorization.Claims, t *authorization.CallTarget, method, tq, code, reason string) (authorization.Result, error) {
	a.counters[code].Record(1)
	subject, email := "", ""
	if c != nil {
		subject = c.Subject
		if id, ok := c.Extensions.(*authn.Identity); ok {
			email = id.Email
		}
	}
	if tq == "" {
		tq = taskQueue(t.Request)
	}
	a.logger.Warn("Authorization denied.",
		tag.NewStringTag("subject", subject), tag.NewStringTag("email", email), tag.NewStringTag("api", method),
		tag.NewStringTag("namespace", t.Namespace), tag.NewStringTag("task-queue", tq),
		tag.NewStringTag("decision", "deny"), tag.NewStringTag("reason-code", code), tag.NewStringTag("reason", reason))
	return authorization.Result{Decision: authorization.DecisionDeny, Reason: reason},
		serviceerror.NewPermissionDenied("permission denied: "+reason, code)
}
