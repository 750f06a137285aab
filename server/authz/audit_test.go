package authz

import (
	"context"
	"strings"
	"testing"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/server/common/api"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/log"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/temporal-stack/stack/server/authn"
)

func TestAuditLines(t *testing.T) {
	core, logs := observer.New(zapcore.InfoLevel)
	policy := DefaultAuditPolicy
	a := New(func() *Blocklist { return nil }, func() AuditPolicy { return policy }, log.NewZapLogger(zap.New(core)), nil)
	alice := &authorization.Claims{Subject: "sub-a", Namespaces: map[string]authorization.Role{"default": authorization.RoleAdmin},
		Extensions: &authn.Identity{Email: "alice@example.com", EmailVerified: true, PrincipalType: authn.PrincipalEmail, PrincipalName: "alice@example.com"}}
	call := func(c *authorization.Claims, method string, req any) authorization.Result {
		t.Helper()
		r, err := a.Authorize(context.Background(), c, &authorization.CallTarget{APIName: api.WorkflowServicePrefix + method, Namespace: "default", Request: req})
		if err != nil {
			t.Fatalf("%s: error %v (denials must be Results)", method, err)
		}
		return r
	}
	start := &workflowservice.StartWorkflowExecutionRequest{Namespace: "default", WorkflowId: "order-42"}
	r := call(alice, "StartWorkflowExecution", start)
	if r.Decision != authorization.DecisionAllow || r.Principal.GetType() != authn.PrincipalEmail || r.Principal.GetName() != "alice@example.com" {
		t.Fatalf("allowed start: %+v", r)
	}
	call(alice, "DescribeWorkflowExecution", &workflowservice.DescribeWorkflowExecutionRequest{Execution: &commonpb.WorkflowExecution{WorkflowId: "order-42"}})
	call(alice, "PollActivityTaskQueue", &workflowservice.PollActivityTaskQueueRequest{})
	call(alice, "StartBatchOperation", &workflowservice.StartBatchOperationRequest{})
	lines := logs.FilterMessage("Audit.").AllUntimed()
	if len(lines) != 2 {
		t.Fatalf("default policy: %d audit lines, want 2 (the write and the admin call, not the read or the poll): %+v", len(lines), lines)
	}
	f := lines[0].ContextMap()
	if f["principal"] != "email:alice@example.com" || f["api"] != "StartWorkflowExecution" || f["namespace"] != "default" ||
		f["workflow-id"] != "order-42" || f["decision"] != "allow" || f["reason-code"] != "allowed" || lines[0].Level != zapcore.InfoLevel {
		t.Fatalf("audit line: %v", f)
	}
	if lines[1].ContextMap()["api"] != "StartBatchOperation" {
		t.Fatalf("second line: %v", lines[1].ContextMap())
	}

	// The switch is live: reads on, writes off.
	policy = AuditPolicy{Allowed: []string{CategoryRead}}
	call(alice, "StartWorkflowExecution", start)
	call(alice, "DescribeWorkflowExecution", &workflowservice.DescribeWorkflowExecutionRequest{})
	if lines := logs.FilterMessage("Audit.").AllUntimed(); len(lines) != 3 || lines[2].ContextMap()["api"] != "DescribeWorkflowExecution" {
		t.Fatalf("after the switch: %+v", lines)
	}

	// Denials are always audited, at Warn, bounded in size.
	policy = AuditPolicy{Allowed: []string{}}
	huge := strings.Repeat("x", 100_000)
	r = call(nil, "StartWorkflowExecution", &workflowservice.StartWorkflowExecutionRequest{Namespace: huge, WorkflowId: huge})
	if r.Decision != authorization.DecisionDeny || !strings.Contains(r.Reason, "no credentials") {
		t.Fatalf("token-less: %+v", r)
	}
	denials := logs.FilterMessage("Audit.").FilterField(zap.String("decision", "deny")).AllUntimed()
	if len(denials) != 1 || denials[0].Level != zapcore.WarnLevel {
		t.Fatalf("denials: %+v", denials)
	}
	if f := denials[0].ContextMap(); f["workflow-id"] != nil || f["reason-code"] != "no_credentials" || len(f["namespace"].(string)) > 60 {
		t.Fatalf("a token-less denial: %v", f)
	}
	size := 0
	for k, v := range denials[0].ContextMap() {
		size += len(k) + len(v.(string))
	}
	if size > 200 {
		t.Fatalf("a denial with 100 kB of caller-chosen strings wrote %d bytes of fields", size)
	}
}

func TestParseAuditPolicy(t *testing.T) {
	if p, err := ParseAuditPolicy(map[string]any{"allowed": []any{"read", "worker"}}); err != nil || !p.Audits(CategoryWorker) || p.Audits(CategoryWrite) {
		t.Fatalf("%+v %v", p, err)
	}
	if p, err := ParseAuditPolicy(map[string]any{"allowed": []any{}}); err != nil || p.Audits(CategoryWrite) {
		t.Fatalf("empty: %+v %v", p, err)
	}
	for _, bad := range []any{nil, map[string]any{"allowed": []any{"writes"}}, map[string]any{"allow": []any{"read"}}, "read"} {
		if _, err := ParseAuditPolicy(bad); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}
