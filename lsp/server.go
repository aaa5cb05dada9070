// Package lsp is peephole's language server: the only package that knows the
// Language Server Protocol. It translates requests into questions for
// package analysis, and the answers back, positions included (position.go
// is the one place where columns change encoding).
//
// # Design
//
// The connection is go.lsp.dev/jsonrpc2 over a framing of our own
// (stream.go) that answers malformed messages instead of dying on them.
// One handler serves every message (dispatch.go):
//
//   - Notifications run inline on the read loop, one at a time, in the
//     order they arrive, so didOpen/didChange are applied in order and a
//     request always sees the edits sent before it. A notification never
//     returns an error (jsonrpc2 would close the connection).
//   - A request is prepared inline — its parameters decoded, the document
//     snapshot it is about taken — then released with jsonrpc2.Async and
//     answered concurrently, under a context that $/cancelRequest cancels.
//   - Every handler recovers from panics: the request gets an internal
//     error, the panic is logged with its stack, and the server goes on.
//
// Documents (documents.go) are immutable snapshots, one per version, each
// analysed whole at most once, on first use or in the background once
// edits pause. Until then a snapshot's view (analysis.View: its top-level
// statements, only those that changed analysed again by the document's
// analysis.Diagnoser) gives its diagnostics and answers the questions
// about a position that it can prove it answers as the whole analysis
// would. Diagnostics (diagnostics.go) are published after each change
// once edits pause for the debounce interval (20 ms, at most 30), and
// never for a version older than one already published. Positions change encoding in one place
// (position.go): UTF-16 unless the client offers UTF-8.
//
// Runs (execute_command.go) go through analysis.Execute and the
// analysis.Runner the server was given; without one, the run commands
// answer that running is not available. A run's output streams as
// peephole/output notifications, coalesced (output.go); its progress is
// reported with work-done progress (progress.go), and both $/cancelRequest
// and the progress's cancel button stop it. Nothing runs but through these
// commands.
//
// Settings (config.go) come from workspace/configuration, pushed
// didChangeConfiguration settings or initializationOptions. Logs go to the
// zap logger the server is given; the protocol owns stdout.
package lsp

import (
	"context"
	"encoding/json"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/peephole-lsp/peephole/analysis"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// Options configure a server.
type Options struct {
	// Runner runs Python for the run commands; nil makes them answer that
	// running is not available.
	Runner analysis.Runner
	// Logger receives the server's logs; nil discards them.
	Logger *zap.Logger
	// Debounce is how long diagnostics wait for edits to pause: 20 ms when
	// zero, and never more than 30 ms.
	Debounce time.Duration
	// Version is the version the server reports.
	Version string

	// onMessage, when set, is called with the method of every message
	// before it is handled (the tests make it panic).
	onMessage func(method string)
	// onView, when set, is called each time a request asks a snapshot's
	// view, with whether the view answered; noPrefetch keeps snapshots
	// from being analysed whole in the background. (Tests of the views.)
	onView     func(answered bool)
	noPrefetch bool
}

// Commands are the commands the server executes.
const (
	CommandRun          = "peephole.run"
	CommandRunSelection = "peephole.runSelection"
	CommandResetSession = "peephole.resetSession"
	CommandShowBytecode = "peephole.showBytecode"
)

// Methods and notifications of peephole's own.
const (
	MethodBytecode = "peephole/bytecode"
	MethodOutput   = "peephole/output"
)

// Server states.
const (
	stateNew         = iota // before initialize
	stateInitialized        // initialize answered
	stateShutdown           // shutdown answered
)

// Server is a language server on one connection.
type Server struct {
	opts Options
	log  *zap.Logger
	conn jsonrpc2.Conn

	mu       sync.Mutex
	state    int
	enc      encoding
	caps     clientCaps
	settings Settings
	docs     map[string]*document

	cancelMu     sync.Mutex
	inflight     map[jsonrpc2.ID]context.CancelFunc
	precancelled map[jsonrpc2.ID]bool
	precOrder    []jsonrpc2.ID

	progressMu sync.Mutex
	progress   map[string]context.CancelFunc
	nextToken  atomic.Int64

	exit     chan int
	exitOnce sync.Once
	done     chan struct{}
	// bg counts the server's background work (settings fetches,
	// diagnostics); Serve waits for it before returning.
	bgMu sync.Mutex
	bg   sync.WaitGroup
}

// background runs fn in a goroutine that Serve waits for; nothing starts
// once the server is stopping.
func (s *Server) background(fn func()) {
	s.bgMu.Lock()
	select {
	case <-s.done:
		s.bgMu.Unlock()
		return
	default:
	}
	s.bg.Add(1)
	s.bgMu.Unlock()
	go func() {
		defer s.bg.Done()
		fn()
	}()
}

// clientCaps are the client capabilities the server acts on.
type clientCaps struct {
	workDoneProgress   bool
	configuration      bool
	inlayHintRefresh   bool
	codeLensRefresh    bool
	renamePrepare      bool
	markdown           bool
	hierarchicalSymbol bool
}

// codec encodes results with protocol's union-aware encoder and decodes
// the client's answers with encoding/json (URIs stay as the client wrote
// them).
type codec struct{}

func (codec) Marshal(v any) ([]byte, error) {
	switch m := v.(type) {
	case jsonrpc2.RawMessage:
		if m == nil {
			return []byte("null"), nil
		}
		return m, nil
	case json.RawMessage:
		if m == nil {
			return []byte("null"), nil
		}
		return m, nil
	}
	return protocol.Marshal(v)
}

func (codec) Unmarshal(data []byte, v any) error {
	if p, ok := v.(*jsonrpc2.RawMessage); ok {
		*p = append(jsonrpc2.RawMessage(nil), data...)
		return nil
	}
	return json.Unmarshal(data, v)
}

// newServer returns a server that is not yet connected.
func newServer(opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = zap.NewNop()
	}
	if opts.Debounce <= 0 {
		opts.Debounce = 20 * time.Millisecond
	}
	opts.Debounce = min(opts.Debounce, 30*time.Millisecond)
	if opts.Version == "" {
		opts.Version = "0.1.0-dev"
	}
	return &Server{
		opts: opts, log: opts.Logger, settings: DefaultSettings, docs: map[string]*document{},
		inflight: map[jsonrpc2.ID]context.CancelFunc{}, precancelled: map[jsonrpc2.ID]bool{},
		progress: map[string]context.CancelFunc{},
		exit:     make(chan int, 1), done: make(chan struct{}),
	}
}

