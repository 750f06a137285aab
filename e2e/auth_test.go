package e2e

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
	taskqueuepb "go.temporal.io/api/taskqueue/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
	"go.temporal.io/server/api/adminservice/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/dynamicpb"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/temporal-stack/stack/internal/harness/dex"
	"github.com/temporal-stack/stack/internal/harness/serverproc"
	"github.com/temporal-stack/stack/internal/toolbin"
)

const policyTemplate = `stack.auth.rolePolicy:
  - value:
      users:
        admin@example.com: ["temporal-system:admin"]
        writer@example.com: ["default:writer"]
        reader@example.com: ["default:read"]
        worker@example.com: ["default:worker"]
%s
      default: ["default:read"]
stack.auth.blockedTaskQueues:
  - value: [%s]
`

type bearerHeader string

func (b bearerHeader) GetHeaders(context.Context) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + string(b)}, nil
}

func authWorkflow(ctx workflow.Context, name string) (string, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: 10 * time.Second})
	var out string
	err := workflow.ExecuteActivity(ctx, "Greet", name).Get(ctx, &out)
	return out, err
}

func greet(_ context.Context, name string) (string, error) {
	return "hello " + name, nil
}

func waitWorkflow(ctx workflow.Context) error {
	workflow.GetSignalChannel(ctx, "go").Receive(ctx, nil)
	return nil
}

