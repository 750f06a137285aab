package authz

import (
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/mitchellh/mapstructure"
	"go.temporal.io/server/common/dynamicconfig"

	"github.com/temporal-stack/stack/server/dynconfig"
)

// BlockedTaskQueuesKey is the dynamic-config key of the task-queue blocklist:
// a list of "TASK_QUEUE" (every namespace) or "NAMESPACE/TASK_QUEUE".
const BlockedTaskQueuesKey = "stack.auth.blockedTaskQueues"

// EnvBlockedTaskQueues is read at start-up, comma-separated, in the same
// format, for compatibility with the seed system.
const EnvBlockedTaskQueues = "TEMPORAL_BLOCKED_TASK_QUEUES"

// Blocklist is a parsed set of blocked task queues.
type Blocklist struct {
	everywhere map[string]bool
	byNS       map[string]bool // "ns/tq"
}

// Blocked reports whether polls on tq in namespace ns are denied.
func (b *Blocklist) Blocked(ns, tq string) bool {
	if b == nil {
		return false
	}
	return b.everywhere[tq] || b.byNS[ns+"/"+tq]
}

// ParseBlocklist parses entries; empty entries are ignored.
func ParseBlocklist(entries []string) (*Blocklist, error) {
	b := &Blocklist{everywhere: map[string]bool{}, byNS: map[string]bool{}}
	for _, e := range entries {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		ns, tq, scoped := strings.Cut(e, "/")
		switch {
		case !scoped:
			b.everywhere[e] = true
		case ns == "" || tq == "" || strings.Contains(tq, "/"):
			return nil, fmt.Errorf("blocked task queue %q: want TASK_QUEUE or NAMESPACE/TASK_QUEUE", e)
		default:
			b.byNS[e] = true
		}
	}
	return b, nil
}

func convertBlocklist(v any) ([]string, error) {
	var out []string
	if err := mapstructure.Decode(v, &out); err != nil {
		return nil, fmt.Errorf("%s must be a list of strings: %w", BlockedTaskQueuesKey, err)
	}
	if _, err := ParseBlocklist(out); err != nil {
		return nil, err
	}
	return out, nil
}

var blockedSetting = dynamicconfig.NewGlobalTypedSettingWithConverter(BlockedTaskQueuesKey, convertBlocklist, []string(nil),
	"Temporal Stack: task queues whose polls are denied, as TASK_QUEUE or NAMESPACE/TASK_QUEUE.")

func init() {
	dynconfig.RegisterCheck(BlockedTaskQueuesKey, func(v any) error { _, err := convertBlocklist(v); return err })
}

// LiveBlocklist follows the dynamic-config blocklist plus the fixed entries
// (from EnvBlockedTaskQueues); the result is rebuilt only when config changes.
func LiveBlocklist(dc *dynamicconfig.Collection, fixed []string) (func() *Blocklist, error) {
	if _, err := ParseBlocklist(fixed); err != nil {
		return nil, fmt.Errorf("%s: %w", EnvBlockedTaskQueues, err)
	}
	var current atomicBlocklist
	build := func(dyn []string) {
		b, _ := ParseBlocklist(append(append([]string(nil), fixed...), dyn...)) // both already validated
		current.Store(b)
	}
	if dc == nil {
		build(nil)
	} else {
		initial, _ := blockedSetting.Subscribe(dc)(build)
		build(initial)
	}
	return current.Load, nil
}

type atomicBlocklist struct{ p atomic.Pointer[Blocklist] }

func (a *atomicBlocklist) Store(b *Blocklist) { a.p.Store(b) }
func (a *atomicBlocklist) Load() *Blocklist   { return a.p.Load() }
