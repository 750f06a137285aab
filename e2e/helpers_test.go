// Helpers the end-to-end tests share, in one place: skipping under -short,
// waiting, auth checks, workers and logins, the browser, node and image
// helpers.
package e2e

import (
	"archive/tar"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/temporal-stack/stack/dexlogin/workerauth"
	"github.com/temporal-stack/stack/internal/datadir"
	"github.com/temporal-stack/stack/internal/harness/dex"
	"github.com/temporal-stack/stack/internal/harness/node"
	"github.com/temporal-stack/stack/internal/harness/nodeimages"
	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/internal/toolbin"
)

// localStack is one "stack up" under test, with every port on loopback
// chosen from one random base.
type localStack struct {
	t                   *testing.T
	bin, dataDir        string
	base                int
	Frontend, Issuer    string
	UI, Prometheus, Pol string
}

func newLocalStack(t *testing.T) *localStack {
	t.Helper()
	bin, err := toolbin.Own("./tools/stack")
	if err != nil {
		t.Fatal(err)
	}
	base := 11000 + rand.IntN(18000)
	return &localStack{t: t, bin: bin, dataDir: t.TempDir(), base: base,
		Frontend: fmt.Sprintf("127.0.0.1:%d", base), Issuer: fmt.Sprintf("http://127.0.0.1:%d/dex", base+41),
		UI: fmt.Sprintf("http://127.0.0.1:%d", base+42), Pol: fmt.Sprintf("http://127.0.0.1:%d", base+43),
		Prometheus: fmt.Sprintf("http://127.0.0.1:%d", base+44)}
}

// flags are the data dir and every port of this stack.
func (s *localStack) flags(extra ...string) []string {
	return append([]string{"--data-dir", s.dataDir}, s.portFlags(extra...)...)
}

// portFlags are every port of this stack.
func (s *localStack) portFlags(extra ...string) []string {
	b := s.base
	return append([]string{"--ports-from", fmt.Sprint(b), "--metrics-port", fmt.Sprint(b + 50),
		"--dex-port", fmt.Sprint(b + 41), "--ui-port", fmt.Sprint(b + 42), "--poller-port", fmt.Sprint(b + 43),
		"--prometheus-port", fmt.Sprint(b + 44), "--minio-port", fmt.Sprint(b + 45)}, extra...)
}

// run runs a stack command to completion: its combined output and exit code.
func (s *localStack) run(args ...string) (string, int) {
	s.t.Helper()
	root, _ := toolbin.Root()
	// No command may hang the suite: up --detach of a fresh stack takes seconds.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.bin, args...)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		s.t.Fatalf("stack %v did not finish within 10 min:\n%s", args, out)
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return string(out), ee.ExitCode()
	}
	if err != nil {
		s.t.Fatal(err)
	}
	return string(out), 0
}

// upDetached runs "up --detach", which returns once the stack is up.
func (s *localStack) upDetached(extra ...string) string {
	s.t.Helper()
	s.t.Cleanup(func() { s.run("down", "--data-dir", s.dataDir) })
	out, code := s.run(append([]string{"up", "--detach"}, s.flags(extra...)...)...)
	if code != 0 || !strings.Contains(out, datadir.BannerTitle) {
		s.t.Fatalf("up --detach: exit %d\n%s", code, out)
	}
	return out
}

// upForeground runs "up" as a child and waits for its ready banner.
func (s *localStack) upForeground(extra ...string) *proc.Process {
	s.t.Helper()
	return s.upWith(s.flags(extra...))
}

// upWith runs "up" with exactly args as a child and waits for its ready banner.
func (s *localStack) upWith(args []string) *proc.Process {
	s.t.Helper()
	root, _ := toolbin.Root()
	p, err := proc.Start(proc.Spec{Name: "stack-up", Path: s.bin, LogDir: s.t.TempDir(), Dir: root, Args: append([]string{"up"}, args...)})
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() { p.Stop(60 * time.Second) })
	if err := p.WaitFor(5*time.Minute, "up", func(context.Context) error {
		if b, _ := os.ReadFile(p.LogPath); strings.Contains(string(b), datadir.BannerEnd) {
			return nil
		}
		return errors.New("no ready banner yet")
	}); err != nil {
		s.t.Fatal(err)
	}
	return p
}

