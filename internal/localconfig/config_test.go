package localconfig

import (
	"os"
	"path/filepath"
	"testing"

	"go.temporal.io/server/common/config"
)

// load renders c and loads it with Temporal's own loader and validation.
func load(t testing.TB, c Config) *config.Config {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(f, c); err != nil {
		t.Fatal(err)
	}
	f.Close()
	cfg, err := config.Load(config.WithConfigFile(path))
	if err != nil {
		b, _ := os.ReadFile(path)
		t.Fatalf("Temporal rejects the rendered config: %v\n%s", err, b)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatalf("invalid: %v", err)
	}
	return cfg
}

func TestSQLite(t *testing.T) {
	cfg := load(t, Config{Frontend: 7233, DataDir: "/data"})
	p := cfg.Persistence
	if p.SecondaryVisibilityStore != "" || p.DataStores["default"].SQL.PluginName != "sqlite" ||
		p.DataStores["visibility"].SQL.DatabaseName != "/data/visibility.db" {
		t.Fatalf("persistence %+v", p)
	}
	if cfg.Archival.History.State != "" || cfg.NamespaceDefaults.Archival.History.URI != "" {
		t.Fatalf("archival on without Archival: %+v", cfg.Archival)
	}
}

func TestSQLiteInMemory(t *testing.T) {
	cfg := load(t, Config{Frontend: 7233, DataDir: "/unused", InMemory: true})
	for _, name := range []string{"default", "visibility"} {
		sql := cfg.Persistence.DataStores[name].SQL
		if sql.PluginName != "sqlite" || sql.ConnectAttributes["mode"] != "memory" || sql.ConnectAttributes["cache"] != "shared" ||
			sql.DatabaseName != "stack-"+name || sql.MaxConns != 1 {
			t.Fatalf("%s store %+v", name, sql)
		}
	}
}

func TestPostgresDualVisibilityAndArchival(t *testing.T) {
	pg := &Postgres{Addr: "127.0.0.1:5432", User: "temporal", Password: `p"w:{x}`, Database: "temporal",
		Visibility: "temporal_visibility", SecondaryVisibility: "temporal_visibility_secondary"}
	cfg := load(t, Config{Frontend: 7233, Postgres: pg, Shards: 8,
		Archival: &Archival{HistoryURI: "file:///a/h", VisibilityURI: "file:///a/v"}})
	p := cfg.Persistence
	if p.SecondaryVisibilityStore != "secondary-visibility" || p.NumHistoryShards != 8 {
		t.Fatalf("persistence %+v", p)
	}
	for name, db := range map[string]string{"default": "temporal", "visibility": "temporal_visibility", "secondary-visibility": "temporal_visibility_secondary"} {
		sql := p.DataStores[name].SQL
		if sql == nil || sql.PluginName != "postgres12" || sql.DatabaseName != db || sql.Password != pg.Password || sql.ConnectAddr != pg.Addr {
			t.Fatalf("store %s: %+v", name, sql)
		}
	}
	if cfg.Archival.History.Provider.Filestore == nil || cfg.NamespaceDefaults.Archival.Visibility.URI != "file:///a/v" {
		t.Fatalf("archival %+v %+v", cfg.Archival, cfg.NamespaceDefaults)
	}
	s3 := load(t, Config{Frontend: 7233, DataDir: "/d", Archival: &Archival{HistoryURI: "s3://h", VisibilityURI: "s3://v",
		S3Endpoint: "http://127.0.0.1:9000", S3Region: "us-east-1"}})
	if st := s3.Archival.Visibility.Provider.S3store; st == nil || *st.Endpoint != "http://127.0.0.1:9000" || !st.S3ForcePathStyle {
		t.Fatalf("s3store %+v", st)
	}
}
