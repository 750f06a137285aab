package nodeimages

import (
	"archive/tar"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
)

// tree is the file system of a one-layer image, built up in memory: every
// parent directory is created, entries are written in path order with a
// fixed time, so the same inputs give the same layer digest.
type tree struct {
	entries map[string]*tar.Header
	bodies  map[string][]byte
	err     error
}

func newTree() *tree { return &tree{entries: map[string]*tar.Header{}, bodies: map[string][]byte{}} }

var epoch = time.Unix(0, 0).UTC()

// dir adds a directory (and its parents, root-owned 0755) owned by uid:gid.
func (t *tree) dir(p string, mode int64, uid, gid int) {
	p = strings.TrimPrefix(path.Clean(p), "/")
	if p == "." || p == "" {
		return
	}
	t.parents(p)
	t.entries[p] = &tar.Header{Typeflag: tar.TypeDir, Name: p + "/", Mode: mode, Uid: uid, Gid: gid, ModTime: epoch}
}

func (t *tree) parents(p string) {
	for d := path.Dir(p); d != "." && d != "/"; d = path.Dir(d) {
		if _, ok := t.entries[d]; !ok {
			t.entries[d] = &tar.Header{Typeflag: tar.TypeDir, Name: d + "/", Mode: 0o755, ModTime: epoch}
		}
	}
}

// file adds a regular file with the given content.
func (t *tree) file(p string, mode int64, body []byte) {
	p = strings.TrimPrefix(path.Clean(p), "/")
	t.parents(p)
	t.entries[p] = &tar.Header{Typeflag: tar.TypeReg, Name: p, Mode: mode, Size: int64(len(body)), ModTime: epoch}
	t.bodies[p] = body
}

// copyFile adds the host file src at p, keeping its permission bits.
func (t *tree) copyFile(p, src string) {
	if t.err != nil {
		return
	}
	st, err := os.Stat(src)
	if err != nil {
		t.err = err
		return
	}
	b, err := os.ReadFile(src)
	if err != nil {
		t.err = err
		return
	}
	t.file(p, int64(st.Mode().Perm()), b)
}

// copyTree adds the host directory src at p with everything under it
// (symbolic links are kept as links).
func (t *tree) copyTree(p, src string) {
	if t.err != nil {
		return
	}
	t.err = filepath.WalkDir(src, func(host string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, host)
		dst := path.Join(p, filepath.ToSlash(rel))
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(host)
			if err != nil {
				return err
			}
			t.symlink(dst, target)
		case d.IsDir():
			t.dir(dst, 0o755, 0, 0)
		default:
			t.copyFile(dst, host)
		}
		return t.err
	})
}

// symlink adds p pointing at target.
func (t *tree) symlink(p, target string) {
	p = strings.TrimPrefix(path.Clean(p), "/")
	t.parents(p)
	t.entries[p] = &tar.Header{Typeflag: tar.TypeSymlink, Name: p, Linkname: target, Mode: 0o777, ModTime: epoch}
}

// layer writes the tree as an uncompressed tar layer.
func (t *tree) layer() (v1.Layer, error) {
	if t.err != nil {
		return nil, t.err
	}
	names := make([]string, 0, len(t.entries))
	for n := range t.entries {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, n := range names {
		h := *t.entries[n]
		h.Format = tar.FormatPAX
		if err := tw.WriteHeader(&h); err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		if b := t.bodies[n]; b != nil {
			if _, err := tw.Write(b); err != nil {
				return nil, err
			}
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	body := buf.Bytes()
	return tarball.LayerFromOpener(func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil })
}
