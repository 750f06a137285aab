package up

import (
	"testing"

	_ "github.com/temporal-stack/stack/server/authz" // registers the Stack keys the server checks strictly
	"github.com/temporal-stack/stack/server/dynconfig"
)

// The dynamic config a first `up` writes is one the server accepts: no error
// and no warning (a typo in a key would be a warning).
func TestSeededDynamicConfigIsValid(t *testing.T) {
	for name, content := range map[string]string{
		"seed":                 seedDynamicConfig,
		"seed+dual visibility": seedDynamicConfig + seedDualVisibility,
	} {
		lr := dynconfig.Load([]byte(content))
		if len(lr.Errors) > 0 || len(lr.Warnings) > 0 {
			t.Errorf("%s: errors %v, warnings %v", name, lr.Errors, lr.Warnings)
		}
	}
}
