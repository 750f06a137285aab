// Package datadir is the local stack's data directory (.stack/ by default):
// its layout stamp, the lock that lets one "stack up" use it at a time, the
// state file "stack status" and "stack down" read, the generated secrets and
// the markers of the ready banner. "stack up" and the tests both use it.
package datadir

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// LayoutVersion changes when a data dir written by an older up cannot be
// reused; the LAYOUT file holds it.
const LayoutVersion = "2"

// The ready banner "stack up" prints starts with BannerTitle and ends with
// BannerEnd (up --detach and the tests wait for both).
const (
	BannerTitle = "Temporal Stack is up."
	BannerEnd   = "the next up reuses the data."
)

// Identities of the local Dex: the admin user and the OAuth 2.0 clients.
const (
	AdminEmail   = "admin@example.com"
	CLIClient    = "temporal-cli"    // public, authorization code + PKCE (dexlogin)
	UIClient     = "temporal-ui"     // confidential (the Web UI)
	WorkerClient = "temporal-worker" // confidential, password grant for service accounts
	MinIOUser    = "stack-admin"     // MinIO's root user (--archival minio)
)

// Dir is a data directory, by absolute path.
type Dir string

// Open returns the data dir at path (made absolute; nothing is created).
func Open(path string) (Dir, error) {
	abs, err := filepath.Abs(path)
	return Dir(abs), err
}

// Path joins elem to the data dir.
func (d Dir) Path(elem ...string) string {
	return filepath.Join(append([]string{string(d)}, elem...)...)
}

// Files and directories of a data dir.
func (d Dir) Logs() string          { return d.Path("logs") }           // one <component>.log each
func (d Dir) UpLog() string         { return d.Path("logs", "up.log") } // up --detach's own output
func (d Dir) DynamicConfig() string { return d.Path("dynamic_config.yaml") }
func (d Dir) SecretsFile() string   { return d.Path("secrets") } // KEY=VALUE lines, mode 0600
func (d Dir) StateFile() string     { return d.Path("state.json") }

// CheckLayout refuses a data dir made by an incompatible version of up, and
// stamps a new (or empty) one with LayoutVersion.
func (d Dir) CheckLayout() error {
	path := d.Path("LAYOUT")
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		entries, _ := os.ReadDir(string(d))
		for _, e := range entries {
			if e.Name() == "db" || e.Name() == "dex.db" {
				return fmt.Errorf("data dir %s was made by an older Temporal Stack (no LAYOUT file): move it away (or delete it) and run up again", d)
			}
		}
		return os.WriteFile(path, []byte(LayoutVersion+"\n"), 0o644)
	}
	if err != nil {
		return err
	}
	if got := strings.TrimSpace(string(b)); got != LayoutVersion {
		return fmt.Errorf("data dir %s has layout %s, this version of up needs layout %s: move it away (or delete it) and run up again", d, got, LayoutVersion)
	}
	return nil
}

// Lock makes sure one up at a time uses the data dir: it holds an exclusive
// flock(2) on up.lock until Close or the process's exit. A held lock is an
// error naming the running stack's pid and how to stop it.
func (d Dir) Lock() (*os.File, error) {
	f, err := os.OpenFile(d.Path("up.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		pid := "?"
		if s, err := d.ReadState(); err == nil {
			pid = strconv.Itoa(s.Pid)
		}
		return nil, fmt.Errorf("a stack is already running from %s (pid %s): use it, or stop it with: go run ./tools/stack down --data-dir %s", d, pid, d)
	}
	return f, nil
}

// State is what a running up publishes in state.json for status and down.
type State struct {
	Pid        int         `json:"pid"` // the up process (the supervisor)
	Started    time.Time   `json:"started"`
	Ready      bool        `json:"ready"`
	Components []Component `json:"components"`
}

// Component is one process of the stack.
type Component struct {
	Name    string `json:"name"`
	Pid     int    `json:"pid"`
	URL     string `json:"url"`               // what a user opens or dials
	Health  string `json:"health"`            // http(s)://... wants 200; grpc://host:port asks the gRPC health service
	Metrics string `json:"metrics,omitempty"` // a server process's /metrics URL
	Log     string `json:"log"`
}

// ComponentPid is the pid of the named component, 0 if there is none.
func (s State) ComponentPid(name string) int {
	for _, c := range s.Components {
		if c.Name == name {
			return c.Pid
		}
	}
	return 0
}

// WriteState replaces state.json atomically.
func (d Dir) WriteState(s State) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	tmp := d.StateFile() + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, d.StateFile())
}

