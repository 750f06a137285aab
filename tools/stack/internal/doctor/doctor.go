// Package doctor is "stack doctor": it checks a running local stack, or an
// install on a cluster, for the causes of the failures users meet (the
// issuer unreachable from the server or the browser, no usable Dex keys, a
// taken port, a rejected dynamic config, UI auth settings that disagree with
// the server, images the node does not have) and prints each fix.
package doctor

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/temporal-stack/stack/internal/datadir"
	"github.com/temporal-stack/stack/server/dynconfig"
	"github.com/temporal-stack/stack/tools/stack/internal/cli"
	"github.com/temporal-stack/stack/tools/stack/internal/install"
	"github.com/temporal-stack/stack/tools/stack/internal/up"
)

// Finding is the outcome of one check.
type Finding struct {
	Check   string // what was checked: "issuer reachable from the browser"
	Problem string // "" when the check passed
	Fix     string // what to do about Problem
}

// OK reports whether the check passed.
func (f Finding) OK() bool { return f.Problem == "" }

func pass(check string) Finding { return Finding{Check: check} }

func fail(check, problem, fix string) Finding {
	return Finding{Check: check, Problem: problem, Fix: fix}
}

// Print writes one line per passed check and the problem and fix of each
// failed one; it returns how many failed.
func Print(w io.Writer, findings []Finding) int {
	bad := 0
	for _, f := range findings {
		if f.OK() {
			fmt.Fprintf(w, "ok    %s\n", f.Check)
			continue
		}
		bad++
		fmt.Fprintf(w, "FAIL  %s\n      problem: %s\n      fix:     %s\n", f.Check, f.Problem, f.Fix)
	}
	return bad
}

// discovery is the part of an OIDC discovery document the checks read.
type discovery struct {
	Issuer  string `json:"issuer"`
	JWKSURI string `json:"jwks_uri"`
}

// getJSON GETs url within 5 s and decodes a 200 answer into v.
func getJSON(ctx context.Context, client *http.Client, url string, v any) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return json.NewDecoder(io.LimitReader(resp.Body, 4<<20)).Decode(v)
}

// checkIssuer checks, from this machine (where the browser is), that the
// issuer answers OIDC discovery under its own name and publishes at least
// one signing key.
func checkIssuer(ctx context.Context, client *http.Client, issuer, fixDown string) []Finding {
	const reach, keys = "issuer reachable from the browser", "Dex publishes signing keys"
	var d discovery
	if err := getJSON(ctx, client, strings.TrimSuffix(issuer, "/")+"/.well-known/openid-configuration", &d); err != nil {
		return []Finding{fail(reach, fmt.Sprintf("OIDC discovery at %s failed: %v", issuer, err), fixDown)}
	}
	if d.Issuer != issuer {
		return []Finding{fail(reach, fmt.Sprintf("the issuer calls itself %q, the stack is configured with %q: every token is refused", d.Issuer, issuer),
			"use the same issuer URL for Dex (its issuer setting) and the server (--auth-issuer / dex.issuer)")}
	}
	var set struct {
		Keys []struct {
			Kid string `json:"kid"`
			Alg string `json:"alg"`
		} `json:"keys"`
	}
	if err := getJSON(ctx, client, d.JWKSURI, &set); err != nil {
		return []Finding{pass(reach), fail(keys, fmt.Sprintf("the JWKS at %s: %v", d.JWKSURI, err), fixDown)}
	}
	if len(set.Keys) == 0 {
		return []Finding{pass(reach), fail(keys, "the JWKS at "+d.JWKSURI+" holds no key: no token can be verified",
			"restart Dex; it creates signing keys at start (its storage must be writable)")}
	}
	return []Finding{pass(reach), pass(keys)}
}

// checkDynamicConfig validates dynamic config content as the server would:
// an error makes it reject the content (keeping the last good config), a
// warning (an unknown key, a value of the wrong type) is logged and the
// rest applied.
func checkDynamicConfig(where string, content []byte, fix string) Finding {
	check := "dynamic config " + where + " is valid"
	lr := dynconfig.Load(content)
	join := func(errs []error) string {
		var s []string
		for _, e := range errs {
			s = append(s, e.Error())
		}
		return strings.Join(s, "; ")
	}
	switch {
	case len(lr.Errors) > 0:
		return fail(check, "the server rejects it and keeps the last good config: "+join(lr.Errors), fix)
	case len(lr.Warnings) > 0:
		return fail(check, "the server applies it but ignores what it warns about: "+join(lr.Warnings), fix)
	}
	return pass(check)
}

// serverMetrics are the server's own gauges the checks read.
type serverMetrics struct {
	discovered map[string]float64 // stack_auth_oidc_discovered by issuer
	invalid    *float64           // stack_dynamic_config_invalid
	unusable   map[string]float64 // stack_auth_jwks_unusable_keys by issuer
}

// parseServerMetrics reads a server's /metrics text.
func parseServerMetrics(r io.Reader) (serverMetrics, error) {
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(r)
	if err != nil {
		return serverMetrics{}, err
	}
	m := serverMetrics{discovered: map[string]float64{}, unusable: map[string]float64{}}
	for name, f := range families {
		for _, s := range f.GetMetric() {
			v := s.GetGauge().GetValue()
			if s.Untyped != nil {
				v = s.GetUntyped().GetValue()
			}
			issuer := ""
			for _, l := range s.GetLabel() {
				if l.GetName() == "issuer" {
					issuer = l.GetValue()
				}
			}
			switch name {
			case "stack_auth_oidc_discovered":
				m.discovered[issuer] = v
			case "stack_auth_jwks_unusable_keys":
				m.unusable[issuer] = v
			case "stack_dynamic_config_invalid":
				m.invalid = &v
			}
		}
	}
	return m, nil
}

