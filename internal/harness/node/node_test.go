package node

import (
	"reflect"
	"testing"
)

func TestSplitRule(t *testing.T) {
	got := splitRule(`-A FORWARD -m comment --comment "CNI firewall plugin rules" -j CNI-FORWARD`)
	want := []string{"-A", "FORWARD", "-m", "comment", "--comment", "CNI firewall plugin rules", "-j", "CNI-FORWARD"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q", got)
	}
	if !jumpsToOurs(got) || jumpsToOurs([]string{"-A", "FORWARD", "-j", "DOCKER-USER"}) {
		t.Fatal("jumpsToOurs")
	}
	if got := splitRule(`-A X --comment ""`); len(got) != 4 || got[3] != "" {
		t.Fatalf("empty quoted argument: %q", got)
	}
}