// secrets are the stack's generated credentials (the secrets file must be
// mode 0600).
func (s *localStack) secrets() datadir.Secrets {
	s.t.Helper()
	d := datadir.Dir(s.dataDir)
	if st, err := os.Stat(d.SecretsFile()); err != nil || st.Mode().Perm() != 0o600 {
		s.t.Fatalf("secrets file: %v %v", st, err)
	}
	sec, err := d.ReadSecrets()
	if err != nil {
		s.t.Fatal(err)
	}
	return sec
}

// admin is an SDK client signed in as the generated admin (password grant).
func (s *localStack) admin() client.Client {
	s.t.Helper()
	sec := s.secrets()
	hp, err := workerauth.PasswordGrant(context.Background(), workerauth.Config{Issuer: s.Issuer, ClientID: datadir.WorkerClient,
		ClientSecret: sec.WorkerClientSecret, Username: datadir.AdminEmail, Password: sec.AdminPassword})
	if err != nil {
		s.t.Fatal(err)
	}
	c, err := client.Dial(client.Options{HostPort: s.Frontend, Namespace: "default", HeadersProvider: hp})
	if err != nil {
		s.t.Fatal(err)
	}
	return c
}

// dexloginToken runs the real dexlogin PKCE flow against the stack's Dex,
// playing the browser, and returns the access token it prints.
func (s *localStack) dexloginToken() string {
	s.t.Helper()
	return dexloginAt(s.t, s.Issuer, "admin@example.com", s.secrets().AdminPassword)
}

// endToEnd skips tb under -short (stack test --short, bazel test //...):
// what it needs is built and run by the whole suite only.
func endToEnd(tb testing.TB, needs string) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("end-to-end: " + needs)
	}
}

// isDenied accepts a denial as a gRPC status or as the SDK's serviceerror.
func isDenied(err error) bool {
	var pd *serviceerror.PermissionDenied
	return status.Code(err) == codes.PermissionDenied || errors.As(err, &pd)
}

// denyReason is the reason a PermissionDenied carries in its details (the
// message is Temporal's "Request unauthorized."), from the SDK's serviceerror
// or a raw gRPC status.
func denyReason(err error) string {
	var pd *serviceerror.PermissionDenied
	if errors.As(err, &pd) {
		return pd.Reason
	}
	if st, ok := status.FromError(err); ok && err != nil {
		if errors.As(serviceerror.FromStatus(st), &pd) {
			return pd.Reason
		}
	}
	return ""
}

func eventually(t *testing.T, timeout time.Duration, what string, f func() error) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		err := f()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: %v", what, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func describeAs(addr, token string) error {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+token), 5*time.Second)
	defer cancel()
	_, err = workflowservice.NewWorkflowServiceClient(conn).DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: "default"})
	return err
}

// browserLogin signs in to the Web UI at uiURL through Dex with a real
// headless Chromium (e2e/browser/login.mjs) and waits for workflowID in the
// namespace's list. The screenshot is kept in e2e/artifacts; its path is
// returned.
func browserLogin(t *testing.T, uiURL, user, password, namespace, workflowID string) string {
	t.Helper()
	return browserLoginCodec(t, uiURL, user, password, namespace, workflowID, "")
}

// browserLoginCodec is browserLogin that then opens the workflow and waits
// for the UI to call the codec server at codecEndpoint ("" = do not); the
// browser accepts any certificate (the test's codec server has its own).
func browserLoginCodec(t *testing.T, uiURL, user, password, namespace, workflowID, codecEndpoint string) string {
	t.Helper()
	if _, err := exec.LookPath("chromium"); err != nil {
		t.Fatal("chromium not found: apt-get install -y --no-install-recommends chromium (the UI login test drives a real browser)")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node not found: the UI login test runs playwright-core on Node.js")
	}
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "e2e", "browser")
	var npmErr error
	npmOnce.Do(func() {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", "playwright-core")); err == nil {
			return
		}
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			npmErr = fmt.Errorf("npm ci in %s: %v\n%s", dir, err, out)
		}
	})
	if npmErr != nil {
		t.Fatal(npmErr)
	}
	artifacts := filepath.Join(root, "e2e", "artifacts")
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(artifacts, fmt.Sprintf("%s-%s.png", strings.ReplaceAll(t.Name(), "/", "_"), time.Now().Format("150405")))
	cmd := exec.Command("node", "login.mjs")
	cmd.Dir = dir
	// The password goes through the environment, never the command line.
	cmd.Env = append(os.Environ(), "UI_URL="+uiURL, "UI_USER="+user, "UI_PASSWORD="+password,
		"UI_NAMESPACE="+namespace, "UI_WORKFLOW_ID="+workflowID, "UI_SCREENSHOT="+shot, "UI_CODEC_ENDPOINT="+codecEndpoint, "UI_IGNORE_HTTPS_ERRORS=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("browser login to %s: %v\n%s\n(screenshot: %s)", uiURL, err, out, strings.TrimSuffix(shot, ".png")+"-failure.png")
	}
	if st, err := os.Stat(shot); err != nil || st.Size() == 0 {
		t.Fatalf("no screenshot at %s: %v\n%s", shot, err, out)
	}
	t.Logf("browser: %s", strings.TrimSpace(string(out)))
	return shot
}

