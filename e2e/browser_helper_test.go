package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/temporal-stack/stack/internal/toolbin"
)

var npmOnce sync.Once

// browserLogin signs in to the Web UI at uiURL through Dex with a real
// headless Chromium (e2e/browser/login.mjs) and waits for workflowID in the
// namespace's list. The screenshot is kept in e2e/artifacts; its path is
// returned.
func browserLogin(t *testing.T, uiURL, user, password, namespace, workflowID string) string {
	t.Helper()
	return browserLoginCodec(t, uiURL, user, password, namespace, workflowID, "")
}

// browserLoginCodec is browserLogin that then opens the workflow and waits
// for the UI to call the codec server at codecEndpoint ("" = do not).
func browserLoginCodec(t *testing.T, uiURL, user, password, namespace, workflowID, codecEndpoint string) string {
	t.Helper()
	if _, err := exec.LookPath("chromium"); err != nil {
		t.Fatal("chromium not found: apt-get install -y --no-install-recommends chromium (the UI login test drives a real browser)")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node not found: the UI login test runs playwright-core on Node.js")
	}
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "e2e", "browser")
	var npmErr error
	npmOnce.Do(func() {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", "playwright-core")); err == nil {
			return
		}
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			npmErr = fmt.Errorf("npm ci in %s: %v\n%s", dir, err, out)
		}
	})
	if npmErr != nil {
		t.Fatal(npmErr)
	}
	artifacts := filepath.Join(root, "e2e", "artifacts")
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(artifacts, fmt.Sprintf("%s-%s.png", strings.ReplaceAll(t.Name(), "/", "_"), time.Now().Format("150405")))
	cmd := exec.Command("node", "login.mjs")
	cmd.Dir = dir
	// The password goes through the environment, never the command line.
	cmd.Env = append(os.Environ(), "UI_URL="+uiURL, "UI_USER="+user, "UI_PASSWORD="+password,
		"UI_NAMESPACE="+namespace, "UI_WORKFLOW_ID="+workflowID, "UI_SCREENSHOT="+shot, "UI_CODEC_ENDPOINT="+codecEndpoint)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("browser login to %s: %v\n%s\n(screenshot: %s)", uiURL, err, out, strings.TrimSuffix(shot, ".png")+"-failure.png")
	}
	if st, err := os.Stat(shot); err != nil || st.Size() == 0 {
		t.Fatalf("no screenshot at %s: %v\n%s", shot, err, out)
	}
	t.Logf("browser: %s", strings.TrimSpace(string(out)))
	return shot
}
