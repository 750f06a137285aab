package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/temporal-stack/stack/internal/harness/postgres"
)

// TestSetupSchema runs the chart's schema step (our server image's
// setup-schema) against a real PostgreSQL: a fresh database is set up, a
// second run only checks it, a store of any name works, bad input is refused.
func TestSetupSchema(t *testing.T) {
	endToEnd(t, "PostgreSQL")
	db := postgres.Start(t)
	for _, d := range []string{"temporal", "vis_secondary"} {
		if _, err := db.Query("postgres", fmt.Sprintf("create database %s owner %s", d, postgres.User)); err != nil {
			t.Fatal(err)
		}
	}
	env := []string{"SQL_HOST=127.0.0.1", fmt.Sprintf("SQL_PORT=%d", db.Port), "SQL_USER=" + postgres.User, "SQL_PASSWORD=" + postgres.Password}
	for _, c := range []struct{ db, schema, table string }{{"temporal", "temporal", "executions"}, {"vis_secondary", "visibility", "executions_visibility"}} {
		out, code := runServer(t, append(env, "SQL_DATABASE="+c.db), "setup-schema", "--schema", c.schema)
		if code != 0 || !strings.Contains(out, "has no schema yet") || !strings.Contains(out, "schema up to date") {
			t.Fatalf("first setup of %s: exit %d\n%s", c.db, code, out)
		}
		if n, err := db.Query(c.db, fmt.Sprintf("select count(*) from %s", c.table)); err != nil || n != "0" {
			t.Fatalf("%s.%s: %q %v", c.db, c.table, n, err)
		}
		out, code = runServer(t, append(env, "SQL_DATABASE="+c.db), "setup-schema", "--schema", c.schema)
		if code != 0 || !strings.Contains(out, "is at schema version") {
			t.Fatalf("second setup of %s: exit %d\n%s", c.db, code, out)
		}
	}
	if out, code := runServer(t, append(env, "SQL_DATABASE=temporal"), "setup-schema", "--schema", "bogus"); code != 2 || !strings.Contains(out, "want temporal or visibility") {
		t.Fatalf("bad --schema: exit %d\n%s", code, out)
	}
	// (The harness's PostgreSQL trusts loopback, so a missing database stands in for bad credentials.)
	if out, code := runServer(t, append(env, "SQL_DATABASE=missing"), "setup-schema", "--schema", "temporal", "--wait", "1s"); code != 1 || !strings.Contains(out, "database missing at 127.0.0.1") || !strings.Contains(out, "no connection after 1s") {
		t.Fatalf("missing database: exit %d\n%s", code, out)
	}
}
