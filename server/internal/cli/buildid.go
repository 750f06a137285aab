package cli

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"errors"
	"fmt"
	"os"

	"go.temporal.io/sdk/worker"
)

// errRedactedBuildID: rules_go links with -buildid=redacted, so binaries
// Bazel builds carry no Go build ID.
var errRedactedBuildID = errors.New("the Go build ID is redacted (a Bazel build)")

// setWorkerBinaryChecksum names this binary for the server's own SDK workers
// (the worker service's scanner, replicator and system workflows) from the
// Go build ID the linker stored in it, so the SDK does not compute it.
//
// Without it (and so in Bazel builds: errRedactedBuildID), the SDK's first worker hashes the whole executable with MD5
// (go.temporal.io/sdk internal/checksum.go): about 0.3 s of CPU for our
// 150 MB binary, paid by every server process while it starts. The value
// keeps the SDK's shape (32 hex digits) and, like the MD5, changes with the
// binary: the Go build ID is a hash of the build's inputs and output.
func setWorkerBinaryChecksum() error {
	id, err := goBuildID()
	if err != nil {
		return err
	}
	sum := sha256.Sum256([]byte(id))
	worker.SetBinaryChecksum(hex.EncodeToString(sum[:16]))
	return nil
}

// goBuildID reads the Go build ID of the running executable from its ELF
// note ".note.go.buildid" (the value "go tool buildid" prints). The note is
// name size, description size and type (4 bytes each, in the file's byte
// order), the name "Go" padded to 4 bytes, then the build ID.
func goBuildID() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := elf.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return "", fmt.Errorf("%s has no .note.go.buildid section", exe)
	}
	note, err := sec.Data()
	if err != nil {
		return "", err
	}
	if len(note) < 16 {
		return "", errors.New("short .note.go.buildid section")
	}
	nameSize, descSize := f.ByteOrder.Uint32(note[0:4]), f.ByteOrder.Uint32(note[4:8])
	start := 12 + int(nameSize+3)&^3
	if nameSize != 4 || string(note[12:15]) != "Go\x00" || start+int(descSize) > len(note) || descSize == 0 {
		return "", errors.New("malformed .note.go.buildid section")
	}
	id := string(note[start : start+int(descSize)])
	if id == "redacted" {
		return "", errRedactedBuildID
	}
	return id, nil
}