// TestAuthWithDex runs the server with auth on against a real Dex, with
// tokens from the real authorization-code + PKCE flow, the Go SDK and the
// temporal CLI.
func TestAuthWithDex(t *testing.T) {
	endToEnd(t, "builds and runs Dex and the server")
	users := []dex.User{}
	for _, u := range []string{"admin", "writer", "reader", "worker", "nobody"} {
		users = append(users, dex.User{Email: u + "@example.com", Password: u + "-password"})
	}
	d := dex.Start(t, dex.Options{Users: users})
	dcFile := filepath.Join(t.TempDir(), "dynamic_config.yaml")
	setPolicy := func(t *testing.T, extraUsers, blocked string) {
		t.Helper()
		if err := os.WriteFile(dcFile, []byte(fmt.Sprintf(policyTemplate, extraUsers, blocked)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	setPolicy(t, "", "")
	srv := serverproc.Start(t, serverproc.Options{
		DynamicConfigFile: dcFile,
		Args:              []string{"--auth-issuer", d.Issuer, "--auth-audience", dex.PublicClient},
	})
	ctx := context.Background()

	tokens := map[string]string{}
	for _, u := range users {
		tok, err := d.Login(u.Email)
		if err != nil {
			t.Fatalf("login %s: %v", u.Email, err)
		}
		tokens[strings.TrimSuffix(u.Email, "@example.com")] = tok.Access
	}
	dial := func(user string) client.Client {
		t.Helper()
		c, err := client.Dial(client.Options{HostPort: srv.FrontendAddr, Namespace: "default", HeadersProvider: bearerHeader(tokens[user])})
		if err != nil {
			t.Fatalf("dial as %s: %v", user, err)
		}
		t.Cleanup(c.Close)
		return c
	}
	denied := func(t *testing.T, err error, want string) {
		t.Helper()
		if !isDenied(err) || !strings.Contains(denyReason(err), want) {
			t.Fatalf("err = %v (reason %q), want PermissionDenied whose reason contains %q", err, denyReason(err), want)
		}
	}

	// The admin registers the namespace; a worker-only user's worker serves it.
	admin := dial("admin")
	if _, err := admin.WorkflowService().RegisterNamespace(ctx, &workflowservice.RegisterNamespaceRequest{
		Namespace: "default", WorkflowExecutionRetentionPeriod: durationpb.New(24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	writer, reader, workerC, nobody := dial("writer"), dial("reader"), dial("worker"), dial("nobody")
	w := worker.New(workerC, "auth-e2e", worker.Options{})
	w.RegisterWorkflowWithOptions(authWorkflow, workflow.RegisterOptions{Name: "Auth"})
	w.RegisterWorkflowWithOptions(waitWorkflow, workflow.RegisterOptions{Name: "Wait"})
	w.RegisterActivityWithOptions(greet, activity.RegisterOptions{Name: "Greet"})
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	defer w.Stop()

	t.Run("denies every method without a token", func(t *testing.T) {
		denyAllWithoutToken(t, srv.FrontendAddr)
	})
	t.Run("each role may do what it grants and no more", func(t *testing.T) {
		run, err := writer.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "auth-1", TaskQueue: "auth-e2e"}, "Auth", "stack")
		if err != nil {
			t.Fatalf("writer start: %v", err)
		}
		var out string
		if err := run.Get(ctx, &out); err != nil || out != "hello stack" {
			t.Fatalf("workflow polled and completed by the worker-only user: %q, %v", out, err)
		}
		waiting, err := writer.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "auth-2", TaskQueue: "auth-e2e"}, "Wait")
		if err != nil {
			t.Fatal(err)
		}
		if err := writer.SignalWorkflow(ctx, "auth-2", "", "go", nil); err != nil {
			t.Fatalf("writer signal: %v", err)
		}
		if err := waiting.Get(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := writer.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "auth-3", TaskQueue: "auth-e2e"}, "Wait"); err != nil {
			t.Fatal(err)
		}
		if err := writer.TerminateWorkflow(ctx, "auth-3", "", "test"); err != nil {
			t.Fatalf("writer terminate: %v", err)
		}
		if _, err := reader.DescribeWorkflowExecution(ctx, "auth-1", ""); err != nil {
			t.Fatalf("reader describe: %v", err)
		}
		if _, err := reader.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{Namespace: "default"}); err != nil {
			t.Fatalf("reader list: %v", err)
		}
		_, err = reader.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "r", TaskQueue: "auth-e2e"}, "Wait")
		denied(t, err, `role read on namespace "default" cannot call StartWorkflowExecution`)
		_, err = workerC.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "w", TaskQueue: "auth-e2e"}, "Wait")
		denied(t, err, `role worker on namespace "default" cannot call StartWorkflowExecution`)
		denied(t, workerC.TerminateWorkflow(ctx, "auth-1", "", "x"), "cannot call TerminateWorkflowExecution")
		if _, err := nobody.DescribeWorkflowExecution(ctx, "auth-1", ""); err != nil {
			t.Fatalf("the unlisted user lacks the default read grant: %v", err)
		}
		_, err = nobody.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "n", TaskQueue: "auth-e2e"}, "Wait")
		denied(t, err, "role read")
		_, err = writer.WorkflowService().RegisterNamespace(ctx, &workflowservice.RegisterNamespaceRequest{Namespace: "evil", WorkflowExecutionRetentionPeriod: durationpb.New(time.Hour)})
		denied(t, err, "cannot call RegisterNamespace")

		if !srv.LogContains(`"Audit."`, `"api":"StartWorkflowExecution"`, `"decision":"deny"`, `"reason-code":"insufficient_role"`, `"principal":"email:reader@example.com"`) {
			t.Fatal("no audit line for the reader's denied start")
		}
		if !srv.LogContains(`"Audit."`, `"api":"StartWorkflowExecution"`, `"decision":"allow"`, `"principal":"email:writer@example.com"`, `"workflow-id":"auth-1"`) {
			t.Fatal("no audit line for the writer's allowed start")
		}
		for _, line := range strings.Split(srv.Logs(), "\n") {
			if strings.Contains(line, `"Audit."`) && strings.Contains(line, `"decision":"allow"`) &&
				(strings.Contains(line, `"api":"DescribeWorkflowExecution"`) || strings.Contains(line, `"api":"PollActivityTaskQueue"`)) {
				t.Fatalf("a read or a poll audited under the default policy: %s", line)
			}
		}
		for _, line := range strings.Split(srv.Logs(), "\n") {
			// Upstream's stream interceptor logs its own denials (the one stream,
			// AdminService replication, called once without a token above).
			if strings.Contains(line, "Authorization error") && !strings.Contains(line, "InterceptStream") {
				t.Fatalf("a denial was logged by Temporal as an authorization error: %s", line)
			}
		}
		eventually(t, 10*time.Second, "the deny counter", func() error {
			v, err := srv.Metric("stack_authz_decisions_total", map[string]string{"decision": "deny", "reason": "insufficient_role"})
			if err == nil && v < 4 {
				err = fmt.Errorf("stack_authz_decisions_total{deny,insufficient_role} = %v, want >= 4", v)
			}
			return err
		})
	})
	t.Run("a policy edit takes effect without a restart", func(t *testing.T) {
		setPolicy(t, `        nobody@example.com: ["default:write"]`, "")
		eventually(t, 10*time.Second, "nobody may start", func() error {
			_, err := nobody.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "n-1", TaskQueue: "auth-e2e"}, "Auth", "nobody")
			return err
		})
	})
	t.Run("a blocked task queue denies polls, not starts; unblocking lets the worker poll", func(t *testing.T) {
		setPolicy(t, "", `"default/blocked"`)
		if _, err := writer.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "b-1", TaskQueue: "blocked"}, "Auth", "b"); err != nil {
			t.Fatalf("start on a blocked queue: %v", err)
		}
		poll := func() error {
			pctx, cancel := context.WithTimeout(ctx, 20*time.Second)
			defer cancel()
			_, err := workerC.WorkflowService().PollWorkflowTaskQueue(pctx, &workflowservice.PollWorkflowTaskQueueRequest{
				Namespace: "default", TaskQueue: &taskqueuepb.TaskQueue{Name: "blocked"}, Identity: "e2e"})
			return err
		}
		eventually(t, 10*time.Second, "the poll to be denied", func() error {
			if err := poll(); !isDenied(err) || !strings.Contains(denyReason(err), `task queue "blocked" in namespace "default" is blocked`) {
				return fmt.Errorf("poll: %v", err)
			}
			return nil
		})
		setPolicy(t, "", "")
		eventually(t, 10*time.Second, "the poll to be allowed", poll)
	})
	t.Run("batch operations need namespace admin", func(t *testing.T) {
		_, err := writer.WorkflowService().StartBatchOperation(ctx, &workflowservice.StartBatchOperationRequest{
			Namespace: "default", JobId: "writer-batch", Reason: "e2e", VisibilityQuery: "TaskQueue = 'nobody-polls'",
			Operation: &workflowservice.StartBatchOperationRequest_TerminationOperation{}})
		denied(t, err, `role write on namespace "default" cannot call StartBatchOperation (needs admin)`)
	})
	t.Run("system workflows (schedules, batch operations) work with auth on", func(t *testing.T) {
		systemWorkflows(t, writer, admin)
	})
	t.Run("every history event records the principal that caused it", func(t *testing.T) {
		attribution(t, map[string]client.Client{"writer": writer, "admin": admin})
	})
	t.Run("1000 token-less calls leave a bounded log and are counted as unauthorized", func(t *testing.T) {
		denialFlood(t, srv)
	})
	t.Run("the temporal CLI works with a token", func(t *testing.T) {
		temporalCLI(t, srv.FrontendAddr, tokens["reader"])
		if !srv.LogContains(`"Audit."`, `"api":"ListWorkflowExecutions"`, `"reason-code":"invalid_token"`, `"reason":"invalid token: malformed`) {
			t.Fatal("no audit line with the reason for the CLI's bad token")
		}
	})
	t.Run("one metrics surface passes promtool", func(t *testing.T) {
		checkMetrics(t, srv.MetricsURL)
	})
	t.Run("attack tokens are denied and the server stays up", func(t *testing.T) {
		attacks(t, d, srv.FrontendAddr, tokens["admin"])
	})
	t.Run("a Dex restart with new signing keys is followed", func(t *testing.T) {
		old := tokens["admin"]
		d.Restart()
		fresh, err := d.Login("admin@example.com")
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		eventually(t, 15*time.Second, "a token of the new key to be accepted", func() error {
			return describeAs(srv.FrontendAddr, fresh.Access)
		})
		t.Logf("new key accepted %s after the first try", time.Since(start).Round(time.Millisecond))
		if err := describeAs(srv.FrontendAddr, old); !isDenied(err) || !strings.Contains(denyReason(err), "unknown signing key") {
			t.Fatalf("a token of the old key: %v", err)
		}
		if srv.LogContains(old[len(old)-30:]) || srv.LogContains(fresh.Access[len(fresh.Access)-30:]) {
			t.Fatal("a token appears in the server log")
		}
	})
}

