// Package temporalcmd is "stack temporal": the temporal CLI at the version
// this repository pins (tools/deps/temporalcli), built once into .cache/bin,
// for users who have none installed.
package temporalcmd

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"syscall"

	"github.com/temporal-stack/stack/internal/toolbin"
	"github.com/temporal-stack/stack/tools/stack/internal/cli"
)

// Run runs the pinned temporal CLI with args (all of them are its own,
// -h included), connected to this process's stdin and the given writers.
// Ctrl-C reaches it through the terminal; ctx's end also interrupts it.
// Its failure is returned as its exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	bin, err := toolbin.Path(toolbin.TemporalCLI)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, stderr
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGINT) }
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() > 0 {
		return cli.ExitCode(ee.ExitCode())
	}
	return err
}
