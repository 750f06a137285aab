package images

import (
	"archive/tar"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/types"

	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/internal/toolbin"
	"github.com/temporal-stack/stack/tools/stack/internal/bump"
)

// wantFiles is every image's file system, the binary aside: name, type, mode,
// owner. Anything else in a layer is a regression.
var wantFiles = []string{
	"etc/ dir 755 0:0",
	"etc/group file 644 0:0",
	"etc/passwd file 644 0:0",
	"etc/ssl/ dir 755 0:0",
	"etc/ssl/certs/ dir 755 0:0",
	"etc/ssl/certs/ca-certificates.crt file 644 0:0",
	"home/ dir 755 0:0",
	"home/temporal/ dir 700 1000:1000",
	"tmp/ dir 1777 0:0",
	"usr/ dir 755 0:0",
	"usr/local/ dir 755 0:0",
	"usr/local/bin/ dir 755 0:0",
}

// layerFiles lists the image's single layer as "name type mode uid:gid",
// failing on any timestamp other than the epoch.
func layerFiles(t *testing.T, img v1.Image) (list []string, contents map[string][]byte) {
	t.Helper()
	layers, err := img.Layers()
	if err != nil {
		t.Fatal(err)
	}
	if len(layers) != 1 {
		t.Fatalf("%d layers, want 1", len(layers))
	}
	if mt, _ := layers[0].MediaType(); mt != types.OCILayer {
		t.Errorf("layer media type %s, want %s", mt, types.OCILayer)
	}
	rc, err := layers[0].Uncompressed()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	contents = map[string][]byte{}
	tr := tar.NewReader(rc)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		kind := map[byte]string{tar.TypeDir: "dir", tar.TypeReg: "file"}[h.Typeflag]
		if kind == "" {
			t.Errorf("%s: unexpected tar type %q", h.Name, h.Typeflag)
		}
		if !h.ModTime.Equal(epoch) || !h.AccessTime.IsZero() || !h.ChangeTime.IsZero() {
			t.Errorf("%s: mtime %s atime %s ctime %s, want the epoch and no others", h.Name, h.ModTime, h.AccessTime, h.ChangeTime)
		}
		list = append(list, fmt.Sprintf("%s %s %o %d:%d", h.Name, kind, h.Mode, h.Uid, h.Gid))
		if kind == "file" {
			b, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			contents[h.Name] = b
		}
	}
	return list, contents
}

