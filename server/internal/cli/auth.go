package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	urfave "github.com/urfave/cli/v2"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/log/tag"
	"go.temporal.io/server/common/metrics"
	"go.temporal.io/server/temporal"
	"k8s.io/client-go/rest"

	"github.com/temporal-stack/stack/server/authn"
	"github.com/temporal-stack/stack/server/authz"
)

// authOptions turns authentication and authorization on (the default) or,
// only when --allow-no-auth says so, off with a loud warning.
func authOptions(ctx context.Context, c *urfave.Context, cfg *config.Config, col *dynamicconfig.Collection, logger log.Logger, mh metrics.Handler) ([]temporal.ServerOption, error) {
	if c.Bool("allow-no-auth") {
		for range 3 {
			logger.Warn("AUTHENTICATION AND AUTHORIZATION ARE OFF (--allow-no-auth / TEMPORAL_ALLOW_NO_AUTH): anyone who reaches the frontend can do anything.")
		}
		return []temporal.ServerOption{temporal.WithAuthorizer(authorization.NewNoopAuthorizer()),
			temporal.WithClaimMapper(func(*config.Config) authorization.ClaimMapper { return authorization.NewNoopClaimMapper() })}, nil
	}
	a := cfg.Global.Authorization
	primary := authn.Issuer{
		Issuer:           c.String("auth-issuer"),
		KeySourceURIs:    a.JWTKeyProvider.KeySourceURIs,
		Audiences:        splitList(c.StringSlice("auth-audience")),
		PermissionsClaim: a.PermissionsClaimName,
		PermissionsRegex: a.PermissionsRegex,
		PolicyDefault:    true, // the people's IdP of the flags: the policy's default applies
	}
	if len(primary.Audiences) == 0 && a.Audience != "" {
		primary.Audiences = []string{a.Audience}
	}
	ac := authn.Config{RefreshInterval: a.JWTKeyProvider.RefreshInterval, Metrics: mh}
	if primary.Issuer != "" || len(primary.KeySourceURIs) > 0 {
		ac.Issuers = append(ac.Issuers, primary)
	}
	if path := c.String("auth-config"); path != "" {
		more, err := authn.LoadIssuersFile(path)
		if err != nil {
			return nil, err
		}
		ac.Issuers = append(ac.Issuers, more...)
	}
	if auds := splitList(c.StringSlice("auth-kubernetes-audience")); len(auds) > 0 {
		ac.Issuers = append(ac.Issuers, authn.Issuer{Kubernetes: true, Audiences: auds})
	}
	if len(ac.Issuers) == 0 {
		return nil, fmt.Errorf("auth is on by default and needs a token issuer: set --auth-issuer (TEMPORAL_AUTH_ISSUER), global.authorization.jwtKeyProvider.keySourceURIs or --auth-config; to run without auth, pass --allow-no-auth (not recommended)")
	}
	for i := range ac.Issuers {
		is := &ac.Issuers[i]
		if is.Kubernetes {
			if err := kubernetesIssuer(ctx, c.String("kubeconfig"), is); err != nil {
				return nil, err
			}
		}
		if len(is.Audiences) == 0 {
			logger.Warn("Token audience is not checked: set --auth-audience (or audiences in --auth-config) so tokens issued for other applications are refused.",
				tag.NewStringTag("issuer", is.Issuer))
		}
	}
	mapper, err := authn.New(ctx, ac, col, logger)
	if err != nil {
		return nil, err
	}
	var fixed []string
	if env := os.Getenv(authz.EnvBlockedTaskQueues); env != "" {
		fixed = strings.Split(env, ",")
	}
	blocked, err := authz.LiveBlocklist(col, fixed)
	if err != nil {
		return nil, err
	}
	for _, is := range ac.Issuers {
		logger.Info("Authentication and authorization on: tokens accepted from issuer.", tag.NewStringTag("issuer", is.Issuer),
			tag.NewStringsTag("key-sources", is.KeySourceURIs), tag.NewStringsTag("audiences", is.Audiences),
			tag.NewBoolTag("kubernetes", is.Kubernetes))
	}
	return []temporal.ServerOption{
		temporal.WithAuthorizer(authz.New(blocked, authz.LiveAuditPolicy(col), logger, mh)),
		temporal.WithClaimMapper(func(*config.Config) authorization.ClaimMapper { return mapper }),
	}, nil
}

// kubernetesIssuer points is at the Kubernetes API server's ServiceAccount
// issuer: keys from /openid/v1/jwks and, unless set, the issuer from
// /.well-known/openid-configuration, both fetched with the server's own
// credentials (kube-apiserver binds system:service-account-issuer-discovery
// to every ServiceAccount by default). The API server is retried for 30 s.
func kubernetesIssuer(ctx context.Context, kubeconfig string, is *authn.Issuer) error {
	rc, err := kubeRESTConfig(kubeconfig)
	if err != nil {
		return fmt.Errorf("kubernetes token issuer: %w", err)
	}
	hc, err := rest.HTTPClientFor(rc)
	if err != nil {
		return fmt.Errorf("kubernetes token issuer: %w", err)
	}
	is.HTTPClient = hc
	base := strings.TrimSuffix(rc.Host, "/")
	is.KeySourceURIs = []string{base + "/openid/v1/jwks"}
	if is.Issuer != "" {
		return nil
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		is.Issuer, err = serviceAccountIssuer(ctx, hc, base)
		if err == nil || time.Now().After(deadline) {
			break
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
	if err != nil {
		return fmt.Errorf("kubernetes token issuer: %w (the server's ServiceAccount needs the system:service-account-issuer-discovery ClusterRole)", err)
	}
	return nil
}

func serviceAccountIssuer(ctx context.Context, hc *http.Client, base string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/.well-known/openid-configuration", nil)
	if err != nil {
		return "", err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s/.well-known/openid-configuration: %s", base, resp.Status)
	}
	var doc struct {
		Issuer string `json:"issuer"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&doc); err != nil || doc.Issuer == "" {
		return "", fmt.Errorf("%s/.well-known/openid-configuration has no issuer (%v)", base, err)
	}
	return doc.Issuer, nil
}