// ReadState reads state.json; fs.ErrNotExist when no up has published one.
func (d Dir) ReadState() (State, error) {
	var s State
	b, err := os.ReadFile(d.StateFile())
	if err != nil {
		return s, err
	}
	return s, json.Unmarshal(b, &s)
}

// RemoveState removes state.json (up does on exit).
func (d Dir) RemoveState() error { return os.Remove(d.StateFile()) }

// Running returns the state of the stack running from the data dir, or
// ok = false when none is (no state file, or its up process is gone).
func (d Dir) Running() (s State, ok bool, err error) {
	s, err = d.ReadState()
	if errors.Is(err, fs.ErrNotExist) {
		return s, false, nil
	}
	if err != nil {
		return s, false, fmt.Errorf("read %s: %w", d.StateFile(), err)
	}
	return s, Alive(s.Pid), nil
}

// Alive reports whether process pid exists.
func Alive(pid int) bool { return pid > 0 && syscall.Kill(pid, 0) == nil }

// Secrets are the credentials up generates on the first start and reuses.
type Secrets struct {
	AdminPassword      string // the Dex user AdminEmail
	UIClientSecret     string // client UIClient
	WorkerClientSecret string // client WorkerClient
	MinIORootPassword  string // MinIO's MinIOUser
	Created            bool   // generated by this call: print them once
}

// secretKeys are the secrets file's keys, in file order.
var secretKeys = []string{"admin_password", "ui_client_secret", "worker_client_secret", "minio_root_password"}

func (s *Secrets) fields() []*string {
	return []*string{&s.AdminPassword, &s.UIClientSecret, &s.WorkerClientSecret, &s.MinIORootPassword}
}

// Secrets returns the data dir's secrets, generating and saving (mode 0600)
// any that are missing: all of them on the first start (Created is then
// true), MinIO's alone for a data dir from before MinIO archival. A file
// missing the others is an error: the users and clients they protect exist.
func (d Dir) Secrets() (Secrets, error) {
	s, err := d.ReadSecrets()
	if errors.Is(err, fs.ErrNotExist) {
		s = Secrets{Created: true}
		for _, f := range s.fields() {
			*f = random()
		}
		return s, d.saveSecrets(s)
	}
	if err != nil {
		return Secrets{}, err
	}
	if s.AdminPassword == "" || s.UIClientSecret == "" || s.WorkerClientSecret == "" {
		return Secrets{}, fmt.Errorf("%s is incomplete; delete it to generate new credentials", d.SecretsFile())
	}
	if s.MinIORootPassword == "" {
		s.MinIORootPassword = random()
		return s, d.saveSecrets(s)
	}
	return s, nil
}

// ReadSecrets reads the secrets file without generating anything;
// fs.ErrNotExist before the first start.
func (d Dir) ReadSecrets() (Secrets, error) {
	b, err := os.ReadFile(d.SecretsFile())
	if err != nil {
		return Secrets{}, err
	}
	var s Secrets
	for _, line := range strings.Split(string(b), "\n") {
		k, v, _ := strings.Cut(line, "=")
		for i, key := range secretKeys {
			if k == key {
				*s.fields()[i] = v
			}
		}
	}
	return s, nil
}

func (d Dir) saveSecrets(s Secrets) error {
	var b strings.Builder
	for i, f := range s.fields() {
		fmt.Fprintf(&b, "%s=%s\n", secretKeys[i], *f)
	}
	return os.WriteFile(d.SecretsFile(), []byte(b.String()), 0o600)
}

// random is 144 bits from crypto/rand, base64url without padding (24 chars).
func random() string {
	b := make([]byte, 18)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Banner returns the ready banner in up's output, once it is complete.
func Banner(output string) (string, bool) {
	i := strings.Index(output, BannerTitle)
	if i < 0 || !strings.Contains(output[i:], BannerEnd) {
		return "", false
	}
	banner := output[i:]
	end := strings.Index(banner, BannerEnd) + len(BannerEnd)
	if nl := strings.IndexByte(banner[end:], '\n'); nl >= 0 {
		end += nl + 1
	}
	return banner[:end], true
}
