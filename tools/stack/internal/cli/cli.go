// Package cli is the shape every stack subcommand shares: a Command runs
// with a context, its arguments and two writers and returns an error; flag
// mistakes and -h come back as values (UsageError, Help) that only main
// turns into output and an exit code.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Command is one subcommand of stack.
type Command struct {
	Name    string // as typed: "up"
	Summary string // one line for the command list
	// Run runs the command. ctx is cancelled on Ctrl-C (SIGINT) or SIGTERM;
	// output goes to stdout, progress and diagnostics to stderr.
	Run func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// UsageError is a mistake in a command line: an unknown or malformed flag,
// a stray argument, or a flag value the command refuses. main prints it with
// Usage and exits 2.
type UsageError struct {
	Command string // "up"
	Err     error
	Usage   string // the command's usage text with its flags
}

func (e *UsageError) Error() string { return e.Command + ": " + e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Help is returned when -h or --help was given: main prints Usage and exits 0.
type Help struct{ Usage string }

func (Help) Error() string { return "help requested" }

// ExitCode is returned by a command that ran another program which failed:
// main exits with that code and prints nothing (the program has spoken).
type ExitCode int

func (c ExitCode) Error() string { return fmt.Sprintf("exit status %d", int(c)) }

// FlagSet is a command's flags with its usage text.
type FlagSet struct {
	*flag.FlagSet
	usage string // what precedes the flag list
}

// NewFlagSet makes the flag set of command name; usage is the text printed
// before the flags' defaults ("usage: go run ./tools/stack up [flags]\n...").
func NewFlagSet(name, usage string) *FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors come back as values; main prints them
	return &FlagSet{FlagSet: fs, usage: usage}
}

// Usage is the command's whole usage text: the text given to NewFlagSet, then
// each flag with its default.
func (fs *FlagSet) Usage() string {
	var b strings.Builder
	b.WriteString(fs.usage)
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	return b.String()
}

// Parse parses args. With maxArgs ≥ 0, more positional arguments than that
// is a usage error. It returns Help for -h, a *UsageError for any mistake.
func (fs *FlagSet) Parse(args []string, maxArgs int) error {
	if err := fs.FlagSet.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return Help{Usage: fs.Usage()}
		}
		return fs.Errorf("%v", err)
	}
	if maxArgs >= 0 && fs.NArg() > maxArgs {
		if maxArgs == 0 {
			return fs.Errorf("takes no arguments, got %q", fs.Args())
		}
		return fs.Errorf("takes at most %d argument(s), got %q", maxArgs, fs.Args())
	}
	return nil
}

// Errorf is a usage error of this command: a flag value it refuses.
func (fs *FlagSet) Errorf(format string, a ...any) error {
	return &UsageError{Command: fs.Name(), Err: fmt.Errorf(format, a...), Usage: fs.Usage()}
}

// Main runs the command args[0] names with the rest of args and returns the
// process's exit code: 0 on success or help, 2 on a usage error (printed
// with the usage), 1 on any other error. intro heads the command list that a
// missing or unknown command prints.
func Main(ctx context.Context, program, intro string, commands []Command, args []string, stdout, stderr io.Writer) int {
	list := commandList(program, intro, commands)
	if len(args) == 0 {
		fmt.Fprint(stderr, list)
		return 2
	}
	name, rest := args[0], args[1:]
	if name == "-h" || name == "--help" || name == "help" {
		fmt.Fprint(stdout, list)
		return 0
	}
	var cmd *Command
	for i := range commands {
		if commands[i].Name == name {
			cmd = &commands[i]
		}
	}
	if cmd == nil {
		fmt.Fprintf(stderr, "%s: unknown command %q\n\n%s", program, name, list)
		return 2
	}
	err := cmd.Run(ctx, rest, stdout, stderr)
	var help Help
	var usage *UsageError
	var code ExitCode
	switch {
	case err == nil:
		return 0
	case errors.As(err, &code):
		return int(code)
	case errors.As(err, &help):
		fmt.Fprint(stdout, help.Usage)
		return 0
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "%s %s\n\n%s", program, usage.Error(), usage.Usage)
		return 2
	}
	fmt.Fprintf(stderr, "%s: %v\n", program, err)
	return 1
}

func commandList(program, intro string, commands []Command) string {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: go run ./tools/%s <command> [flags]\n\n%s\ncommands:\n", program, intro)
	width := 0
	for _, c := range commands {
		width = max(width, len(c.Name))
	}
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, c.Name, c.Summary)
	}
	fmt.Fprintf(&b, "\nRun \"go run ./tools/%s <command> -h\" for a command's flags.\n", program)
	return b.String()
}
