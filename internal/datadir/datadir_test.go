package datadir

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
)

func TestLayout(t *testing.T) {
	d := Dir(t.TempDir())
	if err := d.CheckLayout(); err != nil {
		t.Fatalf("a new dir: %v", err)
	}
	if b, _ := os.ReadFile(d.Path("LAYOUT")); string(b) != LayoutVersion+"\n" {
		t.Fatalf("LAYOUT %q", b)
	}
	if err := d.CheckLayout(); err != nil {
		t.Fatalf("a second check: %v", err)
	}
	os.WriteFile(d.Path("LAYOUT"), []byte("1\n"), 0o644)
	if err := d.CheckLayout(); err == nil || !strings.Contains(err.Error(), "has layout 1, this version of up needs layout "+LayoutVersion) {
		t.Fatalf("an old layout: %v", err)
	}
	old := Dir(t.TempDir())
	os.Mkdir(old.Path("db"), 0o755)
	if err := old.CheckLayout(); err == nil || !strings.Contains(err.Error(), "no LAYOUT file") {
		t.Fatalf("a dir from before LAYOUT: %v", err)
	}
	if _, err := os.Stat(old.Path("LAYOUT")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatal("a refused dir was stamped")
	}
}

func TestSecrets(t *testing.T) {
	d := Dir(t.TempDir())
	if _, err := d.ReadSecrets(); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("before the first start: %v", err)
	}
	first, err := d.Secrets()
	if err != nil || !first.Created {
		t.Fatalf("first: %+v %v", first, err)
	}
	seen := map[string]bool{}
	for _, v := range []string{first.AdminPassword, first.UIClientSecret, first.WorkerClientSecret, first.MinIORootPassword} {
		if len(v) != 24 || seen[v] {
			t.Fatalf("secret %q: want 24 characters, each different", v)
		}
		seen[v] = true
	}
	if st, _ := os.Stat(d.SecretsFile()); st.Mode().Perm() != 0o600 {
		t.Fatalf("secrets file mode %v", st.Mode())
	}
	again, err := d.Secrets()
	first.Created = false
	if err != nil || again != first {
		t.Fatalf("second: %+v %v, want %+v", again, err, first)
	}
	// A data dir from before MinIO archival gets its MinIO password, keeping the rest.
	os.WriteFile(d.SecretsFile(), []byte("admin_password=a\nui_client_secret=u\nworker_client_secret=w\n"), 0o600)
	up, err := d.Secrets()
	if err != nil || up.AdminPassword != "a" || up.UIClientSecret != "u" || up.WorkerClientSecret != "w" || len(up.MinIORootPassword) != 24 || up.Created {
		t.Fatalf("upgraded: %+v %v", up, err)
	}
	if read, _ := d.ReadSecrets(); read.MinIORootPassword != up.MinIORootPassword {
		t.Fatal("the MinIO password was not saved")
	}
	os.WriteFile(d.SecretsFile(), []byte("admin_password=a\n"), 0o600)
	if _, err := d.Secrets(); err == nil || !strings.Contains(err.Error(), "is incomplete; delete it") {
		t.Fatalf("incomplete: %v", err)
	}
}

func TestStateAndLock(t *testing.T) {
	d := Dir(t.TempDir())
	if _, ok, err := d.Running(); ok || err != nil {
		t.Fatalf("nothing running: %v %v", ok, err)
	}
	s := State{Pid: os.Getpid(), Components: []Component{{Name: "dex", Pid: 42}}}
	if err := d.WriteState(s); err != nil {
		t.Fatal(err)
	}
	got, ok, err := d.Running()
	if err != nil || !ok || got.ComponentPid("dex") != 42 || got.ComponentPid("ui") != 0 {
		t.Fatalf("running: %+v %v %v", got, ok, err)
	}
	lock, err := d.Lock()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Lock(); err == nil || !strings.Contains(err.Error(), "a stack is already running from") {
		t.Fatalf("a second lock: %v", err)
	}
	lock.Close()
	second, err := d.Lock()
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	second.Close()
	d.WriteState(State{Pid: 1 << 30}) // no such process
	if _, ok, _ := d.Running(); ok {
		t.Fatal("a state whose up is gone counts as running")
	}
}

func TestBanner(t *testing.T) {
	out := "stack: starting dex...\n\n" + BannerTitle + " Auth is on.\n  ...\nCtrl-C stops everything; " + BannerEnd + "\nstack: ui exited\n"
	b, ok := Banner(out)
	if !ok || !strings.HasPrefix(b, BannerTitle) || !strings.HasSuffix(b, BannerEnd+"\n") {
		t.Fatalf("%v %q", ok, b)
	}
	if _, ok := Banner(out[:strings.Index(out, "Ctrl-C")]); ok {
		t.Fatal("an incomplete banner was taken")
	}
}
