package lsp

// This file keeps the open documents. A document is a sequence of
// snapshots, one per version of its text; a snapshot is immutable and is
// analysed whole at most once (analysis.Analyze), on first use by a request
// or by the background analysis that follows the diagnostics. Before that,
// each snapshot has a view (analysis.View): its text cut into top-level
// statements by the document's Diagnoser, which re-analyses only those
// that changed. The diagnostics come from the view (a document's first
// ones before its whole analysis), and so do the answers to the questions
// about a position (hover, definition, references, highlights, inlay
// hints, bytecode) until the whole analysis is ready — whenever the view
// can prove its answer the whole analysis's; otherwise they wait for it
// (snapshot.answer). Requests take the snapshot current when they
// arrive, so they never mix two versions.

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/peephole-lsp/peephole/analysis"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// snapshot is one version of a document.
type snapshot struct {
	uri      string
	filename string
	version  int32
	// seq orders a document's snapshots (clients' versions are not
	// trusted to).
	seq  int64
	text []byte
	enc  encoding

	mapOnce sync.Once
	m       *mapper

	fileOnce sync.Once
	file     *analysis.File
	// fileReady is set once file is.
	fileReady atomic.Bool

	// diagnoser is the document's; view is the snapshot's view, made on
	// first use; onView is Options.onView.
	diagnoser *analysis.Diagnoser
	onView    func(answered bool)
	viewOnce  sync.Once
	v         atomic.Pointer[analysis.View]

	// opened, for the snapshot a document opens with, is closed once the
	// document's first diagnostics have been computed (see analysis).
	opened <-chan struct{}
}

// mapper returns the snapshot's position mapper.
func (s *snapshot) mapper() *mapper {
	s.mapOnce.Do(func() { s.m = newMapper(s.text, s.enc) })
	return s.m
}

// firstDiagnosticsWait bounds how long the whole analysis of a document
// just opened waits for its first diagnostics.
const firstDiagnosticsWait = 2 * time.Second

// analysis returns the snapshot's analysis, computing it on first use.
//
// The first diagnostics of a document come first: they are what the user
// waits for after opening a file, and the Diagnoser computes them on every
// processor. A request that needs the whole analysis of the snapshot a
// document opened with (editors send several with didOpen: semantic
// tokens, symbols, code lenses) lets them finish before it starts, rather
// than compete with them for the processors; the whole analysis would
// take as long either way.
func (s *snapshot) analysis() *analysis.File {
	s.fileOnce.Do(func() {
		if s.opened != nil {
			t := time.NewTimer(firstDiagnosticsWait)
			select {
			case <-s.opened:
			case <-t.C:
			}
			t.Stop()
		}
		if f := s.view().File(); f != nil {
			s.file = f // a buffer the view analyses whole
		} else {
			s.file = analysis.Analyze(s.text, analysis.Options{Filename: s.filename})
		}
		s.fileReady.Store(true)
	})
	return s.file
}

// readyFile returns the snapshot's whole analysis if it is done, or nil.
func (s *snapshot) readyFile() *analysis.File {
	if s.fileReady.Load() {
		return s.file
	}
	return nil
}

// view returns the snapshot's view, making it on first use (which only
// cuts the text into chunks: the view analyses them when first asked).
func (s *snapshot) view() *analysis.View {
	s.viewOnce.Do(func() {
		s.v.Store(s.diagnoser.View(s.text, analysis.Options{Filename: s.filename}))
	})
	return s.v.Load()
}

// answer answers a question about the snapshot: from its whole analysis
// when that is done, else from its view if the view is cheap (the edit
// did not change most of the buffer) and can answer, else from the whole
// analysis, computed or awaited. (A question asked right after an edit
// is answered from the analysis of the statement that changed, rather
// than after that of the whole buffer.)
func answer[T any](s *snapshot, whole func(*analysis.File) T, partial func(*analysis.View) (T, bool)) T {
	if f := s.readyFile(); f != nil {
		return whole(f)
	}
	v := s.view()
	if !v.Cheap() {
		return whole(s.analysis())
	}
	r, ok := partial(v)
	if s.onView != nil {
		s.onView(ok)
	}
	if ok {
		return r
	}
	return whole(s.analysis())
}

// document is an open document.
type document struct {
	uri      string
	filename string

	mu   sync.Mutex
	snap *snapshot
	// runDiag is the diagnostic of the last run's uncaught exception, for
	// the snapshot whose seq is runSeq; nil when there is none.
	runDiag *analysis.Diagnostic
	runSeq  int64
	// timer is the pending debounced diagnostics, or nil.
	timer *time.Timer

	// pubMu serialises publishing; published is the seq of the last
	// snapshot whose diagnostics were published.
	pubMu     sync.Mutex
	published int64
	closed    bool

	// runSem admits one run at a time; session is the namespace of the
	// document's runs, or nil.
	runSem  chan struct{}
	session analysis.Session

	// diagnoser computes the diagnostics of the document's versions
	// incrementally (chunk by chunk); prefetch is the pending background
	// analysis of the current snapshot, or nil.
	diagnoser *analysis.Diagnoser
	prefetch  *time.Timer

	// onView is Options.onView, for the snapshots.
	onView func(answered bool)

	// opened is closed (by markOpened) once the first diagnostics have
	// been computed, or the document closed.
	opened     chan struct{}
	openedOnce sync.Once
}

// newDocument returns a document just opened, with its first snapshot.
func newDocument(uri string, version int32, text []byte, enc encoding, onView func(bool)) *document {
	d := &document{uri: uri, filename: filenameOf(uri), runSem: make(chan struct{}, 1),
		diagnoser: analysis.NewDiagnoser(), opened: make(chan struct{}), onView: onView}
	d.snap = &snapshot{uri: uri, filename: d.filename, version: version, seq: 1, text: text, enc: enc, opened: d.opened,
		diagnoser: d.diagnoser, onView: onView}
	return d
}

// markOpened records that the document's first diagnostics are done.
func (d *document) markOpened() {
	d.openedOnce.Do(func() { close(d.opened) })
}

// current returns the document's current snapshot.
func (d *document) current() *snapshot {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.snap
}

// filenameOf is the name a buffer is analysed and run under: its path for
// a file: URI, the URI itself otherwise.
func filenameOf(raw string) string {
	if u := uri.URI(raw); strings.HasPrefix(raw, "file:") && u.IsFile() {
		if p := u.FsPath(); p != "" {
			return p
		}
	}
	return raw
}

// applyChanges applies content changes, in order, to text.
func applyChanges(text []byte, enc encoding, changes []contentChange) ([]byte, error) {
	for _, c := range changes {
		if c.Range == nil {
			text = []byte(c.Text)
			continue
		}
		m := newMapper(text, enc)
		start, end := m.offset(c.Range.Start), m.offset(c.Range.End)
		if end < start {
			return nil, fmt.Errorf("change range ends before it starts: %v", *c.Range)
		}
		out := make([]byte, 0, len(text)-(end-start)+len(c.Text))
		out = append(out, text[:start]...)
		out = append(out, c.Text...)
		out = append(out, text[end:]...)
		text = out
	}
	return text, nil
}

// contentChange is one change of a didChange notification: the whole text
// when Range is nil.
type contentChange struct {
	Range *protocol.Range `json:"range,omitempty"`
	Text  string          `json:"text"`
}
