package dynconfig

import (
	"fmt"
	"sync"

	"go.temporal.io/server/common/dynamicconfig"
)

var (
	checksMu sync.RWMutex
	checks   = map[dynamicconfig.Key]func(any) error{}
)

// RegisterCheck makes a failing check of key's value an error, not a warning:
// a version whose value for key fails check is rejected as a whole and the last
// good config stays in force. Packages that own Temporal Stack settings (the
// role policy, blocked task queues) register their strict parsers here.
func RegisterCheck(key string, check func(any) error) {
	checksMu.Lock()
	defer checksMu.Unlock()
	checks[dynamicconfig.MakeKey(key)] = check
}

// Load parses content with Temporal's YAML loader and then runs the registered
// checks, adding their failures to the loader's Errors.
func Load(content []byte) *dynamicconfig.YamlLoader {
	lr := dynamicconfig.LoadYamlFile(content)
	checksMu.RLock()
	defer checksMu.RUnlock()
	for key, cvs := range lr.Map {
		check, ok := checks[key]
		if !ok {
			continue
		}
		for _, cv := range cvs {
			if err := check(cv.Value); err != nil {
				lr.Errors = append(lr.Errors, fmt.Errorf("%s: %w", key, err))
			}
		}
	}
	return lr
}
