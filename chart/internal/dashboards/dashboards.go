// Package dashboards defines the chart's Grafana dashboards in Go and renders them to JSON.
package dashboards

//go:generate go run ./gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
)

// Dashboard is the subset of Grafana's dashboard JSON model (schema 39) we use.
type Dashboard struct {
	UID           string     `json:"uid"`
	Title         string     `json:"title"`
	Description   string     `json:"description,omitempty"`
	Tags          []string   `json:"tags"`
	Timezone      string     `json:"timezone"`
	SchemaVersion int        `json:"schemaVersion"`
	Editable      bool       `json:"editable"`
	GraphTooltip  int        `json:"graphTooltip"`
	Time          TimeRange  `json:"time"`
	Refresh       string     `json:"refresh"`
	Templating    Templating `json:"templating"`
	Panels        []Panel    `json:"panels"`
}

type TimeRange struct {
	From string `json:"from"`
	To   string `json:"to"`
}

type Templating struct {
	List []Variable `json:"list"`
}

// Variable is a dashboard template variable (type datasource or query).
type Variable struct {
	Name       string         `json:"name"`
	Label      string         `json:"label"`
	Type       string         `json:"type"`
	Datasource *DatasourceRef `json:"datasource,omitempty"`
	Query      any            `json:"query"`
	Definition string         `json:"definition,omitempty"`
	Refresh    int            `json:"refresh"` // 1 on load, 2 on time-range change
	Multi      bool           `json:"multi"`
	IncludeAll bool           `json:"includeAll"`
	AllValue   string         `json:"allValue,omitempty"`
	Current    map[string]any `json:"current"`
	Sort       int            `json:"sort"`
}

// DatasourceRef points at a data source; ours always at the variable.
type DatasourceRef struct {
	Type string `json:"type"`
	UID  string `json:"uid"`
}

type Panel struct {
	ID          int            `json:"id"`
	Type        string         `json:"type"`
	Title       string         `json:"title"`
	Description string         `json:"description,omitempty"`
	Datasource  DatasourceRef  `json:"datasource"`
	GridPos     GridPos        `json:"gridPos"`
	FieldConfig FieldConfig    `json:"fieldConfig"`
	Options     map[string]any `json:"options"`
	Targets     []Target       `json:"targets"`
}

type GridPos struct {
	H int `json:"h"`
	W int `json:"w"`
	X int `json:"x"`
	Y int `json:"y"`
}

type FieldConfig struct {
	Defaults  FieldDefaults `json:"defaults"`
	Overrides []any         `json:"overrides"`
}

type FieldDefaults struct {
	Unit       string         `json:"unit,omitempty"`
	Min        *float64       `json:"min,omitempty"`
	Thresholds *Thresholds    `json:"thresholds,omitempty"`
	Mappings   []any          `json:"mappings,omitempty"`
	Custom     map[string]any `json:"custom,omitempty"`
}

type Thresholds struct {
	Mode  string `json:"mode"`
	Steps []Step `json:"steps"`
}

// Step is a threshold; the first has a nil (base) value.
type Step struct {
	Color string   `json:"color"`
	Value *float64 `json:"value"`
}

type Target struct {
	RefID        string        `json:"refId"`
	Datasource   DatasourceRef `json:"datasource"`
	Expr         string        `json:"expr"`
	LegendFormat string        `json:"legendFormat,omitempty"`
}

// datasource is the reference every panel and target uses.
var datasource = DatasourceRef{Type: "prometheus", UID: "${datasource}"}

// All returns every dashboard the chart ships.
func All() []Dashboard { return []Dashboard{serverOverview(), historyHealth()} }

// Render is a dashboard's file content: indented JSON, deterministic.
func Render(d Dashboard) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // keep PromQL's < > & readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, fmt.Errorf("dashboard %s: %w", d.UID, err)
	}
	return b.Bytes(), nil
}

var templateVar = regexp.MustCompile(`\$(?:\{(\w+)\}|(\w+))`)

