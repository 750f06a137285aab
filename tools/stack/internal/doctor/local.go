package doctor

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"sigs.k8s.io/yaml"

	"github.com/temporal-stack/stack/internal/datadir"
	"github.com/temporal-stack/stack/tools/stack/internal/up"
)

// Local checks the stack running from dir.
func Local(ctx context.Context, dir datadir.Dir) []Finding {
	restart := fmt.Sprintf("go run ./tools/stack down --data-dir %s, then go run ./tools/stack up --detach --data-dir %s", dir, dir)
	s, ok, err := dir.Running()
	if err != nil || !ok {
		why := fmt.Sprintf("no stack is running from %s", dir)
		if err != nil {
			why = err.Error()
		}
		return []Finding{fail("a local stack runs", why, "go run ./tools/stack up --detach --data-dir "+string(dir))}
	}
	out := []Finding{pass("a local stack runs (pid " + strconv.Itoa(s.Pid) + ")")}
	client := &http.Client{Timeout: 10 * time.Second} // a component that accepts and never answers must not hang doctor
	var issuer string
	for _, c := range s.Components {
		if c.Name == "dex" {
			issuer = c.URL
		}
	}
	for _, c := range s.Components {
		check := "component " + c.Name + " healthy"
		switch {
		case !datadir.Alive(c.Pid):
			problem := "it exited"
			if port := portOf(c.URL); port > 0 {
				if who := up.Listener(port); who != "" {
					problem += fmt.Sprintf("; its port %d is now held by %s", port, who)
				}
			}
			out = append(out, fail(check, problem, "read its log "+c.Log+"; then "+restart))
		default:
			if err := up.Probe(c.Health); err != nil {
				out = append(out, fail(check, "it runs but "+c.Health+" fails: "+err.Error(), "read its log "+c.Log))
			} else {
				out = append(out, pass(check))
			}
		}
		if c.Metrics != "" && datadir.Alive(c.Pid) {
			out = append(out, scrapeLocal(ctx, client, c, dir, issuer)...)
		}
	}
	if issuer != "" {
		out = append(out, checkIssuer(ctx, client, issuer, "Dex does not answer: read "+dir.Path("logs", "dex.log")+"; then "+restart)...)
	}
	if b, err := os.ReadFile(dir.DynamicConfig()); err == nil {
		out = append(out, checkDynamicConfig(dir.DynamicConfig(), b, "fix the file (go run ./server validate-dynamic-config "+dir.DynamicConfig()+" says what is wrong); the server applies it when it is valid"))
	}
	if ui, err := localUIAuth(dir); err == nil {
		b, _ := os.ReadFile(dir.Path("dex.yaml"))
		clients, err := dexClients(b)
		if err != nil {
			out = append(out, fail("Dex's config readable", err.Error(), restart))
		} else {
			out = append(out, checkUIAuth(ui, issuer, clients, "up writes ui.yaml and dex.yaml on every start: "+restart))
		}
	}
	return out
}

// scrapeLocal reads one server process's gauges.
func scrapeLocal(ctx context.Context, client *http.Client, c datadir.Component, dir datadir.Dir, issuer string) []Finding {
	fetch := func(ctx context.Context) ([]byte, error) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, c.Metrics, nil)
		resp, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		return io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	}
	return serverFindings(ctx, "server process "+c.Name, issuer, fetch, "read its log "+c.Log,
		"fix "+dir.DynamicConfig()+" (go run ./server validate-dynamic-config FILE says what is wrong)")
}

// localUIAuth reads the UI config up wrote.
func localUIAuth(dir datadir.Dir) (uiAuth, error) {
	b, err := os.ReadFile(dir.Path("ui.yaml"))
	if err != nil {
		return uiAuth{}, err
	}
	var c struct {
		Auth struct {
			Enabled   bool `json:"enabled"`
			Providers []struct {
				ProviderURL  string `json:"providerUrl"`
				ClientID     string `json:"clientId"`
				ClientSecret string `json:"clientSecret"`
				CallbackURL  string `json:"callbackUrl"`
			} `json:"providers"`
		} `json:"auth"`
	}
	if err := yaml.Unmarshal(b, &c); err != nil {
		return uiAuth{}, err
	}
	ui := uiAuth{Enabled: c.Auth.Enabled}
	if len(c.Auth.Providers) > 0 {
		p := c.Auth.Providers[0]
		ui.ProviderURL, ui.ClientID, ui.ClientSecret, ui.CallbackURL = p.ProviderURL, p.ClientID, p.ClientSecret, p.CallbackURL
	}
	return ui, nil
}

// portOf is the port of "host:port" or of an http(s) URL, 0 if none.
func portOf(addr string) int {
	if u, err := url.Parse(addr); err == nil && u.Host != "" {
		addr = u.Host
	}
	_, p, err := net.SplitHostPort(strings.TrimSpace(addr))
	if err != nil {
		return 0
	}
	n, _ := strconv.Atoi(p)
	return n
}
