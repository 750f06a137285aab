package up

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/temporal-stack/stack/chart"
)

// writePrometheusConfig writes a config that scrapes every server process and
// the poller every 5 s and loads the chart's alert rules.
func writePrometheusConfig(dir string, serverTargets []string, pollerTarget string) (string, error) {
	rules := filepath.Join(dir, "alerts.yaml")
	if err := os.WriteFile(rules, chart.AlertRules, 0o644); err != nil {
		return "", err
	}
	quote := func(ts []string) string {
		q := make([]string, len(ts))
		for i, t := range ts {
			q[i] = fmt.Sprintf("%q", t)
		}
		return strings.Join(q, ", ")
	}
	cfg := fmt.Sprintf(`# Written by stack up on every start.
global:
  scrape_interval: 5s
  evaluation_interval: 5s
rule_files: [%q]
scrape_configs:
  - job_name: temporal
    static_configs: [{targets: [%s]}]
  - job_name: temporal-poller
    static_configs: [{targets: [%q]}]
`, rules, quote(serverTargets), pollerTarget)
	path := filepath.Join(dir, "prometheus.yml")
	return path, os.WriteFile(path, []byte(cfg), 0o644)
}
