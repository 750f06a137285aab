package authz

import (
	"testing"

	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/log"
)

func TestLiveAuditPolicyDefault(t *testing.T) {
	col := dynamicconfig.NewCollection(dynamicconfig.StaticClient(nil), log.NewNoopLogger())
	col.Start()
	defer col.Stop()
	p := LiveAuditPolicy(col)()
	if !p.Audits(CategoryWrite) || !p.Audits(CategoryAdmin) || p.Audits(CategoryRead) || p.Audits(CategoryWorker) {
		t.Fatalf("default from an empty dynamic config: %+v", p)
	}
	col2 := dynamicconfig.NewCollection(dynamicconfig.StaticClient{dynamicconfig.MakeKey(AuditKey): map[string]any{"allowed": []any{"read"}}}, log.NewNoopLogger())
	col2.Start()
	defer col2.Stop()
	if p := LiveAuditPolicy(col2)(); !p.Audits(CategoryRead) || p.Audits(CategoryWrite) {
		t.Fatalf("from dynamic config: %+v", p)
	}
}
