package dynconfig

import _ "embed"

// RBAC is the Role the ConfigMap source needs (for a ConfigMap named
// temporal-dynamic-config): get/list/watch on that ConfigMap only, and
// create/patch on events in the same namespace.
//
//go:embed rbac.yaml
var RBAC []byte
