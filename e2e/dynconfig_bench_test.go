package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/log"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/temporal-stack/stack/internal/harness/kube"
	"github.com/temporal-stack/stack/server/dynconfig"
)

var benchKey = dynamicconfig.MakeKey("limit.blobSize.error")

// BenchmarkDynamicConfigPropagation measures the time from an edit to the new
// value being returned by GetValue, for our ConfigMap source against a real
// kube-apiserver, our fsnotify file source, and Temporal's built-in file
// client at its minimum poll interval (5 s). Run with -benchtime=100x.
func BenchmarkDynamicConfigPropagation(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	b.Run("source=configmap", func(b *testing.B) {
		cp := kube.Start(b)
		cms := cp.Client.CoreV1().ConfigMaps("default")
		cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "bench"}, Data: map[string]string{dataKey: ""}}
		if _, err := cms.Create(ctx, cm, metav1.CreateOptions{}); err != nil {
			b.Fatal(err)
		}
		src := dynconfig.NewSource("configmap", log.NewNoopLogger(), nil)
		if err := dynconfig.WatchConfigMap(ctx, src, dynconfig.ConfigMapOptions{Client: cp.Client, Namespace: "default", Name: "bench"}); err != nil {
			b.Fatal(err)
		}
		measure(b, src, func(v int) error {
			cm.Data[dataKey] = fmt.Sprintf("limit.blobSize.error:\n  - value: %d\n", v)
			_, err := cms.Update(ctx, cm, metav1.UpdateOptions{})
			return err
		})
	})

	b.Run("source=file-fsnotify", func(b *testing.B) {
		path := filepath.Join(b.TempDir(), "dc.yaml")
		src := dynconfig.NewSource("file", log.NewNoopLogger(), nil)
		if err := dynconfig.WatchFile(ctx, src, path); err != nil {
			b.Fatal(err)
		}
		measure(b, src, writeValue(path))
	})

	b.Run("source=upstream-file-poll-5s", func(b *testing.B) {
		path := filepath.Join(b.TempDir(), "dc.yaml")
		if err := writeValue(path)(0); err != nil {
			b.Fatal(err)
		}
		done := make(chan any)
		defer close(done)
		fc, err := dynamicconfig.NewFileBasedClient(&dynamicconfig.FileBasedClientConfig{Filepath: path, PollInterval: 5 * time.Second}, log.NewNoopLogger(), done)
		if err != nil {
			b.Fatal(err)
		}
		measure(b, fc, writeValue(path))
	})
}

func writeValue(path string) func(int) error {
	return func(v int) error {
		return os.WriteFile(path, []byte(fmt.Sprintf("limit.blobSize.error:\n  - value: %d\n", v)), 0o644)
	}
}

// measure makes b.N edits and reports the p50/p99/max edit-to-GetValue latency.
func measure(b *testing.B, c dynamicconfig.Client, edit func(int) error) {
	b.Helper()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		want := 1000 + i
		start := time.Now()
		if err := edit(want); err != nil {
			b.Fatal(err)
		}
		for {
			if v := c.GetValue(benchKey); len(v) == 1 && v[0].Value == want {
				break
			}
			if time.Since(start) > 30*time.Second {
				b.Fatalf("value %d not seen after 30 s", want)
			}
			time.Sleep(200 * time.Microsecond)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(pct(1), "max-ms")
	b.ReportMetric(0, "ns/op")
}
