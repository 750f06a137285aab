// Package toolbin builds the binaries tests and the stack CLI run (our own,
// and third-party ones from pinned tool modules under tools/deps) once, into
// the repository's gitignored .cache/bin, one build at a time.
package toolbin

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

// ModulePath is this repository's Go module.
const ModulePath = "github.com/temporal-stack/stack"

// Tool is a third-party binary built from a pinned tool module.
type Tool struct {
	Name    string // binary name
	Module  string // directory under tools/deps holding its go.mod
	Package string // package to build, relative to that module
	LDFlags string
	Env     []string // extra build environment (GONOSUMDB, ...)
	Minutes int      // rough cold build time on 2 cores, for the progress line
}

const k8sVersion = "-X k8s.io/component-base/version.gitVersion=v1.36.3 -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=36"

// Pinned tools. Versions live in each module's go.mod.
var (
	Etcd                  = Tool{Name: "etcd", Module: "etcd", Package: ".", Minutes: 1}
	KubeAPIServer         = Tool{Name: "kube-apiserver", Module: "kube", Package: "k8s.io/kubernetes/cmd/kube-apiserver", LDFlags: k8sVersion, Minutes: 5}
	Kubectl               = Tool{Name: "kubectl", Module: "kube", Package: "k8s.io/kubernetes/cmd/kubectl", LDFlags: k8sVersion, Minutes: 1}
	KubeControllerManager = Tool{Name: "kube-controller-manager", Module: "kube", Package: "k8s.io/kubernetes/cmd/kube-controller-manager", LDFlags: k8sVersion, Minutes: 5}
	KubeScheduler         = Tool{Name: "kube-scheduler", Module: "kube", Package: "k8s.io/kubernetes/cmd/kube-scheduler", LDFlags: k8sVersion, Minutes: 1}
	Kubelet               = Tool{Name: "kubelet", Module: "kube", Package: "k8s.io/kubernetes/cmd/kubelet", LDFlags: k8sVersion, Minutes: 2}
	KubeProxy             = Tool{Name: "kube-proxy", Module: "kube", Package: "k8s.io/kubernetes/cmd/kube-proxy", LDFlags: k8sVersion, Minutes: 1}
	CoreDNS               = Tool{Name: "coredns", Module: "coredns", Package: "github.com/coredns/coredns", Minutes: 2}
	Kwok                  = Tool{Name: "kwok", Module: "kwok", Package: "sigs.k8s.io/kwok/cmd/kwok", Minutes: 3}
	Helm                  = Tool{Name: "helm", Module: "helm", Package: "helm.sh/helm/v3/cmd/helm", LDFlags: "-X helm.sh/helm/v3/internal/version.version=v3.22.0", Minutes: 3}
	// Dex needs cgo for its sqlite3 storage; it is linked statically so the
	// same binary runs on the host and in the node's image (which has no libc).
	Dex = Tool{Name: "dex", Module: "dex", Package: "github.com/dexidp/dex/cmd/dex", LDFlags: "-linkmode=external -extldflags=-static",
		Env: []string{"GONOSUMDB=github.com/dexidp/dex/api", "CGO_ENABLED=1", "GOFLAGS=-tags=netgo,osusergo,sqlite_omit_load_extension"}, Minutes: 2}
	TemporalCLI = Tool{Name: "temporal", Module: "temporalcli", Package: "github.com/temporalio/cli/cmd/temporal", Minutes: 4}
	UI          = Tool{Name: "temporal-ui", Module: "ui", Package: ".", Minutes: 1}
	UIServer    = Tool{Name: "ui-server", Module: "ui", Package: "github.com/temporalio/ui-server/v2/cmd/server", Minutes: 1} // the upstream image's binary
	KubeRouter  = Tool{Name: "kube-router", Module: "kuberouter", Package: "github.com/cloudnativelabs/kube-router/v2/cmd/kube-router", Minutes: 4}
	MinIO       = Tool{Name: "minio", Module: "minio", Package: "github.com/minio/minio", Minutes: 4} // AGPLv3: run as its own process
	Crane       = Tool{Name: "crane", Module: "crane", Package: "github.com/google/go-containerregistry/cmd/crane", Minutes: 1}
)

// Root returns the repository root: $STACK_ROOT, else the nearest parent
// directory of the working directory whose go.mod declares ModulePath.
func Root() (string, error) {
	if r := os.Getenv("STACK_ROOT"); r != "" {
		return r, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if f, err := os.Open(filepath.Join(dir, "go.mod")); err == nil {
			line, _ := bufio.NewReader(f).ReadString('\n')
			f.Close()
			if strings.TrimSpace(line) == "module "+ModulePath {
				return dir, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the temporal-stack repository (set STACK_ROOT)")
		}
		dir = parent
	}
}

// Path returns the tool's binary, building it first if this version of its
// tool module has not been built yet.
func Path(t Tool) (string, error) {
	root, err := Root()
	if err != nil {
		return "", err
	}
	modDir := filepath.Join(root, "tools", "deps", t.Module)
	h := sha256.New()
	for _, f := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(modDir, f))
		if err != nil {
			return "", fmt.Errorf("tool module %s: %w", t.Module, err)
		}
		h.Write(b)
	}
	fmt.Fprintf(h, "%s\x00%s\x00%s", t.Package, t.LDFlags, strings.Join(t.Env, " "))
	out := filepath.Join(root, ".cache", "bin", t.Name+"-"+hex.EncodeToString(h.Sum(nil))[:12], t.Name)
	if _, err := os.Stat(out); err == nil {
		return out, nil
	}
	return out, WithLock(root, func() error {
		if _, err := os.Stat(out); err == nil {
			return nil // built by someone else while we waited
		}
		fmt.Fprintf(os.Stderr, "toolbin: building %s from tools/deps/%s (first run only, about %d min on 2 cores)...\n", t.Name, t.Module, max(t.Minutes, 1))
		return goBuild(modDir, t.Package, out, t.LDFlags, t.Env)
	})
}

