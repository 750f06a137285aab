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
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

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
	if err := run(*addr, *listen, *interval, *caFile, *certFile, *keyFile, *serverName); err != nil {
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

func run(addr, listen string, interval time.Duration, caFile, certFile, keyFile, serverName string) error {
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
