package e2e

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/prometheus/procfs"
	"github.com/temporal-stack/stack/dexlogin/workerauth"
	"github.com/temporal-stack/stack/internal/datadir"
	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/internal/toolbin"
)

// BenchmarkUpToFirstWorkflow: seconds from starting the local stack (fresh
// data dir, warm build caches) to the first workflow completed, side by side
// with "temporal server start-dev" of the pinned CLI. Ours also starts Dex,
// the Web UI with SSO, the poller and Prometheus, and the workflow runs with
// a token. The *-cpu-s figures are the CPU time (user + system) the stack's
// processes (up and its children; start-dev's one process) had used when
// the workflow completed: on a host whose cores are busy, wall time follows
// them.
func BenchmarkUpToFirstWorkflow(b *testing.B) {
	stackBin, err := toolbin.Own("./tools/stack")
	if err != nil {
		b.Fatal(err)
	}
	cli, err := toolbin.Path(toolbin.TemporalCLI)
	if err != nil {
		b.Fatal(err)
	}
	root, _ := toolbin.Root()
	// Build (or relink) everything "up" runs once, outside the timings.
	for _, pkg := range []string{"./server", "./poller"} {
		if _, err := toolbin.Own(pkg); err != nil {
			b.Fatal(err)
		}
	}
	for _, tool := range []toolbin.Tool{toolbin.Dex, toolbin.UI} {
		if _, err := toolbin.Path(tool); err != nil {
			b.Fatal(err)
		}
	}
	var ours, dev, banner, oursCPU, devCPU time.Duration
	for i := 0; i < b.N; i++ {
		// ABBA order over pairs of iterations cancels drift.
		order := []string{"ours", "dev"}
		if i%2 == 1 {
			order = []string{"dev", "ours"}
		}
		for _, which := range order {
			r, err := upOnce(which, stackBin, cli, root, b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			if which == "ours" {
				ours += r.firstWorkflow
				banner += r.banner
				oursCPU += r.cpu
			} else {
				dev += r.firstWorkflow
				devCPU += r.cpu
			}
		}
	}
	b.ReportMetric(ours.Seconds()/float64(b.N), "stack-up-s")
	b.ReportMetric(dev.Seconds()/float64(b.N), "start-dev-s")
	b.ReportMetric(banner.Seconds()/float64(b.N), "banner-s")
	b.ReportMetric(ours.Seconds()/dev.Seconds(), "ratio")
	b.ReportMetric(oursCPU.Seconds()/float64(b.N), "stack-up-cpu-s")
	b.ReportMetric(devCPU.Seconds()/float64(b.N), "start-dev-cpu-s")
	b.ReportMetric(0, "ns/op")
}

// upRun is one start: seconds to the first workflow and to the banner (ours
// only), and the CPU time of the stack's processes at the first workflow.
type upRun struct {
	firstWorkflow, banner, cpu time.Duration
}

func upOnce(which, stackBin, cli, root, dir string) (upRun, error) {
	base := 11000 + int(time.Now().UnixNano()%18000)
	addr := fmt.Sprintf("127.0.0.1:%d", base)
	var spec proc.Spec
	if which == "ours" {
		spec = proc.Spec{Name: "stack-up", Path: stackBin, Dir: root, LogDir: dir, Args: []string{"up", "--data-dir", filepath.Join(dir, "data"),
			"--ports-from", fmt.Sprint(base), "--metrics-port", fmt.Sprint(base + 50), "--dex-port", fmt.Sprint(base + 41),
			"--ui-port", fmt.Sprint(base + 42), "--poller-port", fmt.Sprint(base + 43), "--prometheus-port", fmt.Sprint(base + 44)}}
	} else {
		spec = proc.Spec{Name: "start-dev", Path: cli, LogDir: dir, Args: []string{"server", "start-dev", "--port", fmt.Sprint(base),
			"--ui-port", fmt.Sprint(base + 42), "--metrics-port", fmt.Sprint(base + 50), "--db-filename", filepath.Join(dir, "dev.db"), "--log-level", "warn"}}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	start := time.Now()
	p, err := proc.Start(spec)
	if err != nil {
		return upRun{}, err
	}
	defer p.Stop(30 * time.Second)
	var hp interface {
		GetHeaders(context.Context) (map[string]string, error)
	}
	bannerAt := make(chan time.Duration, 1)
	if which == "ours" {
		// The banner (every component ready) is timed on the side.
		go func() {
			for ctx.Err() == nil {
				if b, _ := os.ReadFile(p.LogPath); strings.Contains(string(b), datadir.BannerEnd) {
					bannerAt <- time.Since(start)
					return
				}
				time.Sleep(5 * time.Millisecond)
			}
		}()
		// Like the start-dev side, the worker starts with the stack and
		// retries: it signs in at Dex as soon as Dex answers.
		whp, err := signIn(ctx, p, datadir.Dir(filepath.Join(dir, "data")), fmt.Sprintf("http://127.0.0.1:%d/dex", base+41))
		if err != nil {
			return upRun{}, fmt.Errorf("%w\nstack up log:\n%s", err, p.Tail(30))
		}
		hp = whp
	}
	if err := firstWorkflow(ctx, addr, hp); err != nil {
		return upRun{}, errors.Join(err, fmt.Errorf("%s log:\n%s", which, p.Tail(30)))
	}
	r := upRun{firstWorkflow: time.Since(start)}
	if r.cpu, err = treeCPU(p.Pid()); err != nil {
		return upRun{}, err
	}
	if which == "dev" {
		return r, nil
	}
	select {
	case r.banner = <-bannerAt:
		return r, nil
	case <-ctx.Done():
		return upRun{}, fmt.Errorf("stack up printed no banner:\n%s", p.Tail(30))
	}
}

// signIn gets the worker's token as soon as up has written the secrets and
// Dex answers, retrying until then (or until up exits).
func signIn(ctx context.Context, up *proc.Process, dir datadir.Dir, issuer string) (*workerauth.HeadersProvider, error) {
	for {
		sec, _ := dir.ReadSecrets()
		var err error
		if sec.AdminPassword != "" && sec.WorkerClientSecret != "" {
			var hp *workerauth.HeadersProvider
			hp, err = workerauth.PasswordGrant(ctx, workerauth.Config{Issuer: issuer, ClientID: datadir.WorkerClient,
				ClientSecret: sec.WorkerClientSecret, Username: datadir.AdminEmail, Password: sec.AdminPassword})
			if err == nil {
				return hp, nil
			}
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("no token from %s: %v", issuer, err)
		case <-up.Done():
			return nil, fmt.Errorf("stack up exited before a token from %s: %v", issuer, err)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// treeCPU is the CPU time (user + system) used so far by process pid and its
// live descendants, read from /proc (the CPU of exited ones is not counted).
func treeCPU(pid int) (time.Duration, error) {
	procs, err := procfs.AllProcs()
	if err != nil {
		return 0, err
	}
	stats := map[int]procfs.ProcStat{}
	for _, p := range procs {
		if st, err := p.Stat(); err == nil { // a process may exit meanwhile
			stats[p.PID] = st
		}
	}
	if _, ok := stats[pid]; !ok {
		return 0, fmt.Errorf("process %d is gone", pid)
	}
	var seconds float64
	for id, st := range stats {
		for a := id; ; {
			if a == pid {
				seconds += st.CPUTime()
				break
			}
			parent, ok := stats[a]
			if !ok || parent.PPID == a || a <= 1 {
				break
			}
			a = parent.PPID
		}
	}
	return time.Duration(seconds * float64(time.Second)), nil
}

// TestTreeCPU: a busy grandchild's CPU time counts in its ancestors' sums;
// a process that does not exist is an error.
func TestTreeCPU(t *testing.T) {
	// sh → sh, busy until killed (however fast the machine, it passes 100 ms).
	cmd := exec.Command("sh", "-c", `sh -c 'while :; do :; done' & wait`)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); _ = cmd.Wait() }()
	deadline := time.Now().Add(time.Minute)
	for {
		got, err := treeCPU(cmd.Process.Pid)
		if err != nil {
			t.Fatal(err)
		}
		if got >= 100*time.Millisecond {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the busy grandchild's CPU never showed: %s", got)
		}
		time.Sleep(50 * time.Millisecond)
	}
	mine, err := treeCPU(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	theirs, _ := treeCPU(cmd.Process.Pid)
	if mine < theirs {
		t.Errorf("this process's tree used %s, less than its child's %s", mine, theirs)
	}
	if _, err := treeCPU(1 << 30); err == nil {
		t.Error("no error for a process that does not exist")
	}
}
