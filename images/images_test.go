// Package images_test checks, under Bazel, that the //images rules make
// exactly the images "stack images" makes from the same binaries.
package images_test

import (
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/v1/layout"
)

// digests reads an OCI layout's index: reference name -> manifest digest.
func digests(t *testing.T, dir string) map[string]string {
	t.Helper()
	idx, err := layout.ImageIndexFromPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	m, err := idx.IndexManifest()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, d := range m.Manifests {
		out[d.Annotations["org.opencontainers.image.ref.name"]] = d.Digest.String()
	}
	return out
}

// TestBazelImagesMatchStackImages: $STACK_BINARY is the stack binary and
// $IMAGE_BINARIES the Bazel-built image binaries (NAME=PATH ...), both from
// BUILD.bazel. Each //images:NAME layout must hold the digests "stack images
// --binary" gives for them.
func TestBazelImagesMatchStackImages(t *testing.T) {
	if os.Getenv("TEST_SRCDIR") == "" {
		t.Skip("runs under Bazel, which builds what it compares: bazel test //images:images_test (stack test runs it)")
	}
	// BUILD.bazel passes runfiles-root relative paths ($(rootpath)); the test
	// runs in its package's directory.
	runfiles := filepath.Join(os.Getenv("TEST_SRCDIR"), os.Getenv("TEST_WORKSPACE"))
	args := []string{filepath.Join(runfiles, os.Getenv("STACK_BINARY"))}
	for _, b := range strings.Fields(os.Getenv("IMAGE_BINARIES")) {
		name, p, _ := strings.Cut(b, "=")
		args = append(args, name+"="+filepath.Join(runfiles, p))
	}
	if len(args) < 2 {
		t.Fatalf("want $STACK_BINARY and $IMAGE_BINARIES (NAME=PATH ...) from BUILD.bazel, got %q", args)
	}
	out := t.TempDir()
	cmdArgs := []string{"images", "--no-load", "--build", "bazel", "--out", out}
	for _, b := range args[1:] {
		cmdArgs = append(cmdArgs, "--binary", b)
	}
	cmd := exec.Command(args[0], cmdArgs...)
	res, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("stack %s: %v\n%s", strings.Join(cmdArgs, " "), err, res)
	}
	want := digests(t, out)
	if len(want) != 2*(len(args)-1) {
		t.Fatalf("stack images wrote %d references, want 2 per image: %v", len(want), want)
	}
	for _, b := range args[1:] {
		name, _, _ := strings.Cut(b, "=")
		got := digests(t, filepath.Join(".", name+"_oci"))
		if len(got) != 2 {
			t.Errorf("//images:%s holds %d references, want 2: %v", name, len(got), got)
		}
		for ref, d := range got {
			if !strings.HasPrefix(ref, "temporal-stack/"+name+":") {
				t.Errorf("//images:%s holds %s", name, ref)
			}
			if want[ref] != d {
				t.Errorf("%s: Bazel's layout has %s, stack images %q", ref, d, want[ref])
			} else {
				t.Logf("%s %s (Bazel = stack images)", ref, d)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(out, "oci-layout")); err != nil {
		t.Fatal(err)
	}
	// The images have no base: each binary must be a static linux/amd64 ELF
	// (no interpreter, no shared libraries).
	for _, b := range args[1:] {
		name, path, _ := strings.Cut(b, "=")
		f, err := elf.Open(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		libs, _ := f.ImportedLibraries()
		interp := false
		for _, p := range f.Progs {
			interp = interp || p.Type == elf.PT_INTERP
		}
		if f.Machine != elf.EM_X86_64 || interp || len(libs) > 0 {
			t.Errorf("%s: machine %v, interpreter %v, shared libraries %v; want a static x86-64 binary", name, f.Machine, interp, libs)
		}
		f.Close()
	}
}
