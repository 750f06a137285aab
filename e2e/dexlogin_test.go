package e2e

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/temporal-stack/stack/dexlogin/oidclogin"
	"github.com/temporal-stack/stack/dexlogin/tokencache"
	"github.com/temporal-stack/stack/internal/harness/dex"
	"github.com/temporal-stack/stack/internal/harness/serverproc"
	"github.com/temporal-stack/stack/internal/proc"
	"github.com/temporal-stack/stack/internal/toolbin"
)

func jwtClaims(t *testing.T, tok string) map[string]any {
	t.Helper()
	parts := strings.Split(strings.TrimSpace(tok), ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %q", tok)
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var c map[string]any
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func runDexlogin(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	bin, err := toolbin.Own("./dexlogin")
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return stdout.String(), stderr.String(), ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), 0
}

// TestDexloginPKCE drives dexlogin's real PKCE flow against real Dex: the test
// plays the browser on the URL dexlogin prints.
func TestDexloginPKCE(t *testing.T) {
	endToEnd(t, "builds and runs Dex")
	port, err := proc.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	listen := fmt.Sprintf("127.0.0.1:%d", port)
	d := dex.Start(t, dex.Options{Users: []dex.User{{Email: "alice@example.com", Password: "alice-pw"}},
		RedirectURIs: []string{"http://" + listen + "/callback"}, TokenLifetime: time.Minute})
	cache := t.TempDir()
	common := []string{"--issuer", d.Issuer, "--cache-dir", cache}

	cmd, stdout, stderrBuf, authURL := startLogin(t, listen, append([]string{"--timeout", "60s"}, common...)...)
	if !strings.Contains(authURL, "code_challenge_method=S256") || !strings.Contains(authURL, "nonce=") {
		t.Fatalf("the authorization URL lacks PKCE S256 or a nonce: %s", authURL)
	}
	resp, err := d.Authorize(authURL, "alice@example.com", nil)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("dexlogin: %v\n%s", err, stderrBuf.String())
	}
	rest := stderrBuf.String()
	if !strings.Contains(string(page), "Logged in") {
		t.Fatalf("the callback page says %q", page)
	}
	access := strings.TrimSpace(stdout.String())
	if c := jwtClaims(t, access); c["email"] != "alice@example.com" || c["iss"] != d.Issuer {
		t.Fatalf("stdout is not alice's access token: %v", c)
	}
	if strings.Count(stdout.String(), "\n") != 1 || !strings.Contains(rest, "id_token: ") || !strings.Contains(rest, "refresh_token: ") {
		t.Fatalf("stdout must carry only the access token, stderr the others:\nstdout %q\nstderr %q", stdout.String(), rest)
	}
	files, _ := filepath.Glob(filepath.Join(cache, "*.json"))
	if len(files) != 1 {
		t.Fatalf("cache files %v", files)
	}
	if st, err := os.Stat(files[0]); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("cache file mode %v, %v", st.Mode(), err)
	}

	// token: the 1-minute token is within the refresh margin, so it refreshes silently.
	out, errOut, code := runDexlogin(t, append([]string{"token"}, common...)...)
	if code != 0 || strings.TrimSpace(out) == access || jwtClaims(t, out)["email"] != "alice@example.com" {
		t.Fatalf("dexlogin token: exit %d, stderr %s", code, errOut)
	}
	out, _, code = runDexlogin(t, append([]string{"token", "--output", "json"}, common...)...)
	var js map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &js) != nil || js["refresh_token"] == "" || js["access_token"] == "" {
		t.Fatalf("--output json: exit %d, %q", code, out)
	}

	// The stock temporal CLI through a profile dexlogin writes.
	t.Setenv("TEMPORAL_CONFIG_FILE", filepath.Join(t.TempDir(), "temporal.toml"))
	dcFile := filepath.Join(t.TempDir(), "dynamic_config.yaml")
	if err := os.WriteFile(dcFile, []byte("stack.auth.rolePolicy:\n  - value: {users: {alice@example.com: [\"temporal-system:admin\"]}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serverproc.Start(t, serverproc.Options{DynamicConfigFile: dcFile, Args: []string{"--auth-issuer", d.Issuer, "--auth-audience", dex.PublicClient}})
	if _, e, code := runDexlogin(t, append([]string{"token", "--temporal-profile", "local", "--temporal-address", srv.FrontendAddr}, common...)...); code != 0 {
		t.Fatalf("dexlogin token --temporal-profile: exit %d, %s", code, e)
	}
	cli, err := toolbin.Path(toolbin.TemporalCLI)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(cli, "--profile", "local", "operator", "namespace", "create", "-n", "default").CombinedOutput(); err != nil {
		t.Fatalf("temporal --profile local operator namespace create: %v\n%s", err, out)
	}
	if out, err := exec.Command(cli, "--profile", "local", "workflow", "list").CombinedOutput(); err != nil {
		t.Fatalf("temporal --profile local workflow list: %v\n%s", err, out)
	}
	if st, err := os.Stat(os.Getenv("TEMPORAL_CONFIG_FILE")); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("temporal.toml mode %v, %v", st.Mode(), err)
	}

	// Bad input: clear messages, non-zero exits.
	if _, e, code := runDexlogin(t, "--issuer", "http://127.0.0.1:1/dex", "--no-browser", "--cache-dir", t.TempDir()); code != 1 || !strings.Contains(e, "OIDC discovery failed") {
		t.Fatalf("wrong issuer: exit %d, %s", code, e)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if _, e, code := runDexlogin(t, append([]string{"--no-browser", "--listen", l.Addr().String()}, common...)...); code != 1 || !strings.Contains(e, "cannot listen for the login redirect on "+l.Addr().String()) {
		t.Fatalf("port taken: exit %d, %s", code, e)
	}
	if _, e, code := runDexlogin(t, "token", "--issuer", d.Issuer, "--cache-dir", t.TempDir()); code != 1 || !strings.Contains(e, "not logged in") {
		t.Fatalf("token without a login: exit %d, %s", code, e)
	}
	if _, e, code := runDexlogin(t, "logn"); code != 2 || !strings.Contains(e, "usage: dexlogin") {
		t.Fatalf("typo: exit %d, %s", code, e)
	}
}

// loginProc is a running dexlogin.
type loginProc struct {
	cmd  *exec.Cmd
	done chan error
}

// Wait returns dexlogin's exit error; a dexlogin still running after two
// minutes is killed and reported, so no test hangs on it.
func (l *loginProc) Wait() error {
	select {
	case err := <-l.done:
		return err
	case <-time.After(2 * time.Minute):
		_ = l.cmd.Process.Kill()
		return fmt.Errorf("dexlogin still running after 2 minutes (killed): %v", <-l.done)
	}
}

func TestDexloginBadInput(t *testing.T) {
	endToEnd(t, "builds and runs Dex")
	port, err := proc.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	listen := fmt.Sprintf("127.0.0.1:%d", port)
	d := dex.Start(t, dex.Options{RedirectURIs: []string{"http://" + listen + "/callback"}})
	common := []string{"--issuer", d.Issuer, "--cache-dir", t.TempDir()}
	for name, tc := range map[string]struct{ query, want string }{
		"denied consent": {"error=access_denied&error_description=the+user+said+no", "refused the login: access_denied the user said no"},
		"state mismatch": {"state=forged&code=abc", "state mismatch"},
	} {
		cmd, _, stderr, _ := startLogin(t, listen, common...)
		resp, err := http.Get("http://" + listen + "/callback?" + tc.query)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		err = cmd.Wait()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || !strings.Contains(stderr.String(), tc.want) {
			t.Fatalf("%s: %v, stderr %s", name, err, stderr.String())
		}
	}
	cmd, _, stderr, _ := startLogin(t, listen, append([]string{"--timeout", "1s"}, common...)...)
	if err := cmd.Wait(); err == nil || !strings.Contains(stderr.String(), "no login redirect within 1s") {
		t.Fatalf("callback timeout: %v, %s", err, stderr.String())
	}
	// An expired login whose refresh token Dex refuses.
	cache := t.TempDir()
	if err := tokencache.Save(cache, d.Issuer, dex.PublicClient, &oidclogin.Tokens{AccessToken: "old", RefreshToken: "revoked", Expiry: time.Now().Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if _, e, code := runDexlogin(t, "token", "--issuer", d.Issuer, "--cache-dir", cache); code != 1 || !strings.Contains(e, "refresh failed (expired or revoked? run dexlogin again)") {
		t.Fatalf("expired refresh token: exit %d, %s", code, e)
	}
}
