package up

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/temporal-stack/stack/internal/datadir"
	"github.com/temporal-stack/stack/internal/proc"
)

// startTimeout bounds how long a component may take to be ready.
const startTimeout = 2 * time.Minute

// component is one process of the stack, described as data: what runs, how
// a user reaches it, how readiness is checked, and whether the stack can
// live without it.
type component struct {
	name     string
	spec     proc.Spec                   // what runs; the supervisor sets Name and LogDir
	url      string                      // what a user opens or dials (stack status)
	health   string                      // what stack status probes: http(s)://... wants 200, grpc://host:port the gRPC health service
	metrics  string                      // a server process's /metrics URL (stack doctor reads its gauges)
	ready    func(context.Context) error // polled every 10 ms until nil; nil means ready at once
	critical bool                        // its exit, or a failure to get ready, stops the stack
}

// ComponentError is a component that did not get ready or exited. Its
// message names the component.
type ComponentError struct {
	Component string // its name ("ui")
	Critical  bool   // the stack stops because of it
	Log       string // its log file
	Err       error
}

func (e *ComponentError) Error() string {
	return e.Err.Error()
}

func (e *ComponentError) Unwrap() error { return e.Err }

// launched is a started component.
type launched struct {
	component
	p       *proc.Process
	started time.Time
}

// supervisor starts components, publishes them in the data dir's state
// file, waits for their readiness, and stops them in reverse start order.
type supervisor struct {
	dir datadir.Dir
	out io.Writer

	mu      sync.Mutex // the server's members are launched from their own goroutine
	stopped bool
	running []*launched // in start order
	state   datadir.State
}

// launch starts c without waiting for it.
func (s *supervisor) launch(c component) (*launched, error) {
	c.spec.Name, c.spec.LogDir = c.name, s.dir.Logs()
	p, err := proc.Start(c.spec)
	if err != nil {
		return nil, &ComponentError{Component: c.name, Critical: c.critical, Err: err}
	}
	l := &launched{component: c, p: p, started: time.Now()}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped { // launched while the stack was being stopped
		p.Stop(20 * time.Second)
		return nil, &ComponentError{Component: c.name, Critical: c.critical, Log: p.LogPath, Err: context.Canceled}
	}
	s.running = append(s.running, l)
	s.state.Components = append(s.state.Components, datadir.Component{Name: c.name, Pid: p.Pid(), URL: c.url, Health: c.health, Metrics: c.metrics, Log: p.LogPath})
	_ = s.dir.WriteState(s.state)
	fmt.Fprintf(s.out, "stack: starting %s (log: %s)...\n", c.name, p.LogPath)
	return l, nil
}

// wait waits until l is ready, has exited, ctx ends or startTimeout passes;
// what names the readiness in messages ("ready").
func (s *supervisor) wait(ctx context.Context, l *launched, what string, check func(context.Context) error) error {
	if check == nil {
		return nil
	}
	if err := l.p.WaitForContext(ctx, startTimeout, what, check); err != nil {
		if ctx.Err() != nil {
			return err
		}
		return &ComponentError{Component: l.name, Critical: l.critical, Log: l.p.LogPath, Err: err}
	}
	return nil
}

// waitReady waits for l's readiness check and says how long it took.
func (s *supervisor) waitReady(ctx context.Context, l *launched) error {
	if err := s.wait(ctx, l, "ready", l.ready); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "stack: %s ready in %s\n", l.name, time.Since(l.started).Round(time.Millisecond))
	return nil
}

// waitAll waits for ls together and returns the failures, one
// *ComponentError each, in ls order.
func (s *supervisor) waitAll(ctx context.Context, ls []*launched) []*ComponentError {
	errs := make([]error, len(ls))
	var wg sync.WaitGroup
	for i, l := range ls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = s.waitReady(ctx, l)
		}()
	}
	wg.Wait()
	var failed []*ComponentError
	for i, err := range errs {
		if err == nil {
			continue
		}
		ce, ok := err.(*ComponentError)
		if !ok {
			ce = &ComponentError{Component: ls[i].name, Critical: ls[i].critical, Log: ls[i].p.LogPath, Err: err}
		}
		failed = append(failed, ce)
	}
	return failed
}

// setReady publishes that every component is up.
func (s *supervisor) setReady() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.Ready = true
	return s.dir.WriteState(s.state)
}

// supervise runs until ctx ends (nil) or a critical component exits (a
// *ComponentError with its last log lines); an optional one that exits is
// reported and the rest keeps running.
func (s *supervisor) supervise(ctx context.Context) error {
	s.mu.Lock()
	died := make(chan *launched, len(s.running))
	for _, l := range s.running {
		go func() { <-l.p.Done(); died <- l }()
	}
	s.mu.Unlock()
	for {
		select {
		case <-ctx.Done():
			return nil
		case l := <-died:
			_, werr := l.p.Exited()
			if l.critical {
				return &ComponentError{Component: l.name, Critical: true, Log: l.p.LogPath,
					Err: fmt.Errorf("%s exited (%v); stopping the stack. Last log lines of %s:\n%s", l.name, werr, l.p.LogPath, l.p.Tail(30))}
			}
			fmt.Fprintf(s.out, "stack: %s exited (%v); the rest keeps running. Last log lines of %s:\n%s\n", l.name, werr, l.p.LogPath, l.p.Tail(15))
		}
	}
}

// stop stops the components in reverse start order; a component launched
// afterwards is stopped at once.
func (s *supervisor) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopped = true
	for i := len(s.running) - 1; i >= 0; i-- {
		s.running[i].p.Stop(20 * time.Second)
	}
	s.running = nil
}
