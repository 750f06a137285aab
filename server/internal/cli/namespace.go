package cli

import (
	"fmt"
	"strings"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/namespace"
	"go.temporal.io/server/common/primitives/timestamp"
	sqliteschema "go.temporal.io/server/schema/sqlite"
)

// createNamespaces adds the named namespaces that do not exist yet to the
// default store, before any service starts (as "temporal server start-dev"
// does), so that workers started alongside the server find them from its
// first request instead of backing off on NamespaceNotFound. Archival follows
// the config's namespaceDefaults when the cluster has archival enabled.
// searchAttributes (name → type) are mapped in each new namespace, so every
// service's namespace cache has them from the start. Existing namespaces are
// left as they are.
func createNamespaces(cfg *config.Config, names []string, retention time.Duration, searchAttributes map[string]enumspb.IndexedValueType) error {
	if len(names) == 0 {
		return nil
	}
	if retention < namespace.MinRetentionLocal {
		return fmt.Errorf("--namespace-retention %s: want at least %s (Temporal's minimum for a local namespace)", retention, namespace.MinRetentionLocal)
	}
	store, ok := cfg.Persistence.DataStores[cfg.Persistence.DefaultStore]
	if !ok || store.SQL == nil {
		return fmt.Errorf("--namespace needs an SQL default store (sqlite, postgres12, mysql8); with %q, register namespaces through the API", cfg.Persistence.DefaultStore)
	}
	cluster := cfg.ClusterMetadata.CurrentClusterName
	var nss []*sqliteschema.NamespaceConfig
	for _, name := range names {
		ns, err := sqliteschema.NewNamespaceConfig(cluster, name, false, searchAttributes)
		if err != nil {
			return err
		}
		c := ns.Detail.Config
		c.Retention = timestamp.DurationPtr(retention)
		if enabled(cfg.Archival.History.State) && enabled(cfg.NamespaceDefaults.Archival.History.State) {
			c.HistoryArchivalState, c.HistoryArchivalUri = enumspb.ARCHIVAL_STATE_ENABLED, cfg.NamespaceDefaults.Archival.History.URI
		}
		if enabled(cfg.Archival.Visibility.State) && enabled(cfg.NamespaceDefaults.Archival.Visibility.State) {
			c.VisibilityArchivalState, c.VisibilityArchivalUri = enumspb.ARCHIVAL_STATE_ENABLED, cfg.NamespaceDefaults.Archival.Visibility.URI
		}
		ns.Detail.Info.Description = "created at start (--namespace)"
		nss = append(nss, ns)
	}
	if err := sqliteschema.CreateNamespaces(store.SQL, nss...); err != nil {
		return fmt.Errorf("create namespaces %s in store %q: %w", strings.Join(names, ", "), cfg.Persistence.DefaultStore, err)
	}
	return nil
}

func enabled(state string) bool { return strings.EqualFold(state, "enabled") }

// parseSearchAttributes reads --search-attribute NAME=TYPE values; TYPE is
// an indexed value type as Temporal spells it (Keyword, or
// INDEXED_VALUE_TYPE_KEYWORD).
func parseSearchAttributes(values []string) (map[string]enumspb.IndexedValueType, error) {
	out := map[string]enumspb.IndexedValueType{}
	for _, v := range values {
		name, typ, ok := strings.Cut(v, "=")
		t, err := enumspb.IndexedValueTypeFromString(typ)
		if !ok || name == "" || err != nil || t == enumspb.INDEXED_VALUE_TYPE_UNSPECIFIED {
			return nil, fmt.Errorf("--search-attribute %q: want NAME=TYPE, TYPE one of Text, Keyword, Int, Double, Bool, Datetime, KeywordList", v)
		}
		out[name] = t
	}
	return out, nil
}
