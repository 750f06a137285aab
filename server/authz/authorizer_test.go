package authz

import (
	"context"
	"strings"
	"testing"

	"go.temporal.io/api/operatorservice/v1"
	taskqueuepb "go.temporal.io/api/taskqueue/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/server/common/api"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/log"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/temporal-stack/stack/server/authn"
)

func methods(sd protoreflect.ServiceDescriptor) []string {
	var out []string
	for i := 0; i < sd.Methods().Len(); i++ {
		out = append(out, "/"+string(sd.FullName())+"/"+string(sd.Methods().Get(i).Name()))
	}
	return out
}

func allMethods() []string {
	wf := workflowservice.File_temporal_api_workflowservice_v1_service_proto.Services().Get(0)
	op := operatorservice.File_temporal_api_operatorservice_v1_service_proto.Services().Get(0)
	return append(methods(wf), methods(op)...)
}

func newTestAuthorizer(t *testing.T, blocked ...string) *Authorizer {
	t.Helper()
	b, err := ParseBlocklist(blocked)
	if err != nil {
		t.Fatal(err)
	}
	return New(func() *Blocklist { return b }, nil, log.NewNoopLogger(), nil)
}

func decide(a *Authorizer, c *authorization.Claims, method, ns string, req any) authorization.Result {
	r, _ := a.Authorize(context.Background(), c, &authorization.CallTarget{APIName: method, Namespace: ns, Request: req})
	return r
}

func TestWorkerAPIsExist(t *testing.T) {
	known := map[string]bool{}
	for _, m := range allMethods() {
		known[api.MethodName(m)] = true
	}
	for name := range workerAPIs {
		md := api.GetMethodMetadata(api.WorkflowServicePrefix + name)
		if !known[name] || md.Scope != api.ScopeNamespace {
			t.Errorf("worker API %s is not a namespace-scoped WorkflowService method", name)
		}
	}
}

// TestRoleMatrix decides every WorkflowService and OperatorService method for
// every role and checks each decision against the role's definition.
func TestRoleMatrix(t *testing.T) {
	a := newTestAuthorizer(t)
	roles := map[string]authorization.Role{"read": authorization.RoleReader, "write": authorization.RoleWriter,
		"worker": authorization.RoleWorker, "admin": authorization.RoleAdmin}
	counts := map[string]int{}
	for _, m := range allMethods() {
		md := api.GetMethodMetadata(m)
		access := Access(m)
		name := api.MethodName(m)
		if authorization.IsHealthCheckAPI(m) {
			continue
		}
		for rn, role := range roles {
			nsClaims := &authorization.Claims{Subject: "u", Namespaces: map[string]authorization.Role{"default": role}}
			sysClaims := &authorization.Claims{Subject: "u", System: role}
			var want bool
			switch {
			case md.Scope == api.ScopeCluster:
				// Cluster APIs need the role on temporal-system; reads are open to any grant.
				if got := decide(a, nsClaims, m, "", nil).Decision == authorization.DecisionAllow; got != (md.Access == api.AccessReadOnly) {
					t.Errorf("%s with namespace role %s: allowed=%v", name, rn, got)
				}
				want = rn == "admin" || md.Access == api.AccessReadOnly || (md.Access == api.AccessWrite && rn == "write")
				if got := decide(a, sysClaims, m, "", nil).Decision == authorization.DecisionAllow; got != want {
					t.Errorf("%s with temporal-system:%s: allowed=%v want %v", name, rn, got, want)
				}
				continue
			case rn == "admin":
				want = true
			case rn == "worker":
				want = workerAPIs[name]
			case rn == "read":
				want = access == api.AccessReadOnly
			case rn == "write":
				want = access == api.AccessReadOnly || access == api.AccessWrite
			}
			r, err := a.Authorize(context.Background(), nsClaims, &authorization.CallTarget{APIName: m, Namespace: "default"})
			if err != nil {
				t.Errorf("%s: Authorize returned an error (denials must be Results): %v", name, err)
			}
			if got := r.Decision == authorization.DecisionAllow; got != want {
				t.Errorf("%s with default:%s: allowed=%v want %v (%s)", name, rn, got, want, r.Reason)
			}
			if r.Decision == authorization.DecisionAllow {
				counts[rn]++
				if r.Principal.GetName() != "u" {
					t.Errorf("%s allowed without the caller's principal: %v", name, r.Principal)
				}
			} else if !strings.Contains(r.Reason, name) || !strings.Contains(r.Reason, `"default"`) {
				t.Errorf("deny reason %q does not name the API and namespace", r.Reason)
			}
			// The same role on another namespace grants nothing here.
			if other := decide(a, nsClaims, m, "other", nil); other.Decision == authorization.DecisionAllow {
				t.Errorf("%s on namespace other allowed for default:%s", name, rn)
			}
		}
	}
	t.Logf("namespace-scoped methods allowed per role: %v (of %d methods)", counts, len(allMethods()))
	if counts["worker"] != len(workerAPIs) {
		t.Errorf("worker allowed %d methods, want exactly the %d worker APIs", counts["worker"], len(workerAPIs))
	}
}

