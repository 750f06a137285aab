package node

import (
	"archive/tar"
	"bytes"
	"context"
	"io"
	"os"
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
