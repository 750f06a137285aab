package doctor

import (
	"fmt"
	"slices"

	"sigs.k8s.io/yaml"
)

// uiAuth is the Web UI's OIDC client settings.
type uiAuth struct {
	Enabled                                          bool
	ProviderURL, ClientID, ClientSecret, CallbackURL string
}

// dexClient is one of Dex's staticClients.
type dexClient struct {
	ID           string   `json:"id"`
	Secret       string   `json:"secret"`
	RedirectURIs []string `json:"redirectURIs"`
}

// dexClients reads the staticClients of a Dex config file's content.
func dexClients(config []byte) ([]dexClient, error) {
	var c struct {
		StaticClients []dexClient `json:"staticClients"`
	}
	if err := yaml.Unmarshal(config, &c); err != nil {
		return nil, fmt.Errorf("Dex's config: %w", err)
	}
	return c.StaticClients, nil
}

// checkUIAuth checks the UI signs in at the server's issuer, as a client Dex
// knows, with the right secret and a callback Dex may redirect to. fix says
// where these settings live.
func checkUIAuth(ui uiAuth, serverIssuer string, clients []dexClient, fix string) Finding {
	const check = "UI sign-in settings agree with the server and Dex"
	if !ui.Enabled {
		return fail(check, "the Web UI has auth off while the server requires tokens: every page fails with 401", fix)
	}
	if ui.ProviderURL != serverIssuer {
		return fail(check, fmt.Sprintf("the UI signs in at %s, the server trusts %s: its tokens are refused", ui.ProviderURL, serverIssuer), fix)
	}
	i := slices.IndexFunc(clients, func(c dexClient) bool { return c.ID == ui.ClientID })
	if clients != nil && i < 0 {
		return fail(check, fmt.Sprintf("Dex has no client %q (the UI's client ID)", ui.ClientID), fix)
	}
	if clients != nil {
		c := clients[i]
		if c.Secret != ui.ClientSecret {
			return fail(check, fmt.Sprintf("the UI's client secret differs from Dex's for %s: the code exchange fails after login", ui.ClientID), fix)
		}
		if !slices.Contains(c.RedirectURIs, ui.CallbackURL) {
			return fail(check, fmt.Sprintf("the UI's callback %s is not among Dex's redirect URIs for %s %v: Dex refuses the login (\"Unregistered redirect_uri\")",
				ui.CallbackURL, ui.ClientID, c.RedirectURIs), fix)
		}
	}
	return pass(check)
}
