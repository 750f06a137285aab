package up

import (
	"os"
	"text/template"

	"github.com/temporal-stack/stack/internal/datadir"
	"golang.org/x/crypto/bcrypt"
)

// dexConfig is the local identity: Dex with persistent sqlite3 storage (keys
// and sessions survive a restart), one admin user and three clients; the
// secrets come from the data dir.
var dexConfig = template.Must(template.New("dex").Parse(`issuer: {{.Issuer}}
storage:
{{- if .DB}}
  type: sqlite3
  config: {file: {{.DB}}}
{{- else}}
  type: memory
{{- end}}
web:
  http: {{.Addr}}
oauth2:
  skipApprovalScreen: true
  passwordConnector: local
enablePasswordDB: true
staticClients:
  - {id: ` + datadir.CLIClient + `, name: Temporal CLI, public: true, redirectURIs: ["http://127.0.0.1:7788/callback"]}
  - {id: ` + datadir.UIClient + `, name: Temporal UI, secret: "{{.UISecret}}", redirectURIs: ["{{.UICallback}}"]}
  - {id: ` + datadir.WorkerClient + `, name: Temporal workers, secret: "{{.WorkerSecret}}"}
staticPasswords:
  - {email: ` + datadir.AdminEmail + `, hash: "{{.Hash}}", username: admin, userID: local-admin}
`))

// writeDexConfig renders Dex's config (the bcrypt hash is recomputed each
// run); db "" keeps Dex's state in memory.
func writeDexConfig(path, issuer, addr, db, uiCallback string, s datadir.Secrets) error {
	hash, err := bcrypt.GenerateFromPassword([]byte(s.AdminPassword), bcrypt.DefaultCost)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	return dexConfig.Execute(f, map[string]string{"Issuer": issuer, "Addr": addr, "DB": db,
		"UISecret": s.UIClientSecret, "UICallback": uiCallback, "WorkerSecret": s.WorkerClientSecret, "Hash": string(hash)})
}
