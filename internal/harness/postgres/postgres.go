// Package postgres runs a private PostgreSQL cluster (Debian's server
// binaries) for tests, and applies Temporal's schemas with Temporal's own
// schema tool.
package postgres

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/internal/toolbin"
)

// User and Password of the role the tests and the server use.
const (
	User     = "temporal"
	Password = "temporal"
)

// DB is a running cluster on 127.0.0.1:Port.
type DB struct {
	Port int
	dir  string
	bin  string
	t    testing.TB
}

// Start initialises and starts a cluster in a temp dir, as the postgres user.
func Start(t testing.TB) *DB {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(bins) == 0 {
		t.Fatal("PostgreSQL server not found: apt-get install -y --no-install-recommends postgresql")
	}
	port, err := proc.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "pg-")
	if err != nil {
		t.Fatal(err)
	}
	db := &DB{Port: port, dir: dir, bin: filepath.Dir(bins[len(bins)-1]), t: t}
	if err := exec.Command("chown", "postgres:postgres", dir).Run(); err != nil {
		t.Fatal(err)
	}
	db.asPostgres("initdb", "-D", filepath.Join(dir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
	db.Start()
	t.Cleanup(func() {
		db.Stop()
		os.RemoveAll(dir)
	})
	db.psql(fmt.Sprintf("create user %s password '%s' createdb;", User, Password))
	return db
}

// Start starts the server (again) and waits until it accepts connections.
func (db *DB) Start() {
	db.t.Helper()
	db.asPostgres("pg_ctl", "-D", filepath.Join(db.dir, "data"), "-l", filepath.Join(db.dir, "pg.log"), "-w",
		"-o", fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off", db.Port, db.dir), "start")
}

// Stop stops the server (fast shutdown).
func (db *DB) Stop() {
	cmd := exec.Command("runuser", "-u", "postgres", "--", filepath.Join(db.bin, "pg_ctl"), "-D", filepath.Join(db.dir, "data"), "-m", "fast", "-w", "stop")
	_ = cmd.Run()
}

func (db *DB) asPostgres(tool string, args ...string) {
	db.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "runuser", append([]string{"-u", "postgres", "--", filepath.Join(db.bin, tool)}, args...)...).CombinedOutput()
	if err != nil {
		db.t.Fatalf("%s: %v\n%s", tool, err, out)
	}
}

func (db *DB) psql(sql string) {
	db.t.Helper()
	out, err := exec.Command("psql", "-h", "127.0.0.1", "-p", strconv.Itoa(db.Port), "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql).CombinedOutput()
	if err != nil {
		db.t.Fatalf("psql: %v\n%s", err, out)
	}
}

// CreateTemporalDatabase creates database name and applies the schema
// ("temporal" or "visibility") with Temporal's own temporal-sql-tool.
func (db *DB) CreateTemporalDatabase(name, schema string) {
	db.t.Helper()
	tool, err := toolbin.Own("go.temporal.io/server/cmd/tools/sql")
	if err != nil {
		db.t.Fatal(err)
	}
	base := []string{"--plugin", "postgres12", "--ep", "127.0.0.1", "-p", strconv.Itoa(db.Port), "-u", User, "--pw", Password, "--db", name}
	for _, step := range [][]string{{"create-database"}, {"setup-schema", "-v", "0.0"}, {"update-schema", "-s", "postgresql/v12/" + schema}} {
		out, err := exec.Command(tool, append(base, step...)...).CombinedOutput()
		if err != nil {
			db.t.Fatalf("temporal-sql-tool %v: %v\n%s", step, err, out)
		}
	}
}

// Query runs sql as the superuser on database and returns psql's unaligned,
// tuples-only output (one row a line, fields separated by |).
func (db *DB) Query(database, sql string) (string, error) {
	out, err := exec.Command("psql", "-h", "127.0.0.1", "-p", strconv.Itoa(db.Port), "-U", "postgres", "-d", database,
		"-v", "ON_ERROR_STOP=1", "-At", "-c", sql).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("psql on %s: %v\n%s", database, err, out)
	}
	return strings.TrimSpace(string(out)), nil
}