// denyAllWithoutToken calls every method of the WorkflowService,
// OperatorService and AdminService with no credentials.
func denyAllWithoutToken(t *testing.T, addr string) {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, sd := range []protoreflect.ServiceDescriptor{
		workflowservice.File_temporal_api_workflowservice_v1_service_proto.Services().Get(0),
		operatorservice.File_temporal_api_operatorservice_v1_service_proto.Services().Get(0),
		adminservice.File_temporal_server_api_adminservice_v1_service_proto.Services().Get(0),
	} {
		total, deniedN := 0, 0
		for i := 0; i < sd.Methods().Len(); i++ {
			md := sd.Methods().Get(i)
			full := "/" + string(sd.FullName()) + "/" + string(md.Name())
			if full == "/temporal.api.workflowservice.v1.WorkflowService/GetSystemInfo" {
				continue // a health-check API: always allowed, by design (SDKs call it before anything else)
			}
			total++
			req := dynamicpb.NewMessage(md.Input())
			if f := md.Input().Fields().ByName("namespace"); f != nil && f.Kind() == protoreflect.StringKind {
				req.Set(f, protoreflect.ValueOfString("default"))
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			var err error
			if md.IsStreamingClient() || md.IsStreamingServer() {
				var s grpc.ClientStream
				s, err = conn.NewStream(ctx, &grpc.StreamDesc{ClientStreams: md.IsStreamingClient(), ServerStreams: md.IsStreamingServer()}, full)
				if err == nil {
					_ = s.SendMsg(req)
					err = s.RecvMsg(dynamicpb.NewMessage(md.Output()))
				}
			} else {
				err = conn.Invoke(ctx, full, req, dynamicpb.NewMessage(md.Output()))
			}
			cancel()
			// Temporal's stream interceptor answers a denial with code Unknown and no reason.
			streamDenied := (md.IsStreamingClient() || md.IsStreamingServer()) && strings.Contains(fmt.Sprint(err), "Request unauthorized")
			if status.Code(err) == codes.PermissionDenied || streamDenied {
				deniedN++
			} else {
				t.Errorf("%s without a token: %v", full, err)
			}
		}
		t.Logf("%s: %d of %d methods denied without a token", sd.Name(), deniedN, total)
	}
}

func systemWorkflows(t *testing.T, c, admin client.Client) {
	ctx := context.Background()
	h, err := c.ScheduleClient().Create(ctx, client.ScheduleOptions{
		ID:     "auth-schedule",
		Spec:   client.ScheduleSpec{Intervals: []client.ScheduleIntervalSpec{{Every: time.Second}}},
		Action: &client.ScheduleWorkflowAction{ID: "scheduled", Workflow: "Auth", Args: []any{"schedule"}, TaskQueue: "auth-e2e"},
	})
	if err != nil {
		t.Fatalf("create schedule: %v", err)
	}
	eventually(t, 30*time.Second, "the schedule to start a workflow", func() error {
		d, err := h.Describe(ctx)
		if err != nil {
			return err
		}
		if len(d.Info.RecentActions) == 0 {
			return errors.New("no action yet")
		}
		return nil
	})
	if err := h.Delete(ctx); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: fmt.Sprintf("batch-%d", i), TaskQueue: "nobody-polls"}, "Wait"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := admin.WorkflowService().StartBatchOperation(ctx, &workflowservice.StartBatchOperationRequest{
		Namespace: "default", JobId: "auth-batch", Reason: "e2e", VisibilityQuery: "TaskQueue = 'nobody-polls'",
		Operation: &workflowservice.StartBatchOperationRequest_TerminationOperation{},
	}); err != nil {
		t.Fatalf("start batch: %v", err)
	}
	eventually(t, 60*time.Second, "the batch to terminate 3 workflows", func() error {
		d, err := c.WorkflowService().DescribeBatchOperation(ctx, &workflowservice.DescribeBatchOperationRequest{Namespace: "default", JobId: "auth-batch"})
		if err != nil {
			return err
		}
		if d.CompleteOperationCount != 3 {
			return fmt.Errorf("batch %s, %d completed", d.State, d.CompleteOperationCount)
		}
		return nil
	})
}