// serverFindings reads one server process's gauges with fetch (its /metrics
// text) and checks them. The server publishes them on a reporting interval
// (about a second), so failures are read again once after 2 s before they
// are reported. issuer names the issuer the stack is configured with
// (Temporal's reporter rewrites label values: http___host_5556_dex).
func serverFindings(ctx context.Context, who, issuer string, fetch func(context.Context) ([]byte, error), readFix, dynconfigFix string) []Finding {
	var out []Finding
	for attempt := 0; attempt < 2; attempt++ {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				return out
			case <-time.After(2 * time.Second):
			}
		}
		b, err := fetch(ctx)
		var m serverMetrics
		if err == nil {
			m, err = parseServerMetrics(bytes.NewReader(b))
		}
		if err != nil {
			out = []Finding{fail("metrics of "+who+" readable", err.Error(), readFix)}
			continue
		}
		m.relabel(issuer)
		out = checkServerMetrics(who, m, dynconfigFix)
		if !anyFailed(out) {
			break
		}
	}
	return out
}

func anyFailed(fs []Finding) bool {
	for _, f := range fs {
		if !f.OK() {
			return true
		}
	}
	return false
}

// relabel puts the issuer's own URL back where the metrics reporter
// replaced each character other than letters and digits with "_".
func (m serverMetrics) relabel(issuer string) {
	sanitized := regexp.MustCompile(`[^A-Za-z0-9]`).ReplaceAllString(issuer, "_")
	for _, mp := range []map[string]float64{m.discovered, m.unusable} {
		if v, ok := mp[sanitized]; ok && sanitized != issuer {
			delete(mp, sanitized)
			mp[issuer] = v
		}
	}
}

// checkServerMetrics turns one server process's gauges into findings.
func checkServerMetrics(who string, m serverMetrics, dynconfigFix string) []Finding {
	var out []Finding
	reach := "issuer reachable from " + who
	switch {
	case len(m.discovered) == 0:
		out = append(out, pass(reach+" (no discovered issuer)"))
	default:
		var down []string
		for issuer, v := range m.discovered {
			if v != 1 {
				down = append(down, issuer)
			}
		}
		if len(down) > 0 {
			out = append(out, fail(reach, fmt.Sprintf("OIDC discovery of %s fails from %s: it refuses every token of that issuer", strings.Join(down, ", "), who),
				"the issuer URL must resolve and answer from where the server runs as well as in the browser (a pod cannot reach 127.0.0.1 or localhost of your machine); see the server's log line \"OIDC discovery failed\" for the cause"))
		} else {
			out = append(out, pass(reach))
		}
	}
	for issuer, n := range m.unusable {
		if n > 0 {
			out = append(out, Finding{Check: fmt.Sprintf("keys of %s usable by %s", issuer, who),
				Problem: fmt.Sprintf("%v key(s) in the JWKS cannot be used (unknown type or curve, no kid, not for signatures); tokens signed with them are refused", n),
				Fix:     "have the IdP sign with RS256 or ES256 keys that carry a kid"})
		}
	}
	if m.invalid != nil {
		check := "dynamic config accepted by " + who
		if *m.invalid == 1 {
			out = append(out, fail(check, "the server rejected the last edit and keeps the last good config", dynconfigFix))
		} else {
			out = append(out, pass(check))
		}
	}
	return out
}

const usage = `usage: go run ./tools/stack doctor [--data-dir DIR] | --cluster [--kubeconfig F] [--context C] [--namespace N] [--release R]

Checks a running local stack (default), or with --cluster the install on the
cluster of your kubeconfig, for the known causes of failure: components down
or their ports taken, the OIDC issuer unreachable from the browser or from the
server, Dex without signing keys, a dynamic config the server rejected, UI
sign-in settings that disagree with the server and Dex, images the node lacks,
node ports unreachable. Prints each problem with its fix; exits 1 if any.

flags:
`

// Run is "stack doctor".
func Run(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := cli.NewFlagSet("doctor", usage)
	dataDir := fs.String("data-dir", up.DefaultDataDir(), "the local stack's data dir")
	cluster := fs.Bool("cluster", false, "check the install on the cluster of your kubeconfig instead")
	var o install.Options
	o.Register(fs.FlagSet)
	if err := fs.Parse(args, 0); err != nil {
		return err
	}
	var findings []Finding
	if *cluster {
		c, err := install.Connect(o, stdout)
		if err != nil {
			return err
		}
		findings = Cluster(ctx, c, &http.Client{Timeout: 10 * time.Second}, Release{Namespace: o.Namespace, Name: o.Release})
	} else {
		dir, err := datadir.Open(*dataDir)
		if err != nil {
			return err
		}
		findings = Local(ctx, dir)
	}
	if bad := Print(stdout, findings); bad > 0 {
		return fmt.Errorf("%d of %d checks failed", bad, len(findings))
	}
	fmt.Fprintf(stdout, "stack doctor: all %d checks passed\n", len(findings))
	return nil
}
