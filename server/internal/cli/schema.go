package cli

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"time"

	urfave "github.com/urfave/cli/v2"
	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/tools/sql"
)

// schemaCommand sets up or upgrades one SQL store with Temporal's own schema
// tool, idempotently, so one image (ours) runs the chart's schema Jobs for
// every store, whatever the store is called (upstream's Job only knows the
// stores named "default" and "visibility").
func schemaCommand() *urfave.Command {
	return &urfave.Command{
		Name:      "setup-schema",
		Usage:     "Create or upgrade the schema of one SQL store (idempotent); connection from flags or SQL_* env",
		ArgsUsage: " ",
		Flags: []urfave.Flag{
			&urfave.StringFlag{Name: "schema", Usage: "temporal (main store) or visibility"},
			&urfave.StringFlag{Name: "plugin", Value: "postgres12", EnvVars: []string{"SQL_PLUGIN"}},
			&urfave.StringFlag{Name: "host", Value: "127.0.0.1", EnvVars: []string{"SQL_HOST"}},
			&urfave.IntFlag{Name: "port", Value: 5432, EnvVars: []string{"SQL_PORT"}},
			&urfave.StringFlag{Name: "user", EnvVars: []string{"SQL_USER"}},
			&urfave.StringFlag{Name: "database", EnvVars: []string{"SQL_DATABASE"}},
			&urfave.DurationFlag{Name: "wait", Value: 2 * time.Minute, Usage: "how long to wait for the database to accept connections"},
		},
		Before: required("schema", "user", "database"),
		Action: func(c *urfave.Context) error {
			schemaName := c.String("schema")
			if schemaName != "temporal" && schemaName != "visibility" {
				return urfave.Exit(fmt.Sprintf("--schema %q: want temporal or visibility", schemaName), 2)
			}
			dir := map[string]string{"postgres12": "postgresql/v12", "postgres12_pgx": "postgresql/v12", "mysql8": "mysql/v8"}[c.String("plugin")]
			if dir == "" {
				return urfave.Exit(fmt.Sprintf("--plugin %q: want postgres12, postgres12_pgx or mysql8", c.String("plugin")), 2)
			}
			// The password only ever comes from the environment (SQL_PASSWORD).
			cfg := &config.SQL{PluginName: c.String("plugin"), DatabaseName: c.String("database"), User: c.String("user"),
				Password: os.Getenv("SQL_PASSWORD"), ConnectAddr: net.JoinHostPort(c.String("host"), strconv.Itoa(c.Int("port")))}
			version, err := readSchemaVersion(cfg, c.Duration("wait"))
			if err != nil {
				return urfave.Exit(err.Error(), 1)
			}
			base := []string{"temporal-sql-tool", "--plugin", cfg.PluginName, "--ep", c.String("host"), "--port", strconv.Itoa(c.Int("port")),
				"--user", cfg.User, "--db", cfg.DatabaseName}
			if version == "" {
				fmt.Fprintf(c.App.Writer, "database %s has no schema yet: setting it up\n", cfg.DatabaseName)
				if err := sql.RunTool(append(base, "setup-schema", "-v", "0.0")); err != nil {
					return urfave.Exit(fmt.Sprintf("setup-schema on %s: %v", cfg.DatabaseName, err), 1)
				}
			} else {
				fmt.Fprintf(c.App.Writer, "database %s is at schema version %s\n", cfg.DatabaseName, version)
			}
			if err := sql.RunTool(append(base, "update-schema", "-s", dir+"/"+schemaName)); err != nil {
				return urfave.Exit(fmt.Sprintf("update-schema on %s: %v", cfg.DatabaseName, err), 1)
			}
			fmt.Fprintf(c.App.Writer, "database %s: %s schema up to date\n", cfg.DatabaseName, schemaName)
			return nil
		},
	}
}

// readSchemaVersion waits until the database accepts connections and returns
// its schema version, "" when it has none yet.
func readSchemaVersion(cfg *config.SQL, wait time.Duration) (string, error) {
	deadline := time.Now().Add(wait)
	for {
		conn, err := sql.NewConnection(cfg, log.NewNoopLogger())
		if err == nil {
			if err = conn.Exec("SELECT 1"); err != nil { // connections are lazy
				conn.Close()
			}
		}
		if err == nil {
			version, verr := conn.ReadSchemaVersion()
			conn.Close()
			if verr != nil {
				return "", nil // no schema_version table yet
			}
			return version, nil
		}
		if time.Now().After(deadline) {
			return "", fmt.Errorf("database %s at %s: no connection after %s: %v", cfg.DatabaseName, cfg.ConnectAddr, wait, err)
		}
		time.Sleep(2 * time.Second)
	}
}
