package authn

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
//	      users:    {admin@example.com: ["temporal-system:admin"]}
//	      subjects: {"CgV1aWQtMRIFbG9jYWw": ["default:write"]}
//	      groups:   {platform: ["default:write"]}
//	      serviceAccounts: {"workers/orders": ["default:worker"], "batch/*": ["default:write"]}
//	      default:  ["default:read"]
//
// Every matching rule adds its permissions: users (by verified email),
// subjects and groups for people's issuers, serviceAccounts for Kubernetes
// issuers. default applies to a person's token that no other rule matched; a
// ServiceAccount matching no rule gets nothing.
type RolePolicy struct {
	// Users by the "email" claim (case-insensitive), only when the IdP says
	// it is verified (see Issuer.AssumeEmailVerified).
	Users map[string][]string `mapstructure:"users"`
	// Subjects by the "sub" claim (exact), which users cannot change.
	Subjects map[string][]string `mapstructure:"subjects"`
	// Groups by the "groups" claim.
	Groups map[string][]string `mapstructure:"groups"`
	// ServiceAccounts by "NAMESPACE/NAME", or "NAMESPACE/*" for every
	// ServiceAccount of a namespace; tokens of Kubernetes issuers only.
	ServiceAccounts map[string][]string `mapstructure:"serviceAccounts"`
	// Default: any other authenticated person (not ServiceAccounts).
	Default []string `mapstructure:"default"`
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
	if v == nil {
		return p, errors.New("role policy: the value is null (a mis-indented \"value:\"?); write {} for an empty policy")
	}
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
	for _, perms := range p.Subjects {
		all = append(all, perms)
	}
	for sa, perms := range p.ServiceAccounts {
		ns, name, ok := strings.Cut(sa, "/")
		if !ok || ns == "" || name == "" || strings.ContainsAny(name, "/:") || strings.Contains(ns, ":") {
			return RolePolicy{}, fmt.Errorf("role policy: service account %q: want NAMESPACE/NAME or NAMESPACE/*", sa)
		}
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
		key := asciiLower(email)
		if _, dup := users[key]; dup {
			return RolePolicy{}, fmt.Errorf("role policy: users lists %q twice (emails match case-insensitively)", key)
		}
		users[key] = perms
	}
	p.Users = users
	return p, nil
}

// ParsePermission parses "<namespace>:<role>". Roles are case-insensitive;
// "reader" and "writer" are aliases of read and write. The namespace must be
// a valid namespace name (ValidNamespaceName).
func ParsePermission(perm string) (namespace string, role authorization.Role, err error) {
	i := strings.LastIndexByte(perm, ':')
	if i <= 0 || i == len(perm)-1 {
		return "", 0, fmt.Errorf("permission %q: want <namespace>:<read|write|worker|admin>", perm)
	}
	role, err = ParseRole(perm[i+1:])
	if err != nil {
		return "", 0, fmt.Errorf("permission %q: %w", perm, err)
	}
	if err := ValidNamespaceName(perm[:i]); err != nil {
		return "", 0, fmt.Errorf("permission %q: %w", perm, err)
	}
	return perm[:i], role, nil
}

// MaxNamespaceNameBytes is the longest namespace name a permission may name:
// Temporal's default limit.maxIDLength (frontend RegisterNamespace refuses
// longer names with "Namespace length exceeds limit.").
const MaxNamespaceNameBytes = 1000

// ValidNamespaceName reports why name cannot be a namespace in a permission:
// empty, longer than MaxNamespaceNameBytes, not UTF-8, or containing
// whitespace, control characters, ':' (the role separator) or ',' (the list
// separator of scope-style permission strings). Temporal itself only bounds
// the length; no namespace a user can create with such characters is worth a
// grant that an unparsed claim could produce by accident.
func ValidNamespaceName(name string) error {
	switch {
	case name == "":
		return errors.New("empty namespace name")
	case len(name) > MaxNamespaceNameBytes:
		return fmt.Errorf("namespace name of %d bytes exceeds %d", len(name), MaxNamespaceNameBytes)
	case !utf8.ValidString(name):
		return errors.New("namespace name is not UTF-8")
	}
	for _, r := range name {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == ':' || r == ',' {
			return fmt.Errorf("namespace name %q contains %q", name, r)
		}
	}
	return nil
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
	if err != nil {
		return "", 0, fmt.Errorf("permission %q: namespace %q, role %q", perm, ns, role)
	}
	if err := ValidNamespaceName(ns); err != nil {
		return "", 0, fmt.Errorf("permission %q: %w", perm, err)
	}
	return ns, r, nil
}

// grants returns the permissions the policy gives an identity and which rule
// matched first ("user", "subject", "group", "serviceaccount", "default", or
// "" for none).
func (p *RolePolicy) grants(id *Identity, withDefault bool) ([]string, string) {
	var perms []string
	rule := ""
	add := func(ps []string, ok bool, name string) {
		if !ok {
			return
		}
		perms = append(perms, ps...)
		if rule == "" {
			rule = name
		}
	}
	if id.ServiceAccount != "" {
		ns, _, _ := strings.Cut(id.ServiceAccount, "/")
		ps, ok := p.ServiceAccounts[id.ServiceAccount]
		add(ps, ok, "serviceaccount")
		ps, ok = p.ServiceAccounts[ns+"/*"]
		add(ps, ok, "serviceaccount")
		return perms, rule
	}
	if id.Email != "" && id.EmailVerified {
		ps, ok := p.Users[asciiLower(id.Email)]
		add(ps, ok, "user")
	}
	ps, ok := p.Subjects[id.Subject]
	add(ps, ok && id.Subject != "", "subject")
	for _, g := range id.Groups {
		ps, ok := p.Groups[g]
		add(ps, ok, "group")
	}
	if rule == "" && withDefault && len(p.Default) > 0 {
		perms, rule = slices.Clone(p.Default), "default"
	}
	return perms, rule
}

// asciiLower lowercases ASCII letters only: strings.ToLower would also fold
// Unicode look-alikes (the Kelvin sign to k) into an address a rule names.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
