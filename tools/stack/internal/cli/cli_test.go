package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestMainExitCodes(t *testing.T) {
	var got []string
	cmds := []Command{{Name: "up", Summary: "run it", Run: func(_ context.Context, args []string, stdout, _ io.Writer) error {
		fs := NewFlagSet("up", "usage: up [flags]\n\nflags:\n")
		port := fs.Int("port", 1, "the port")
		if err := fs.Parse(args, 0); err != nil {
			return err
		}
		if *port < 0 {
			return fs.Errorf("--port %d: want ≥ 0", *port)
		}
		if *port == 13 {
			return errors.New("unlucky")
		}
		got = append(got, fs.Name())
		io.WriteString(stdout, "ran\n")
		return nil
	}}}
	for _, c := range []struct {
		args      []string
		code      int
		out, errs string // substrings
	}{
		{[]string{"up"}, 0, "ran", ""},
		{[]string{"up", "-h"}, 0, "-port int", ""},
		{[]string{"help"}, 0, "up  run it", ""},
		{nil, 2, "", "commands:"},
		{[]string{"upp"}, 2, "", `unknown command "upp"`},
		{[]string{"up", "--bogus"}, 2, "", "stack up: flag provided but not defined: -bogus\n\nusage: up [flags]"},
		{[]string{"up", "extra"}, 2, "", `stack up: takes no arguments, got ["extra"]`},
		{[]string{"up", "--port", "-1"}, 2, "", "--port -1: want ≥ 0"},
		{[]string{"up", "--port", "13"}, 1, "", "stack: unlucky\n"},
	} {
		var stdout, stderr bytes.Buffer
		code := Main(context.Background(), "stack", "intro\n", cmds, c.args, &stdout, &stderr)
		if code != c.code || !strings.Contains(stdout.String(), c.out) || !strings.Contains(stderr.String(), c.errs) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d, %q, %q", c.args, code, stdout.String(), stderr.String(), c.code, c.out, c.errs)
		}
		if c.code == 2 && !strings.Contains(stderr.String(), "usage") {
			t.Errorf("%q: a usage error without the usage: %q", c.args, stderr.String())
		}
	}
	if len(got) != 1 {
		t.Fatalf("the command ran %d times", len(got))
	}
}
