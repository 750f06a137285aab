// Command dexlogin logs a user in to the Temporal Stack's identity provider
// (OIDC authorization code + PKCE) and prints an access token for the temporal
// CLI and SDK clients; "dexlogin token" reprints a fresh one without a browser.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/temporal-stack/stack/dexlogin/cliprofile"
	"github.com/temporal-stack/stack/dexlogin/oidclogin"
	"github.com/temporal-stack/stack/dexlogin/tokencache"
	"github.com/temporal-stack/stack/internal/version"
)

const usage = `usage: dexlogin [login|token] [flags]

  login   (default) sign in through the browser; prints the access token on stdout
          (the ID and refresh tokens on stderr) and caches the tokens
  token   print a valid access token from the cache, refreshing it silently;
          no browser while the refresh token is good

Use the token:  temporal workflow list --tls=false --api-key "$(dexlogin token)"
or a profile:   dexlogin token --temporal-profile local && temporal --profile local workflow list
`

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func run(args []string, stdout, stderr io.Writer) int {
	cmd := "login"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	fs := flag.NewFlagSet("dexlogin "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage, "\nflags:\n"); fs.PrintDefaults() }
	cacheDefault, _ := tokencache.Dir()
	var c oidclogin.Config
	fs.StringVar(&c.Issuer, "issuer", env("DEXLOGIN_ISSUER", "http://127.0.0.1:5556/dex"), "OIDC issuer ($DEXLOGIN_ISSUER)")
	fs.StringVar(&c.ClientID, "client-id", env("DEXLOGIN_CLIENT_ID", "temporal-cli"), "public client id ($DEXLOGIN_CLIENT_ID)")
	scopes := fs.String("scopes", env("DEXLOGIN_SCOPES", "openid,email,profile,groups,offline_access"), "comma-separated scopes ($DEXLOGIN_SCOPES)")
	fs.StringVar(&c.Audience, "audience", env("DEXLOGIN_AUDIENCE", ""), "audience parameter, for IdPs that need one ($DEXLOGIN_AUDIENCE)")
	fs.StringVar(&c.Listen, "listen", env("DEXLOGIN_LISTEN", "127.0.0.1:7788"), "loopback address of the redirect listener ($DEXLOGIN_LISTEN)")
	noBrowser := fs.Bool("no-browser", false, "print the login URL instead of opening a browser")
	output := fs.String("output", "text", "text (access token on stdout) or json (all tokens on stdout)")
	cacheDir := fs.String("cache-dir", env("DEXLOGIN_CACHE_DIR", cacheDefault), "token cache directory ($DEXLOGIN_CACHE_DIR)")
	fs.DurationVar(&c.Timeout, "timeout", 5*time.Minute, "how long to wait for the browser")
	profile := fs.String("temporal-profile", "", "also write this profile of the temporal CLI's temporal.toml with the token")
	profAddr := fs.String("temporal-address", env("TEMPORAL_ADDRESS", "127.0.0.1:7233"), "frontend address for --temporal-profile")
	profNS := fs.String("temporal-namespace", env("TEMPORAL_NAMESPACE", "default"), "namespace for --temporal-profile")
	profTLS := fs.Bool("temporal-tls", false, "the frontend uses TLS (for --temporal-profile)")
	showVersion := fs.Bool("version", false, "print the version")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *showVersion {
		fmt.Fprintln(stdout, version.String("dexlogin"))
		return 0
	}
	if fs.NArg() > 0 || (cmd != "login" && cmd != "token") || (*output != "text" && *output != "json") {
		fmt.Fprintf(stderr, "dexlogin: unexpected %q\n\n", strings.Join(append([]string{cmd}, fs.Args()...), " "))
		fs.Usage()
		return 2
	}
	c.Scopes = strings.Split(*scopes, ",")
	c.OpenURL = func(url string) error {
		fmt.Fprintf(stderr, "Open this URL to log in:\n\n  %s\n\n", url)
		if !*noBrowser {
			if opener, err := exec.LookPath("xdg-open"); err == nil {
				_ = exec.Command(opener, url).Start()
			}
		}
		return nil
	}
	ctx := context.Background()
	var tok *oidclogin.Tokens
	var err error
	switch cmd {
	case "login":
		tok, err = oidclogin.Login(ctx, c)
	case "token":
		tok, err = cachedToken(ctx, c, *cacheDir)
	}
	if err != nil {
		fmt.Fprintln(stderr, "dexlogin:", err)
		return 1
	}
	if err := tokencache.Save(*cacheDir, c.Issuer, c.ClientID, tok); err != nil {
		fmt.Fprintln(stderr, "dexlogin: cannot cache the tokens:", err)
	}
	if *profile != "" {
		path, err := cliprofile.Path()
		if err == nil {
			err = cliprofile.Write(path, cliprofile.Profile{Name: *profile, Address: *profAddr, Namespace: *profNS, APIKey: tok.AccessToken, TLS: *profTLS})
		}
		if err != nil {
			fmt.Fprintln(stderr, "dexlogin: cannot write the temporal CLI profile:", err)
			return 1
		}
		fmt.Fprintf(stderr, "wrote profile %q to %s: temporal --profile %s workflow list\n", *profile, path, *profile)
	}
	if *output == "json" {
		_ = json.NewEncoder(stdout).Encode(tok)
		return 0
	}
	fmt.Fprintln(stdout, tok.AccessToken)
	if cmd == "login" {
		fmt.Fprintf(stderr, "id_token: %s\nrefresh_token: %s\nlogged in as %s until %s\n", tok.IDToken, tok.RefreshToken, tok.Email, tok.Expiry.Format(time.RFC3339))
	}
	return 0
}

// cachedToken returns the cached tokens, refreshed when they expire within a minute.
func cachedToken(ctx context.Context, c oidclogin.Config, dir string) (*oidclogin.Tokens, error) {
	tok, err := tokencache.Load(dir, c.Issuer, c.ClientID)
	if errors.Is(err, tokencache.ErrNone) {
		return nil, fmt.Errorf("not logged in to %s: run dexlogin first", c.Issuer)
	}
	if err != nil {
		return nil, err
	}
	if time.Until(tok.Expiry) > time.Minute {
		return tok, nil
	}
	if tok.RefreshToken == "" {
		return nil, errors.New("the cached token expired and there is no refresh token: run dexlogin again")
	}
	return oidclogin.Refresh(ctx, c, tok.RefreshToken)
}
