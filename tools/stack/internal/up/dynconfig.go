package up

import (
	"errors"
	"os"
	"strings"
)

const seedDynamicConfig = `# Temporal dynamic config, applied live on every save (no restart).
# Check a file with: go run ./server validate-dynamic-config FILE
frontend.enableUpdateWorkflowExecution:
  - value: true
# Archive closed workflows within seconds (Temporal's default waits 5 minutes).
history.archivalProcessorArchiveDelay:
  - value: 1s
# Who may do what (tokens from the local Dex). Add users and groups here.
stack.auth.rolePolicy:
  - value:
      users:
        admin@example.com: ["temporal-system:admin"]
      default: ["default:read"]
`

const seedDualVisibility = `
# Dual visibility (--postgres): every write goes to both visibility stores.
# Set enableReadFromSecondaryVisibility to true to read from the secondary.
system.secondaryVisibilityWritingMode:
  - value: dual
system.enableReadFromSecondaryVisibility:
  - value: false
`

// seedDynamicConfigFile writes the starting dynamic config on first run, and
// adds the dual-visibility keys when PostgreSQL is used and they are missing.
func seedDynamicConfigFile(path string, dual bool) error {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		b = []byte(seedDynamicConfig)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	if dual && !strings.Contains(string(b), "system.secondaryVisibilityWritingMode") {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = f.WriteString(seedDualVisibility)
		return err
	}
	return nil
}
