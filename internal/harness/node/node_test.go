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
	got = splitRule(`-A POSTROUTING -s 10.88.0.4/32 -m comment --comment "name: \"stacknode\" id: \"ab\"" -j CNI-a6ef`)
	if len(got) != 10 || got[7] != `name: "stacknode" id: "ab"` || got[9] != "CNI-a6ef" {
		t.Fatalf("escaped quotes: %q", got)
	}
	if got := splitRule(`-A X --comment ""`); len(got) != 4 || got[3] != "" {
		t.Fatalf("empty quoted argument: %q", got)
	}
}

func TestDockerNormalized(t *testing.T) {
	for in, want := range map[string]string{
		"temporal-stack/server:1": "docker.io/temporal-stack/server:1",
		"busybox:1":               "docker.io/library/busybox:1",
		"local.test/pause:1":      "local.test/pause:1",
		"localhost/x:1":           "localhost/x:1",
		"127.0.0.1:5000/a/b:1":    "127.0.0.1:5000/a/b:1",
	} {
		if got := dockerNormalized(in); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}