// Serve serves the protocol on rwc until the client sends exit or closes
// the connection, and returns the process's exit status: 0 after shutdown
// then exit, 1 otherwise.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) int {
	s := newServer(opts)
	s.conn = jsonrpc2.NewConn(newStream(rwc, s.log), jsonrpc2.WithCodec(codec{}))
	s.conn.Go(ctx, s.handle)
	s.log.Info("serving", zap.String("version", s.opts.Version))
	code := 1
	select {
	case code = <-s.exit:
		s.log.Info("exit", zap.Int("status", code))
	case <-s.conn.Done():
		s.log.Info("the client closed the connection", zap.Error(s.conn.Err()))
	case <-ctx.Done():
		s.log.Info("stopped", zap.Error(ctx.Err()))
	}
	s.stop()
	// Closing stops the read loop where the transport allows it (pipes,
	// sockets); a read of a process's stdin is not interrupted, and the
	// process exits anyway.
	rwc.Close()
	waited := make(chan struct{})
	go func() { s.bg.Wait(); close(waited) }()
	select {
	case <-waited:
	case <-time.After(2 * time.Second):
		s.log.Warn("background work did not end in time")
	}
	select {
	case <-s.conn.Done():
	case <-time.After(time.Second):
	}
	return code
}

// stop ends the server's background work: pending diagnostics, runs,
// sessions.
func (s *Server) stop() {
	s.bgMu.Lock()
	close(s.done)
	s.bgMu.Unlock()
	s.mu.Lock()
	docs := s.docs
	s.docs = map[string]*document{}
	s.mu.Unlock()
	for _, d := range docs {
		s.closeDocument(d)
	}
	s.cancelMu.Lock()
	for _, cancel := range s.inflight {
		cancel()
	}
	s.cancelMu.Unlock()
}

// notify sends a notification to the client; failures (a closed
// connection) are logged.
func (s *Server) notify(method string, params any) {
	if err := s.conn.Notify(context.Background(), method, params); err != nil {
		s.log.Debug("notify failed", zap.String("method", method), zap.Error(err))
	}
}

// call sends a request to the client and decodes its result into result.
func (s *Server) call(ctx context.Context, method string, params, result any) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	_, err := s.conn.Call(ctx, method, params, result)
	return err
}

// snapshotOf returns the current snapshot of an open document, or nil.
func (s *Server) snapshotOf(uri string) *snapshot {
	s.mu.Lock()
	d := s.docs[uri]
	s.mu.Unlock()
	if d == nil {
		return nil
	}
	return d.current()
}

// document returns an open document, or nil.
func (s *Server) document(uri string) *document {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.docs[uri]
}

// currentSettings returns the settings.
func (s *Server) currentSettings() Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings
}
