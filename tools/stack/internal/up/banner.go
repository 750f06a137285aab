package up

import (
	"fmt"

	"github.com/temporal-stack/stack/internal/datadir"
)

// bannerInfo is what the ready banner shows; each field is one line's value.
type bannerInfo struct {
	Frontend, UI, Issuer, Metrics, Poller, Prometheus   string
	Storage, Topology, Archival, DynamicConfig, DataDir string
	SecretsFile                                         string
	Password                                            string // the admin's password when generated now, else ""
}

// banner is the text up prints once every component is ready: it starts
// with datadir.BannerTitle and ends with a line ending in datadir.BannerEnd.
func banner(b bannerInfo) string {
	password := "(shown on the first run; see " + b.SecretsFile + ")"
	if b.Password != "" {
		password = b.Password + "  (generated now, shown once; kept in " + b.SecretsFile + ")"
	}
	return fmt.Sprintf(`
%s Auth is on.
  Frontend (gRPC)   %s
  Web UI            %s
  Login (Dex)       %s   user %s
                    password %s
  Metrics           %s, poller %s
  Prometheus        %s
  Storage           %s (%s topology)
  Archival          %s
  Dynamic config    %s  (edits apply live; the role policy is in it)
  Data and logs     %s

Try:
  go run ./dexlogin --issuer %s --temporal-profile local --temporal-address %s
  temporal --profile local workflow list
  go run ./tools/stack status --data-dir %s

Ctrl-C stops everything; %s
`, datadir.BannerTitle, b.Frontend, b.UI, b.Issuer, datadir.AdminEmail, password, b.Metrics, b.Poller, b.Prometheus,
		b.Storage, b.Topology, b.Archival, b.DynamicConfig, b.DataDir, b.Issuer, b.Frontend, b.DataDir, datadir.BannerEnd)
}
