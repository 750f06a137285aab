package dynconfig

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// fileSettle is how long the watcher waits after the last event before reading,
// so editors that write in several steps are read once, complete.
const fileSettle = 20 * time.Millisecond

// WatchFile feeds every version of the file at path to src, pushed by fsnotify
// (no polling). It reads the file once before returning. The file's directory
// is watched, not the file, so atomic saves (write + rename) and the kubelet's
// ..data symlink swap for mounted ConfigMaps are both seen.
//
// Policies are those of WatchConfigMap: a missing file means defaults until it
// appears, a deleted one keeps the last good config, bad content is rejected.
func WatchFile(ctx context.Context, src *Source, path string) error {
	path, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("dynamic config: cannot watch %s: %w", dir, err)
	}
	if err := w.Add(dir); err != nil {
		w.Close()
		return fmt.Errorf("dynamic config: cannot watch directory %s (it must exist): %w", dir, err)
	}
	readFile(src, path)
	go func() {
		defer w.Close()
		var settle <-chan time.Time
		for {
			select {
			case <-ctx.Done():
				return
			case _, ok := <-w.Events:
				if !ok {
					return
				}
				settle = time.After(fileSettle)
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				// fsnotify errors are overflows: events were lost, so re-read.
				src.watchFailed(err)
				src.watchRestarted()
				settle = time.After(fileSettle)
			case <-settle:
				settle = nil
				readFile(src, path)
			}
		}
	}()
	return nil
}

func readFile(src *Source, path string) {
	info, err := os.Stat(path)
	var content []byte
	if err == nil {
		content, err = os.ReadFile(path)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		src.SetAbsent("file " + path + " does not exist")
	case err != nil:
		src.reject("read-error/"+err.Error(), &InvalidError{Version: path, Errors: []error{err}})
	default:
		_ = src.Apply(content, fmt.Sprintf("%s@%s", path, info.ModTime().UTC().Format(time.RFC3339Nano)))
	}
}
