package up

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/temporal-stack/stack/internal/datadir"
	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/tools/stack/internal/cli"
)

// dataDirFlag parses the flags of status and down: only --data-dir.
func dataDirFlag(name, usage string, args []string) (datadir.Dir, error) {
	fs := cli.NewFlagSet(name, usage)
	dir := fs.String("data-dir", DefaultDataDir(), "the data dir the stack was started with")
	if err := fs.Parse(args, 0); err != nil {
		return "", err
	}
	return datadir.Open(*dir)
}

// RunStatus is "stack status": each component's health. It fails when the
// stack is not running, still starting, or a component is unhealthy.
func RunStatus(_ context.Context, args []string, stdout, _ io.Writer) error {
	dir, err := dataDirFlag("status", "usage: go run ./tools/stack status [--data-dir DIR]\n\nPrints the health of each component of a local stack started with up.\n\nflags:\n", args)
	if err != nil {
		return err
	}
	return Status(dir, stdout)
}

// RunDown is "stack down": stop the stack running from a data dir.
func RunDown(_ context.Context, args []string, stdout, _ io.Writer) error {
	dir, err := dataDirFlag("down", "usage: go run ./tools/stack down [--data-dir DIR]\n\nStops the local stack running from the data dir (started with up --detach) and waits for it to exit.\n\nflags:\n", args)
	if err != nil {
		return err
	}
	return Down(dir, stdout)
}

// Status prints each component's health; it fails when the stack is not
// running or a component is unhealthy.
func Status(dir datadir.Dir, w io.Writer) error {
	s, ok, err := dir.Running()
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("no stack is running from %s (start one with: go run ./tools/stack up --detach)", dir)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "COMPONENT\tPID\tHEALTH\tURL\n")
	bad := 0
	for _, c := range s.Components {
		health := "healthy"
		if !datadir.Alive(c.Pid) {
			health = "exited (see " + c.Log + ")"
		} else if err := Probe(c.Health); err != nil {
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

// Probe checks one component's health target within 3 s: an http(s) URL
// must answer 200, grpc://host:port the gRPC health service; "" passes.
func Probe(target string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if addr, ok := strings.CutPrefix(target, "grpc://"); ok {
		return proc.FrontendServing(addr)(ctx)
	}
	if target == "" {
		return nil
	}
	return proc.HTTPOK(nil, target)(ctx)
}

// Down stops the stack running from dir and waits (up to 90 s) for it to exit.
func Down(dir datadir.Dir, w io.Writer) error {
	s, ok, err := dir.Running()
	if err != nil {
		return err
	}
	if !ok {
		fmt.Fprintf(w, "stack: nothing is running from %s\n", dir)
		return nil
	}
	fmt.Fprintf(w, "stack: stopping the stack (pid %d)...\n", s.Pid)
	if err := syscall.Kill(s.Pid, syscall.SIGTERM); err != nil {
		return fmt.Errorf("signal pid %d: %w", s.Pid, err)
	}
	deadline := time.Now().Add(90 * time.Second)
	for datadir.Alive(s.Pid) {
		if time.Now().After(deadline) {
			return fmt.Errorf("pid %d still running after 90 s; its log: %s", s.Pid, dir.UpLog())
		}
		time.Sleep(100 * time.Millisecond)
	}
	fmt.Fprintln(w, "stack: stopped.")
	return nil
}

// detach starts this same command again without --detach, in its own
// session with its output in the data dir, and returns once it is up
// (printing its banner) or has failed (printing why).
func detach(ctx context.Context, dir datadir.Dir, args []string, w io.Writer) error {
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
	if err := os.MkdirAll(dir.Logs(), 0o755); err != nil {
		return err
	}
	logPath := dir.UpLog()
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
	fmt.Fprintf(w, "stack: starting in the background (pid %d, log %s)...\n", cmd.Process.Pid, logPath)
	for {
		select {
		case err := <-exited:
			b, _ := os.ReadFile(logPath)
			return fmt.Errorf("the stack exited while starting (%v); its log:\n%s", err, lastLines(string(b), 30))
		case <-ctx.Done():
			// Ctrl-C while waiting stops the background copy too.
			_ = cmd.Process.Signal(syscall.SIGTERM)
			<-exited
			return interrupted(ctx)
		case <-time.After(200 * time.Millisecond):
		}
		b, _ := os.ReadFile(logPath)
		banner, ok := datadir.Banner(string(b))
		if !ok {
			continue
		}
		banner = strings.Replace(banner, "Ctrl-C stops everything", "go run ./tools/stack down --data-dir "+string(dir)+" stops everything", 1)
		if strings.Contains(banner, passwordPlaceholder) {
			sec, err := dir.ReadSecrets()
			if err != nil {
				return err
			}
			banner = strings.Replace(banner, passwordPlaceholder, sec.AdminPassword, 1)
		}
		fmt.Fprint(w, "\n"+banner)
		return nil
	}
}

// lastLines is the last n lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
