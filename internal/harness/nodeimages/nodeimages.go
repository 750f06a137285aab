// Package nodeimages builds, where no image can be pulled, the third-party
// images a default install of the chart runs: Dex, the Temporal Web UI and
// MinIO from their pinned source, and a PostgreSQL stand-in from Debian's
// packages, under the references the chart uses.
package nodeimages

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"

	"github.com/temporal-stack/stack/internal/toolbin"
)

// The images and the pinned source each is built from. The release tags are
// the upstream images' tags for exactly that source; TestChartPinsWhatIsBuilt
// checks that the chart's values name these references.
const (
	// Dex: tools/deps/dex pins github.com/dexidp/dex at commit 43956db7fd75,
	// which is the commit tagged v2.41.1 (the module has no semver tags).
	Dex       = "ghcr.io/dexidp/dex:v2.41.1"
	DexCommit = "43956db7fd75"
	// UI: tools/deps/ui pins github.com/temporalio/ui-server/v2 v2.55.0, the
	// server (with the built UI embedded) of temporalio/ui 2.55.0.
	UI        = "temporalio/ui:2.55.0"
	UIVersion = "v2.55.0"
	// MinIO: tools/deps/minio pins github.com/minio/minio at commit
	// 07c3a429bfed, the commit tagged RELEASE.2025-09-07T16-13-09Z.
	MinIO       = "quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z"
	MinIOCommit = "07c3a429bfed"
	// PostgresStandIn is not the official postgres image, which cannot be
	// built here: Debian's PostgreSQL server binaries with an entrypoint
	// (./pgstandin) honouring the official image's documented env contract.
	PostgresStandIn = "temporal-stack/postgres-standin:bookworm"
	// AdminToolsStandIn is not temporalio/admin-tools either: the upstream
	// chart's schema Job (whose stores our own Jobs set up) only runs a shell
	// echo in it, and its helm test pod "temporal operator cluster health".
	// Debian's dash, Temporal's SQL tool from the pinned server and the pinned
	// temporal CLI (toolbin.TemporalCLI).
	AdminToolsStandIn = "temporal-stack/admin-tools-standin:bookworm"
)

// Image is one built image.
type Image struct {
	Ref    string  // reference, as the chart names it
	Digest v1.Hash // of its manifest
}

// Build builds every image and writes them into one docker-save archive
// (which containerd's "ctr images import" and "docker load" read). Binaries
// come from toolbin (built on first use, a few minutes cold); PostgreSQL
// from the host's Debian packages (postgresql), which must be installed.
func Build(ctx context.Context, archive string) ([]Image, error) {
	builders := []struct {
		ref   string
		build func(context.Context) (v1.Image, error)
	}{{Dex, dexImage}, {UI, uiImage}, {MinIO, minioImage}, {PostgresStandIn, postgresImage}, {AdminToolsStandIn, adminToolsImage}}
	refs := map[name.Reference]v1.Image{}
	var out []Image
	for _, b := range builders {
		img, err := b.build(ctx)
		if err != nil {
			return nil, fmt.Errorf("image %s: %w", b.ref, err)
		}
		tag, err := name.NewTag(b.ref)
		if err != nil {
			return nil, err
		}
		d, err := img.Digest()
		if err != nil {
			return nil, err
		}
		refs[tag] = img
		out = append(out, Image{Ref: b.ref, Digest: d})
	}
	if err := tarball.MultiRefWriteToFile(archive, refs); err != nil {
		return nil, err
	}
	return out, nil
}

// config describes an image's runtime settings.
type config struct {
	user       string
	workingDir string
	entrypoint []string
	cmd        []string
	env        []string
	source     string // for the org.opencontainers.image.description label
}

const pathEnv = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

func image(t *tree, c config) (v1.Image, error) {
	layer, err := t.layer()
	if err != nil {
		return nil, err
	}
	img, err := mutate.Append(empty.Image, mutate.Addendum{Layer: layer, History: v1.History{Created: v1.Time{Time: epoch},
		CreatedBy: "temporal-stack internal/harness/nodeimages", Comment: c.source}})
	if err != nil {
		return nil, err
	}
	cf, err := img.ConfigFile()
	if err != nil {
		return nil, err
	}
	cf = cf.DeepCopy()
	cf.OS, cf.Architecture, cf.Created = "linux", "amd64", v1.Time{Time: epoch}
	cf.Config = v1.Config{User: c.user, WorkingDir: c.workingDir, Entrypoint: c.entrypoint, Cmd: c.cmd,
		Env:    append([]string{pathEnv}, c.env...),
		Labels: map[string]string{"org.opencontainers.image.description": "Built for the temporal-stack test node from " + c.source}}
	return mutate.ConfigFile(img, cf)
}

