package testcmd

import (
	"errors"
	"reflect"
	"testing"
)

func TestMissingPackages(t *testing.T) {
	have := map[string]bool{"unshare": true, "setpriv": true, "mount": true, "node": true, "npm": true}
	lookPath := func(c string) (string, error) {
		if have[c] {
			return "/usr/bin/" + c, nil
		}
		return "", errors.New("not found")
	}
	noPG := func(string) ([]string, error) { return nil, nil }
	got := missingPackages(lookPath, noPG)
	if want := []string{"prometheus", "chromium", "gcc", "docker.io", "containerd", "runc", "iptables", "ipset", "postgresql", "containernetworking-plugins"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("missing %v, want %v (promtool and prometheus are one package, listed once)", got, want)
	}
	for _, c := range []string{"promtool", "prometheus", "chromium", "gcc", "dockerd", "docker", "containerd", "ctr", "runc", "iptables", "ipset"} {
		have[c] = true
	}
	pg := func(string) ([]string, error) { return []string{"/found"}, nil }
	if got := missingPackages(lookPath, pg); len(got) != 0 {
		t.Fatalf("everything installed, still missing %v", got)
	}
}
