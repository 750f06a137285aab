// Package localconfig renders the server config for a single local process
// running all five services on SQLite files (the local stack and the tests).
package localconfig

import (
	"io"
	"text/template"
)

// Config is what varies between local servers; each service needs its own
// gRPC and membership port.
type Config struct {
	Frontend, FrontendMembership, FrontendHTTP               int
	Internal, InternalMembership, InternalHTTP               int
	History, HistoryMembership, Matching, MatchingMembership int
	Worker, WorkerMembership, Metrics                        int
	DataDir, DynamicConfigFile                               string
	// Internode TLS (history, matching, internal-frontend), PEM files; "" = plaintext.
	InternodeCA, InternodeCert, InternodeKey string
}

var configTemplate = template.Must(template.New("config").Parse(`# enable-template
log:
  stdout: true
  level: {{"{{"}} default "info" (env "TEMPORAL_LOG_LEVEL") {{"}}"}}
persistence:
  defaultStore: sqlite-default
  visibilityStore: sqlite-visibility
  numHistoryShards: 4
  datastores:
    sqlite-default:
      sql:
        pluginName: sqlite
        databaseName: {{.DataDir}}/temporal.db
        connectAddr: localhost
        connectProtocol: tcp
        connectAttributes: {mode: rwc, setup: "true", journal_mode: wal, synchronous: "2"}
        maxConns: 1
        maxIdleConns: 1
    sqlite-visibility:
      sql:
        pluginName: sqlite
        databaseName: {{.DataDir}}/visibility.db
        connectAddr: localhost
        connectProtocol: tcp
        connectAttributes: {mode: rwc, setup: "true", journal_mode: wal, synchronous: "2"}
        maxConns: 1
        maxIdleConns: 1
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
  metrics:
    prometheus:
      framework: tally
      timerType: histogram
      listenAddress: 127.0.0.1:{{.Metrics}}
{{- if .InternodeCert}}
  tls:
    internode:
      server: {certFile: {{.InternodeCert}}, keyFile: {{.InternodeKey}}, requireClientAuth: true, clientCaFiles: [{{.InternodeCA}}]}
      client: {serverName: localhost, rootCaFiles: [{{.InternodeCA}}]}
{{- end}}
services:
  frontend:
    rpc: {grpcPort: {{.Frontend}}, membershipPort: {{.FrontendMembership}}, httpPort: {{.FrontendHTTP}}, bindOnLocalHost: true}
  internal-frontend:
    rpc: {grpcPort: {{.Internal}}, membershipPort: {{.InternalMembership}}, httpPort: {{.InternalHTTP}}, bindOnLocalHost: true}
  history:
    rpc: {grpcPort: {{.History}}, membershipPort: {{.HistoryMembership}}, bindOnLocalHost: true}
  matching:
    rpc: {grpcPort: {{.Matching}}, membershipPort: {{.MatchingMembership}}, bindOnLocalHost: true}
  worker:
    rpc: {grpcPort: {{.Worker}}, membershipPort: {{.WorkerMembership}}, bindOnLocalHost: true}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: 127.0.0.1:{{.Frontend}}
      httpAddress: 127.0.0.1:{{.FrontendHTTP}}
dcRedirectionPolicy:
  policy: noop
{{- if .DynamicConfigFile}}
dynamicConfigClient:
  filepath: {{.DynamicConfigFile}}
  pollInterval: 10s
{{- end}}
`))

// Write renders the config. It starts with "# enable-template", so the server
// expands it (TEMPORAL_LOG_LEVEL picks the log level).
func Write(w io.Writer, c Config) error { return configTemplate.Execute(w, c) }