// TestLayer checks the layer alone, with a stand-in binary: same bytes, same
// digest, every time; the files, modes and owners a uid-1000 program needs.
func TestLayer(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "prog")
	if err := os.WriteFile(bin, []byte("#!/bin/true\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	a, err := newLayer(bin, "prog")
	if err != nil {
		t.Fatal(err)
	}
	b, err := newLayer(bin, "prog")
	if err != nil {
		t.Fatal(err)
	}
	da, _ := a.Digest()
	db, _ := b.Digest()
	if da != db {
		t.Fatalf("two layers from the same files: %s and %s", da, db)
	}
	img, err := assemble(Spec{Name: "prog", Package: "./prog", Binary: "prog"}, bin, "1.2.3-stack.test", "")
	if err != nil {
		t.Fatal(err)
	}
	list, contents := layerFiles(t, img.Image)
	want := append(slices.Clone(wantFiles), "usr/local/bin/prog file 755 0:0")
	if !slices.Equal(list, want) {
		t.Fatalf("layer files:\n  %s\nwant:\n  %s", strings.Join(list, "\n  "), strings.Join(want, "\n  "))
	}
	if string(contents["etc/passwd"]) != passwd || !strings.Contains(passwd, "temporal:x:1000:1000:") {
		t.Errorf("/etc/passwd = %q", contents["etc/passwd"])
	}
	if n := bytes.Count(contents["etc/ssl/certs/ca-certificates.crt"], []byte("BEGIN CERTIFICATE")); n < 100 {
		t.Errorf("CA bundle has %d certificates", n)
	}
}

func TestLoopback(t *testing.T) {
	for reg, want := range map[string]bool{
		"127.0.0.1:5000": true, "127.1.2.3:80": true, "localhost:5000": true, "[::1]:5000": true,
		"localhost": true, "registry.example.com": false, "10.0.0.1:5000": false, "ghcr.io": false,
	} {
		if got := loopback(reg); got != want {
			t.Errorf("loopback(%q) = %v, want %v", reg, got, want)
		}
	}
}

// TestImages builds the real images twice and pushes them to a real registry
// (crane registry serve): same digests both times, the right config and
// files, binaries stamped with the tag's build, and a registry that serves
// back exactly the pushed digests.
func TestImages(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the server, poller and dexlogin and runs a registry")
	}
	start := time.Now()
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	temporal, _, err := bump.Current(root)
	if err != nil {
		t.Fatal(err)
	}
	// Our build ID is computed once and used for both builds: the tree may be
	// edited while the test runs, and the ID follows the tree on purpose.
	id, rev, err := BuildID(root)
	if err != nil {
		t.Fatal(err)
	}
	if id2, rev2, err := BuildID(root); err != nil || id2 != id || rev2 != rev {
		t.Fatalf("BuildID twice: %s %s, then %s %s (%v)", id, rev, id2, rev2, err)
	}
	tag := Tag(temporal, id)
	if _, err := name.NewTag("example.com/x:"+tag, name.StrictValidation); err != nil {
		t.Fatalf("tag %q: %v", tag, err)
	}

	ctx := context.Background()
	var builds [2][]Image
	var dirs [2]string
	for i := range builds {
		if builds[i], err = Build(ctx, Options{Root: root, Build: id, Revision: rev, Log: testLog{t}}); err != nil {
			t.Fatal(err)
		}
		dirs[i] = filepath.Join(t.TempDir(), "layout")
		if err := WriteLayout(dirs[i], builds[i]); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("two builds in %s", time.Since(start).Round(time.Second))
	for i, img := range builds[0] {
		other := builds[1][i]
		t.Logf("%-8s %s %s %.1f MB", img.Name, img.Ref(), img.Digest, float64(img.Size)/1e6)
		if img.Digest != other.Digest {
			t.Errorf("%s: digest %s, then %s: not reproducible", img.Name, img.Digest, other.Digest)
		}
	}
	idx := make([][]byte, 2)
	for i, d := range dirs {
		if idx[i], err = os.ReadFile(filepath.Join(d, "index.json")); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(idx[0], idx[1]) {
		t.Errorf("index.json differs between builds:\n%s\n%s", idx[0], idx[1])
	}

	// Read the images back from the layout: what a cluster would import.
	lp, err := layout.FromPath(dirs[0])
	if err != nil {
		t.Fatal(err)
	}
	ii, err := lp.ImageIndex()
	if err != nil {
		t.Fatal(err)
	}
	im, err := ii.IndexManifest()
	if err != nil {
		t.Fatal(err)
	}
	// Each image twice: its build's tag and the local alias the chart's default tag names.
	if len(im.Manifests) != 2*len(Specs) {
		t.Fatalf("layout index has %d manifests, want %d", len(im.Manifests), 2*len(Specs))
	}
	for i, b := range builds[0] {
		d, alias := im.Manifests[2*i], im.Manifests[2*i+1]
		if d.Digest != b.Digest || d.Annotations["org.opencontainers.image.ref.name"] != b.Ref() {
			t.Errorf("layout entry %d: %s %v, want %s %s", 2*i, d.Digest, d.Annotations, b.Digest, b.Ref())
		}
		if want := Repository + "/" + b.Name + ":" + temporal + "-stack.local"; alias.Digest != b.Digest || alias.Annotations["io.containerd.image.name"] != want {
			t.Errorf("layout entry %d: %s %v, want %s %s", 2*i+1, alias.Digest, alias.Annotations, b.Digest, want)
		}
		img, err := lp.Image(d.Digest)
		if err != nil {
			t.Fatal(err)
		}
		checkImage(t, b.Spec, img, tag, temporal, id)
	}

	// Push to a real registry and pull back.
	crane, err := toolbin.Path(toolbin.Crane)
	if err != nil {
		t.Fatal(err)
	}
	port, err := proc.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	reg, err := proc.Start(proc.Spec{Name: "crane-registry", Path: crane, LogDir: t.TempDir(),
		Args: []string{"registry", "serve", "--address", addr, "--disk", t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reg.Stop(5 * time.Second) })
	if err := reg.WaitFor(30*time.Second, "serving /v2/", proc.HTTPOK(nil, "http://"+addr+"/v2/")); err != nil {
		t.Fatal(err)
	}
	refs, err := Push(ctx, addr+"/temporal-stack", builds[0])
	if err != nil {
		t.Fatal(err)
	}
	for i, ref := range refs {
		want := builds[0][i]
		if got := ref.String(); got != addr+"/temporal-stack/"+want.Name+":"+tag {
			t.Errorf("pushed as %s", got)
		}
		pulled, err := remote.Image(ref, remote.WithContext(ctx))
		if err != nil {
			t.Fatalf("pulling %s back: %v", ref, err)
		}
		if d, err := pulled.Digest(); err != nil || d != want.Digest {
			t.Errorf("%s: registry serves %s (%v), pushed %s", ref, d, err, want.Digest)
		}
		desc, err := remote.Head(ref, remote.WithContext(ctx))
		if err != nil || desc.Digest != want.Digest || desc.MediaType != types.OCIManifestSchema1 {
			t.Errorf("%s: HEAD %v (%v), want %s %s", ref, desc, err, want.Digest, types.OCIManifestSchema1)
		}
	}
	t.Logf("TestImages took %s", time.Since(start).Round(time.Second))
}

// checkImage asserts the manifest, the config and the file system of one
// built image, and runs its binary's --version.
func checkImage(t *testing.T, s Spec, img v1.Image, tag, temporal, build string) {
	t.Helper()
	if mt, _ := img.MediaType(); mt != types.OCIManifestSchema1 {
		t.Errorf("%s: manifest media type %s", s.Name, mt)
	}
	m, err := img.Manifest()
	if err != nil {
		t.Fatal(err)
	}
	if m.Config.MediaType != types.OCIConfigJSON {
		t.Errorf("%s: config media type %s", s.Name, m.Config.MediaType)
	}
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	c := cf.Config
	entry := "/usr/local/bin/" + s.Binary
	if c.User != "1000:1000" || !slices.Equal(c.Entrypoint, []string{entry}) || !slices.Equal(c.Cmd, s.Cmd) || c.WorkingDir != "/home/temporal" {
		t.Errorf("%s: user %q entrypoint %q cmd %q workdir %q", s.Name, c.User, c.Entrypoint, c.Cmd, c.WorkingDir)
	}
	if s.Name == "server" && !slices.Equal(c.Cmd, []string{"start"}) {
		t.Errorf("server: cmd %q: the upstream chart sets no command, so the image must start the server", c.Cmd)
	}
	if !cf.Created.Time.Equal(epoch) || cf.OS != GOOS || cf.Architecture != GOARCH {
		t.Errorf("%s: created %s, platform %s/%s", s.Name, cf.Created.Time, cf.OS, cf.Architecture)
	}
	for _, h := range cf.History {
		if !h.Created.Time.Equal(epoch) {
			t.Errorf("%s: history entry created %s", s.Name, h.Created.Time)
		}
	}
	if got := c.Labels["org.opencontainers.image.version"]; got != tag {
		t.Errorf("%s: version label %q, want %q", s.Name, got, tag)
	}
	if slices.ContainsFunc(c.Env, func(e string) bool { return strings.HasPrefix(e, "TEMPORAL_SERVICES=") }) {
		t.Errorf("%s: env sets TEMPORAL_SERVICES; the chart chooses the services", s.Name)
	}

	list, _ := layerFiles(t, img)
	want := append(slices.Clone(wantFiles), "usr/local/bin/"+s.Binary+" file 755 0:0")
	if !slices.Equal(list, want) {
		t.Errorf("%s: layer files:\n  %s\nwant:\n  %s", s.Name, strings.Join(list, "\n  "), strings.Join(want, "\n  "))
	}

	// The flattened file system, as a runtime would unpack it.
	tr := tar.NewReader(mutate.Extract(img))
	var bin []byte
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if "/"+h.Name == entry {
			if bin, err = io.ReadAll(tr); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(bin) < 1<<20 {
		t.Fatalf("%s: entrypoint %s is %d bytes", s.Name, entry, len(bin))
	}
	if runtime.GOOS+"/"+runtime.GOARCH != GOOS+"/"+GOARCH {
		return // cannot run it here; the digest checks still hold
	}
	exe := filepath.Join(t.TempDir(), s.Binary)
	if err := os.WriteFile(exe, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(exe, "--version").CombinedOutput()
	if err != nil || !strings.Contains(string(out), " "+build+" (temporal server "+temporal+",") {
		t.Errorf("%s --version: %q (%v), want build %s and temporal server %s", s.Binary, out, err, build, temporal)
	}
}

type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// TestBuildID runs BuildID on a scratch git repository: the commit when
// clean, a stable ".dirty-" hash of the changes otherwise, ignored files
// ignored.
func TestBuildID(t *testing.T) {
	dir := t.TempDir()
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	id := func() (string, string) {
		t.Helper()
		id, rev, err := BuildID(dir)
		if err != nil {
			t.Fatal(err)
		}
		return id, rev
	}
	run("init", "-q")
	write("a.go", "package a\n")
	write(".gitignore", "ignored/\n")
	run("add", ".")
	run("commit", "-q", "-m", "one")
	commit := run("rev-parse", "HEAD")

	if got, rev := id(); got != commit[:12] || rev != commit {
		t.Fatalf("clean tree: %s %s, want %s %s", got, rev, commit[:12], commit)
	}
	if err := os.MkdirAll(filepath.Join(dir, "ignored"), 0o755); err != nil {
		t.Fatal(err)
	}
	write("ignored/x", "build output")
	if got, _ := id(); got != commit[:12] {
		t.Fatalf("an ignored file made the tree dirty: %s", got)
	}

	write("a.go", "package a // edited\n")
	edited, rev := id()
	if !strings.HasPrefix(edited, commit[:12]+".dirty-") || rev != "" {
		t.Fatalf("edited tree: %s %q", edited, rev)
	}
	if again, _ := id(); again != edited {
		t.Fatalf("same tree, two IDs: %s, %s", edited, again)
	}
	run("add", "a.go") // staged or not, the same tree
	if staged, _ := id(); staged != edited {
		t.Fatalf("staging changed the ID: %s, %s", edited, staged)
	}
	write("b.go", "package a\n")
	if untracked, _ := id(); untracked == edited || !strings.HasPrefix(untracked, commit[:12]+".dirty-") {
		t.Fatalf("an untracked file did not change the ID: %s", untracked)
	}
	if _, err := name.NewTag("example.com/x:"+Tag("1.32.1", edited), name.StrictValidation); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "b.go")); err != nil {
		t.Fatal(err)
	}
	write("a.go", "package a\n")
	if got, _ := id(); got != commit[:12] {
		t.Fatalf("reverted tree: %s, want %s", got, commit[:12])
	}
}
