package node

import (
	"archive/tar"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
)

// importImage makes a one-layer image holding binary at path (its
// entrypoint, with args) and imports it into the node's containerd as ref.
func (n *Node) importImage(binary, path, ref string, args []string) {
	n.t.Helper()
	body, err := os.ReadFile(binary)
	if err != nil {
		n.t.Fatal(err)
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	if err := tw.WriteHeader(&tar.Header{Name: path[1:], Mode: 0o755, Size: int64(len(body)), Typeflag: tar.TypeReg, ModTime: time.Unix(0, 0)}); err != nil {
		n.t.Fatal(err)
	}
	if _, err := tw.Write(body); err != nil {
		n.t.Fatal(err)
	}
	if err := tw.Close(); err != nil {
		n.t.Fatal(err)
	}
	layer, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(buf.Bytes())), nil })
	if err != nil {
		n.t.Fatal(err)
	}
	img, err := mutate.Append(empty.Image, mutate.Addendum{Layer: layer})
	if err != nil {
		n.t.Fatal(err)
	}
	img, err = mutate.Config(img, v1.Config{Entrypoint: []string{path}, Cmd: args, Env: []string{"PATH=/"}})
	if err != nil {
		n.t.Fatal(err)
	}
	img, err = mutate.ConfigFile(img, mustConfigFile(n, img))
	if err != nil {
		n.t.Fatal(err)
	}
	tag, err := name.NewTag(ref)
	if err != nil {
		n.t.Fatal(err)
	}
	archive := n.path("images", sanitize(ref)+".tar")
	if err := os.MkdirAll(n.path("images"), 0o755); err != nil {
		n.t.Fatal(err)
	}
	if err := tarball.WriteToFile(archive, tag, img); err != nil {
		n.t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := n.Ctr(ctx, "images", "import", archive); err != nil {
		n.t.Fatal(err)
	}
}

// mustConfigFile sets the platform the kubelet checks.
func mustConfigFile(n *Node, img v1.Image) *v1.ConfigFile {
	cf, err := img.ConfigFile()
	if err != nil {
		n.t.Fatal(err)
	}
	cf = cf.DeepCopy()
	cf.OS, cf.Architecture = "linux", "amd64"
	return cf
}

func sanitize(ref string) string {
	b := []byte(ref)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
			b[i] = '_'
		}
	}
	return string(b)
}

// ImportImages imports an image archive (an OCI layout or docker-save tar)
// into the node's containerd and returns the images' references as the
// kubelet names them: a reference without a registry (temporal-stack/server:T,
// as "stack images" annotates its layout) is tagged docker.io/..., which is
// how the CRI normalizes a pod's image.
func (n *Node) ImportImages(ctx context.Context, archive string) ([]string, error) {
	out, err := n.Ctr(ctx, "images", "import", archive)
	if err != nil {
		return nil, err
	}
	var refs []string
	for _, line := range strings.Split(out, "\n") {
		// "unpacking temporal-stack/server:T (sha256:...)...done"
		f := strings.Fields(line)
		if len(f) < 2 || f[0] != "unpacking" {
			continue
		}
		full := dockerNormalized(f[1])
		if full != f[1] {
			if _, err := n.Ctr(ctx, "images", "tag", "--force", f[1], full); err != nil {
				return nil, err
			}
		}
		refs = append(refs, full)
	}
	if len(refs) == 0 {
		return nil, fmt.Errorf("ctr imported no image from %s: %s", archive, out)
	}
	return refs, nil
}

// dockerNormalized qualifies a reference as Docker and the CRI do: without a
// registry (a first component with no "." or ":" and not "localhost") it
// is on docker.io, and a single-component name is under library/.
func dockerNormalized(ref string) string {
	first, rest, ok := strings.Cut(ref, "/")
	if ok && (strings.ContainsAny(first, ".:") || first == "localhost") {
		return ref
	}
	if !ok {
		return "docker.io/library/" + ref
	}
	return "docker.io/" + first + "/" + rest
}