var (
	ownMu    sync.Mutex
	ownBuilt = map[string]string{}
)

// Own builds a command of this repository (e.g. "./server") once per process
// and returns its path. A binary whose sources have not changed since its
// last build (see sourceStamp) is reused without running the Go toolchain;
// otherwise Go's build cache keeps a rebuild to a relink.
func Own(pkg string) (string, error) {
	ownMu.Lock()
	defer ownMu.Unlock()
	if p, ok := ownBuilt[pkg]; ok {
		return p, nil
	}
	root, err := Root()
	if err != nil {
		return "", err
	}
	name := filepath.Base(pkg)
	out := filepath.Join(root, ".cache", "bin", "own", name)
	ld := "-X " + ModulePath + "/internal/version.Build=local"
	err = WithLock(root, func() error {
		stamp, err := sourceStamp(root, pkg, ld)
		if err != nil {
			return err
		}
		if old, err := os.ReadFile(out + ".stamp"); err == nil && string(old) == stamp {
			if _, err := os.Stat(out); err == nil {
				return nil
			}
		}
		fmt.Fprintf(os.Stderr, "toolbin: building %s...\n", pkg)
		if err := goBuild(root, pkg, out, ld, nil); err != nil {
			return err
		}
		// The stamp was taken before the build: an edit made during it
		// makes the next call build again.
		return os.WriteFile(out+".stamp", []byte(stamp), 0o644)
	})
	if err != nil {
		return "", err
	}
	ownBuilt[pkg] = out
	return out, nil
}

// sourceStamp fingerprints what a build of this repository depends on that
// can change without go.sum changing: the Go version, the build settings and
// the repository's tree (treeDigest; go.sum, which pins the dependencies, is
// one of its files).
func sourceStamp(root, pkg, ldflags string) (string, error) {
	tree, err := treeDigest(root)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00%s\n%s", runtime.Version(), pkg, ldflags, os.Getenv("GOFLAGS"), os.Getenv("GOOS"), os.Getenv("GOARCH"), tree)
	return hex.EncodeToString(h.Sum(nil)), nil
}

var treeDigests = map[string]string{} // by root; guarded by ownMu

// treeDigest is hashTree(root), once per process.
func treeDigest(root string) (string, error) {
	if d, ok := treeDigests[root]; ok {
		return d, nil
	}
	d, err := hashTree(root)
	if err != nil {
		return "", err
	}
	treeDigests[root] = d
	return d, nil
}

// hashTree hashes the name, size and modification time of every file a Go
// build of root can read (embedded files included). It skips what the go
// tool ignores (directories named testdata or starting with "." or "_", and
// _test.go files), node_modules and artifacts.
func hashTree(root string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "node_modules" || name == "artifacts") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, "_test.go") {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d %d\n", path, info.Size(), info.ModTime().UnixNano())
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)), err
}

func goBuild(dir, pkg, out, ldflags string, env []string) error {
	tmp := out + ".tmp"
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	start := time.Now()
	// Go skips the link when the target already carries this build's ID, and
	// unlinks (never truncates) a target it replaces: start from a hard link
	// of the current binary so an up-to-date one is not relinked.
	_ = os.Remove(tmp)
	_ = os.Link(out, tmp)
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", strings.TrimSpace("-s -w "+ldflags), "-o", tmp, pkg)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "CGO_ENABLED=0"), env...)
	var buf strings.Builder
	cmd.Stdout, cmd.Stderr = io.MultiWriter(&buf), io.MultiWriter(&buf)
	// Say what we are waiting for during a long (cold) build.
	done := make(chan struct{})
	defer close(done)
	go func() {
		tick := time.NewTicker(30 * time.Second)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				fmt.Fprintf(os.Stderr, "toolbin: still building %s (%s so far)...\n", filepath.Base(out), time.Since(start).Round(time.Second))
			}
		}
	}()
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s in %s: %w\n%s", pkg, dir, err, buf.String())
	}
	fmt.Fprintf(os.Stderr, "toolbin: built %s in %s\n", filepath.Base(out), time.Since(start).Round(time.Second))
	return os.Rename(tmp, out)
}

// WithLock runs f holding the repository's build lock, which serializes
// builds across processes (go test runs packages in parallel; two heavy
// builds on 2 cores only slow each other down).
func WithLock(root string, f func() error) error {
	lockPath := filepath.Join(root, ".cache", "build.lock")
	if err := os.MkdirAll(filepath.Dir(lockPath), 0o755); err != nil {
		return err
	}
	lf, err := os.OpenFile(lockPath, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return err
	}
	defer lf.Close()
	if err := syscall.Flock(int(lf.Fd()), syscall.LOCK_EX); err != nil {
		return err
	}
	defer syscall.Flock(int(lf.Fd()), syscall.LOCK_UN)
	return f()
}
