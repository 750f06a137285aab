package dynconfig

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/kubernetes/scheme"
	typedcorev1 "k8s.io/client-go/kubernetes/typed/core/v1"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/record"
)

// Event reasons recorded on the watched ConfigMap.
const (
	ReasonInvalid = "InvalidDynamicConfig"
	ReasonValid   = "DynamicConfigApplied"
)

// maxEventMessage keeps Event messages under the API server's 1 KiB note limit.
const maxEventMessage = 1000

// ConfigMapOptions selects the one ConfigMap a watcher follows.
type ConfigMapOptions struct {
	Client    kubernetes.Interface
	Namespace string        // "" = the pod's own namespace (see PodNamespace)
	Name      string        // required
	Key       string        // data key; "" = DefaultKey
	Resync    time.Duration // informer resync; 0 = 10 minutes
	// SyncTimeout bounds the wait for the first list at start-up; 0 = 30 s.
	// An unreachable API server at start-up is an error, a missing ConfigMap is not.
	SyncTimeout time.Duration
	// Component names this process in Events; "" = "temporal-stack-server".
	Component string
}

// DefaultKey is the data key read when ConfigMapOptions.Key is empty; it
// matches the upstream chart's dynamic-config ConfigMap.
const DefaultKey = "dynamic_config.yaml"

// PodNamespace returns the namespace this pod runs in: $POD_NAMESPACE, else the
// service-account namespace file, else "default".
func PodNamespace() string {
	if ns := os.Getenv("POD_NAMESPACE"); ns != "" {
		return ns
	}
	if b, err := os.ReadFile("/var/run/secrets/kubernetes.io/serviceaccount/namespace"); err == nil {
		if ns := strings.TrimSpace(string(b)); ns != "" {
			return ns
		}
	}
	return "default"
}

// WatchConfigMap starts a client-go informer on exactly one ConfigMap and feeds
// every version of its data key to src. It returns after the first list, so the
// server starts with the config in force; the watch then runs until ctx ends,
// relisting on resync and reconnecting with the reflector's backoff.
//
// Policies: a missing ConfigMap means defaults until it appears; a deleted one
// keeps the last good config; a ConfigMap without the data key, or with content
// that fails to parse, is rejected (last good config kept, a Warning Event with
// reason InvalidDynamicConfig recorded on it, the invalid gauge set to 1).
func WatchConfigMap(ctx context.Context, src *Source, opts ConfigMapOptions) error {
	if opts.Client == nil || opts.Name == "" {
		return fmt.Errorf("dynamic config ConfigMap watch needs a Kubernetes client and a ConfigMap name")
	}
	if opts.Namespace == "" {
		opts.Namespace = PodNamespace()
	}
	if opts.Key == "" {
		opts.Key = DefaultKey
	}
	if opts.Resync == 0 {
		opts.Resync = 10 * time.Minute
	}
	if opts.SyncTimeout == 0 {
		opts.SyncTimeout = 30 * time.Second
	}
	if opts.Component == "" {
		opts.Component = "temporal-stack-server"
	}

	broadcaster := record.NewBroadcaster(record.WithContext(ctx))
	broadcaster.StartRecordingToSink(&typedcorev1.EventSinkImpl{Interface: opts.Client.CoreV1().Events(opts.Namespace)})
	host, _ := os.Hostname()
	recorder := broadcaster.NewRecorder(scheme.Scheme, corev1.EventSource{Component: opts.Component, Host: host})

	// List and watch by name: RBAC can then restrict both to this one ConfigMap.
	cms := opts.Client.CoreV1().ConfigMaps(opts.Namespace)
	selector := fields.OneTermEqualSelector("metadata.name", opts.Name).String()
	var watches atomic.Int64
	lw := &cache.ListWatch{
		ListWithContextFunc: func(ctx context.Context, lo metav1.ListOptions) (runtime.Object, error) {
			lo.FieldSelector = selector
			return cms.List(ctx, lo)
		},
		WatchFuncWithContext: func(ctx context.Context, lo metav1.ListOptions) (watch.Interface, error) {
			lo.FieldSelector = selector
			if watches.Add(1) > 1 {
				src.watchRestarted()
			}
			return cms.Watch(ctx, lo)
		},
	}
	inf := cache.NewSharedIndexInformer(cache.ToListWatcherWithWatchListSemantics(lw, opts.Client),
		&corev1.ConfigMap{}, opts.Resync, cache.Indexers{})
	if err := inf.SetWatchErrorHandlerWithContext(func(ctx context.Context, r *cache.Reflector, err error) {
		src.watchFailed(err)
		cache.DefaultWatchErrorHandler(ctx, r, err)
	}); err != nil {
		return err
	}

	w := &cmWatcher{src: src, key: opts.Key, recorder: recorder, where: opts.Namespace + "/" + opts.Name}
	reg, err := inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    func(obj any) { w.apply(obj) },
		UpdateFunc: func(_, obj any) { w.apply(obj) },
		DeleteFunc: func(any) { src.SetAbsent("ConfigMap " + w.where + " was deleted") },
	})
	if err != nil {
		return err
	}

	go inf.RunWithContext(ctx)
	go func() { <-ctx.Done(); broadcaster.Shutdown() }()

	syncCtx, cancel := context.WithTimeout(ctx, opts.SyncTimeout)
	defer cancel()
	// The registration is synced once our handler has applied the initial list,
	// not just when the informer's store has it.
	if !cache.WaitForCacheSync(syncCtx.Done(), reg.HasSynced) {
		return fmt.Errorf("dynamic config: could not list ConfigMap %s within %s: is the API server reachable, and may this service account get/list/watch configmaps in %q?",
			w.where, opts.SyncTimeout, opts.Namespace)
	}
	if len(inf.GetStore().List()) == 0 {
		src.SetAbsent("ConfigMap " + w.where + " does not exist yet")
	}
	return nil
}

type cmWatcher struct {
	src      *Source
	key      string
	where    string
	recorder record.EventRecorder
}

func (w *cmWatcher) apply(obj any) {
	cm, ok := obj.(*corev1.ConfigMap)
	if !ok {
		return
	}
	version := w.where + "@" + cm.ResourceVersion
	wasInvalid := w.src.Status().Invalid
	content, ok := cm.Data[w.key]
	var err error
	fresh := false
	if !ok {
		keys := make([]string, 0, len(cm.Data))
		for k := range cm.Data {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		err = &InvalidError{Version: version, Errors: []error{
			fmt.Errorf("%w: ConfigMap has no key %q (keys present: %s)", errMissingKey, w.key, strings.Join(keys, ", ")),
		}}
		fresh = w.src.reject("missing-key/"+strings.Join(keys, ","), err.(*InvalidError))
	} else {
		err, fresh = w.src.apply([]byte(content), version)
	}
	switch {
	case err != nil && !fresh:
		// A resync of a version already reported.
	case err != nil:
		msg := err.Error()
		if len(msg) > maxEventMessage {
			msg = msg[:maxEventMessage] + "…"
		}
		w.recorder.Event(cm, corev1.EventTypeWarning, ReasonInvalid, msg)
	case wasInvalid:
		w.recorder.Eventf(cm, corev1.EventTypeNormal, ReasonValid,
			"dynamic config resourceVersion %s is valid and in force", cm.ResourceVersion)
	}
}
