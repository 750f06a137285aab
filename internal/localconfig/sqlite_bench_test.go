package localconfig

import (
	"fmt"
	"maps"
	"path/filepath"
	"testing"
	"time"

	"go.temporal.io/server/common/config"
	_ "go.temporal.io/server/common/persistence/sql/sqlplugin/sqlite" // sqlite plugin
	sqliteschema "go.temporal.io/server/schema/sqlite"
)

// BenchmarkSQLiteSchemaSetup: milliseconds to set up the main schema of a new
// SQLite file with the connect attributes the local stack renders (WAL,
// synchronous=NORMAL), side by side with synchronous=FULL and with SQLite's
// defaults (rollback journal, FULL) that start-dev uses.
func BenchmarkSQLiteSchemaSetup(b *testing.B) {
	rendered := load(b, Config{Frontend: 7233, DataDir: b.TempDir()}).Persistence.DataStores["default"].SQL.ConnectAttributes
	full := maps.Clone(rendered)
	full["synchronous"] = "2"
	variants := []struct {
		name  string
		attrs map[string]string
	}{{"ours", rendered}, {"wal-full", full}, {"start-dev", map[string]string{"mode": "rwc"}}}
	took := map[string]time.Duration{}
	for i := 0; i < b.N; i++ {
		for _, v := range variants {
			attrs := maps.Clone(v.attrs)
			delete(attrs, "setup") // SetupSchema below is the setup
			cfg := &config.SQL{PluginName: "sqlite", DatabaseName: filepath.Join(b.TempDir(), fmt.Sprintf("%s-%d.db", v.name, i)), ConnectAttributes: attrs}
			start := time.Now()
			if err := sqliteschema.SetupSchema(cfg); err != nil {
				b.Fatal(err)
			}
			took[v.name] += time.Since(start)
		}
	}
	for _, v := range variants {
		b.ReportMetric(took[v.name].Seconds()*1000/float64(b.N), v.name+"-ms")
	}
	b.ReportMetric(float64(took["ours"])/float64(took["wal-full"]), "ratio-vs-full")
	b.ReportMetric(0, "ns/op")
}
