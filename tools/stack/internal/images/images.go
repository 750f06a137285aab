// Package images builds the server, poller and dexlogin OCI images from static binaries, reproducibly, with no Docker daemon and no base image.
package images

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/types"

	"github.com/temporal-stack/stack/tools/stack/internal/bump"
)

// Spec describes one image.
type Spec struct {
	Name    string   // image name under the repository prefix, e.g. "server"
	Package string   // Go package of its binary, relative to the repository root
	Binary  string   // file name under /usr/local/bin: the entrypoint
	Cmd     []string // default arguments
	Env     []string // beyond PATH and HOME
	Ports   []string // documentation only, e.g. "9095/tcp"
}

// Specs are the images "stack images" builds.
var Specs = []Spec{
	// The upstream chart sets neither command nor args, so the image's
	// entrypoint + cmd must start the server, which then reads
	// TEMPORAL_SERVICES and TEMPORAL_SERVER_CONFIG_FILE_PATH from the pod.
	// "start" is a cmd, not part of the entrypoint, so "docker run IMAGE
	// render-config" and the chart's args still work.
	{Name: "server", Package: "./server", Binary: "temporal-stack-server", Cmd: []string{"start"}},
	// Listening on loopback (the poller's own default) is useless in a pod.
	{Name: "poller", Package: "./poller", Binary: "temporal-stack-poller", Env: []string{"POLLER_LISTEN=:9095"}, Ports: []string{"9095/tcp"}},
	{Name: "dexlogin", Package: "./dexlogin", Binary: "dexlogin"},
}

const (
	// Repository prefixes image names in the layout and the local daemon.
	Repository = "temporal-stack"
	// Source is the org.opencontainers.image.source label.
	Source = "https://github.com/temporal-stack/stack"
	// GOOS and GOARCH of every image (the chart's nodes).
	GOOS, GOARCH = "linux", "amd64"

	uid, gid = 1000, 1000
	home     = "/home/temporal"
	binDir   = "/usr/local/bin"
)

// epoch is every timestamp in an image: the build time would change digests.
var epoch = time.Unix(0, 0).UTC()

// Image is one built image.
type Image struct {
	Spec
	Tag    string // "<temporal version>-stack.<build>", see Tag
	Image  v1.Image
	Digest v1.Hash // of the OCI manifest
	Size   int64   // manifest + config + layer, as stored and pushed
}

// Ref is the image's name and tag in the layout and a local daemon.
func (i Image) Ref() string { return Repository + "/" + i.Name + ":" + i.Tag }

// LocalRef is the image's moving local alias, "<name>:<temporal>-stack.local":
// the newest build on this machine, which the chart's default image tag
// (<appVersion>-stack.local) names, so a plain "helm install" finds it.
func (i Image) LocalRef() string {
	temporal, _, _ := strings.Cut(i.Tag, "-stack.")
	return Repository + "/" + i.Name + ":" + temporal + "-stack.local"
}

// Refs are both references an image is written and loaded under.
func (i Image) Refs() []string { return []string{i.Ref(), i.LocalRef()} }

// Options control Build.
type Options struct {
	Root     string    // repository root
	Build    string    // our build ID; empty: BuildID(Root), which also sets Revision
	Revision string    // git commit for the revision label; empty: no label
	Log      io.Writer // progress; nil: none
	// Binaries, when set, are prebuilt static linux/amd64 binaries by image
	// name (e.g. Bazel's): only those images are assembled, nothing is compiled.
	Binaries map[string]string
}

// Tag is an image tag: the Temporal version, then our build.
func Tag(temporal, build string) string { return temporal + "-stack." + build }

// Build compiles the binaries and assembles one image per Spec. For one
// tree and Go toolchain the digests are the same on every run and host.
func Build(ctx context.Context, o Options) ([]Image, error) {
	temporal, _, err := bump.Current(o.Root)
	if err != nil {
		return nil, err
	}
	if o.Build == "" {
		if o.Build, o.Revision, err = BuildID(o.Root); err != nil {
			return nil, err
		}
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	tag := Tag(temporal, o.Build)
	if _, err := name.NewTag(Repository + "/x:" + tag); err != nil {
		return nil, fmt.Errorf("build ID %q does not make a valid tag: %w", o.Build, err)
	}
	bins := o.Binaries
	if bins == nil {
		built, cleanup, err := buildBinaries(ctx, o.Root, o.Build, Specs, o.Log)
		if err != nil {
			return nil, err
		}
		defer cleanup()
		bins = built
	}
	for n := range bins {
		if !slices.ContainsFunc(Specs, func(s Spec) bool { return s.Name == n }) {
			return nil, fmt.Errorf("no image is called %q (images: server, poller, dexlogin)", n)
		}
	}
	var out []Image
	for _, s := range Specs {
		if _, ok := bins[s.Name]; !ok {
			continue
		}
		img, err := assemble(s, bins[s.Name], tag, o.Revision)
		if err != nil {
			return nil, fmt.Errorf("image %s: %w", s.Name, err)
		}
		out = append(out, img)
	}
	return out, nil
}

// assemble makes the image of one binary: a single layer on nothing.
func assemble(s Spec, binary, tag, revision string) (Image, error) {
	layer, err := newLayer(filepath.Clean(binary), s.Binary)
	if err != nil {
		return Image{}, err
	}
	labels := map[string]string{
		"org.opencontainers.image.title":   Repository + "/" + s.Name,
		"org.opencontainers.image.version": tag,
		"org.opencontainers.image.source":  Source,
	}
	if revision != "" {
		labels["org.opencontainers.image.revision"] = revision
	}
	var ports map[string]struct{}
	for _, p := range s.Ports {
		if ports == nil {
			ports = map[string]struct{}{}
		}
		ports[p] = struct{}{}
	}
	cfg := &v1.ConfigFile{
		Architecture: GOARCH,
		OS:           GOOS,
		Created:      v1.Time{Time: epoch},
		RootFS:       v1.RootFS{Type: "layers"},
		Config: v1.Config{
			User:         fmt.Sprintf("%d:%d", uid, gid),
			Entrypoint:   []string{binDir + "/" + s.Binary},
			Cmd:          s.Cmd,
			WorkingDir:   home,
			Env:          append([]string{"PATH=" + binDir + ":/usr/bin:/bin", "HOME=" + home}, s.Env...),
			Labels:       labels,
			ExposedPorts: ports,
		},
	}
	img := mutate.MediaType(empty.Image, types.OCIManifestSchema1)
	img = mutate.ConfigMediaType(img, types.OCIConfigJSON)
	img, err = mutate.ConfigFile(img, cfg)
	if err != nil {
		return Image{}, err
	}
	img, err = mutate.Append(img, mutate.Addendum{
		Layer:     layer,
		MediaType: types.OCILayer,
		History:   v1.History{Created: v1.Time{Time: epoch}, CreatedBy: "go run ./tools/stack images", Comment: s.Package},
	})
	if err != nil {
		return Image{}, err
	}
	digest, err := img.Digest()
	if err != nil {
		return Image{}, err
	}
	m, err := img.Manifest()
	if err != nil {
		return Image{}, err
	}
	raw, err := img.RawManifest()
	if err != nil {
		return Image{}, err
	}
	size := int64(len(raw)) + m.Config.Size
	for _, l := range m.Layers {
		size += l.Size
	}
	return Image{Spec: s, Tag: tag, Image: img, Digest: digest, Size: size}, nil
}
