// Package chart holds the umbrella Helm chart; as Go, it embeds the files the
// local stack shares with the chart (the Prometheus alert rules).
package chart

import _ "embed"

// AlertRules is the Prometheus rule file (groups: ...) both the chart and the
// local stack's Prometheus load.
//
//go:embed files/prometheus/alerts.yaml
var AlertRules []byte
