package dynconfig

import (
	"context"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes/fake"
)

const ns = "temporal"

func cm(data map[string]string) *corev1.ConfigMap {
	return &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "dynconfig", Namespace: ns}, Data: data}
}

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func startWatch(t *testing.T, client *fake.Clientset) *Source {
	t.Helper()
	s, _ := newTestSource(t)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	if err := WatchConfigMap(ctx, s, ConfigMapOptions{Client: client, Namespace: ns, Name: "dynconfig"}); err != nil {
		t.Fatal(err)
	}
	return s
}

func events(t *testing.T, client *fake.Clientset, reason string) []corev1.Event {
	t.Helper()
	list, err := client.CoreV1().Events(ns).List(context.Background(), metav1.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var out []corev1.Event
	for _, e := range list.Items {
		if e.Reason == reason {
			out = append(out, e)
		}
	}
	return out
}

func TestConfigMapAppliedBeforeWatchReturns(t *testing.T) {
	client := fake.NewClientset(cm(map[string]string{DefaultKey: "limit.blobSize.error:\n  - value: 2048\n"}))
	s := startWatch(t, client)
	if got := value(t, s); got != 2048 {
		t.Fatalf("value = %v", got)
	}
}

func TestConfigMapMissingAtStartMeansDefaultsUntilCreated(t *testing.T) {
	client := fake.NewClientset()
	s := startWatch(t, client)
	if s.Status().Present || s.GetValue(blobKey) != nil {
		t.Fatalf("missing ConfigMap: status %+v", s.Status())
	}
	if _, err := client.CoreV1().ConfigMaps(ns).Create(context.Background(),
		cm(map[string]string{DefaultKey: "limit.blobSize.error:\n  - value: 1024\n"}), metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the created ConfigMap to apply", func() bool { return len(s.GetValue(blobKey)) == 1 })
}

func TestConfigMapInvalidRecordsWarningEventAndRecovers(t *testing.T) {
	client := fake.NewClientset(cm(map[string]string{DefaultKey: "limit.blobSize.error:\n  - value: 2048\n"}))
	s := startWatch(t, client)
	ctx := context.Background()
	if _, err := client.CoreV1().ConfigMaps(ns).Update(ctx, cm(map[string]string{DefaultKey: "limit.blobSize.error: [ {value: "}), metav1.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "a Warning event", func() bool { return len(events(t, client, ReasonInvalid)) == 1 })
	ev := events(t, client, ReasonInvalid)[0]
	if ev.Type != corev1.EventTypeWarning || ev.InvolvedObject.Name != "dynconfig" || ev.InvolvedObject.Kind != "ConfigMap" ||
		!strings.Contains(ev.Message, "last good config stays in force") {
		t.Fatalf("event %+v", ev)
	}
	if got := value(t, s); got != 2048 || !s.Status().Invalid {
		t.Fatalf("bad content changed the value to %v / status %+v", got, s.Status())
	}
	if _, err := client.CoreV1().ConfigMaps(ns).Update(ctx, cm(map[string]string{DefaultKey: "limit.blobSize.error:\n  - value: 4096\n"}), metav1.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the fix to apply", func() bool { return len(s.GetValue(blobKey)) == 1 && s.GetValue(blobKey)[0].Value == 4096 })
	eventually(t, "a Normal recovery event", func() bool { return len(events(t, client, ReasonValid)) == 1 })
	if s.Status().Invalid {
		t.Fatal("still invalid after the fix")
	}
}

func TestConfigMapWithoutKeyIsRejected(t *testing.T) {
	client := fake.NewClientset(cm(map[string]string{DefaultKey: "limit.blobSize.error:\n  - value: 2048\n"}))
	s := startWatch(t, client)
	if _, err := client.CoreV1().ConfigMaps(ns).Update(context.Background(), cm(map[string]string{"dynamic-config.yaml": ""}), metav1.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the rejection", func() bool { return s.Status().Invalid })
	if !strings.Contains(s.Status().LastError, `no key "dynamic_config.yaml" (keys present: dynamic-config.yaml)`) {
		t.Fatalf("error %q does not name the missing key and the keys present", s.Status().LastError)
	}
	if got := value(t, s); got != 2048 {
		t.Fatalf("value = %v", got)
	}
	eventually(t, "a Warning event", func() bool { return len(events(t, client, ReasonInvalid)) == 1 })
}

func TestConfigMapDeletedKeepsLastGood(t *testing.T) {
	client := fake.NewClientset(cm(map[string]string{DefaultKey: "limit.blobSize.error:\n  - value: 2048\n"}))
	s := startWatch(t, client)
	if err := client.CoreV1().ConfigMaps(ns).Delete(context.Background(), "dynconfig", metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the delete to be seen", func() bool { return !s.Status().Present })
	if got := value(t, s); got != 2048 {
		t.Fatalf("delete reset the value to %v", got)
	}
}

func TestWatchConfigMapNeedsName(t *testing.T) {
	s, _ := newTestSource(t)
	if err := WatchConfigMap(context.Background(), s, ConfigMapOptions{Client: fake.NewClientset()}); err == nil {
		t.Fatal("no error without a ConfigMap name")
	}
}