// hostStates reads every stack_poller_history_host_state series.
func hostStates(t *testing.T, url string) map[string]float64 {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	if f, ok := fams["stack_poller_history_host_state"]; ok {
		for _, m := range f.Metric {
			out[m.Label[0].GetValue()] = m.Gauge.GetValue()
		}
	}
	return out
}

// startLogin runs "dexlogin --no-browser" and returns once it printed the
// authorization URL, with its stdout and stderr buffers.
func startLogin(t *testing.T, listen string, args ...string) (*loginProc, *bytes.Buffer, *bytes.Buffer, string) {
	t.Helper()
	bin, err := toolbin.Own("./dexlogin")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, append([]string{"--no-browser", "--listen", listen}, args...)...)
	var stdout, stderr bytes.Buffer
	pr, pw := io.Pipe()
	cmd.Stdout = &stdout
	cmd.Stderr = io.MultiWriter(&stderr, pw)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The scan below ends when the child exits (the pipe is closed then), or
	// when the watchdog kills a child that printed no URL within a minute.
	l := &loginProc{cmd: cmd, done: make(chan error, 1)}
	go func() {
		err := cmd.Wait()
		pw.Close()
		l.done <- err
	}()
	watchdog := time.AfterFunc(time.Minute, func() { _ = cmd.Process.Kill() })
	sc := bufio.NewScanner(pr)
	authURL := ""
	for authURL == "" && sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); strings.Contains(line, "/auth?") {
			authURL = line
		}
	}
	watchdog.Stop()
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	if authURL == "" {
		t.Fatalf("dexlogin printed no URL (%v):\n%s", l.Wait(), stderr.String())
	}
	return l, &stdout, &stderr, authURL
}

// tarDir writes the files under dir into a tar archive at out, with paths
// relative to dir (an OCI layout archive, as ctr images import takes).
// stackImages runs "stack images --out DIR" as a user would, from the
// repository root with env added, and returns the OCI layout's directory
// and what the command printed.
func stackImages(ctx context.Context, t *testing.T, env []string, args ...string) (string, string) {
	t.Helper()
	stack, err := toolbin.Own("./tools/stack")
	if err != nil {
		t.Fatal(err)
	}
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "layout")
	cmd := exec.CommandContext(ctx, stack, append([]string{"images", "--out", dir}, args...)...)
	cmd.Dir, cmd.Env = root, append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("stack images: %v\n%s", err, out)
	}
	return dir, string(out)
}

func tarDir(dir, out string) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close()
	tw := tar.NewWriter(f)
	if err := tw.AddFS(os.DirFS(dir)); err != nil {
		return err
	}
	return tw.Close()
}

// importNodeImages builds our images ("stack images") and the third-party
// ones (nodeimages), imports both into the node and returns our images'
// references by name ("server", "poller", "dexlogin").
func importNodeImages(ctx context.Context, t *testing.T, n *node.Node) map[string]string {
	t.Helper()
	layoutDir, _ := stackImages(ctx, t, nil, "--no-load")
	archive := filepath.Join(t.TempDir(), "images.tar")
	if err := tarDir(layoutDir, archive); err != nil {
		t.Fatal(err)
	}
	refs, err := n.ImportImages(ctx, archive)
	if err != nil {
		t.Fatal(err)
	}
	image := map[string]string{}
	for _, ref := range refs {
		if rest, ok := strings.CutPrefix(ref, "docker.io/temporal-stack/"); ok {
			image[rest[:strings.IndexByte(rest, ':')]] = ref
		}
	}
	if image["server"] == "" || image["poller"] == "" {
		t.Fatalf("containerd has %s", refs)
	}
	third := filepath.Join(t.TempDir(), "third-party.tar")
	built, err := nodeimages.Build(ctx, third)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := n.ImportImages(ctx, third); err != nil {
		t.Fatal(err)
	}
	for _, b := range built {
		t.Logf("built %s (%s)", b.Ref, b.Digest)
	}
	return image
}

