package repocheck

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/temporal-stack/stack/internal/toolbin"
)

// userFacing are the directories of the code whose errors users read: the
// stack CLI, dexlogin, the poller, our server's commands, and the packages
// they share.
var userFacing = []string{"tools/stack", "dexlogin", "poller", "server/internal/cli",
	"internal/datadir", "internal/toolbin", "internal/s3bucket", "internal/subcharts"}

var (
	errorLiteral = regexp.MustCompile(`(?:fmt\.Errorf|errors\.New|fs\.Errorf|urfave\.Exit)\(("(?:[^"\\]|\\.)*")`)
	verb         = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]|\n`)
	nonLetter    = regexp.MustCompile(`[^A-Za-z]`)
)

// messageKey is what identifies an error message: its longest fixed part
// (between formatting verbs and line breaks), or "" when no part has ten
// letters (a pure wrapper such as "%s: %w").
func messageKey(format string) string {
	key := ""
	for _, f := range verb.Split(format, -1) {
		f = strings.Trim(f, " :;(),.")
		if len(nonLetter.ReplaceAllString(f, "")) > len(nonLetter.ReplaceAllString(key, "")) {
			key = f
		}
	}
	if len(nonLetter.ReplaceAllString(key, "")) < 10 {
		return ""
	}
	return key
}

// TestTroubleshootingCoversEveryError: every error message of the
// user-facing code is explained in TROUBLESHOOTING.md (its fixed words
// appear there verbatim).
func TestTroubleshootingCoversEveryError(t *testing.T) {
	root, err := toolbin.Root()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(filepath.Join(root, "TROUBLESHOOTING.md"))
	if err != nil {
		t.Fatal(err)
	}
	missing := map[string]string{}
	checked := 0
	for _, dir := range userFacing {
		walkGo(t, filepath.Join(root, dir), ".go", func(path, src string) {
			if strings.HasSuffix(path, "_test.go") {
				return
			}
			for _, m := range errorLiteral.FindAllStringSubmatch(src, -1) {
				format, err := strconv.Unquote(m[1])
				if err != nil {
					t.Fatalf("%s: %s: %v", path, m[1], err)
				}
				key := messageKey(format)
				if key == "" {
					continue
				}
				checked++
				if !strings.Contains(string(doc), key) {
					rel, _ := filepath.Rel(root, path)
					missing[key] = rel
				}
			}
		})
	}
	if checked < 100 {
		t.Fatalf("checked %d messages; want every user-facing one", checked)
	}
	keys := make([]string, 0, len(missing))
	for k := range missing {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Errorf("%s: the message %q is not in TROUBLESHOOTING.md: add what causes it and the fix", missing[k], k)
	}
}

func TestMessageKey(t *testing.T) {
	for format, want := range map[string]string{
		"%s: %w": "",
		"port %d (%s) is taken%s: stop what uses it":                          "stop what uses it",
		"not ready after %s:\n%s\n(kubectl -n %s get pods,events shows more)": "get pods,events shows more",
		"start %s": "",
	} {
		if got := messageKey(format); got != want {
			t.Errorf("%q: %q, want %q", format, got, want)
		}
	}
}
