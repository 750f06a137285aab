// Command gen writes every dashboard to chart/files/dashboards/<uid>.json
// (run by go generate in the parent package) and removes stale ones; with
// -queries it prints dashboards.Queries() as JSON instead, for the e2e test
// (which cannot import an internal package).
package main

import (
	"encoding/json"
	"flag"
	"log"
	"os"
	"path/filepath"

	"github.com/temporal-stack/stack/chart/internal/dashboards"
)

func main() {
	out := flag.String("out", "../../files/dashboards", "output directory")
	queries := flag.Bool("queries", false, "print every panel's runnable PromQL as JSON and exit")
	flag.Parse()
	if *queries {
		if err := json.NewEncoder(os.Stdout).Encode(dashboards.Queries()); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	keep := map[string]bool{}
	for _, d := range dashboards.All() {
		b, err := dashboards.Render(d)
		if err != nil {
			log.Fatal(err)
		}
		path := filepath.Join(*out, d.UID+".json")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			log.Fatal(err)
		}
		keep[path] = true
	}
	old, _ := filepath.Glob(filepath.Join(*out, "*.json"))
	for _, p := range old {
		if !keep[p] {
			if err := os.Remove(p); err != nil {
				log.Fatal(err)
			}
		}
	}
}
