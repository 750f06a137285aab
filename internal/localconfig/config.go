// Package localconfig renders the server config of the local stack and the
// tests: SQLite files or PostgreSQL (with dual visibility), archival, metrics.
package localconfig

import (
	"io"
	"strings"
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
	// InMemory keeps both SQLite stores in memory (shared cache; the server's
	// SQLite plugin holds one connection open for the process's lifetime):
	// nothing is written and DataDir is unused.
	InMemory bool
	// Postgres, when set, replaces the SQLite files (DataDir is then unused).
	Postgres *Postgres
	// Archival, when set, turns on history and visibility archival.
	Archival *Archival
	// Shards is numHistoryShards (default 4); it can never change for a database.
	Shards int
}

// Ports returns a pointer to every port field (gRPC, membership, HTTP and
// metrics), to fill them, e.g. with free ports.
func (c *Config) Ports() []*int {
	return []*int{&c.Frontend, &c.FrontendMembership, &c.FrontendHTTP, &c.Internal, &c.InternalMembership,
		&c.InternalHTTP, &c.History, &c.HistoryMembership, &c.Matching, &c.MatchingMembership, &c.Worker,
		&c.WorkerMembership, &c.Metrics}
}

// Postgres is a PostgreSQL server holding the main store, the primary
// visibility store and, when SecondaryVisibility is set, a secondary one.
type Postgres struct {
	Addr, User, Password                      string // host:port
	Database, Visibility, SecondaryVisibility string
	MaxConns                                  int
}

// Archival is where closed workflows are archived: a file:// URI (filestore)
// or an s3:// URI (s3store, e.g. MinIO at S3Endpoint).
type Archival struct {
	HistoryURI, VisibilityURI string
	S3Endpoint, S3Region      string
}

// Scheme is "file" or "s3".
func (a *Archival) Scheme() string {
	scheme, _, _ := strings.Cut(a.HistoryURI, "://")
	return scheme
}

var configTemplate = template.Must(template.New("config").Funcs(template.FuncMap{"dict": dict, "list": func(v ...string) []string { return v }}).Parse(`# enable-template
log:
  stdout: true
  level: {{"{{"}} default "info" (env "TEMPORAL_LOG_LEVEL") {{"}}"}}
persistence:
  defaultStore: default
  visibilityStore: visibility
{{- if and .Postgres .Postgres.SecondaryVisibility}}
  secondaryVisibilityStore: secondary-visibility
{{- end}}
  numHistoryShards: {{if .Shards}}{{.Shards}}{{else}}4{{end}}
  datastores:
{{- if .Postgres}}
{{- $pg := .Postgres}}
{{- range $name, $db := dict "default" $pg.Database "visibility" $pg.Visibility "secondary-visibility" $pg.SecondaryVisibility}}
{{- if $db}}
    {{$name}}:
      sql:
        pluginName: postgres12
        databaseName: {{$db}}
        connectAddr: {{printf "%q" $pg.Addr}}
        connectProtocol: tcp
        user: {{printf "%q" $pg.User}}
        password: {{printf "%q" $pg.Password}}
        maxConns: {{if $pg.MaxConns}}{{$pg.MaxConns}}{{else}}20{{end}}
        maxIdleConns: {{if $pg.MaxConns}}{{$pg.MaxConns}}{{else}}20{{end}}
{{- end}}
{{- end}}
{{- else if .InMemory}}
    # SQLite in memory: gone when the process exits.
{{- range $name := list "default" "visibility"}}
    {{$name}}:
      sql:
        pluginName: sqlite
        databaseName: stack-{{$name}}
        connectAddr: localhost
        connectProtocol: tcp
        connectAttributes: {mode: memory, cache: shared, setup: "true"}
        maxConns: 1
        maxIdleConns: 1
{{- end}}
{{- else}}
    # SQLite in WAL mode with synchronous=NORMAL: a crashed process loses
    # nothing; a power cut can lose the last commits, never the database.
    default:
      sql:
        pluginName: sqlite
        databaseName: {{.DataDir}}/temporal.db
        connectAddr: localhost
        connectProtocol: tcp
        connectAttributes: {mode: rwc, setup: "true", journal_mode: wal, synchronous: "1"}
        maxConns: 1
        maxIdleConns: 1
    visibility:
      sql:
        pluginName: sqlite
        databaseName: {{.DataDir}}/visibility.db
        connectAddr: localhost
        connectProtocol: tcp
        connectAttributes: {mode: rwc, setup: "true", journal_mode: wal, synchronous: "1"}
        maxConns: 1
        maxIdleConns: 1
{{- end}}
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
{{- with .Archival}}
archival:
{{- range $kind := list "history" "visibility"}}
  {{$kind}}:
    state: enabled
    enableRead: true
    provider:
{{- if eq $.Archival.Scheme "s3"}}
      s3store: {region: "{{$.Archival.S3Region}}", endpoint: "{{$.Archival.S3Endpoint}}", s3ForcePathStyle: true}
{{- else}}
      filestore: {fileMode: "0600", dirMode: "0700"}
{{- end}}
{{- end}}
namespaceDefaults:
  archival:
    history: {state: enabled, URI: "{{.HistoryURI}}"}
    visibility: {state: enabled, URI: "{{.VisibilityURI}}"}
{{- end}}
{{- if .DynamicConfigFile}}
dynamicConfigClient:
  filepath: {{.DynamicConfigFile}}
  pollInterval: 10s
{{- end}}
`))

// Write renders the config. It starts with "# enable-template", so the server
// expands it (TEMPORAL_LOG_LEVEL picks the log level).
func Write(w io.Writer, c Config) error { return configTemplate.Execute(w, c) }

func dict(kv ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}
