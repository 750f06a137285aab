package up

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/temporal-stack/stack/internal/proc"
)

// State is what a running "up" publishes in its data dir for status and down.
type State struct {
	Pid        int         `json:"pid"` // the up process (the supervisor)
	Started    time.Time   `json:"started"`
	Ready      bool        `json:"ready"`
	Components []Component `json:"components"`
}

// Component is one process of the stack.
type Component struct {
	Name   string `json:"name"`
	Pid    int    `json:"pid"`
	URL    string `json:"url"`    // what a user opens or dials
	Health string `json:"health"` // http(s)://... wants 200; grpc://host:port asks the gRPC health service
	Log    string `json:"log"`
}

const (
	// detachedEnv marks the background child of "up --detach", whose output
	// goes to a log file: it never writes the generated password there.
	detachedEnv         = "STACK_UP_DETACHED"
	passwordPlaceholder = "<printed by up --detach only>"
	stateFile           = "state.json"
	lockFile            = "up.lock"
	// layoutVersion changes when a data dir written by an older up cannot be reused.
	layoutVersion = "2"
)

func writeState(dir string, s State) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, stateFile+".tmp")
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, stateFile))
}

func readState(dir string) (State, error) {
	var s State
	b, err := os.ReadFile(filepath.Join(dir, stateFile))
	if err != nil {
		return s, err
	}
	return s, json.Unmarshal(b, &s)
}

func alive(pid int) bool { return pid > 0 && syscall.Kill(pid, 0) == nil }

// lockDataDir makes sure one up at a time uses a data dir; the lock is held
// until the process exits.
func lockDataDir(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		pid := "?"
		if s, err := readState(dir); err == nil {
			pid = strconv.Itoa(s.Pid)
		}
		return nil, fmt.Errorf("a stack is already running from %s (pid %s): use it, or stop it with: go run ./tools/stack down --data-dir %s", dir, pid, dir)
	}
	return f, nil
}

// checkLayout refuses a data dir made by an incompatible version of up, and
// stamps a new one.
func checkLayout(dir string) error {
	path := filepath.Join(dir, "LAYOUT")
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() == "db" || e.Name() == "dex.db" {
				return fmt.Errorf("data dir %s was made by an older Temporal Stack (no LAYOUT file): move it away (or delete it) and run up again", dir)
			}
		}
		return os.WriteFile(path, []byte(layoutVersion+"\n"), 0o644)
	}
	if err != nil {
		return err
	}
	if got := strings.TrimSpace(string(b)); got != layoutVersion {
		return fmt.Errorf("data dir %s has layout %s, this version of up needs layout %s: move it away (or delete it) and run up again", dir, got, layoutVersion)
	}
	return nil
}

// Status prints each component's health; it fails when the stack is not
// running or a component is unhealthy.
func Status(dataDir string, w io.Writer) error {
	s, err := readState(dataDir)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && !alive(s.Pid)) {
		return fmt.Errorf("no stack is running from %s (start one with: go run ./tools/stack up --detach)", dataDir)
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", filepath.Join(dataDir, stateFile), err)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "COMPONENT\tPID\tHEALTH\tURL\n")
	bad := 0
	for _, c := range s.Components {
		health := "healthy"
		if !alive(c.Pid) {
			health = "exited (see " + c.Log + ")"
		} else if err := probe(c.Health); err != nil {
			health = "unhealthy: " + err.Error()
		}
		if health != "healthy" {
			bad++
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", c.Name, c.Pid, health, c.URL)
	}
	tw.Flush()
	if !s.Ready {
		return errors.New("the stack is still starting")
	}
	if bad > 0 {
		return fmt.Errorf("%d of %d components unhealthy", bad, len(s.Components))
	}
	return nil
}

func probe(target string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if addr, ok := strings.CutPrefix(target, "grpc://"); ok {
		return proc.FrontendServing(addr)(ctx)
	}
	if target == "" {
		return nil
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", target, resp.Status)
	}
	return nil
}

// Down stops the stack running from dataDir and waits for it to exit.
func Down(dataDir string, w io.Writer) error {
	s, err := readState(dataDir)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && !alive(s.Pid)) {
		fmt.Fprintf(w, "stack: nothing is running from %s\n", dataDir)
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "stack: stopping the stack (pid %d)...\n", s.Pid)
	if err := syscall.Kill(s.Pid, syscall.SIGTERM); err != nil {
		return fmt.Errorf("signal pid %d: %w", s.Pid, err)
	}
	deadline := time.Now().Add(90 * time.Second)
	for alive(s.Pid) {
		if time.Now().After(deadline) {
			return fmt.Errorf("pid %d still running after 90 s; its log: %s", s.Pid, filepath.Join(dataDir, "logs", "up.log"))
		}
		time.Sleep(100 * time.Millisecond)
	}
	fmt.Fprintln(w, "stack: stopped.")
	return nil
}

// detach starts this same command again without --detach, in its own
// session with its output in the data dir, and returns once it is up
// (printing its banner) or has failed (printing why).
func detach(dataDir string, args []string) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	var childArgs []string
	for _, a := range args {
		if a != "--detach" && a != "-detach" && a != "--detach=true" && a != "-detach=true" {
			childArgs = append(childArgs, a)
		}
	}
	if err := os.MkdirAll(filepath.Join(dataDir, "logs"), 0o755); err != nil {
		return err
	}
	logPath := filepath.Join(dataDir, "logs", "up.log")
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := exec.Command(self, append([]string{"up"}, childArgs...)...)
	cmd.Env = append(os.Environ(), detachedEnv+"=1")
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	fmt.Printf("stack: starting in the background (pid %d, log %s)...\n", cmd.Process.Pid, logPath)
	for {
		select {
		case err := <-exited:
			b, _ := os.ReadFile(logPath)
			return fmt.Errorf("the stack exited while starting (%v); its log:\n%s", err, lastLines(string(b), 30))
		case <-time.After(200 * time.Millisecond):
		}
		b, _ := os.ReadFile(logPath)
		if i := strings.Index(string(b), bannerTitle); i >= 0 && strings.Contains(string(b[i:]), bannerEnd) {
			banner := strings.Replace(string(b[i:]), "Ctrl-C stops everything", "go run ./tools/stack down --data-dir "+dataDir+" stops everything", 1)
			if strings.Contains(banner, passwordPlaceholder) {
				sec, err := secrets(dataDir)
				if err != nil {
					return err
				}
				banner = strings.Replace(banner, passwordPlaceholder, sec.AdminPassword, 1)
			}
			fmt.Print(banner)
			return nil
		}
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