func podReady(p *corev1.Pod) bool {
	for _, c := range p.Status.Conditions {
		if c.Type == corev1.PodReady && c.Status == corev1.ConditionTrue {
			return true
		}
	}
	return false
}

// podReport describes every pod of ns: phase, container states, recent
// events and the last log lines, for a failure message.
func podReport(ctx context.Context, n *node.Node, ns string) string {
	var b strings.Builder
	pods, _ := n.Client.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{})
	for _, p := range pods.Items {
		fmt.Fprintf(&b, "pod %s: %s\n", p.Name, p.Status.Phase)
		for _, cs := range p.Status.ContainerStatuses {
			fmt.Fprintf(&b, "  %s ready=%v restarts=%d state=%+v last=%+v\n", cs.Name, cs.Ready, cs.RestartCount, cs.State, cs.LastTerminationState)
		}
		logs, _ := n.Client.CoreV1().Pods(ns).GetLogs(p.Name, &corev1.PodLogOptions{}).DoRaw(ctx)
		fmt.Fprintf(&b, "  log:\n%s\n", lastLines(string(logs), 15))
	}
	evs, _ := n.Client.CoreV1().Events(ns).List(ctx, metav1.ListOptions{})
	for _, e := range evs.Items {
		fmt.Fprintf(&b, "event %s %s: %s\n", e.InvolvedObject.Name, e.Reason, e.Message)
	}
	return b.String()
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// psqlOnNode runs one query as user temporal (password given) against
// host/db from a Job of the PostgreSQL stand-in image, and returns what psql
// printed (tuples only, unaligned, trimmed).
func psqlOnNode(ctx context.Context, t *testing.T, n *node.Node, ns, job, host, db, password, query string) string {
	t.Helper()
	one, uid, no, yes := int32(1), int64(999), false, true
	spec := &batchv1.Job{ObjectMeta: metav1.ObjectMeta{Name: job}, Spec: batchv1.JobSpec{BackoffLimit: &one,
		Template: corev1.PodTemplateSpec{Spec: corev1.PodSpec{RestartPolicy: corev1.RestartPolicyNever, AutomountServiceAccountToken: &no,
			Containers: []corev1.Container{{Name: "psql", Image: nodeimages.PostgresStandIn, ImagePullPolicy: corev1.PullNever,
				SecurityContext: &corev1.SecurityContext{RunAsUser: &uid, RunAsGroup: &uid, RunAsNonRoot: &yes, ReadOnlyRootFilesystem: &yes,
					AllowPrivilegeEscalation: &no, Capabilities: &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}}},
				Command: []string{"psql", "--host", host, "--username", "temporal", "--dbname", db,
					"--no-psqlrc", "--tuples-only", "--no-align", "--command", query},
				Env: []corev1.EnvVar{{Name: "PGPASSWORD", Value: password}, {Name: "PGSSLMODE", Value: "disable"}}}}}}}}
	if _, err := n.Client.BatchV1().Jobs(ns).Create(ctx, spec, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	waitJob(ctx, t, n, ns, job)
	pods, err := n.Client.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: "batch.kubernetes.io/job-name=" + job})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pods.Items {
		if p.Status.Phase == corev1.PodSucceeded {
			out, err := n.Client.CoreV1().Pods(ns).GetLogs(p.Name, &corev1.PodLogOptions{}).DoRaw(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return strings.TrimSpace(string(out))
		}
	}
	t.Fatalf("Job %s has no succeeded pod", job)
	return ""
}

