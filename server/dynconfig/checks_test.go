package dynconfig

import (
	"strings"
	"testing"
)

func init() {
	RegisterCheck("test.stack.owned", func(v any) error {
		if _, ok := v.(map[string]any); !ok {
			return errErrTest
		}
		return nil
	})
}

var errErrTest = errorString("want a map")

type errorString string

func (e errorString) Error() string { return string(e) }

// A value that does not convert to an upstream key's type is an error, with
// the key, the value and why; unknown keys stay warnings.
func TestLoadRefusesWronglyTypedUpstreamValues(t *testing.T) {
	for _, tc := range []struct{ content, want string }{
		{"frontend.namespaceRPS:\n  - value: 10s\n", `key "frontend.namespacerps" value 10s`},
		{"frontend.exposeAuthorizerErrors:\n  - value: nope\n", `key "frontend.exposeauthorizererrors" value nope`},
		{"limit.blobSize.error:\n  - value: [1, 2]\n", `key "limit.blobsize.error"`},
	} {
		lr := Load([]byte(tc.content))
		if len(lr.Errors) != 1 || !strings.Contains(lr.Errors[0].Error(), tc.want) || !strings.Contains(lr.Errors[0].Error(), "does not convert") {
			t.Errorf("%q: errors %v, warnings %v", tc.content, lr.Errors, lr.Warnings)
		}
	}
	lr := Load([]byte("no.such.key:\n  - value: 1\nfrontend.namespaceRPS:\n  - value: 10\n  - value: 20\n    constraints: {namespace: ops}\n"))
	if len(lr.Errors) != 0 || len(lr.Warnings) != 1 || !strings.Contains(lr.Warnings[0].Error(), "no.such.key") {
		t.Fatalf("valid values and an unknown key: errors %v, warnings %v", lr.Errors, lr.Warnings)
	}
}

// Stack-owned keys refuse null values, constraints and extra fields.
func TestLoadStackOwnedKeysAreStrict(t *testing.T) {
	for _, tc := range []struct{ content, want string }{
		{"test.stack.owned:\n  - value:\n    users: {}\n", "null"},                                 // mis-indented value
		{"test.stack.owned:\n  - value: {a: 1}\n    constraints: {namespace: x}\n", "constraints"}, // constraints
		{"test.stack.owned:\n  - valeu: {a: 1}\n", "valeu"},                                        // typo
		{"test.stack.owned:\n  - value: 3\n", "want a map"},                                        // the check
		{"test.stack.owned: {value: 3}\n", "decode error"},                                         // not a list
		{"test.stack.owned: []\n", "want a list"},
	} {
		lr := Load([]byte(tc.content))
		if len(lr.Errors) == 0 || !strings.Contains(lr.Err().Error(), tc.want) {
			t.Errorf("%q: errors %v, want %q", tc.content, lr.Errors, tc.want)
		}
	}
	if lr := Load([]byte("test.stack.owned:\n  - value: {a: 1}\n")); len(lr.Errors) != 0 {
		t.Fatalf("a good value: %v", lr.Errors)
	}
}
