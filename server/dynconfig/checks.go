package dynconfig

import (
	"errors"
	"fmt"
	"slices"
	"sync"

	"go.temporal.io/server/common/dynamicconfig"
	"gopkg.in/yaml.v3"
)

var (
	checksMu sync.RWMutex
	checks   = map[dynamicconfig.Key]func(any) error{}
)

// RegisterCheck makes key a Temporal Stack-owned setting parsed strictly: a
// version whose value for key fails check, is null, has constraints or has
// fields other than "value" is rejected as a whole and the last good config
// stays in force. Packages that own settings (the role policy, blocked task
// queues, the audit switch) register their strict parsers here.
func RegisterCheck(key string, check func(any) error) {
	checksMu.Lock()
	defer checksMu.Unlock()
	checks[dynamicconfig.MakeKey(key)] = check
}

// Load parses content with Temporal's YAML loader, then applies Temporal
// Stack's stricter policy, adding to the loader's Errors:
//   - a value of a known upstream key that does not convert to the key's type
//     (frontend.namespaceRPS: 10s, a bool "nope"): Temporal's loader only
//     warns and the server silently runs with the default;
//   - for Stack-owned keys (RegisterCheck): a failing check, a null value (a
//     mis-indented "value:"), constraints (they are global settings) or any
//     field besides "value".
//
// Unknown keys and constraints an upstream key does not support stay warnings.
func Load(content []byte) *dynamicconfig.YamlLoader {
	lr := dynamicconfig.LoadYamlFile(content)
	if len(lr.Errors) > 0 {
		return lr
	}
	// Temporal's loader wraps the key's own conversion error into a validation
	// warning ("validation failed: key %q value %v: %w"); its other warnings
	// (unregistered key, unsupported constraint) wrap nothing.
	var warnings []error
	for _, w := range lr.Warnings {
		if errors.Unwrap(w) != nil {
			lr.Errors = append(lr.Errors, fmt.Errorf("%w (the value does not convert to the key's type; Temporal would silently use the default)", w))
			continue
		}
		warnings = append(warnings, w)
	}
	lr.Warnings = warnings

	checksMu.RLock()
	defer checksMu.RUnlock()
	var raw map[string]any
	_ = yaml.Unmarshal(content, &raw) // Temporal's loader parsed it already
	for name, entries := range raw {
		key := dynamicconfig.MakeKey(name)
		check, ok := checks[key]
		if !ok {
			continue
		}
		list, ok := entries.([]any)
		if !ok || len(list) != 1 {
			lr.Errors = append(lr.Errors, fmt.Errorf("%s: want a list with one entry \"- value: ...\"", name))
			continue
		}
		for i, e := range list {
			entry, ok := e.(map[string]any)
			if !ok {
				lr.Errors = append(lr.Errors, fmt.Errorf("%s entry %d: want \"value: ...\"", name, i+1))
				continue
			}
			var extra []string
			for field := range entry {
				if field != "value" {
					extra = append(extra, field)
				}
			}
			slices.Sort(extra)
			if v, has := entry["value"]; !has || v == nil {
				lr.Errors = append(lr.Errors, fmt.Errorf("%s entry %d: the value is missing or null (a mis-indented \"value:\"?)", name, i+1))
			}
			if len(extra) > 0 {
				lr.Errors = append(lr.Errors, fmt.Errorf("%s entry %d: unknown fields %q (a Temporal Stack setting takes only \"value\", no constraints)", name, i+1, extra))
			}
		}
		for _, cv := range lr.Map[key] {
			if cv.Value == nil {
				continue // reported above
			}
			if err := check(cv.Value); err != nil {
				lr.Errors = append(lr.Errors, fmt.Errorf("%s: %w", name, err))
			}
		}
	}
	return lr
}
