// Package serverproc runs the Temporal Stack server binary for tests: one
// process with frontend, internal-frontend, history, matching and worker on
// SQLite files, every port on loopback.
package serverproc

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/temporal-stack/stack/internal/localconfig"
	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/internal/toolbin"
)

// Options change how the server is started.
type Options struct {
	Args              []string // extra "start" flags, e.g. --dynamic-config-configmap
	Env               []string
	DynamicConfigFile string // written into the config's dynamicConfigClient
	// InternodeTLS, if set, turns on mutual TLS between the services (and on
	// the internal-frontend) with these PEM files.
	InternodeCA, InternodeCert, InternodeKey string
	// AsUID runs the server as this uid/gid (e.g. 1000, as in the image); 0 = current user.
	AsUID uint32
	// ReadOnlyRoot runs the server in a private mount namespace whose root
	// filesystem is read-only except the data directory, as in a pod with
	// readOnlyRootFilesystem. Needs root (unshare, mount, setpriv).
	ReadOnlyRoot bool
}

// Server is a running server process.
type Server struct {
	FrontendAddr         string // public gRPC
	InternalFrontendAddr string
	MetricsURL           string
	ConfigPath           string
	DataDir              string
	Proc                 *proc.Process

	t    testing.TB
	bin  string
	args []string
	env  []string
	cred *syscall.Credential
}

// Start builds the server (once per test binary) and starts it.
func Start(t testing.TB, o Options) *Server {
	t.Helper()
	bin, err := toolbin.Own("./server")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	p := localconfig.Config{DataDir: filepath.Join(dir, "data"), DynamicConfigFile: o.DynamicConfigFile,
		InternodeCA: o.InternodeCA, InternodeCert: o.InternodeCert, InternodeKey: o.InternodeKey}
	if err := os.MkdirAll(p.DataDir, 0o777); err != nil {
		t.Fatal(err)
	}
	s := &Server{
		ConfigPath: filepath.Join(dir, "config.yaml"),
		DataDir:    p.DataDir,
		t:          t, bin: bin,
		env: append([]string{"TEMPORAL_SERVICES=frontend,internal-frontend,history,matching,worker"}, o.Env...),
	}
	if o.AsUID != 0 {
		s.cred = &syscall.Credential{Uid: o.AsUID, Gid: o.AsUID}
		for _, d := range []string{dir, p.DataDir} {
			if err := os.Chown(d, int(o.AsUID), int(o.AsUID)); err != nil {
				t.Fatal(err)
			}
		}
		for _, d := range []string{dir, filepath.Dir(dir)} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.args = append([]string{"--config-file", s.ConfigPath, "start"}, o.Args...)
	if o.ReadOnlyRoot {
		uid := fmt.Sprint(o.AsUID)
		s.args = append([]string{"-m", "--propagation", "private", "sh", "-c",
			`mount --bind "$0" "$0" && mount -o remount,ro,bind / && exec setpriv --reuid=` + uid + ` --regid=` + uid + ` --clear-groups "$@"`,
			p.DataDir, bin}, s.args...)
		s.bin, s.cred = "unshare", nil
	}
	for attempt := 1; ; attempt++ {
		s.configure(&p)
		err := s.start()
		if err == nil {
			break
		}
		// A port picked free can be taken (by an outgoing connection's ephemeral
		// port) before the server binds it: retry with new ports, keeping the log.
		if exited, _ := s.Proc.Exited(); exited && attempt < 3 {
			log, _ := os.ReadFile(s.Proc.LogPath)
			t.Logf("server attempt %d exited before serving; retrying with new ports. Its log:\n%s", attempt, log)
			continue
		}
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Proc.Stop(15 * time.Second) })
	return s
}

// configure picks fresh ports and writes the config file.
func (s *Server) configure(p *localconfig.Config) {
	s.t.Helper()
	var err error
	for _, f := range p.Ports() {
		if *f, err = proc.FreePort(); err != nil {
			s.t.Fatal(err)
		}
	}
	s.FrontendAddr = fmt.Sprintf("127.0.0.1:%d", p.Frontend)
	s.InternalFrontendAddr = fmt.Sprintf("127.0.0.1:%d", p.Internal)
	s.MetricsURL = fmt.Sprintf("http://127.0.0.1:%d/metrics", p.Metrics)
	f, err := os.OpenFile(s.ConfigPath, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		s.t.Fatal(err)
	}
	defer f.Close()
	if err := localconfig.Write(f, *p); err != nil {
		s.t.Fatal(err)
	}
}

// Restart starts the process again (after Stop or Kill) and waits until serving.
func (s *Server) Restart() {
	s.t.Helper()
	if err := s.start(); err != nil {
		s.t.Fatal(err)
	}
}

func (s *Server) start() error {
	var err error
	s.Proc, err = proc.Start(proc.Spec{Name: "server", Path: s.bin, Args: s.args, Env: s.env,
		LogDir: filepath.Dir(s.ConfigPath), Credential: s.cred})
	if err != nil {
		return err
	}
	return s.Proc.WaitFor(90*time.Second, "serving", proc.FrontendServing(s.FrontendAddr))
}

// Metric scrapes /metrics and returns the value of the series of family name
// whose labels include all of want (e.g. {"source": "configmap"}).
func (s *Server) Metric(name string, want map[string]string) (float64, error) {
	return Scrape(s.MetricsURL, name, want)
}

// Scrape reads one series from a Prometheus text endpoint.
func Scrape(url, name string, want map[string]string) (float64, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		return 0, err
	}
	fam, ok := families[name]
	if !ok {
		return 0, fmt.Errorf("metric %s not exported by %s", name, url)
	}
next:
	for _, m := range fam.Metric {
		labels := map[string]string{}
		for _, l := range m.Label {
			labels[l.GetName()] = l.GetValue()
		}
		for k, v := range want {
			if labels[k] != v {
				continue next
			}
		}
		switch {
		case m.Gauge != nil:
			return m.Gauge.GetValue(), nil
		case m.Counter != nil:
			return m.Counter.GetValue(), nil
		case m.Untyped != nil:
			return m.Untyped.GetValue(), nil
		}
	}
	return 0, fmt.Errorf("metric %s has no series with labels %v", name, want)
}

// Logs returns the server log so far.
func (s *Server) Logs() string {
	b, _ := os.ReadFile(s.Proc.LogPath)
	return string(b)
}

// LogContains reports whether the log has a line containing all parts.
func (s *Server) LogContains(parts ...string) bool {
	for _, line := range strings.Split(s.Logs(), "\n") {
		ok := true
		for _, p := range parts {
			if !strings.Contains(line, p) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
