package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"

	"github.com/temporal-stack/stack/internal/harness/containerd"
	"github.com/temporal-stack/stack/internal/harness/dex"
	"github.com/temporal-stack/stack/internal/harness/docker"
	"github.com/temporal-stack/stack/internal/localconfig"
	"github.com/temporal-stack/stack/internal/proc"
)

// TestImagesRunInDocker loads "stack images" into a real Docker engine and
// runs each image as a hardened pod would: read-only root, uid 1000, every
// capability dropped, no new privileges. The server starts from the upstream
// chart's env contract (TEMPORAL_SERVICES, TEMPORAL_SERVER_CONFIG_FILE_PATH)
// on SQLite, with auth on against a real Dex, and runs a workflow; the poller
// checks it; dexlogin answers.
func TestImagesRunInDocker(t *testing.T) {
	endToEnd(t, "runs a Docker engine, Dex and our images")
	engine := docker.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()

	layoutDir, out := stackImages(ctx, t, []string{"DOCKER_HOST=" + engine.Host})
	if !strings.Contains(out, "loaded into the local Docker daemon") {
		t.Fatalf("stack images did not load the engine:\n%s", out)
	}
	refs, err := engine.Docker(ctx, "image", "ls", "--format", "{{.Repository}}:{{.Tag}}")
	if err != nil {
		t.Fatal(err)
	}
	image := map[string]string{}
	for _, ref := range strings.Fields(refs) {
		if name, ok := strings.CutPrefix(ref, "temporal-stack/"); ok {
			image[name[:strings.IndexByte(name, ':')]] = ref
		}
	}
	if len(image) != 3 {
		t.Fatalf("the engine has %v, want the server, poller and dexlogin images", refs)
	}
	// The chart's default image tag names the newest local build, so a plain helm install finds it.
	for _, n := range []string{"server", "poller", "dexlogin"} {
		if ref := "temporal-stack/" + n + ":1.32.1-stack.local"; !slices.Contains(strings.Fields(refs), ref) {
			t.Errorf("the engine lacks %s (the chart's default tag): %v", ref, refs)
		}
	}
	hardened := []string{"run", "--network", "host", "--read-only", "--user", "1000:1000", "--cap-drop", "ALL",
		"--security-opt", "no-new-privileges"}

	d := dex.Start(t, dex.Options{Users: []dex.User{{Email: "admin@example.com", Password: "admin-pw"}}})
	dir := t.TempDir()
	for _, p := range []string{dir, filepath.Dir(dir)} {
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	dcDir := filepath.Join(dir, "dynamic")
	if err := os.Mkdir(dcDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dcDir, "dynamic_config.yaml"), []byte(`stack.auth.rolePolicy:
  - value:
      users: {admin@example.com: ["temporal-system:admin"]}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := localconfig.Config{DataDir: "/data", DynamicConfigFile: "/etc/temporal/dynamic/dynamic_config.yaml"}
	for _, f := range cfg.Ports() {
		if *f, err = proc.FreePort(); err != nil {
			t.Fatal(err)
		}
	}
	cfgPath := filepath.Join(dir, "config.yaml")
	f, err := os.OpenFile(cfgPath, os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if err := localconfig.Write(f, cfg); err != nil {
		t.Fatal(err)
	}
	f.Close()

	// The server, as the upstream chart runs it: no command, the env contract.
	args := append(append([]string{}, hardened...), "--detach", "--name", "temporal-server",
		"--tmpfs", "/data:rw,uid=1000,gid=1000,mode=0700",
		"-v", cfgPath+":/etc/temporal/config/config.yaml:ro", "-v", dcDir+":/etc/temporal/dynamic:ro",
		"-e", "TEMPORAL_SERVICES=frontend,internal-frontend,history,matching,worker",
		"-e", "TEMPORAL_SERVER_CONFIG_FILE_PATH=/etc/temporal/config/config.yaml",
		"-e", "TEMPORAL_AUTH_ISSUER="+d.Issuer, "-e", "TEMPORAL_AUTH_AUDIENCE="+dex.PublicClient,
		"-e", "TEMPORAL_NAMESPACES=default", image["server"])
	if _, err := engine.Docker(ctx, args...); err != nil {
		t.Fatal(err)
	}
	logs := func() string {
		out, _ := engine.Docker(context.Background(), "logs", "--tail", "40", "temporal-server")
		return out
	}
	frontend := fmt.Sprintf("127.0.0.1:%d", cfg.Frontend)
	serving := proc.FrontendServing(frontend)
	deadline := time.Now().Add(90 * time.Second)
	for err := serving(ctx); err != nil; err = serving(ctx) {
		if time.Now().After(deadline) {
			t.Fatalf("the server container is not serving: %v\n%s", err, logs())
		}
		time.Sleep(200 * time.Millisecond)
	}

	t.Run("the server container serves a workflow with auth on", func(t *testing.T) {
		tok, err := d.Login("admin@example.com")
		if err != nil {
			t.Fatal(err)
		}
		c, err := client.Dial(client.Options{HostPort: frontend, Namespace: "default", HeadersProvider: bearerHeader(tok.Access)})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: "default"}); err != nil {
			t.Fatalf("describe default: %v\n%s", err, logs())
		}
		runGreeting(t, frontend, tok.Access, "in-docker")
		if _, err := client.Dial(client.Options{HostPort: frontend, Namespace: "default"}); err != nil {
			t.Fatal(err)
		}
		if err := describeAs(frontend, "not-a-token"); !isDenied(err) {
			t.Fatalf("a bad token: %v", err)
		}
	})

	t.Run("the server runs as uid 1000 on a read-only root", func(t *testing.T) {
		out, err := engine.Docker(ctx, "inspect", "--format", "{{.Config.User}} {{.HostConfig.ReadonlyRootfs}} {{.HostConfig.CapDrop}}", "temporal-server")
		if err != nil || strings.TrimSpace(out) != "1000:1000 true [ALL]" {
			t.Fatalf("inspect: %q %v", out, err)
		}
	})

	t.Run("the poller checks every history host", func(t *testing.T) {
		out, err := engine.Docker(ctx, append(append([]string{}, hardened...), "--rm", image["poller"],
			"--address", fmt.Sprintf("127.0.0.1:%d", cfg.Internal), "--once")...)
		if err != nil || !strings.Contains(out, "history hosts serve") {
			t.Fatalf("poller --once: %v\n%s", err, out)
		}
	})

	t.Run("the OCI layout imports into containerd, as a node's runtime takes it", func(t *testing.T) {
		c := containerd.Start(t)
		archive := filepath.Join(t.TempDir(), "images.tar")
		if err := tarDir(layoutDir, archive); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Ctr(ctx, "images", "import", archive); err != nil {
			t.Fatal(err)
		}
		out, err := c.Ctr(ctx, "images", "ls", "-q")
		if err != nil {
			t.Fatal(err)
		}
		for name, ref := range image {
			if !strings.Contains(out, "docker.io/"+ref) && !strings.Contains(out, ref) {
				t.Errorf("containerd lacks the %s image %s: %s", name, ref, out)
			}
		}
	})

	t.Run("dexlogin answers", func(t *testing.T) {
		out, err := engine.Docker(ctx, append(append([]string{}, hardened...), "--rm", image["dexlogin"], "--version")...)
		if err != nil || !strings.Contains(out, "dexlogin") {
			t.Fatalf("dexlogin --version: %v\n%s", err, out)
		}
	})
}
