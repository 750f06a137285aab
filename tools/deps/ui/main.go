// Command temporal-ui runs the Temporal Web UI server (github.com/temporalio/ui-server/v2,
// whose module embeds the built UI) from one YAML file holding ui-server's own
// config.Config (the format of its config/*.yaml, without templating).
//
//	temporal-ui --config ui.yaml
//
// It runs as its own process on purpose: ui-server calls log.Fatal when OIDC
// discovery or the listener fails.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/temporalio/ui-server/v2/server"
	"github.com/temporalio/ui-server/v2/server/config"
	"github.com/temporalio/ui-server/v2/server/server_options"
	"gopkg.in/yaml.v3"
)

func main() {
	path := flag.String("config", "", "YAML file with ui-server's config.Config (required)")
	flag.Parse()
	if *path == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: temporal-ui --config FILE")
		os.Exit(2)
	}
	cfg, err := load(*path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "temporal-ui: bad config %s: %v\n", *path, err)
		os.Exit(1)
	}
	// Start blocks; ui-server itself exits the process on listen errors.
	if err := server.NewServer(server_options.WithConfigProvider(cfg)).Start(); err != nil {
		fmt.Fprintf(os.Stderr, "temporal-ui: %v\n", err)
		os.Exit(1)
	}
}

// load decodes the file strictly (unknown keys are errors) and runs the checks
// ui-server's own loader runs, plus the ones it would otherwise only hit with a
// panic or log.Fatal after start-up.
func load(path string) (*config.Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cfg config.Config
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Port <= 0 || cfg.Port > 65535 {
		return nil, fmt.Errorf("port %d is not a TCP port", cfg.Port)
	}
	if cfg.Auth.Enabled && len(cfg.Auth.Providers) == 0 {
		return nil, errors.New("auth is enabled but no provider is configured")
	}
	return &cfg, nil
}
