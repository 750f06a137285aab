package e2e

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/temporal-stack/stack/internal/harness/serverproc"
)

// aesCodec encrypts every payload (AES-GCM), as the samples' encryption codecs do.
type aesCodec struct{ aead cipher.AEAD }

func newAESCodec() aesCodec {
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	block, _ := aes.NewCipher(key)
	aead, _ := cipher.NewGCM(block)
	return aesCodec{aead}
}

func (c aesCodec) Encode(ps []*commonpb.Payload) ([]*commonpb.Payload, error) {
	out := make([]*commonpb.Payload, len(ps))
	for i, p := range ps {
		raw, err := p.Marshal()
		if err != nil {
			return nil, err
		}
		nonce := make([]byte, c.aead.NonceSize())
		_, _ = rand.Read(nonce)
		out[i] = &commonpb.Payload{Metadata: map[string][]byte{"encoding": []byte("binary/encrypted")}, Data: c.aead.Seal(nonce, nonce, raw, nil)}
	}
	return out, nil
}

func (c aesCodec) Decode(ps []*commonpb.Payload) ([]*commonpb.Payload, error) {
	out := make([]*commonpb.Payload, len(ps))
	for i, p := range ps {
		if string(p.Metadata["encoding"]) != "binary/encrypted" {
			out[i] = p
			continue
		}
		n := c.aead.NonceSize()
		if len(p.Data) < n {
			return nil, errors.New("short ciphertext")
		}
		raw, err := c.aead.Open(nil, p.Data[:n], p.Data[n:], nil)
		if err != nil {
			return nil, err
		}
		out[i] = &commonpb.Payload{}
		if err := out[i].Unmarshal(raw); err != nil {
			return nil, err
		}
	}
	return out, nil
}

type order struct {
	ID    int
	Items []string
}

func echoWorkflow(_ workflow.Context, o order) (order, error) { return o, nil }

