package up

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	enumspb "go.temporal.io/api/enums/v1"

	"github.com/temporal-stack/stack/internal/localconfig"
)

func TestMembers(t *testing.T) {
	single := members("single", 7233, 9090, localconfig.Config{})
	if len(single) != 1 || single[0].services != "frontend,internal-frontend,history,matching,worker" {
		t.Fatalf("single: %+v", single)
	}
	c := single[0].cfg
	for name, got := range map[string][2]int{
		"frontend": {c.Frontend, 7233}, "history": {c.History, 7234}, "matching": {c.Matching, 7235},
		"internal-frontend": {c.Internal, 7236}, "worker": {c.Worker, 7239}, "frontend HTTP": {c.FrontendHTTP, 7243},
		"frontend membership": {c.FrontendMembership, 6933}, "metrics": {c.Metrics, 9090},
	} {
		if got[0] != got[1] {
			t.Errorf("single %s port %d, want %d", name, got[0], got[1])
		}
	}
	multi := members("multi", 7233, 9090, localconfig.Config{})
	var names []string
	seen := map[int]string{}
	for _, m := range multi {
		names = append(names, m.name)
		for what, p := range m.ports() {
			if other, dup := seen[p]; dup {
				t.Errorf("port %d bound by both %s and %s", p, other, what)
			}
			seen[p] = what
			if strings.Contains(what, "membership") && p >= 32768 {
				t.Errorf("%s port %d: Temporal stores membership ports in a smallint", what, p)
			}
		}
	}
	if got := strings.Join(names, " "); got != "internal-frontend history-1 history-2 matching-1 matching-2 frontend-1 frontend-2 worker" {
		t.Fatalf("multi members: %s", got)
	}
	if multi[6].grpcPort() != 7253 || multi[5].addr() != "127.0.0.1:7233" || multi[0].grpcPort() != 7236 {
		t.Fatalf("frontend-2 port %d, frontend-1 %s, internal-frontend %d", multi[6].grpcPort(), multi[5].addr(), multi[0].grpcPort())
	}
	if multi[7].cfg.Metrics != 9097 {
		t.Fatalf("worker metrics port %d, want 9097 (one each from --metrics-port)", multi[7].cfg.Metrics)
	}
}

func TestParsePostgres(t *testing.T) {
	for raw, want := range map[string]string{
		"postgres://temporal:s3cret@db.example:6543/": "db.example:6543 temporal s3cret",
		"postgresql://u:p@127.0.0.1/":                 "127.0.0.1:5432 u p",
		"postgres://u@[::1]:5433/":                    "[::1]:5433 u ",
	} {
		pg, err := parsePostgres(raw)
		if err != nil {
			t.Errorf("%s: %v", raw, err)
			continue
		}
		if got := pg.Addr + " " + pg.User + " " + pg.Password; got != want {
			t.Errorf("%s: %q, want %q", raw, got, want)
		}
		if pg.Database != pgMain || pg.Visibility != pgVisibility || pg.SecondaryVisibility != pgSecondaryVisibility {
			t.Errorf("%s: databases %+v", raw, pg)
		}
	}
	for _, raw := range []string{"mysql://u:p@h/", "postgres://h:5432/", "postgres:///", "not a url", "postgres://u:hunter2@/"} {
		_, err := parsePostgres(raw)
		if err == nil || !strings.Contains(err.Error(), "want postgres://USER:PASSWORD@HOST:PORT/") {
			t.Errorf("%s: %v", raw, err)
			continue
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%s: the error shows the password: %v", raw, err)
		}
	}
}

func TestArchivalConfig(t *testing.T) {
	a, err := archivalConfig("file", "/data", 9000)
	if err != nil || a.HistoryURI != "file:///data/archival/history" || a.VisibilityURI != "file:///data/archival/visibility" || a.Scheme() != "file" {
		t.Fatalf("file: %+v %v", a, err)
	}
	a, err = archivalConfig("minio", "/data", 9100)
	if err != nil || a.HistoryURI != "s3://temporal-history-archive" || a.S3Endpoint != "http://127.0.0.1:9100" || a.S3Region != "us-east-1" {
		t.Fatalf("minio: %+v %v", a, err)
	}
	if a, err := archivalConfig("off", "/data", 9000); a != nil || err != nil {
		t.Fatalf("off: %+v %v", a, err)
	}
	if _, err := archivalConfig("s3", "/data", 9000); err == nil || !strings.Contains(err.Error(), "want file, minio or off") {
		t.Fatalf("s3: %v", err)
	}
	env := strings.Join(minioClientEnv("pw"), " ")
	if !strings.Contains(env, "AWS_ACCESS_KEY_ID=stack-admin") || !strings.Contains(env, "AWS_SECRET_ACCESS_KEY=pw") {
		t.Fatalf("MinIO client env: %s", env)
	}
}

