package images

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/temporal-stack/stack/internal/toolbin"
	"github.com/temporal-stack/stack/tools/stack/internal/cli"
)

const usage = `usage: go run ./tools/stack images [--out DIR] [--push REGISTRY] [--no-load] [--build ID] [--binary NAME=PATH ...]

Builds the server, poller and dexlogin images for linux/amd64 from static
binaries (no Docker daemon, no base image): uid 1000, every timestamp at the
epoch, so one tree gives the same digests on every build. Tags are
<temporal version>-stack.<build>: the version from go.mod, the build the git
commit (plus ".dirty-<hash>" for uncommitted changes). Writes an OCI image
layout, loads the images into a local Docker daemon if one answers, and pushes
them with --push. With --binary, only the named images are made, from those
prebuilt static linux/amd64 binaries (Bazel's //images rules use this).

flags:
`

// Run parses the flags of "images", builds the images and delivers them.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlagSet("images", usage)
	root, err := toolbin.Root()
	if err != nil {
		return err
	}
	out := fs.String("out", filepath.Join(root, ".cache", "images"), "OCI image layout directory to write (a layout already there is replaced)")
	push := fs.String("push", "", "also push to this registry and repository prefix, e.g. 127.0.0.1:5000/temporal-stack (plain HTTP for loopback)")
	noLoad := fs.Bool("no-load", false, "do not load the images into a local Docker daemon")
	build := fs.String("build", "", "the build part of the tag (default: the git commit, plus .dirty-<hash> for uncommitted changes)")
	binaries := map[string]string{}
	fs.Func("binary", "NAME=PATH: make image NAME (server, poller, dexlogin) from this binary instead of compiling; repeatable", func(v string) error {
		n, p, ok := strings.Cut(v, "=")
		if !ok || n == "" || p == "" {
			return fmt.Errorf("want NAME=PATH, got %q", v)
		}
		if _, dup := binaries[n]; dup {
			return fmt.Errorf("image %s given twice", n)
		}
		binaries[n] = p
		return nil
	})
	if err := fs.Parse(args, 0); err != nil {
		return err
	}
	dir, err := filepath.Abs(*out)
	if err != nil {
		return err
	}
	o := Options{Root: root, Build: *build, Log: stderr}
	if len(binaries) > 0 {
		o.Binaries = binaries
	}
	imgs, err := Build(ctx, o)
	if err != nil {
		return err
	}
	if err := WriteLayout(dir, imgs); err != nil {
		return err
	}
	for _, img := range imgs {
		fmt.Fprintf(stdout, "%-8s  %s  %s  %.1f MB\n", img.Name, img.Ref(), img.Digest, float64(img.Size)/1e6)
	}
	fmt.Fprintf(stdout, "OCI layout: %s\n", dir)
	if !*noLoad {
		loaded, err := Load(ctx, imgs, stdout)
		if err != nil {
			return err
		}
		if loaded {
			fmt.Fprintln(stdout, "loaded into the local Docker daemon")
		}
	}
	if *push != "" {
		refs, err := Push(ctx, *push, imgs)
		if err != nil {
			return err
		}
		for i, ref := range refs {
			fmt.Fprintf(stdout, "pushed %s@%s\n", ref, imgs[i].Digest)
		}
	}
	return nil
}
