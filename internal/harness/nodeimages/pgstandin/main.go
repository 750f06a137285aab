// Command pgstandin is the entrypoint of the test node's PostgreSQL stand-in
// image. It honours the official postgres image's documented env contract
// (https://hub.docker.com/_/postgres, "Environment Variables"): on an empty
// PGDATA it runs initdb as POSTGRES_USER with POSTGRES_PASSWORD (required
// unless POSTGRES_HOST_AUTH_METHOD=trust) and POSTGRES_INITDB_ARGS, allows
// password logins from any address (scram-sha-256, or the method given),
// listens on every address, creates POSTGRES_DB (default: the user); then it
// replaces itself with its arguments ("postgres", or postgres with the given
// flags when the first argument starts with "-").
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "pgstandin: %v\n", err)
		os.Exit(1)
	}
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func run(args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		args = append([]string{"postgres"}, args...)
	}
	if args[0] == "postgres" {
		if err := initialize(); err != nil {
			return err
		}
	}
	bin, err := exec.LookPath(args[0])
	if err != nil {
		return err
	}
	return syscall.Exec(bin, args, os.Environ())
}

// initialize creates the cluster when PGDATA holds none.
func initialize() error {
	data := env("PGDATA", "/var/lib/postgresql/data")
	if _, err := os.Stat(filepath.Join(data, "PG_VERSION")); err == nil {
		fmt.Fprintln(os.Stderr, "pgstandin: database directory appears to contain a database; skipping initialization")
		return nil
	}
	user, password := env("POSTGRES_USER", "postgres"), os.Getenv("POSTGRES_PASSWORD")
	method := env("POSTGRES_HOST_AUTH_METHOD", "scram-sha-256")
	if password == "" && method != "trust" {
		return errors.New("database is uninitialized and superuser password is not specified: set POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD=trust, which allows anyone to connect)")
	}
	if err := os.MkdirAll(data, 0o700); err != nil {
		return err
	}
	if err := os.Chmod(data, 0o700); err != nil {
		return err
	}
	pwfile, err := os.CreateTemp("", "pw")
	if err != nil {
		return err
	}
	defer os.Remove(pwfile.Name())
	if _, err := pwfile.WriteString(password + "\n"); err != nil {
		return err
	}
	pwfile.Close()
	initdb := append([]string{"--pgdata", data, "--username", user, "--pwfile", pwfile.Name(), "--encoding", "UTF8", "--locale", "C"},
		strings.Fields(os.Getenv("POSTGRES_INITDB_ARGS"))...)
	if err := cmd("initdb", initdb...); err != nil {
		return err
	}
	hba, err := os.OpenFile(filepath.Join(data, "pg_hba.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	fmt.Fprintf(hba, "\nhost all all all %s\n", method)
	hba.Close()
	conf, err := os.OpenFile(filepath.Join(data, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	fmt.Fprintln(conf, "\nlisten_addresses = '*'")
	conf.Close()
	if db := env("POSTGRES_DB", user); db != "postgres" {
		if err := cmd("pg_ctl", "--pgdata", data, "--options", "-c listen_addresses=''", "--wait", "start"); err != nil {
			return err
		}
		create := cmd("psql", "--no-password", "--username", user, "--dbname", "postgres", "--set", "ON_ERROR_STOP=1",
			"--command", fmt.Sprintf(`CREATE DATABASE "%s"`, strings.ReplaceAll(db, `"`, `""`)))
		stop := cmd("pg_ctl", "--pgdata", data, "--mode", "fast", "--wait", "stop")
		if err := errors.Join(create, stop); err != nil {
			return err
		}
	}
	fmt.Fprintln(os.Stderr, "pgstandin: PostgreSQL init process complete; ready for start up")
	return nil
}

func cmd(name string, args ...string) error {
	c := exec.Command(name, args...)
	c.Stdout, c.Stderr = os.Stderr, os.Stderr
	c.Env = append(os.Environ(), "PGPASSWORD="+os.Getenv("POSTGRES_PASSWORD"))
	if err := c.Run(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
