package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	persistencespb "go.temporal.io/server/api/persistence/v1"
	"go.temporal.io/server/common/cluster"
	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/metrics"
	"go.temporal.io/server/common/persistence"
	"go.temporal.io/server/common/persistence/serialization"
	"go.temporal.io/server/common/persistence/sql"
	"go.temporal.io/server/common/persistence/sql/sqlplugin"
	"go.temporal.io/server/common/resolver"
)

// sqliteConfig is a server config whose default store is a SQLite file (the
// schema is set up on first connection, as the local stack does).
func sqliteConfig(t *testing.T, archival bool) *config.Config {
	t.Helper()
	cfg := &config.Config{
		Persistence: config.Persistence{DefaultStore: "default", DataStores: map[string]config.DataStore{
			"default": {SQL: &config.SQL{PluginName: "sqlite", DatabaseName: filepath.Join(t.TempDir(), "main.db"),
				ConnectAttributes: map[string]string{"mode": "rwc", "setup": "true"}}},
		}},
		ClusterMetadata: &cluster.Config{CurrentClusterName: "active"},
	}
	if archival {
		cfg.Archival.History.State, cfg.Archival.Visibility.State = "enabled", "enabled"
		cfg.NamespaceDefaults.Archival.History = config.HistoryArchivalNamespaceDefaults{State: "enabled", URI: "file:///arch/h"}
		cfg.NamespaceDefaults.Archival.Visibility = config.VisibilityArchivalNamespaceDefaults{State: "enabled", URI: "file:///arch/v"}
	}
	return cfg
}

// stored reads a namespace back from the store.
func stored(t *testing.T, cfg *config.Config, name string) *persistencespb.NamespaceDetail {
	t.Helper()
	db, err := sql.NewSQLDB(sqlplugin.DbKindMain, cfg.Persistence.DataStores["default"].SQL, resolver.NewNoopResolver(), log.NewNoopLogger(), metrics.NoopMetricsHandler)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.SelectFromNamespace(context.Background(), sqlplugin.NamespaceFilter{Name: &name})
	if err != nil || len(rows) != 1 {
		t.Fatalf("namespace %q: %d rows, %v", name, len(rows), err)
	}
	d, err := serialization.NewSerializer().NamespaceDetailFromBlob(persistence.NewDataBlob(rows[0].Data, rows[0].DataEncoding))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCreateNamespaces(t *testing.T) {
	cfg := sqliteConfig(t, true)
	if err := createNamespaces(cfg, []string{"default", "orders"}, 72*time.Hour, nil); err != nil {
		t.Fatal(err)
	}
	d := stored(t, cfg, "orders")
	c := d.GetConfig()
	if c.GetRetention().AsDuration() != 72*time.Hour || d.GetInfo().GetState() != enumspb.NAMESPACE_STATE_REGISTERED ||
		d.GetReplicationConfig().GetActiveClusterName() != "active" {
		t.Fatalf("namespace as stored: %v", d)
	}
	if c.GetHistoryArchivalState() != enumspb.ARCHIVAL_STATE_ENABLED || c.GetHistoryArchivalUri() != "file:///arch/h" ||
		c.GetVisibilityArchivalState() != enumspb.ARCHIVAL_STATE_ENABLED || c.GetVisibilityArchivalUri() != "file:///arch/v" {
		t.Fatalf("archival as stored: %v", c)
	}

	// A second start leaves existing namespaces as they are.
	id := stored(t, cfg, "default").GetInfo().GetId()
	if err := createNamespaces(cfg, []string{"default"}, 30*24*time.Hour, nil); err != nil {
		t.Fatal(err)
	}
	again := stored(t, cfg, "default")
	if again.GetInfo().GetId() != id || again.GetConfig().GetRetention().AsDuration() != 72*time.Hour {
		t.Fatalf("existing namespace changed: %v", again)
	}
}

func TestCreateNamespacesArchivalOff(t *testing.T) {
	cfg := sqliteConfig(t, false)
	if err := createNamespaces(cfg, []string{"default"}, 24*time.Hour, nil); err != nil {
		t.Fatal(err)
	}
	if c := stored(t, cfg, "default").GetConfig(); c.GetHistoryArchivalState() != enumspb.ARCHIVAL_STATE_DISABLED ||
		c.GetVisibilityArchivalState() != enumspb.ARCHIVAL_STATE_DISABLED {
		t.Fatalf("archival on without a cluster archival config: %v", c)
	}
}

func TestCreateNamespacesRefused(t *testing.T) {
	short := sqliteConfig(t, false)
	cassandra := sqliteConfig(t, false)
	cassandra.Persistence.DataStores["default"] = config.DataStore{Cassandra: &config.Cassandra{Hosts: "127.0.0.1"}}
	for name, tc := range map[string]struct {
		cfg       *config.Config
		retention time.Duration
		want      string
	}{
		"retention below Temporal's minimum": {short, 30 * time.Minute, "want at least 1h0m0s"},
		"not an SQL store":                   {cassandra, 72 * time.Hour, "register namespaces through the API"},
	} {
		t.Run(name, func(t *testing.T) {
			err := createNamespaces(tc.cfg, []string{"default"}, tc.retention, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// An in-memory store keeps the namespaces after createNamespaces closes its
// connection: the SQLite plugin keeps one open for the process's lifetime.
func TestCreateNamespacesInMemory(t *testing.T) {
	cfg := sqliteConfig(t, false)
	cfg.Persistence.DataStores["default"].SQL.ConnectAttributes = map[string]string{"mode": "memory", "cache": "shared", "setup": "true"}
	cfg.Persistence.DataStores["default"].SQL.DatabaseName = "ns-" + t.Name()
	if err := createNamespaces(cfg, []string{"default"}, 24*time.Hour, nil); err != nil {
		t.Fatal(err)
	}
	if d := stored(t, cfg, "default"); d.GetInfo().GetName() != "default" {
		t.Fatalf("namespace as stored: %v", d)
	}
}

// --search-attribute maps custom search attributes in the namespaces created
// at start, as start-dev does, so every service's cache has them at once.
func TestCreateNamespacesWithSearchAttributes(t *testing.T) {
	cfg := sqliteConfig(t, false)
	attrs, err := parseSearchAttributes([]string{"CustomerId=Keyword", "Amount=INDEXED_VALUE_TYPE_DOUBLE"})
	if err != nil {
		t.Fatal(err)
	}
	if err := createNamespaces(cfg, []string{"orders"}, 24*time.Hour, attrs); err != nil {
		t.Fatal(err)
	}
	aliases := stored(t, cfg, "orders").GetConfig().GetCustomSearchAttributeAliases()
	got := map[string]string{}
	for field, alias := range aliases {
		got[alias] = field
	}
	if !strings.HasPrefix(got["CustomerId"], "Keyword") || !strings.HasPrefix(got["Amount"], "Double") {
		t.Fatalf("aliases as stored: %v", aliases)
	}
	for _, bad := range []string{"CustomerId", "=Keyword", "X=keyword", "X=Blob", "X=Unspecified"} {
		if _, err := parseSearchAttributes([]string{bad}); err == nil {
			t.Errorf("--search-attribute %s accepted", bad)
		}
	}
}
