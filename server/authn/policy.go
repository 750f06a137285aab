package authn

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/mitchellh/mapstructure"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/primitives"

	"github.com/temporal-stack/stack/server/dynconfig"
)

// RolePolicyKey is the dynamic-config key of the role policy.
const RolePolicyKey = "stack.auth.rolePolicy"

// RolePolicy grants permissions to tokens that carry no permissions claim.
// Permissions are "<namespace>:<read|write|worker|admin>" ("reader" and
// "writer" are accepted aliases); "temporal-system:<role>" is cluster-wide.
//
//	stack.auth.rolePolicy:
//	  - value:
//	      users:   {admin@example.com: ["temporal-system:admin"]}
//	      groups:  {platform: ["default:write"]}
//	      default: ["default:read"]
type RolePolicy struct {
	Users   map[string][]string `mapstructure:"users"`   // by email claim (case-insensitive)
	Groups  map[string][]string `mapstructure:"groups"`  // by groups claim
	Default []string            `mapstructure:"default"` // any other authenticated user
}

// rolePolicySetting registers the key with Temporal, so the server's own
// validate-dynamic-config knows it, and parses it strictly.
var rolePolicySetting = dynamicconfig.NewGlobalTypedSettingWithConverter(
	RolePolicyKey, ParseRolePolicy, RolePolicy{},
	"Temporal Stack: email/group to permission mapping for tokens without a permissions claim.")

func init() {
	dynconfig.RegisterCheck(RolePolicyKey, func(v any) error { _, err := ParseRolePolicy(v); return err })
}

// ParseRolePolicy decodes a dynamic-config value, rejecting unknown fields and
// malformed permissions.
func ParseRolePolicy(v any) (RolePolicy, error) {
	var p RolePolicy
	dec, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{Result: &p, ErrorUnused: true})
	if err != nil {
		return p, err
	}
	if err := dec.Decode(v); err != nil {
		return RolePolicy{}, fmt.Errorf("role policy: %w", err)
	}
	var all [][]string
	for _, perms := range p.Users {
		all = append(all, perms)
	}
	for _, perms := range p.Groups {
		all = append(all, perms)
	}
	all = append(all, p.Default)
	for _, perms := range all {
		for _, perm := range perms {
			if _, _, err := ParsePermission(perm); err != nil {
				return RolePolicy{}, fmt.Errorf("role policy: %w", err)
			}
		}
	}
	users := make(map[string][]string, len(p.Users))
	for email, perms := range p.Users {
		users[strings.ToLower(email)] = perms
	}
	p.Users = users
	return p, nil
}

// ParsePermission parses "<namespace>:<role>". Roles are case-insensitive;
// "reader" and "writer" are aliases of read and write.
func ParsePermission(perm string) (namespace string, role authorization.Role, err error) {
	i := strings.LastIndexByte(perm, ':')
	if i <= 0 || i == len(perm)-1 {
		return "", 0, fmt.Errorf("permission %q: want <namespace>:<read|write|worker|admin>", perm)
	}
	role, err = ParseRole(perm[i+1:])
	if err != nil {
		return "", 0, fmt.Errorf("permission %q: %w", perm, err)
	}
	return perm[:i], role, nil
}

// ParseRole parses a role name.
func ParseRole(s string) (authorization.Role, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "read", "reader":
		return authorization.RoleReader, nil
	case "write", "writer":
		return authorization.RoleWriter, nil
	case "worker":
		return authorization.RoleWorker, nil
	case "admin":
		return authorization.RoleAdmin, nil
	}
	return 0, fmt.Errorf("unknown role %q (want read, write, worker or admin)", s)
}

// grant adds permissions to claims; the temporal-system namespace grants
// cluster-wide roles. Unparseable entries are skipped and returned.
func grant(c *authorization.Claims, perms []string, re *regexp.Regexp) (skipped []string) {
	for _, perm := range perms {
		ns, role, err := parsePermissionWith(perm, re)
		if err != nil {
			skipped = append(skipped, perm)
			continue
		}
		if ns == primitives.SystemLocalNamespace {
			c.System |= role
			continue
		}
		if c.Namespaces == nil {
			c.Namespaces = map[string]authorization.Role{}
		}
		c.Namespaces[ns] |= role
	}
	return skipped
}

// parsePermissionWith applies a permissionsRegex (named groups "namespace"
// and "role", as Temporal's) when one is configured.
func parsePermissionWith(perm string, re *regexp.Regexp) (string, authorization.Role, error) {
	if re == nil {
		return ParsePermission(perm)
	}
	m := re.FindStringSubmatch(perm)
	if m == nil {
		return "", 0, fmt.Errorf("permission %q does not match %s", perm, re)
	}
	ns, role := m[re.SubexpIndex("namespace")], m[re.SubexpIndex("role")]
	r, err := ParseRole(role)
	if err != nil || ns == "" {
		return "", 0, fmt.Errorf("permission %q: namespace %q, role %q", perm, ns, role)
	}
	return ns, r, nil
}

// policyGrants returns the permissions the policy gives an identity and which
// rule matched ("user", "group", "default", or "" for none).
func (p *RolePolicy) grants(email string, groups []string) ([]string, string) {
	var perms []string
	rule := ""
	if ps, ok := p.Users[strings.ToLower(email)]; ok && email != "" {
		perms, rule = append(perms, ps...), "user"
	}
	for _, g := range groups {
		if ps, ok := p.Groups[g]; ok {
			perms = append(perms, ps...)
			if rule == "" {
				rule = "group"
			}
		}
	}
	if rule == "" && len(p.Default) > 0 {
		perms, rule = slices.Clone(p.Default), "default"
	}
	return perms, rule
}
