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
	if want := []string{"prometheus", "chromium", "gcc", "docker.io", "containerd", "runc", "iptables", "ipset", "bazel-bootstrap", "patch", "postgresql", "containernetworking-plugins", "bazel-rules-java", "bazel-skylib", "bazel-platforms"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("missing %v, want %v (promtool and prometheus are one package, listed once)", got, want)
	}
	for _, c := range []string{"promtool", "prometheus", "chromium", "gcc", "dockerd", "docker", "containerd", "ctr", "runc", "iptables", "ipset", "bazel-4", "patch"} {
		have[c] = true
	}
	pg := func(string) ([]string, error) { return []string{"/found"}, nil }
	if got := missingPackages(lookPath, pg); len(got) != 0 {
		t.Fatalf("everything installed, still missing %v", got)
	}
}

func TestCountBazelResults(t *testing.T) {
	out := `INFO: Build completed, 1 test FAILED, 14 total actions
//chart:chart_test                                                       PASSED in 12.1s
//images:images_test                                            (cached) PASSED in 3.0s
//server/authz:authz_test                                                FAILED in 0.4s
  /root/.cache/bazel/x/test.log
//server/authn:authn_test                                               TIMEOUT in 60.0s
//poller:poller_test                                             FAILED TO BUILD
//tools/stack/internal/install:install_test                     (cached) PASSEDINFO: Build completed successfully, 1 total action
Executed 3 out of 5 tests: 3 tests pass and 2 fail locally.`
	if p, f := countBazelResults(out); p != 3 || f != 3 {
		t.Fatalf("passed %d, failed %d; want 3 and 3", p, f)
	}
}
