// Package chart holds the umbrella Helm chart; as Go, it embeds the files the
// local stack shares with the chart (the Prometheus alert rules).
package chart

import (
	_ "embed"
	"regexp"

	"sigs.k8s.io/yaml"
)

// AlertRules is the Prometheus rule file (groups: ...) both the chart and the
// local stack's Prometheus load.
//
//go:embed files/prometheus/alerts.yaml
var AlertRules []byte

// metricName matches the metric families the rules use: ours (stack_*,
// plaintext_*) and Temporal's (service_*, persistence_*).
var metricName = regexp.MustCompile(`\b(?:stack|plaintext|service|persistence)_[a-z0-9_]+\b`)

// AlertMetricNames lists the metric names the alert rules' expressions use,
// so a test can check each one is really exported.
func AlertMetricNames() []string {
	var rules struct {
		Groups []struct {
			Rules []struct{ Expr string } `json:"rules"`
		} `json:"groups"`
	}
	if err := yaml.Unmarshal(AlertRules, &rules); err != nil {
		panic(err) // the file is embedded and promtool-checked by the tests
	}
	seen := map[string]bool{}
	var out []string
	for _, g := range rules.Groups {
		for _, r := range g.Rules {
			for _, n := range metricName.FindAllString(r.Expr, -1) {
				if !seen[n] && n != "service_name" {
					seen[n] = true
					out = append(out, n)
				}
			}
		}
	}
	return out
}
