package authn

import (
	"bytes"
	"fmt"
	"os"

	"sigs.k8s.io/yaml"
)

// IssuersFile is the --auth-config file: the issuers accepted beside the one
// of --auth-issuer / global.authorization. Unknown fields are errors.
//
//	issuers:
//	  - issuer: https://login.example.com/realms/temporal
//	    audiences: [temporal]
//	    permissionsClaim: https://temporal.example.com/permissions
//	    assumeEmailVerified: false
//	  - kubernetes: true          # the cluster's ServiceAccount issuer
//	    audiences: [temporal]
type IssuersFile struct {
	Issuers []Issuer `json:"issuers"`
}

// LoadIssuersFile reads and strictly parses an IssuersFile.
func LoadIssuersFile(path string) ([]Issuer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("auth config: %w", err)
	}
	return ParseIssuers(b, path)
}

// ParseIssuers strictly parses the content of an IssuersFile; name labels errors.
func ParseIssuers(content []byte, name string) ([]Issuer, error) {
	var f IssuersFile
	if err := yaml.UnmarshalStrict(bytes.TrimSpace(content), &f); err != nil {
		return nil, fmt.Errorf("auth config %s: %w", name, err)
	}
	if len(f.Issuers) == 0 {
		return nil, fmt.Errorf("auth config %s: no issuers", name)
	}
	for i, is := range f.Issuers {
		switch {
		case is.Issuer == "" && len(is.KeySourceURIs) == 0 && !is.Kubernetes:
			return nil, fmt.Errorf("auth config %s: issuer %d needs issuer, keySourceURIs or kubernetes: true", name, i+1)
		case is.Kubernetes && len(is.KeySourceURIs) > 0:
			return nil, fmt.Errorf("auth config %s: issuer %d: a kubernetes issuer's keys come from the API server; remove keySourceURIs", name, i+1)
		case is.Kubernetes && len(is.Audiences) == 0:
			return nil, fmt.Errorf("auth config %s: issuer %d: a kubernetes issuer needs audiences (e.g. [temporal])", name, i+1)
		}
	}
	return f.Issuers, nil
}
