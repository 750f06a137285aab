package dashboards

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const dir = "../../files/dashboards"

func TestGeneratedFilesUpToDate(t *testing.T) {
	var want []string
	for _, d := range All() {
		b, err := Render(d)
		if err != nil {
			t.Fatal(err)
		}
		name := d.UID + ".json"
		want = append(want, name)
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("%s is missing or stale: run go generate ./chart/...", name)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for i, f := range files {
		files[i] = filepath.Base(f)
	}
	slices.Sort(want)
	if !slices.Equal(files, want) {
		t.Errorf("%s holds %v, want %v: run go generate ./chart/...", dir, files, want)
	}
}

// TestDashboardJSON checks the files as Grafana reads them.
func TestDashboardJSON(t *testing.T) {
	// Links and bookmarks use the uids: changing one breaks them.
	uids := []string{"temporal-stack-history", "temporal-stack-server"}
	var seenUIDs []string
	titles := map[string]bool{}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var d struct {
			UID, Title    string
			SchemaVersion int
			Templating    struct{ List []struct{ Name, Type string } }
			Panels        []struct {
				ID         int
				Title      string
				GridPos    *struct{ H, W, X, Y int }
				Datasource struct{ UID string }
				Targets    []struct {
					RefID      string
					Expr       string
					Datasource struct{ Type, UID string }
				}
			}
		}
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		seenUIDs = append(seenUIDs, d.UID)
		if d.UID+".json" != filepath.Base(f) || len(d.UID) > 40 || d.SchemaVersion == 0 {
			t.Errorf("%s: uid %q (at most 40 characters, the file's name), schemaVersion %d", f, d.UID, d.SchemaVersion)
		}
		if !slices.ContainsFunc(d.Templating.List, func(v struct{ Name, Type string }) bool {
			return v.Name == "datasource" && v.Type == "datasource"
		}) {
			t.Errorf("%s: no datasource variable", d.UID)
		}
		ids := map[int]bool{}
		for _, p := range d.Panels {
			where := d.UID + ": panel " + p.Title
			if p.ID == 0 || ids[p.ID] {
				t.Errorf("%s: id %d is zero or not unique", where, p.ID)
			}
			ids[p.ID] = true
			if titles[p.Title] {
				t.Errorf("%s: title not unique across dashboards", where)
			}
			titles[p.Title] = true
			if p.GridPos == nil || p.GridPos.W <= 0 || p.GridPos.H <= 0 || p.GridPos.X+p.GridPos.W > 24 {
				t.Errorf("%s: gridPos %+v", where, p.GridPos)
			}
			if p.Datasource.UID != "${datasource}" || len(p.Targets) == 0 {
				t.Errorf("%s: datasource %q, %d targets", where, p.Datasource.UID, len(p.Targets))
			}
			for _, tg := range p.Targets {
				if tg.Datasource.Type != "prometheus" || tg.Datasource.UID != "${datasource}" || tg.RefID == "" || strings.TrimSpace(tg.Expr) == "" {
					t.Errorf("%s: target %+v", where, tg)
				}
			}
		}
	}
	slices.Sort(seenUIDs)
	if !slices.Equal(seenUIDs, uids) {
		t.Errorf("dashboard uids %v, want %v", seenUIDs, uids)
	}
}

func TestQueries(t *testing.T) {
	q := Queries()
	n := 0
	for _, d := range All() {
		for _, p := range d.Panels {
			n += len(p.Targets)
		}
	}
	if len(q) != n {
		t.Errorf("Queries() has %d entries for %d targets", len(q), n)
	}
	for title, expr := range q {
		if strings.Contains(expr, "$") {
			t.Errorf("%s: unsubstituted variable in %s", title, expr)
		}
	}
	if got := q["Frontend requests by operation"]; !strings.Contains(got, `namespace=~".*"`) || !strings.Contains(got, "[1m]") {
		t.Errorf("Frontend requests by operation: %s", got)
	}
}
