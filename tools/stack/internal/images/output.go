package images

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/daemon"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/moby/moby/client"
)

// WriteLayout writes the images into one OCI image layout at dir, replacing
// a layout already there (never any other directory with contents). Each
// index entry is annotated with its full reference: ref.name for OCI tools
// and io.containerd.image.name for containerd and "docker load".
func WriteLayout(dir string, imgs []Image) error {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		if _, err := os.Stat(filepath.Join(dir, "oci-layout")); err != nil {
			return fmt.Errorf("%s exists and is not an OCI layout: choose another --out", dir)
		}
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
	}
	p, err := layout.Write(dir, empty.Index)
	if err != nil {
		return err
	}
	for _, img := range imgs {
		for _, ref := range img.Refs() {
			err := p.AppendImage(img.Image,
				layout.WithAnnotations(map[string]string{
					"org.opencontainers.image.ref.name": ref,
					"io.containerd.image.name":          ref,
				}),
				layout.WithPlatform(v1.Platform{OS: GOOS, Architecture: GOARCH}))
			if err != nil {
				return fmt.Errorf("writing %s to %s: %w", ref, dir, err)
			}
		}
	}
	return nil
}

// Push pushes every image as PREFIX/<name>:<tag>, e.g. with prefix
// 127.0.0.1:5000/temporal-stack, and returns the references. A loopback
// registry is spoken to over plain HTTP; others over HTTPS with the Docker
// credentials of this user.
func Push(ctx context.Context, prefix string, imgs []Image) ([]name.Tag, error) {
	prefix = strings.TrimSuffix(prefix, "/")
	var refs []name.Tag
	for _, img := range imgs {
		s := prefix + "/" + img.Name + ":" + img.Tag
		ref, err := name.NewTag(s, name.StrictValidation)
		if err != nil {
			return nil, fmt.Errorf("--push %s: %w", prefix, err)
		}
		if loopback(ref.RegistryStr()) {
			ref, _ = name.NewTag(s, name.StrictValidation, name.Insecure)
		}
		if err := remote.Write(ref, img.Image, remote.WithContext(ctx), remote.WithAuthFromKeychain(authn.DefaultKeychain)); err != nil {
			return nil, fmt.Errorf("pushing %s: %w", ref, err)
		}
		refs = append(refs, ref)
	}
	return refs, nil
}

func loopback(registry string) bool {
	host, _, err := net.SplitHostPort(registry)
	if err != nil {
		host = strings.Trim(registry, "[]")
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Load loads the images into the local Docker daemon, if one answers
// (DOCKER_HOST, else /var/run/docker.sock); with none it says so and returns
// nil: the OCI layout is the build's output, the daemon a convenience.
//
// This path is compiled but not exercised by the tests: there is no Docker
// daemon where they run. It goes through go-containerregistry's daemon
// package, which streams a docker-archive into the daemon's image load API.
// Docker keeps the config digest (the image ID), not the manifest digest.
func Load(ctx context.Context, imgs []Image, log io.Writer) (loaded bool, err error) {
	host := os.Getenv("DOCKER_HOST")
	if host == "" {
		if _, err := os.Stat("/var/run/docker.sock"); err != nil {
			fmt.Fprintln(log, "images: no Docker daemon (DOCKER_HOST unset, no /var/run/docker.sock): not loaded")
			return false, nil
		}
		host = "unix:///var/run/docker.sock"
	}
	c, err := client.New(client.FromEnv)
	if err != nil {
		return false, fmt.Errorf("docker client for %s: %w", host, err)
	}
	defer c.Close()
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, err := c.Ping(pingCtx, client.PingOptions{NegotiateAPIVersion: true}); err != nil {
		fmt.Fprintf(log, "images: Docker daemon at %s not reachable (%v): not loaded\n", host, err)
		return false, nil
	}
	for _, img := range imgs {
		for _, ref := range img.Refs() {
			tag, err := name.NewTag(ref)
			if err != nil {
				return false, err
			}
			if _, err := daemon.Write(tag, img.Image, daemon.WithClient(c), daemon.WithContext(ctx)); err != nil {
				return false, fmt.Errorf("loading %s into the Docker daemon at %s: %w", ref, host, err)
			}
		}
	}
	return true, nil
}

// Remove deletes every temporal-stack/* image from the local Docker daemon,
// if one answers (like Load, not exercised here: there is no daemon).
func Remove(ctx context.Context, log io.Writer) error {
	if os.Getenv("DOCKER_HOST") == "" {
		if _, err := os.Stat("/var/run/docker.sock"); err != nil {
			fmt.Fprintln(log, "images: no Docker daemon: no local images to remove")
			return nil
		}
	}
	c, err := client.New(client.FromEnv)
	if err != nil {
		return err
	}
	defer c.Close()
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, err := c.Ping(pingCtx, client.PingOptions{NegotiateAPIVersion: true}); err != nil {
		fmt.Fprintf(log, "images: Docker daemon not reachable (%v): no local images removed\n", err)
		return nil
	}
	list, err := c.ImageList(ctx, client.ImageListOptions{})
	if err != nil {
		return err
	}
	for _, img := range list.Items {
		for _, ref := range img.RepoTags {
			if strings.HasPrefix(ref, Repository+"/") {
				if _, err := c.ImageRemove(ctx, ref, client.ImageRemoveOptions{}); err != nil {
					return fmt.Errorf("remove image %s: %w", ref, err)
				}
				fmt.Fprintf(log, "images: removed %s\n", ref)
			}
		}
	}
	return nil
}