func temporalCLI(t *testing.T, addr, readerToken string) {
	bin, err := toolbin.Path(toolbin.TemporalCLI)
	if err != nil {
		t.Fatal(err)
	}
	run := func(token string) (string, error) {
		cmd := exec.Command(bin, "workflow", "list", "--address", addr, "--namespace", "default", "--tls=false", "--api-key", token)
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := run(readerToken)
	if err != nil || !strings.Contains(out, "auth-1") {
		t.Fatalf("temporal workflow list as reader: %v\n%s", err, out)
	}
	// The pinned CLI prints the message ("Request unauthorized."), not the
	// reason the PermissionDenied details carry; the audit line has it.
	out, err = run("not-a-token")
	if err == nil || !strings.Contains(out, "Request unauthorized") {
		t.Fatalf("temporal CLI with a bad token: %v\n%s", err, out)
	}
	t.Logf("the CLI with a bad token prints: %s", strings.TrimSpace(out))
}

// attacks sends forged tokens to the real server.
func attacks(t *testing.T, d *dex.Dex, addr, good string) {
	resp, err := http.Get(d.Issuer + "/keys")
	if err != nil {
		t.Fatal(err)
	}
	var set jose.JSONWebKeySet
	err = json.NewDecoder(resp.Body).Decode(&set)
	resp.Body.Close()
	if err != nil || len(set.Keys) == 0 {
		t.Fatalf("Dex JWKS: %v", err)
	}
	kid := set.Keys[0].KeyID
	der, _ := x509.MarshalPKIXPublicKey(set.Keys[0].Key)
	pubPEM := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
	b64 := base64.RawURLEncoding.EncodeToString
	parts := strings.Split(good, ".")
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var claims map[string]any
	_ = json.Unmarshal(payload, &claims)
	claims["email"] = "admin@example.com"
	body, _ := json.Marshal(claims)
	hsInput := b64([]byte(`{"alg":"HS256","kid":"`+kid+`"}`)) + "." + b64(body)
	mac := hmac.New(sha256.New, pubPEM)
	mac.Write([]byte(hsInput))
	other, _ := rsa.GenerateKey(rand.Reader, 2048)
	sign := func(key any, kid string, mod func(map[string]any)) string {
		c := map[string]any{}
		for k, v := range claims {
			c[k] = v
		}
		mod(c)
		s, _ := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: key}, (&jose.SignerOptions{}).WithHeader("kid", kid))
		tok, _ := jwt.Signed(s).Claims(c).Serialize()
		return tok
	}
	tampered := map[string]any{}
	for k, v := range claims {
		tampered[k] = v
	}
	tampered["exp"] = time.Now().Add(24 * time.Hour).Unix()
	tb, _ := json.Marshal(tampered)
	cases := map[string]string{
		"alg none":                 b64([]byte(`{"alg":"none","kid":"`+kid+`"}`)) + "." + b64(body) + ".",
		"HS256 with Dex's RSA key": hsInput + "." + b64(mac.Sum(nil)),
		"tampered payload":         parts[0] + "." + b64(tb) + "." + parts[2],
		"another key, Dex's kid":   sign(other, kid, func(map[string]any) {}),
		"unknown kid":              sign(other, "not-a-dex-kid", func(map[string]any) {}),
		"expired (another key)":    sign(other, kid, func(c map[string]any) { c["exp"] = time.Now().Add(-time.Hour).Unix() }),
		"1 MB":                     strings.Repeat("A", 1<<20),
		"garbage":                  "garbage",
	}
	for name, tok := range cases {
		err := describeAs(addr, tok)
		if !isDenied(err) {
			t.Errorf("%s: %v, want denied", name, err)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
	if err := describeAs(addr, good); err != nil {
		t.Fatalf("the server is not serving a good token after the attacks: %v", err)
	}
}

// attribution: two users start, signal and terminate workflows; each event's
// principal names the user whose call caused it.
func attribution(t *testing.T, users map[string]client.Client) {
	ctx := context.Background()
	type step struct{ starter, signaler, terminator string }
	for i, st := range []step{{"writer", "admin", "writer"}, {"admin", "writer", "admin"}} {
		id := fmt.Sprintf("attribution-%d", i)
		if _, err := users[st.starter].ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: id, TaskQueue: "attribution-nobody-polls"}, "Wait"); err != nil {
			t.Fatal(err)
		}
		if err := users[st.signaler].SignalWorkflow(ctx, id, "", "go", nil); err != nil {
			t.Fatal(err)
		}
		if err := users[st.terminator].TerminateWorkflow(ctx, id, "", "e2e"); err != nil {
			t.Fatal(err)
		}
		want := map[enumspb.EventType]string{
			enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:    st.starter,
			enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:   st.signaler,
			enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED: st.terminator,
		}
		it := users["admin"].GetWorkflowHistory(ctx, id, "", false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
		seen := 0
		for it.HasNext() {
			ev, err := it.Next()
			if err != nil {
				t.Fatal(err)
			}
			user, ok := want[ev.EventType]
			if !ok {
				continue
			}
			seen++
			if p := ev.GetPrincipal(); p.GetType() != "email" || p.GetName() != user+"@example.com" {
				t.Errorf("%s event %s: principal %v, want email %s@example.com", id, ev.EventType, p, user)
			}
		}
		if seen != len(want) {
			t.Errorf("%s: %d of the %d events found", id, seen, len(want))
		}
	}
}