// Every API Temporal Stack raises to admin is a namespace-scoped
// WorkflowService method that upstream does not already rate admin.
func TestAdminAPIsExist(t *testing.T) {
	known := map[string]bool{}
	for _, m := range allMethods() {
		known[api.MethodName(m)] = true
	}
	for name := range adminAPIs {
		m := api.WorkflowServicePrefix + name
		md := api.GetMethodMetadata(m)
		if !known[name] || md.Scope != api.ScopeNamespace || md.Access == api.AccessAdmin || Access(m) != api.AccessAdmin {
			t.Errorf("admin API %s: known %v, metadata %+v", name, known[name], md)
		}
		if workerAPIs[name] {
			t.Errorf("%s is both a worker API and admin-only", name)
		}
	}
}

func TestDenyReasons(t *testing.T) {
	a := newTestAuthorizer(t, "default/blocked-tq", "everywhere-tq")
	start := api.WorkflowServicePrefix + "StartWorkflowExecution"
	poll := api.WorkflowServicePrefix + "PollWorkflowTaskQueue"
	reader := &authorization.Claims{Subject: "r", Namespaces: map[string]authorization.Role{"default": authorization.RoleReader}}
	writer := &authorization.Claims{Subject: "w", Namespaces: map[string]authorization.Role{"default": authorization.RoleWriter, "other": authorization.RoleWriter}}
	pollReq := func(tq string) any {
		return &workflowservice.PollWorkflowTaskQueueRequest{Namespace: "default", TaskQueue: &taskqueuepb.TaskQueue{Name: tq}}
	}
	cases := []struct {
		name   string
		claims *authorization.Claims
		method string
		ns     string
		req    any
		want   string // "" = allowed
	}{
		{"no token", nil, start, "default", nil, "no credentials"},
		{"bad token", &authorization.Claims{Extensions: &authn.TokenError{Reason: "token is expired"}}, start, "default", nil, "invalid token: token is expired"},
		{"reader starts", reader, start, "default", nil, `role read on namespace "default" cannot call StartWorkflowExecution`},
		{"blocked here", writer, poll, "default", pollReq("blocked-tq"), `task queue "blocked-tq" in namespace "default" is blocked`},
		{"not blocked elsewhere", writer, poll, "other", pollReq("blocked-tq"), ""},
		{"blocked everywhere", writer, poll, "other", pollReq("everywhere-tq"), "is blocked"},
		{"sticky queue of a blocked queue", writer, poll, "default", &workflowservice.PollWorkflowTaskQueueRequest{
			TaskQueue: &taskqueuepb.TaskQueue{Name: "sticky-123", NormalName: "blocked-tq"}}, "is blocked"},
		{"start on a blocked queue is not a poll", writer, start, "default", &workflowservice.StartWorkflowExecutionRequest{
			TaskQueue: &taskqueuepb.TaskQueue{Name: "blocked-tq"}}, ""},
		{"health check", nil, "/grpc.health.v1.Health/Check", "", nil, ""},
		{"internal principal", &authorization.Claims{AuthType: authorization.InternalPrincipalType, Subject: authorization.InternalPrincipalName, System: authorization.RoleAdmin},
			api.AdminServicePrefix + "DeepHealthCheck", "", nil, ""},
		{"admin API for namespace admin", &authorization.Claims{Namespaces: map[string]authorization.Role{"default": authorization.RoleAdmin}},
			api.AdminServicePrefix + "DescribeCluster", "", nil, "needs temporal-system:admin"},
		{"unknown API", writer, "/x.Y/Z", "default", nil, "unknown API"},
	}
	for _, tc := range cases {
		r := decide(a, tc.claims, tc.method, tc.ns, tc.req)
		if tc.want == "" {
			if r.Decision != authorization.DecisionAllow {
				t.Errorf("%s: denied: %s", tc.name, r.Reason)
			}
			continue
		}
		if r.Decision != authorization.DecisionDeny || !strings.Contains(r.Reason, tc.want) {
			t.Errorf("%s: decision %v reason %q, want deny %q", tc.name, r.Decision, r.Reason, tc.want)
		}
	}
}

func TestParseBlocklist(t *testing.T) {
	for _, bad := range []string{"/tq", "ns/", "a/b/c"} {
		if _, err := ParseBlocklist([]string{bad}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if _, err := convertBlocklist("not-a-list"); err != nil {
		// mapstructure turns a lone string into a one-element list; that is fine.
		t.Logf("lone string: %v", err)
	}
	if _, err := convertBlocklist(map[string]any{"a": 1}); err == nil {
		t.Error("a map accepted as a blocklist")
	}
}

func TestLiveBlocklistFixedEntries(t *testing.T) {
	live, err := LiveBlocklist(nil, []string{"legacy", " default/old "})
	if err != nil {
		t.Fatal(err)
	}
	b := live()
	if !b.Blocked("any", "legacy") || !b.Blocked("default", "old") || b.Blocked("other", "old") {
		t.Fatalf("fixed entries not applied: %+v", b)
	}
	if _, err := LiveBlocklist(nil, []string{"a/b/c"}); err == nil || !strings.Contains(err.Error(), EnvBlockedTaskQueues) {
		t.Fatalf("a bad env entry: %v", err)
	}
}
