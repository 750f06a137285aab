package cli

import (
	"context"
	"fmt"
	"os"
	"strings"

	urfave "github.com/urfave/cli/v2"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/log/tag"
	"go.temporal.io/server/common/metrics"
	"go.temporal.io/server/temporal"

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
	ac := authn.Config{
		Issuer:           c.String("auth-issuer"),
		KeySourceURIs:    a.JWTKeyProvider.KeySourceURIs,
		Audiences:        splitList(c.StringSlice("auth-audience")),
		PermissionsClaim: a.PermissionsClaimName,
		PermissionsRegex: a.PermissionsRegex,
		RefreshInterval:  a.JWTKeyProvider.RefreshInterval,
	}
	if len(ac.Audiences) == 0 && a.Audience != "" {
		ac.Audiences = []string{a.Audience}
	}
	if ac.Issuer == "" && len(ac.KeySourceURIs) == 0 {
		return nil, fmt.Errorf("auth is on by default and needs a token issuer: set --auth-issuer (TEMPORAL_AUTH_ISSUER) or global.authorization.jwtKeyProvider.keySourceURIs; to run without auth, pass --allow-no-auth (not recommended)")
	}
	if len(ac.Audiences) == 0 {
		logger.Warn("Token audience is not checked: set --auth-audience so tokens issued for other applications are refused.")
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
	logger.Info("Authentication and authorization on.", tag.NewStringTag("issuer", ac.Issuer),
		tag.NewStringsTag("key-sources", ac.KeySourceURIs), tag.NewStringsTag("audiences", ac.Audiences))
	return []temporal.ServerOption{
		temporal.WithAuthorizer(authz.New(blocked, logger, mh)),
		temporal.WithClaimMapper(func(*config.Config) authorization.ClaimMapper { return mapper }),
	}, nil
}
