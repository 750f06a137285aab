// Command stack runs Temporal Stack: the local stack (up), and every test (test).
package main

import (
	"fmt"
	"os"

	"github.com/temporal-stack/stack/tools/stack/internal/testcmd"
	"github.com/temporal-stack/stack/tools/stack/internal/up"
)

const usage = `usage: go run ./tools/stack <command> [flags]

commands:
  up      run the Temporal Stack locally (no Kubernetes, no Docker); Ctrl-C stops it
  test    install what the tests need, then run every test (go vet + go test)

Run "go run ./tools/stack <command> -h" for a command's flags.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "up":
		err = up.Run(args)
	case "test":
		err = testcmd.Run(args)
	case "-h", "--help", "help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprintf(os.Stderr, "stack: unknown command %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "stack:", err)
		os.Exit(1)
	}
}
