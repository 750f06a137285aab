package payloadscan

import (
	"bytes"
	"context"
	"testing"

	commandpb "go.temporal.io/api/command/v1"
	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	protocolpb "go.temporal.io/api/protocol/v1"
	updatepb "go.temporal.io/api/update/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/metrics/metricstest"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
)

func payload(encoding, data string) *commonpb.Payload {
	return &commonpb.Payload{Metadata: map[string][]byte{"encoding": []byte(encoding)}, Data: []byte(data)}
}

func payloads(ps ...*commonpb.Payload) *commonpb.Payloads { return &commonpb.Payloads{Payloads: ps} }

// startRequest has 3 plaintext payloads (2 inputs, 1 memo field) plus ones
// that must not count: an encrypted input, a nil, a header, a search attribute.
func startRequest() *workflowservice.StartWorkflowExecutionRequest {
	return &workflowservice.StartWorkflowExecutionRequest{
		Namespace: "default", WorkflowId: "wf", RequestId: "r",
		Input: payloads(payload("json/plain", `"hello"`), payload("binary/plain", "raw"),
			payload("binary/encrypted", "\x00\x01"), payload("binary/null", "")),
		Header:           &commonpb.Header{Fields: map[string]*commonpb.Payload{"tracer": payload("json/plain", `{}`)}},
		Memo:             &commonpb.Memo{Fields: map[string]*commonpb.Payload{"note": payload("json/plain", `"secret"`)}},
		SearchAttributes: &commonpb.SearchAttributes{IndexedFields: map[string]*commonpb.Payload{"CustomKeywordField": payload("json/plain", `"x"`)}},
	}
}

// taskCompleted is a workflow task completion with n activity schedules, a
// completion result and an update response inside a protocol message Any:
// 2n+2 plaintext payloads.
func taskCompleted(tb testing.TB, n int) *workflowservice.RespondWorkflowTaskCompletedRequest {
	resp := &updatepb.Response{Meta: &updatepb.Meta{UpdateId: "u"}, Outcome: &updatepb.Outcome{
		Value: &updatepb.Outcome_Success{Success: payloads(payload("json/plain", `1`))}}}
	body, err := anypb.New(resp)
	if err != nil {
		tb.Fatal(err)
	}
	req := &workflowservice.RespondWorkflowTaskCompletedRequest{Namespace: "default", TaskToken: []byte("t"),
		Messages: []*protocolpb.Message{{Id: "m", ProtocolInstanceId: "u", Body: body}}}
	for i := 0; i < n; i++ {
		req.Commands = append(req.Commands, &commandpb.Command{CommandType: enumspb.COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK,
			Attributes: &commandpb.Command_ScheduleActivityTaskCommandAttributes{ScheduleActivityTaskCommandAttributes: &commandpb.ScheduleActivityTaskCommandAttributes{
				ActivityId: "a", Input: payloads(payload("json/plain", `{"order":42}`), payload("json/protobuf", `{}`)),
				Header: &commonpb.Header{Fields: map[string]*commonpb.Payload{"h": payload("json/plain", "{}")}}}}})
	}
	req.Commands = append(req.Commands, &commandpb.Command{CommandType: enumspb.COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION,
		Attributes: &commandpb.Command_CompleteWorkflowExecutionCommandAttributes{CompleteWorkflowExecutionCommandAttributes: &commandpb.CompleteWorkflowExecutionCommandAttributes{
			Result: payloads(payload("json/plain", `"done"`))}}})
	return req
}

func TestCountSkipsHeadersSearchAttributesNullAndEncrypted(t *testing.T) {
	d := New(nil, log.NewNoopLogger(), nil, "plaintext_payload_detected_total")
	if n := d.Count(context.Background(), startRequest()); n != 3 {
		t.Fatalf("StartWorkflowExecution: %d plaintext payloads, want 3", n)
	}
	if n := d.Count(context.Background(), taskCompleted(t, 5)); n != 12 {
		t.Fatalf("RespondWorkflowTaskCompleted: %d, want 12 (10 inputs, 1 result, 1 update response)", n)
	}
}

func TestRequestPassesUnchanged(t *testing.T) {
	h := metricstest.NewCaptureHandler()
	capture := h.StartCapture()
	d := New(nil, log.NewNoopLogger(), h, "plaintext_payload_detected_total")
	for _, req := range []proto.Message{startRequest(), taskCompleted(t, 3)} {
		before, _ := proto.MarshalOptions{Deterministic: true}.Marshal(req)
		var got any
		_, err := d.Intercept(context.Background(), req, &grpc.UnaryServerInfo{FullMethod: "/temporal.api.workflowservice.v1.WorkflowService/StartWorkflowExecution"},
			func(_ context.Context, r any) (any, error) { got = r; return nil, nil })
		if err != nil || got != req {
			t.Fatalf("handler got %p, want the same request %p (%v)", got, req, err)
		}
		after, _ := proto.MarshalOptions{Deterministic: true}.Marshal(req)
		if !bytes.Equal(before, after) {
			t.Fatal("the request bytes changed")
		}
	}
	recs := capture.Snapshot()["plaintext_payload_detected_total"]
	if len(recs) != 2 || recs[0].Value != int64(3) || recs[0].Tags["namespace"] != "default" || recs[0].Tags["api"] != "StartWorkflowExecution" {
		t.Fatalf("recordings %+v", recs)
	}
}

func TestInternalPrincipalAndDisabledAreSkipped(t *testing.T) {
	h := metricstest.NewCaptureHandler()
	capture := h.StartCapture()
	d := New(nil, log.NewNoopLogger(), h, "plaintext_payload_detected_total")
	internal := context.WithValue(context.Background(), authorization.MappedClaims,
		&authorization.Claims{AuthType: authorization.InternalPrincipalType, Subject: authorization.InternalPrincipalName})
	info := &grpc.UnaryServerInfo{FullMethod: "/temporal.api.workflowservice.v1.WorkflowService/StartWorkflowExecution"}
	noop := func(context.Context, any) (any, error) { return nil, nil }
	_, _ = d.Intercept(internal, startRequest(), info, noop)
	d.state = func() *state { return newState(Settings{Enabled: false}) }
	_, _ = d.Intercept(context.Background(), startRequest(), info, noop)
	if recs := capture.Snapshot()["plaintext_payload_detected_total"]; len(recs) != 0 {
		t.Fatalf("counted %+v", recs)
	}
	// A custom encoding list.
	d.state = func() *state { return newState(Settings{Enabled: true, Encodings: []string{"binary/encrypted"}}) }
	if n := d.Count(context.Background(), startRequest()); n != 1 {
		t.Fatalf("custom encodings: %d, want 1", n)
	}
}

// BenchmarkDetector reports the cost of inspecting one request with realistic
// payload counts; the request is not forwarded anywhere.
func BenchmarkDetector(b *testing.B) {
	d := New(nil, log.NewNoopLogger(), nil, "plaintext_payload_detected_total")
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		req  proto.Message
	}{
		{"api=StartWorkflowExecution", startRequest()},
		{"api=RespondWorkflowTaskCompleted/commands=10", taskCompleted(b, 10)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d.Count(ctx, tc.req)
			}
		})
	}
}