// denialFlood sends 1000 token-less calls and measures the server log they
// cause; Temporal counts them in service_errors_unauthorized.
func denialFlood(t *testing.T, srv *serverproc.Server) {
	conn, err := grpc.NewClient(srv.FrontendAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	wf := workflowservice.NewWorkflowServiceClient(conn)
	unauthorized := func() float64 {
		v, _ := srv.Metric("service_errors_unauthorized", map[string]string{"namespace": "default"})
		return v
	}
	before, countBefore := len(srv.Logs()), unauthorized()
	const calls = 1000
	for i := range calls {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, err := wf.StartWorkflowExecution(ctx, &workflowservice.StartWorkflowExecutionRequest{Namespace: "default",
			WorkflowId: fmt.Sprintf("flood-%d-%s", i, strings.Repeat("x", 300)), RequestId: fmt.Sprint(i)})
		cancel()
		if !strings.Contains(denyReason(err), "no credentials") {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	var grew int
	eventually(t, 10*time.Second, "the counter", func() error {
		grew = len(srv.Logs()) - before
		if n := unauthorized() - countBefore; n < calls {
			return fmt.Errorf("service_errors_unauthorized grew by %v, want %d", n, calls)
		}
		return nil
	})
	t.Logf("server log: %d bytes for %d denied calls (%.0f bytes per denial)", grew, calls, float64(grew)/calls)
	if grew > 300_000 {
		t.Fatalf("%d denied calls wrote %d bytes of server log, more than 300 KB", calls, grew)
	}
	if strings.Contains(srv.Logs()[before:], "Authorization error") || strings.Contains(srv.Logs()[before:], "stacktrace") {
		t.Fatal("denials logged as errors with stack traces")
	}
}