// startDetectorServer runs the server (auth off: this test is about payloads)
// with a dynamic-config file and two namespaces.
func startDetectorServer(t testing.TB) (*serverproc.Server, string) {
	dcFile := filepath.Join(t.TempDir(), "dynamic_config.yaml")
	if err := os.WriteFile(dcFile, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serverproc.Start(t, serverproc.Options{DynamicConfigFile: dcFile, Env: []string{"TEMPORAL_ALLOW_NO_AUTH=true"}})
	c, err := client.Dial(client.Options{HostPort: srv.FrontendAddr})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, ns := range []string{"plain", "encrypted"} {
		if _, err := c.WorkflowService().RegisterNamespace(context.Background(), &workflowservice.RegisterNamespaceRequest{
			Namespace: ns, WorkflowExecutionRetentionPeriod: durationpb.New(24 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	return srv, dcFile
}

func runEcho(t testing.TB, addr, ns string, dc converter.DataConverter, in order) order {
	c, err := client.Dial(client.Options{HostPort: addr, Namespace: ns, DataConverter: dc})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	w := worker.New(c, "echo", worker.Options{})
	w.RegisterWorkflowWithOptions(echoWorkflow, workflow.RegisterOptions{Name: "Echo"})
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	defer w.Stop()
	run, err := c.ExecuteWorkflow(context.Background(), client.StartWorkflowOptions{ID: "echo-" + ns, TaskQueue: "echo"}, "Echo", in)
	if err != nil {
		t.Fatal(err)
	}
	var out order
	if err := run.Get(context.Background(), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPlaintextPayloadDetector: a plain-JSON workflow and an encrypted one
// both complete with the same result; only the first is counted.
func TestPlaintextPayloadDetector(t *testing.T) {
	endToEnd(t, "runs the server")
	srv, _ := startDetectorServer(t)
	in := order{ID: 42, Items: []string{"tea", "scones"}}
	plain := runEcho(t, srv.FrontendAddr, "plain", converter.GetDefaultDataConverter(), in)
	encrypted := runEcho(t, srv.FrontendAddr, "encrypted", converter.NewCodecDataConverter(converter.GetDefaultDataConverter(), newAESCodec()), in)
	if fmt.Sprint(plain) != fmt.Sprint(in) || fmt.Sprint(encrypted) != fmt.Sprint(in) {
		t.Fatalf("results differ: plain %v, encrypted %v, input %v", plain, encrypted, in)
	}
	eventually(t, 10*time.Second, "the plain start to be counted", func() error {
		v, err := srv.Metric("plaintext_payload_detected_total", map[string]string{"namespace": "plain", "api": "StartWorkflowExecution"})
		if err == nil && v < 1 {
			err = fmt.Errorf("count %v", v)
		}
		return err
	})
	if v, err := srv.Metric("plaintext_payload_detected_total", map[string]string{"namespace": "plain", "api": "RespondWorkflowTaskCompleted"}); err != nil || v < 1 {
		t.Fatalf("the plain result was not counted: %v %v", v, err)
	}
	if v, err := srv.Metric("plaintext_payload_detected_total", map[string]string{"namespace": "encrypted"}); err == nil {
		t.Fatalf("encrypted payloads counted: %v", v)
	}
	if !srv.LogContains("Plaintext payloads received", `"wf-namespace":"plain"`) || srv.LogContains("Plaintext payloads received", `"wf-namespace":"encrypted"`) {
		t.Fatal("the warning is missing for the plain namespace or present for the encrypted one")
	}
	if srv.LogContains("scones") {
		t.Fatal("payload bytes in the log")
	}
}

// BenchmarkStartWorkflowDetectorCost measures StartWorkflowExecution
// throughput against the real server with the detector on and off in the same
// run: b.N starts from 8 concurrent callers, in chunks of 200 whose mode
// follows on, off, off, on (set by a live dynamic-config edit), so drift
// such as the database growing falls on both modes alike.
func BenchmarkStartWorkflowDetectorCost(b *testing.B) {
	srv, dcFile := startDetectorServer(b)
	c, err := client.Dial(client.Options{HostPort: srv.FrontendAddr, Namespace: "plain"})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	input := order{ID: 1, Items: []string{"a", "b", "c"}}
	elapsed := map[bool]time.Duration{}
	starts := map[bool]int{}
	const chunk = 200
	if b.N > 1 { // warm up (connections, caches, first shard loads) outside the figures
		for i := range chunk {
			if _, err := c.ExecuteWorkflow(context.Background(), client.StartWorkflowOptions{ID: fmt.Sprintf("warm-%d", i), TaskQueue: "nobody"}, "Echo", input); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for k, done := 0, 0; done < b.N; k, done = k+1, done+chunk {
		on := k%4 == 0 || k%4 == 3 // on, off, off, on, ...: linear drift cancels
		b.StopTimer()
		if err := os.WriteFile(dcFile, []byte(fmt.Sprintf("stack.payloads.plaintextDetection:\n  - value: {enabled: %v}\n", on)), 0o644); err != nil {
			b.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond) // the edit applies within milliseconds
		b.StartTimer()
		n := min(chunk, b.N-done)
		next := make(chan int)
		var wg sync.WaitGroup
		begin := time.Now()
		for range 8 {
			wg.Go(func() {
				for i := range next {
					if _, err := c.ExecuteWorkflow(context.Background(), client.StartWorkflowOptions{
						ID: fmt.Sprintf("bench-%d-%d", b.N, i), TaskQueue: "nobody"}, "Echo", input); err != nil {
						b.Error(err)
					}
				}
			})
		}
		for i := done; i < done+n; i++ {
			next <- i
		}
		close(next)
		wg.Wait()
		elapsed[on] += time.Since(begin)
		starts[on] += n
	}
	b.StopTimer()
	if starts[true] == 0 || starts[false] == 0 {
		return // the probing run (b.N = 1); use -benchtime=4000x
	}
	onRate := float64(starts[true]) / elapsed[true].Seconds()
	offRate := float64(starts[false]) / elapsed[false].Seconds()
	b.ReportMetric(onRate, "starts/s-on")
	b.ReportMetric(offRate, "starts/s-off")
	b.ReportMetric((offRate-onRate)/offRate*100, "cost-%")
}