func TestBanner(t *testing.T) {
	b := bannerInfo{Frontend: "127.0.0.1:7233", UI: "http://127.0.0.1:8080", Issuer: "http://127.0.0.1:5556/dex",
		SecretsFile: "/d/secrets", DataDir: "/d", Topology: "single"}
	first := banner(bannerInfo{Password: "pw123", Frontend: b.Frontend, SecretsFile: b.SecretsFile})
	if !strings.Contains(first, "password pw123  (generated now, shown once; kept in /d/secrets)") {
		t.Fatalf("first start:\n%s", first)
	}
	again := banner(b)
	for _, want := range []string{"Temporal Stack is up. Auth is on.", "Frontend (gRPC)   127.0.0.1:7233", "user admin@example.com",
		"(shown on the first run; see /d/secrets)", "--temporal-address 127.0.0.1:7233", "status --data-dir /d", "the next up reuses the data.\n"} {
		if !strings.Contains(again, want) {
			t.Errorf("banner lacks %q:\n%s", want, again)
		}
	}
}

func TestParseSearchAttribute(t *testing.T) {
	for in, want := range map[string]enumspb.IndexedValueType{
		"CustomerId=Keyword": enumspb.INDEXED_VALUE_TYPE_KEYWORD, "Amount=double": enumspb.INDEXED_VALUE_TYPE_DOUBLE,
		"Tags=KeywordList": enumspb.INDEXED_VALUE_TYPE_KEYWORD_LIST, "At=INDEXED_VALUE_TYPE_DATETIME": enumspb.INDEXED_VALUE_TYPE_DATETIME,
	} {
		a, err := parseSearchAttribute(in)
		if err != nil || a.typ != want || a.name != strings.Split(in, "=")[0] {
			t.Errorf("%s: %+v %v", in, a, err)
		}
	}
	for _, in := range []string{"CustomerId", "=Keyword", "X=", "X=Blob", "X=Unspecified"} {
		if _, err := parseSearchAttribute(in); err == nil {
			t.Errorf("%s: accepted", in)
		} else if strings.Contains(in, "Blob") && !strings.Contains(err.Error(), "Bool, Datetime, Double, Int, Keyword, KeywordList, Text") {
			t.Errorf("%s: the error does not list the types: %v", in, err)
		}
	}
}

func TestSetDynamicConfigValues(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dynamic_config.yaml")
	if err := seedDynamicConfigFile(path, false); err != nil {
		t.Fatal(err)
	}
	parse := func(vs ...string) []dynamicConfigValue {
		var out []dynamicConfigValue
		for _, v := range vs {
			d, err := parseDynamicConfigValue(v)
			if err != nil {
				t.Fatalf("%s: %v", v, err)
			}
			out = append(out, d)
		}
		return out
	}
	if err := setDynamicConfigValues(path, parse("limit.blobSize.error=12345", "frontend.enableUpdateWorkflowExecution=false",
		`history.archivalProcessorArchiveDelay="30s"`)); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	got := string(b)
	for _, want := range []string{"# Who may do what", "admin@example.com:", "frontend.enableUpdateWorkflowExecution:\n  - value: false\n",
		"history.archivalProcessorArchiveDelay:\n  - value: 30s\n", "# set by stack up --dynamic-config-value\nlimit.blobSize.error:\n  - value: 12345\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "frontend.enableUpdateWorkflowExecution") != 1 {
		t.Errorf("a replaced key appears twice:\n%s", got)
	}
	// A value the server would refuse changes nothing.
	for _, bad := range []string{"no.such.key=1", `limit.blobSize.error="big"`} {
		err := setDynamicConfigValues(path, parse(bad))
		if err == nil || !strings.Contains(err.Error(), "the server would not accept it") {
			t.Errorf("%s: %v", bad, err)
		}
		if after, _ := os.ReadFile(path); string(after) != got {
			t.Errorf("%s changed the file", bad)
		}
	}
	for _, bad := range []string{"limit.blobSize.error", "=1", "limit.blobSize.error=abc"} {
		if _, err := parseDynamicConfigValue(bad); err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
}

func TestCheckStartDevValues(t *testing.T) {
	if err := checkNamespaces([]string{"orders", "billing"}); err != nil {
		t.Error(err)
	}
	for _, bad := range [][]string{{"default"}, {"a", "a"}, {""}, {"a,b"}, {"a b"}} {
		if err := checkNamespaces(bad); err == nil {
			t.Errorf("namespaces %q accepted", bad)
		}
	}
	if err := checkCodecEndpoint("https://codec.example:8888/v1"); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"codec.example", "ftp://x", "http://", "/decode"} {
		if err := checkCodecEndpoint(bad); err == nil {
			t.Errorf("codec endpoint %q accepted", bad)
		}
	}
}

func TestUIConfigCodec(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ui.yaml")
	o := uiOptions{Port: 8080, FrontendAddr: "127.0.0.1:7233", Issuer: "http://127.0.0.1:5556/dex", ClientID: "temporal-ui", CallbackURL: "http://x/cb"}
	if err := writeUIConfig(path, o); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); strings.Contains(string(b), "endpoint:") || !strings.Contains(string(b), "passAccessToken: false") {
		t.Fatalf("no codec:\n%s", b)
	}
	o.CodecEndpoint = "http://127.0.0.1:8888"
	if err := writeUIConfig(path, o); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "codec:\n  endpoint: http://127.0.0.1:8888\n  passAccessToken: false\n") {
		t.Fatalf("an http codec server gets no token (the UI would not send it):\n%s", b)
	}
	o.CodecEndpoint = "https://codec.example"
	if err := writeUIConfig(path, o); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "codec:\n  endpoint: https://codec.example\n  passAccessToken: true\n") {
		t.Fatalf("an https codec server gets the token:\n%s", b)
	}
}
