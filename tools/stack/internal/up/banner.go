package up

import (
	"fmt"
	"strings"

	"github.com/temporal-stack/stack/internal/datadir"
	enumspb "go.temporal.io/api/enums/v1"
)

// bannerInfo is what the ready banner shows; each field is one line's value.
type bannerInfo struct {
	Frontend, UI, Issuer, Metrics, Poller, Prometheus   string
	Storage, Topology, Archival, DynamicConfig, DataDir string
	SecretsFile                                         string
	Password                                            string // the admin's password when generated now, else ""
	Namespaces, SearchAttributes                        []string
	CodecEndpoint                                       string // the UI's codec server, "" for none
	TemporalCLI                                         string // the temporal CLI on PATH, "" when there is none
	Ephemeral                                           bool
}

// shortType is a search attribute type's short name ("Keyword").
func shortType(t enumspb.IndexedValueType) string {
	for short, n := range enumspb.IndexedValueType_shorthandValue {
		if n == int32(t) {
			return short
		}
	}
	return t.String()
}

// banner is the text up prints once every component is ready: it starts
// with datadir.BannerTitle and ends with a line ending in datadir.BannerEnd.
func banner(b bannerInfo) string {
	password := "(shown on the first run; see " + b.SecretsFile + ")"
	if b.Password != "" {
		password = b.Password + "  (generated now, shown once; kept in " + b.SecretsFile + ")"
	}
	namespaces := strings.Join(b.Namespaces, ", ")
	if len(b.SearchAttributes) > 0 {
		namespaces += "   (search attributes " + strings.Join(b.SearchAttributes, ", ") + ")"
	}
	ui := b.UI
	if b.CodecEndpoint != "" {
		token := "gets the signed-in user's access token"
		if !codecGetsToken(b.CodecEndpoint) {
			token = "plain http: the UI sends it no token (https only)"
		}
		ui += "\n                    codec server " + b.CodecEndpoint + " (" + token + ")"
	}
	cli := "temporal --profile local workflow list"
	if b.TemporalCLI == "" {
		cli = "go run ./tools/stack temporal --profile local workflow list\n" +
			"  (no temporal CLI on PATH: stack temporal runs the pinned one; to install it: https://docs.temporal.io/cli#install)"
	}
	end := "Ctrl-C stops everything; " + datadir.BannerEnd
	if b.Ephemeral {
		end = "Ctrl-C stops everything and removes it all (--ephemeral); " + datadir.BannerEnd
	}
	return fmt.Sprintf(`
%s Auth is on.
  Frontend (gRPC)   %s
  Web UI            %s
  Namespaces        %s
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
  %s
  go run ./tools/stack status --data-dir %s

%s
`, datadir.BannerTitle, b.Frontend, ui, namespaces, b.Issuer, datadir.AdminEmail, password, b.Metrics, b.Poller, b.Prometheus,
		b.Storage, b.Topology, b.Archival, b.DynamicConfig, b.DataDir, b.Issuer, b.Frontend, cli, b.DataDir, end)
}
