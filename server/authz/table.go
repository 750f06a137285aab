package authz

import (
	"context"
	"fmt"
	"strings"

	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/server/common/api"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/log"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// Methods lists the full gRPC method names of the WorkflowService and the
// OperatorService of the pinned Temporal API, in proto order.
func Methods() []string {
	var out []string
	for _, sd := range []protoreflect.ServiceDescriptor{
		workflowservice.File_temporal_api_workflowservice_v1_service_proto.Services().Get(0),
		operatorservice.File_temporal_api_operatorservice_v1_service_proto.Services().Get(0),
	} {
		for i := 0; i < sd.Methods().Len(); i++ {
			out = append(out, "/"+string(sd.FullName())+"/"+string(sd.Methods().Get(i).Name()))
		}
	}
	return out
}

// RoleTable renders, as a Markdown table, what each role may call: every
// WorkflowService and OperatorService method, decided by this authorizer
// with the role on a namespace (namespace APIs) or on temporal-system
// (cluster APIs). "✓" allowed, "–" denied.
func RoleTable() string {
	a := New(func() *Blocklist { return nil }, func() AuditPolicy { return AuditPolicy{} }, log.NewNoopLogger(), nil)
	roles := []struct {
		name string
		role authorization.Role
	}{{"read", authorization.RoleReader}, {"write", authorization.RoleWriter}, {"worker", authorization.RoleWorker}, {"admin", authorization.RoleAdmin}}
	var b strings.Builder
	b.WriteString("| service | method | scope | upstream access | read | write | worker | admin |\n|---|---|---|---|---|---|---|---|\n")
	for _, m := range Methods() {
		md := api.GetMethodMetadata(m)
		service := strings.TrimSuffix(strings.TrimPrefix(api.ServiceName(m), "/temporal.api."), "/")
		service = service[strings.LastIndexByte(service, '.')+1:]
		scope := "namespace"
		if md.Scope == api.ScopeCluster {
			scope = "cluster"
		}
		access := map[api.Access]string{api.AccessReadOnly: "read", api.AccessWrite: "write", api.AccessAdmin: "admin"}[md.Access]
		if Access(m) != md.Access {
			access += " (Stack: admin)"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |", service, api.MethodName(m), scope, access)
		for _, r := range roles {
			c := &authorization.Claims{Subject: "u", Namespaces: map[string]authorization.Role{"ns": r.role}}
			if md.Scope == api.ScopeCluster {
				c = &authorization.Claims{Subject: "u", System: r.role}
			}
			res, _ := a.Authorize(context.Background(), c, &authorization.CallTarget{APIName: m, Namespace: "ns"})
			cell := "–"
			if res.Decision == authorization.DecisionAllow {
				cell = "✓"
			}
			fmt.Fprintf(&b, " %s |", cell)
		}
		b.WriteString("\n")
	}
	return b.String()
}
