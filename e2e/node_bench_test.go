package e2e

import (
	"sort"
	"testing"
	"time"

	"github.com/temporal-stack/stack/internal/harness/node"
)

// BenchmarkNodeStart starts the real single-node cluster (warm builds) and
// reports the seconds from nothing running (etcd and kube-apiserver start
// first) to a Ready node with
// cluster DNS, and the resident memory of each host process and of the pods
// (CoreDNS) once it is Ready. One node per run: use -benchtime=1x.
func BenchmarkNodeStart(b *testing.B) {
	endToEnd(b, "runs a real Kubernetes node")
	if b.N != 1 {
		b.Skip("one node at a time: run with -benchtime=1x")
	}
	start := time.Now()
	n := node.Start(b)
	b.ReportMetric(time.Since(start).Seconds(), "s-to-ready-with-dns")
	time.Sleep(5 * time.Second) // let start-up allocations settle
	procs := n.Processes()
	names := make([]string, 0, len(procs))
	for name := range procs {
		names = append(names, name)
	}
	sort.Strings(names)
	var total int64
	for _, name := range names {
		rss, err := procs[name].RSS()
		if err != nil {
			b.Fatal(name, err)
		}
		total += rss
		b.ReportMetric(float64(rss)/(1<<20), name+"-MiB")
	}
	pods, err := node.PodsMemory()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(pods)/(1<<20), "pods-MiB")
	b.ReportMetric(float64(total+pods)/(1<<20), "total-MiB")
}
