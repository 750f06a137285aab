package dynconfig

import "go.temporal.io/server/common/dynamicconfig"

// Defaults are Temporal Stack's own defaults for upstream keys; any value the
// operator sets for a key replaces them.
var Defaults = map[dynamicconfig.Key][]dynamicconfig.ConstrainedValue{
	// Every history event records the principal that caused it (the
	// authorizer returns the caller's verified email, subject or
	// ServiceAccount). Temporal's default is false.
	dynamicconfig.MakeKey("frontend.enablePrincipalPropagation"): {{Value: true}},
}

// WithDefaults serves defaults for keys c has no value for. Subscriptions
// pass through when c is a NotifyingClient.
func WithDefaults(c dynamicconfig.Client, defaults map[dynamicconfig.Key][]dynamicconfig.ConstrainedValue) dynamicconfig.Client {
	d := defaulted{Client: c, defaults: defaults}
	if n, ok := c.(dynamicconfig.NotifyingClient); ok {
		return notifyingDefaulted{defaulted: d, NotifyingClient: n}
	}
	return d
}

type defaulted struct {
	dynamicconfig.Client
	defaults map[dynamicconfig.Key][]dynamicconfig.ConstrainedValue
}

func (d defaulted) GetValue(key dynamicconfig.Key) []dynamicconfig.ConstrainedValue {
	if v := d.Client.GetValue(key); v != nil {
		return v
	}
	return d.defaults[key]
}

type notifyingDefaulted struct {
	defaulted
	dynamicconfig.NotifyingClient
}

func (n notifyingDefaulted) GetValue(key dynamicconfig.Key) []dynamicconfig.ConstrainedValue {
	return n.defaulted.GetValue(key)
}
