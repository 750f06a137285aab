package images

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/temporal-stack/stack/internal/toolbin"
)

// buildBinaries compiles every spec's package once, statically and
// reproducibly: no cgo, no paths, no VCS stamp, no build ID, and a build
// environment that ignores the caller's GOFLAGS/GOAMD64/GOEXPERIMENT. Only
// internal/version.Build is stamped. It returns spec name -> binary.
func buildBinaries(ctx context.Context, root, build string, specs []Spec, log io.Writer) (map[string]string, func(), error) {
	dir, err := os.MkdirTemp("", "stack-images-")
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	args := []string{"build", "-trimpath", "-buildvcs=false",
		"-ldflags", "-s -w -buildid= -X " + toolbin.ModulePath + "/internal/version.Build=" + build,
		"-o", dir + string(filepath.Separator)}
	bins := map[string]string{}
	for _, s := range specs {
		args = append(args, s.Package)
		bins[s.Name] = filepath.Join(dir, path.Base(s.Package))
	}
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+GOOS, "GOARCH="+GOARCH, "GOAMD64=v1",
		"GOFLAGS=", "GOEXPERIMENT=", "GOTOOLCHAIN=local")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = toolbin.WithLock(root, func() error {
		start := time.Now()
		fmt.Fprintf(log, "images: go %s\n", strings.Join(args, " "))
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build in %s: %w\n%s", root, err, out.String())
		}
		fmt.Fprintf(log, "images: built %d binaries in %s\n", len(specs), time.Since(start).Round(time.Second))
		return nil
	})
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	return bins, cleanup, nil
}

// BuildID names our build of the tree at root, and so the "stack.<build>"
// part of every tag. With a clean working tree it is the HEAD commit's first
// 12 hex digits, and revision is the full commit (the image's revision label);
// with uncommitted changes it is "<commit>.dirty-<hash>", hash being 8 hex
// digits of SHA-256 over the path, exec bit and contents of every file that
// differs from HEAD or is untracked and not ignored (contents, not a diff, so
// no git version or diff setting changes it), and revision is empty. So one
// tree always gets one ID, and so one set of digests, and an edited tree never
// passes for its commit.
func BuildID(root string) (id, revision string, err error) {
	commit, err := git(root, "rev-parse", "--verify", "HEAD^{commit}")
	if err != nil {
		return "", "", err
	}
	commit = strings.TrimSpace(commit)
	changed, err := git(root, "diff", "HEAD", "--name-only", "-z", "--no-renames", "--no-ext-diff")
	if err != nil {
		return "", "", err
	}
	untracked, err := git(root, "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return "", "", err
	}
	var names []string
	for _, n := range strings.Split(changed+untracked, "\x00") {
		if n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return commit[:12], commit, nil
	}
	slices.Sort(names)
	names = slices.Compact(names)
	h := sha256.New()
	for _, n := range names {
		p := filepath.Join(root, filepath.FromSlash(n))
		fi, err := os.Lstat(p)
		if errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(h, "%s\x00deleted\x00", n)
			continue
		}
		if err != nil {
			return "", "", err
		}
		var data []byte
		switch {
		case fi.Mode()&os.ModeSymlink != 0:
			t, err := os.Readlink(p)
			if err != nil {
				return "", "", err
			}
			data = []byte(t)
		case fi.Mode().IsRegular():
			if data, err = os.ReadFile(p); err != nil {
				return "", "", err
			}
		}
		fmt.Fprintf(h, "%s\x00%v\x00%d\x00", n, fi.Mode()&(os.ModeSymlink|os.ModeDir|0o111), len(data))
		h.Write(data)
	}
	return commit[:12] + ".dirty-" + hex.EncodeToString(h.Sum(nil))[:8], "", nil
}

// git runs a read-only git command in root. GIT_OPTIONAL_LOCKS=0: never take
// the index lock (git status would, to refresh it) under someone's feet.
func git(root string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s in %s: %w: %s (the image tag names a git commit; build from a git checkout)",
			strings.Join(args, " "), root, err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}