// dexloginAt runs the real dexlogin CLI against issuer, playing the browser
// with email's password, and returns the access token it prints.
func dexloginAt(t *testing.T, issuer, email, password string) string {
	t.Helper()
	l, stdout, stderr, authURL := startLogin(t, "127.0.0.1:7788", "--issuer", issuer, "--cache-dir", t.TempDir())
	resp, err := dex.Authorize(authURL, email, password, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if err := l.Wait(); err != nil {
		t.Fatalf("dexlogin: %v\n%s", err, stderr)
	}
	return strings.TrimSpace(stdout.String())
}

// greetingWorker runs a worker of the Greeting workflow and its activity on
// task queue "greetings" at addr, holding token, until the returned stop.
func greetingWorker(t *testing.T, addr, token string) (stop func()) {
	t.Helper()
	c, err := client.Dial(client.Options{HostPort: addr, Namespace: "default", HeadersProvider: bearerHeader(token)})
	if err != nil {
		t.Fatal(err)
	}
	w := worker.New(c, "greetings", worker.Options{})
	w.RegisterWorkflowWithOptions(authWorkflow, workflow.RegisterOptions{Name: "Greeting"})
	w.RegisterActivityWithOptions(greet, activity.RegisterOptions{Name: "Greet"})
	if err := w.Start(); err != nil {
		c.Close()
		t.Fatal(err)
	}
	return func() { w.Stop(); c.Close() }
}

// checkMetrics runs Debian's promtool over a real /metrics scrape: every
// metric of ours must pass its lint; Temporal's own findings are only counted.
func checkMetrics(t *testing.T, url string) {
	t.Helper()
	promtool, err := exec.LookPath("promtool")
	if err != nil {
		t.Fatal("promtool not found: apt-get install prometheus (.ci/run installs it)")
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	ours := 0
	for _, line := range strings.Split(string(body), "\n") {
		for _, p := range ourMetricPrefixes {
			if strings.HasPrefix(line, "# TYPE "+p) {
				ours++
			}
		}
	}
	if ours < 3 {
		t.Fatalf("only %d of our metric families in the scrape", ours)
	}
	cmd := exec.Command(promtool, "check", "metrics")
	cmd.Stdin = bytes.NewReader(body)
	out, _ := cmd.CombinedOutput() // exits 1 on any finding, Temporal's included
	upstream := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if line == "" {
			continue
		}
		mine := false
		for _, p := range ourMetricPrefixes {
			mine = mine || strings.HasPrefix(line, p)
		}
		if mine {
			t.Errorf("promtool check metrics: %s", line)
		} else {
			upstream++
		}
	}
	t.Logf("promtool: our %d metric families pass; %d findings on Temporal's own metrics", ours, upstream)
}

// runServer runs the built server binary and returns its output and exit code.
func runServer(t *testing.T, env []string, args ...string) (string, int) {
	t.Helper()
	bin, err := toolbin.Own("./server")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return string(out), ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return string(out), 0
}

// firstWorkflow dials addr until the frontend answers, then runs one
// workflow with a worker to completion.
func firstWorkflow(ctx context.Context, addr string, hp interface {
	GetHeaders(context.Context) (map[string]string, error)
}) error {
	var c client.Client
	for {
		var err error
		c, err = client.DialContext(ctx, client.Options{HostPort: addr, Namespace: "default", HeadersProvider: hp})
		if err == nil {
			break
		}
		if ctx.Err() != nil {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
	defer c.Close()
	w := worker.New(c, "bench", worker.Options{})
	w.RegisterWorkflowWithOptions(authWorkflow, workflow.RegisterOptions{Name: "Greeting"})
	w.RegisterActivityWithOptions(greet, activity.RegisterOptions{Name: "Greet"})
	if err := w.Start(); err != nil {
		return err
	}
	defer w.Stop()
	for {
		run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{TaskQueue: "bench"}, "Greeting", "bench")
		if err == nil {
			var out string
			return run.Get(ctx, &out)
		}
		if ctx.Err() != nil {
			return err
		}
		time.Sleep(50 * time.Millisecond) // the namespace may not exist yet
	}
}

// runGreeting starts authWorkflow on queue "greetings" and runs a worker
// (holding token) until it completes.
func runGreeting(t *testing.T, addr, token, id string) {
	t.Helper()
	stop := greetingWorker(t, addr, token)
	defer stop()
	c, err := client.Dial(client.Options{HostPort: addr, Namespace: "default", HeadersProvider: bearerHeader(token)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: id, TaskQueue: "greetings"}, "Greeting", "stack")
	if err != nil {
		t.Fatal(err)
	}
	var out string
	if err := run.Get(ctx, &out); err != nil || out != "hello stack" {
		t.Fatalf("workflow %s: %q, %v", id, out, err)
	}
}

// promQuery returns the first value of an instant query against Prometheus.
func promQuery(base, q string) (string, error) {
	resp, err := http.Get(base + "/api/v1/query?query=" + url.QueryEscape(q))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var r struct {
		Data struct {
			Result []struct {
				Value []any `json:"value"`
			} `json:"result"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return "", err
	}
	if len(r.Data.Result) == 0 {
		return "", fmt.Errorf("%s: no series", q)
	}
	return fmt.Sprint(r.Data.Result[0].Value[1]), nil
}

var npmOnce sync.Once