// base adds what every image has: /etc/passwd and /etc/group naming the
// image's users, /tmp, and the host's CA bundle when it has one.
func base(users map[int]string) *tree {
	t := newTree()
	passwd, group := "root:x:0:0:root:/root:/sbin/nologin\n", "root:x:0:\n"
	ids := make([]int, 0, len(users))
	for id := range users {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		passwd += fmt.Sprintf("%s:x:%d:%d::/home/%s:/sbin/nologin\n", users[id], id, id, users[id])
		group += fmt.Sprintf("%s:x:%d:\n", users[id], id)
	}
	t.file("/etc/passwd", 0o644, []byte(passwd))
	t.file("/etc/group", 0o644, []byte(group))
	t.dir("/tmp", 0o1777, 0, 0)
	if _, err := os.Stat("/etc/ssl/certs/ca-certificates.crt"); err == nil {
		t.copyFile("/etc/ssl/certs/ca-certificates.crt", "/etc/ssl/certs/ca-certificates.crt")
	}
	return t
}

// dexImage lays Dex out as its official image does: /usr/local/bin/dex, the
// config directory /etc/dex and the data directory /var/dex owned by 1001,
// user 1001, "dex serve /etc/dex/config.docker.yaml" as the default command.
// (The official entrypoint only renders templates and then runs its
// arguments; its web assets are compiled into the binary.)
func dexImage(context.Context) (v1.Image, error) {
	bin, err := toolbin.Path(toolbin.Dex)
	if err != nil {
		return nil, err
	}
	t := base(map[int]string{1001: "dex"})
	t.copyFile("/usr/local/bin/dex", bin)
	t.dir("/etc/dex", 0o755, 1001, 1001)
	t.dir("/var/dex", 0o755, 1001, 1001)
	t.dir("/home/dex", 0o755, 1001, 1001)
	return image(t, config{user: "1001:1001", cmd: []string{"dex", "serve", "/etc/dex/config.docker.yaml"},
		source: "github.com/dexidp/dex " + DexCommit + " (v2.41.1)"})
}

// uiImage lays the Web UI out as temporalio/ui does: ui-server and its
// templated config/docker.yaml (from the same module) in /home/ui-server,
// user 1000, serving on the TEMPORAL_* env contract that file defines.
func uiImage(ctx context.Context) (v1.Image, error) {
	bin, err := toolbin.Path(toolbin.UIServer)
	if err != nil {
		return nil, err
	}
	dir, err := moduleDir(ctx, "ui", "github.com/temporalio/ui-server/v2")
	if err != nil {
		return nil, err
	}
	t := base(map[int]string{1000: "temporal"})
	t.dir("/home/ui-server", 0o755, 1000, 1000)
	t.copyFile("/home/ui-server/ui-server", bin)
	t.dir("/home/ui-server/config", 0o755, 1000, 1000)
	t.copyFile("/home/ui-server/config/docker.yaml", filepath.Join(dir, "config", "docker.yaml"))
	return image(t, config{user: "1000:1000", workingDir: "/home/ui-server", entrypoint: []string{"./ui-server", "--env", "docker", "start"},
		env: []string{"TEMPORAL_CLOUD_UI=false"}, source: "github.com/temporalio/ui-server/v2 " + UIVersion})
}

// minioImage runs /usr/bin/minio with the container's arguments, as the
// official image's entrypoint does for arguments that do not start with
// "minio" (the chart's "server /data ..."). It has no shell and no mc.
func minioImage(context.Context) (v1.Image, error) {
	bin, err := toolbin.Path(toolbin.MinIO)
	if err != nil {
		return nil, err
	}
	t := base(map[int]string{1000: "minio"})
	t.copyFile("/usr/bin/minio", bin)
	t.dir("/data", 0o755, 1000, 1000)
	return image(t, config{entrypoint: []string{"/usr/bin/minio"}, cmd: []string{"server", "/data"},
		env: []string{"MINIO_CONFIG_ENV_FILE=config.env"}, source: "github.com/minio/minio " + MinIOCommit + " (RELEASE.2025-09-07T16-13-09Z)"})
}

// moduleDir is the module cache directory of module, as the tool module
// tools/deps/<tool> resolves it.
func moduleDir(ctx context.Context, tool, module string) (string, error) {
	root, err := toolbin.Root()
	if err != nil {
		return "", err
	}
	cmd := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Dir}}", module)
	cmd.Dir = filepath.Join(root, "tools", "deps", tool)
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go list -m %s in tools/deps/%s: %w", module, tool, err)
	}
	dir := strings.TrimSpace(string(out))
	if dir == "" {
		return "", fmt.Errorf("module %s is not in the module cache (go mod download in tools/deps/%s)", module, tool)
	}
	return dir, nil
}
