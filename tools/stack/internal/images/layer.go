package images

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/pem"
	"fmt"
	"io"
	"os"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
	"golang.org/x/crypto/x509roots/fallback/bundle"
)

// An entry is one file of the layer. System files belong to root so the
// program (uid 1000) can neither replace its binary nor edit /etc/passwd;
// only its home is its own.
type entry struct {
	name     string // no leading slash, dirs end in "/"
	mode     int64
	uid, gid int
	data     []byte
	path     string // file on the host to copy instead of data
}

const (
	passwd = "root:x:0:0:root:/root:/sbin/nologin\ntemporal:x:1000:1000:temporal:" + home + ":/sbin/nologin\n"
	group  = "root:x:0:\ntemporal:x:1000:\n"
)

// files is the layer of an image whose binary is at binDir/name, in tar order
// (parents first, sorted): one fixed list, so one digest per binary.
func files(binary, name string) ([]entry, error) {
	certs, err := caBundle()
	if err != nil {
		return nil, err
	}
	dir := func(n string, mode int64, id int) entry { return entry{name: n, mode: mode, uid: id, gid: id} }
	return []entry{
		dir("etc/", 0o755, 0),
		{name: "etc/group", mode: 0o644, data: []byte(group)},
		{name: "etc/passwd", mode: 0o644, data: []byte(passwd)},
		dir("etc/ssl/", 0o755, 0),
		dir("etc/ssl/certs/", 0o755, 0),
		{name: "etc/ssl/certs/ca-certificates.crt", mode: 0o644, data: certs},
		dir("home/", 0o755, 0),
		dir("home/temporal/", 0o700, uid),
		{name: "tmp/", mode: 0o1777},
		dir("usr/", 0o755, 0),
		dir("usr/local/", 0o755, 0),
		dir("usr/local/bin/", 0o755, 0),
		{name: "usr/local/bin/" + name, mode: 0o755, path: binary},
	}, nil
}

// caBundle is the Mozilla (NSS) root store of the golang.org/x/crypto
// x509roots/fallback module pinned in go.sum, as PEM at the path Go's
// crypto/x509 reads on Linux. Pinned rather than copied from the host's
// ca-certificates so the digest depends only on the tree; bump the module to
// refresh it. Roots with an NSS distrust-after date are left out: a PEM file
// cannot carry that constraint, and they are being retired.
func caBundle() ([]byte, error) {
	var b bytes.Buffer
	n := 0
	for r := range bundle.Roots() {
		if r.Constraint != nil {
			continue
		}
		if err := pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: r.Certificate}); err != nil {
			return nil, err
		}
		n++
	}
	if n < 50 {
		return nil, fmt.Errorf("the pinned CA bundle has only %d roots", n)
	}
	return b.Bytes(), nil
}

// newLayer writes the tar of files(binary, name) with every timestamp at the
// epoch and numeric owners only, gzips it once, and returns it as an OCI layer.
// The gzip stream (level, no name, zero mtime) is a function of the tar and
// the Go toolchain's compress/flate.
func newLayer(binary, name string) (v1.Layer, error) {
	entries, err := files(binary, name)
	if err != nil {
		return nil, err
	}
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.DefaultCompression)
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(zw)
	for _, e := range entries {
		if err := writeEntry(tw, e); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	compressed := gz.Bytes()
	return tarball.LayerFromOpener(func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(compressed)), nil
	}, tarball.WithMediaType(types.OCILayer))
}

func writeEntry(tw *tar.Writer, e entry) error {
	h := &tar.Header{
		Name:    e.name,
		Mode:    e.mode,
		Uid:     e.uid,
		Gid:     e.gid,
		ModTime: epoch,
		Format:  tar.FormatUSTAR,
	}
	if e.name[len(e.name)-1] == '/' {
		h.Typeflag = tar.TypeDir
		return tw.WriteHeader(h)
	}
	h.Typeflag = tar.TypeReg
	if e.path == "" {
		h.Size = int64(len(e.data))
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		_, err := tw.Write(e.data)
		return err
	}
	f, err := os.Open(e.path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	h.Size = fi.Size()
	if err := tw.WriteHeader(h); err != nil {
		return err
	}
	if _, err := io.Copy(tw, f); err != nil {
		return fmt.Errorf("%s: %w", e.path, err)
	}
	return nil
}
