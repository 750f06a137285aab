// Command poller runs the history health poller: a DeepHealthCheck of every
// history host through the internal-frontend each interval, exported as metrics.
package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"syscall"
	"time"

	enumsspb "go.temporal.io/server/api/enums/v1"

	"github.com/temporal-stack/stack/internal/version"
	"github.com/temporal-stack/stack/poller/healthpoll"
)

func main() {
	fs := flag.NewFlagSet("poller", flag.ContinueOnError)
	addr := fs.String("address", env("POLLER_ADDRESS", "127.0.0.1:7236"), "internal-frontend host:port ($POLLER_ADDRESS)")
	interval := fs.Duration("interval", 15*time.Second, "time between health polls")
	listen := fs.String("listen", env("POLLER_LISTEN", "127.0.0.1:9095"), "address of /metrics, /healthz and /readyz ($POLLER_LISTEN)")
	caFile := fs.String("tls-ca", "", "internode CA bundle (enables TLS)")
	certFile := fs.String("tls-cert", "", "client certificate for internode mTLS")
	keyFile := fs.String("tls-key", "", "client key for internode mTLS")
	serverName := fs.String("tls-server-name", "", "expected internode server name")
	once := fs.Bool("once", false, "poll once, print each history host's state and exit: 0 if every host serves (the chart's helm test)")
	wait := fs.Duration("wait", 30*time.Second, "with --once: retry every 2 s for this long while the check fails (a new pod's NetworkPolicy admission, a cluster still starting); 0: one try")
	showVersion := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		os.Exit(2)
	}
	if *showVersion {
		fmt.Println(version.String("temporal-stack-poller"))
		return
	}
	if err := run(*addr, *listen, *interval, *caFile, *certFile, *keyFile, *serverName, *once, *wait); err != nil {
		fmt.Fprintln(os.Stderr, "poller:", err)
		os.Exit(1)
	}
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func run(addr, listen string, interval time.Duration, caFile, certFile, keyFile, serverName string, once bool, wait time.Duration) error {
	var tlsCfg *tls.Config
	if caFile != "" || certFile != "" {
		tlsCfg = &tls.Config{ServerName: serverName, MinVersion: tls.VersionTLS12}
		if caFile != "" {
			pem, err := os.ReadFile(caFile)
			if err != nil {
				return err
			}
			tlsCfg.RootCAs = x509.NewCertPool()
			if !tlsCfg.RootCAs.AppendCertsFromPEM(pem) {
				return fmt.Errorf("no certificates in %s", caFile)
			}
		}
		if certFile != "" {
			cert, err := tls.LoadX509KeyPair(certFile, keyFile)
			if err != nil {
				return err
			}
			tlsCfg.Certificates = []tls.Certificate{cert}
		}
	}
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	p, err := healthpoll.New(healthpoll.Config{Address: addr, Interval: interval, TLS: tlsCfg, Logger: logger})
	if err != nil {
		return err
	}
	defer p.Close()
	if once {
		deadline := time.Now().Add(wait)
		for {
			err := checkOnce(p, addr)
			if err == nil || !time.Now().Before(deadline) {
				return err
			}
			fmt.Fprintf(os.Stderr, "poller: %v; retrying for up to %s\n", err, time.Until(deadline).Round(time.Second))
			time.Sleep(2 * time.Second)
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: listen, Handler: p.Handler(), ReadHeaderTimeout: 5 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	go p.Run(ctx)
	logger.Info("poller started", "address", addr, "interval", interval, "listen", listen)
	select {
	case <-ctx.Done():
	case err := <-errc:
		return fmt.Errorf("listen %s: %w", listen, err)
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shut)
}

// checkOnce runs one round and fails unless at least one history host is in
// the ring and every one of them serves.
func checkOnce(p *healthpoll.Poller, addr string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := p.Round(ctx); err != nil {
		return fmt.Errorf("health check through %s: %w", addr, err)
	}
	hosts := p.Hosts()
	names := slices.Sorted(maps.Keys(hosts))
	bad := 0
	for _, h := range names {
		fmt.Printf("history host %s: %s\n", h, hosts[h])
		if hosts[h] != enumsspb.HEALTH_STATE_SERVING {
			bad++
		}
	}
	switch {
	case len(names) == 0:
		return fmt.Errorf("no history host in the membership ring of %s", addr)
	case bad > 0:
		return fmt.Errorf("%d of %d history hosts are not serving", bad, len(names))
	}
	fmt.Printf("all %d history hosts serve\n", len(names))
	return nil
}
