package nodeimages

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/temporal-stack/stack/internal/toolbin"
)

// postgresImage assembles the stand-in from the host's Debian PostgreSQL
// (the newest /usr/lib/postgresql/N): its programs and modules, their
// shared libraries, its share directory and the time zone database, with
// Debian's /bin/sh (dash), ./pgstandin as the entrypoint and the official
// image's layout: user postgres (999), /var/lib/postgresql/data,
// /var/run/postgresql.
func postgresImage(ctx context.Context) (v1.Image, error) {
	versions, _ := filepath.Glob("/usr/lib/postgresql/*/bin/postgres")
	if len(versions) == 0 {
		return nil, errors.New("PostgreSQL is not installed on this host: apt-get install -y --no-install-recommends postgresql")
	}
	sort.Slice(versions, func(i, j int) bool { return len(versions[i]) < len(versions[j]) || versions[i] < versions[j] })
	home := filepath.Dir(filepath.Dir(versions[len(versions)-1])) // /usr/lib/postgresql/15
	major := filepath.Base(home)
	entry, err := toolbin.Own("./internal/harness/nodeimages/pgstandin")
	if err != nil {
		return nil, err
	}
	t := base(map[int]string{999: "postgres"})
	// Debian's merged /usr: the loader's and libraries' /lib paths resolve there.
	t.symlink("/lib", "usr/lib")
	t.symlink("/lib64", "usr/lib64")
	t.symlink("/bin", "usr/bin")
	t.copyTree(home, home)
	t.copyTree("/usr/share/postgresql/"+major, "/usr/share/postgresql/"+major)
	t.copyTree("/usr/share/zoneinfo", "/usr/share/zoneinfo")
	var elves []string
	for _, dir := range []string{filepath.Join(home, "bin"), filepath.Join(home, "lib")} {
		ents, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			if !e.IsDir() {
				elves = append(elves, filepath.Join(dir, e.Name()))
			}
		}
	}
	// initdb and pg_ctl run the server through popen(3) and system(3): /bin/sh.
	shell, err := filepath.EvalSymlinks("/bin/sh")
	if err != nil {
		return nil, err
	}
	t.copyFile(usrMerged(shell), shell)
	t.symlink("/usr/bin/sh", filepath.Base(shell))
	elves = append(elves, shell)
	if err := t.libraries(ctx, elves); err != nil {
		return nil, err
	}
	for _, p := range []string{"pg_isready", "psql", "postgres", "initdb", "pg_ctl"} {
		t.symlink("/usr/bin/"+p, filepath.Join(home, "bin", p))
	}
	t.copyFile("/usr/local/bin/docker-entrypoint", entry)
	t.dir("/var/lib/postgresql", 0o755, 999, 999)
	t.dir("/var/lib/postgresql/data", 0o700, 999, 999)
	t.dir("/var/run/postgresql", 0o3775, 999, 999)
	return image(t, config{user: "999:999", entrypoint: []string{"/usr/local/bin/docker-entrypoint"}, cmd: []string{"postgres"},
		env:    []string{"PGDATA=/var/lib/postgresql/data", "PG_MAJOR=" + major, "TZ=UTC"},
		source: "Debian's postgresql-" + major + " packages (a stand-in, not the official postgres image)"})
}

// usrMerged rewrites /lib..., /lib64... and /bin... to their /usr paths.
func usrMerged(p string) string {
	for _, d := range []string{"/lib/", "/lib64/", "/bin/", "/sbin/"} {
		if strings.HasPrefix(p, d) {
			return "/usr" + p
		}
	}
	return p
}

// sharedLibraries lists, by ldd, every shared library (and the loader) the
// given ELF files need; files that are not dynamic executables are skipped.
func sharedLibraries(ctx context.Context, files []string) ([]string, error) {
	seen := map[string]bool{}
	for _, f := range files {
		out, err := exec.CommandContext(ctx, "ldd", f).Output()
		if err != nil {
			continue // "not a dynamic executable", or a data file
		}
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			// "libpq.so.5 => /lib/x86_64-linux-gnu/libpq.so.5 (0x...)" or "/lib64/ld-linux-x86-64.so.2 (0x...)"
			fields := strings.Fields(sc.Text())
			for i, fld := range fields {
				if strings.HasPrefix(fld, "/") && (i == 0 || fields[i-1] == "=>") {
					seen[fld] = true
				}
			}
		}
	}
	if len(seen) == 0 {
		return nil, fmt.Errorf("ldd found no shared library in %d files", len(files))
	}
	libs := make([]string, 0, len(seen))
	for l := range seen {
		libs = append(libs, l)
	}
	sort.Strings(libs)
	return libs, nil
}

// adminToolsImage: Debian's /bin/sh (dash), temporal-sql-tool and the pinned
// temporal CLI (static), user 1000.
func adminToolsImage(ctx context.Context) (v1.Image, error) {
	sqlTool, err := toolbin.Own("go.temporal.io/server/cmd/tools/sql")
	if err != nil {
		return nil, err
	}
	cli, err := toolbin.Path(toolbin.TemporalCLI)
	if err != nil {
		return nil, err
	}
	shell, err := filepath.EvalSymlinks("/bin/sh")
	if err != nil {
		return nil, err
	}
	t := base(map[int]string{1000: "temporal"})
	t.symlink("/lib", "usr/lib")
	t.symlink("/lib64", "usr/lib64")
	t.symlink("/bin", "usr/bin")
	t.copyFile(usrMerged(shell), shell)
	t.symlink("/usr/bin/sh", filepath.Base(shell))
	t.copyFile("/usr/local/bin/temporal-sql-tool", sqlTool)
	t.copyFile("/usr/local/bin/temporal", cli)
	if err := t.libraries(ctx, []string{shell}); err != nil {
		return nil, err
	}
	return image(t, config{user: "1000:1000", cmd: []string{"sh"},
		source: "Debian's dash, go.temporal.io/server/cmd/tools/sql and the temporal CLI (a stand-in, not temporalio/admin-tools)"})
}

// libraries adds, at their merged-/usr paths, every shared library the
// given ELF files need (and the loader), with the names they are asked by
// as symbolic links.
func (t *tree) libraries(ctx context.Context, elves []string) error {
	libs, err := sharedLibraries(ctx, elves)
	if err != nil {
		return err
	}
	for _, lib := range libs {
		real, err := filepath.EvalSymlinks(lib)
		if err != nil {
			return err
		}
		t.copyFile(usrMerged(real), real)
		if l := usrMerged(lib); l != usrMerged(real) {
			t.symlink(l, usrMerged(real))
		}
	}
	return nil
}