// Queries maps every panel title (with " [B]" etc. for a panel's further
// targets) to its PromQL as Prometheus can run it: $__rate_interval is 1m
// and every other variable matches any value.
func Queries() map[string]string {
	out := map[string]string{}
	for _, d := range All() {
		for _, p := range d.Panels {
			for i, t := range p.Targets {
				key := p.Title
				if i > 0 {
					key += " [" + t.RefID + "]"
				}
				out[key] = templateVar.ReplaceAllStringFunc(t.Expr, func(v string) string {
					m := templateVar.FindStringSubmatch(v)
					switch m[1] + m[2] {
					case "__rate_interval", "__interval":
						return "1m"
					case "__range":
						return "1h"
					}
					return ".*"
				})
			}
		}
	}
	return out
}

// row lays its panels out left to right, w×h each, wrapping at 24 columns.
type row struct {
	w, h   int
	panels []Panel
}

func dashboard(uid, title, description string, rows ...row) Dashboard {
	d := Dashboard{UID: uid, Title: title, Description: description, Tags: []string{"temporal", "temporal-stack"},
		Timezone: "browser", SchemaVersion: 39, Editable: true, GraphTooltip: 1,
		Time: TimeRange{From: "now-1h", To: "now"}, Refresh: "30s",
		Templating: Templating{List: []Variable{
			{Name: "datasource", Label: "Data source", Type: "datasource", Query: "prometheus", Refresh: 1, Current: map[string]any{}},
			{Name: "namespace", Label: "Temporal namespace", Type: "query", Datasource: &datasource,
				Query:      map[string]any{"query": "label_values(service_requests, namespace)", "refId": "namespace"},
				Definition: "label_values(service_requests, namespace)", Refresh: 2, Multi: true, IncludeAll: true, AllValue: ".*",
				Current: map[string]any{"text": "All", "value": "$__all"}, Sort: 1},
		}}}
	y := 0
	for _, r := range rows {
		x := 0
		for _, p := range r.panels {
			if x+r.w > 24 {
				x, y = 0, y+r.h
			}
			p.ID = len(d.Panels) + 1
			p.GridPos = GridPos{H: r.h, W: r.w, X: x, Y: y}
			d.Panels = append(d.Panels, p)
			x += r.w
		}
		y += r.h
	}
	return d
}

// panel builds a panel of one target; more can be appended to Targets.
func panel(typ, title, unit, legend, expr string) Panel {
	p := Panel{Type: typ, Title: title, Datasource: datasource,
		FieldConfig: FieldConfig{Defaults: FieldDefaults{Unit: unit}, Overrides: []any{}},
		Targets:     []Target{{RefID: "A", Datasource: datasource, Expr: expr, LegendFormat: legend}}}
	switch typ {
	case "stat":
		p.Options = map[string]any{"reduceOptions": map[string]any{"calcs": []string{"lastNotNull"}, "fields": "", "values": false},
			"colorMode": "value", "graphMode": "area", "textMode": "auto", "justifyMode": "auto", "orientation": "auto"}
	default:
		p.Options = map[string]any{"legend": map[string]any{"displayMode": "list", "placement": "bottom", "showLegend": true},
			"tooltip": map[string]any{"mode": "multi", "sort": "desc"}}
	}
	return p
}

func timeseries(title, unit, legend, expr string) Panel {
	return panel("timeseries", title, unit, legend, expr)
}

func stat(title, unit, legend, expr string) Panel { return panel("stat", title, unit, legend, expr) }

func (p Panel) describe(s string) Panel { p.Description = s; return p }

// thresholds colours values green below each limit and red from it on.
func (p Panel) thresholds(steps ...Step) Panel {
	p.FieldConfig.Defaults.Thresholds = &Thresholds{Mode: "absolute", Steps: steps}
	return p
}

// states maps numeric values to names and colours, drawn as steps.
func (p Panel) states(m map[int][2]string) Panel {
	opts := map[string]any{}
	for v, tc := range m {
		opts[fmt.Sprint(v)] = map[string]any{"text": tc[0], "color": tc[1]}
	}
	p.FieldConfig.Defaults.Mappings = []any{map[string]any{"type": "value", "options": opts}}
	if p.Type == "timeseries" {
		p.FieldConfig.Defaults.Custom = map[string]any{"lineInterpolation": "stepAfter"}
	}
	return p
}

func at(v float64) *float64 { return &v }
