package lsp

// This file publishes diagnostics. After a change, a document's diagnostics
// wait for edits to pause for the debounce interval (each change restarts
// the wait, which never exceeds 30 ms), then the current snapshot's
// diagnostics are computed by its view (the document's analysis.Diagnoser
// re-analyses only the top-level statements that changed), and published —
// unless a newer snapshot arrived meanwhile (its own wait will publish it).
// Once edits pause a little longer, the snapshot is analysed whole in the
// background for the other requests. Publishing holds the document's publish lock
// and checks, under it, that the snapshot is still current and newer than
// the last one published, so a stale result never replaces a newer one.

import (
	"time"

	"github.com/peephole-lsp/peephole/analysis"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// scheduleLocked (re)starts a document's debounce; d.mu is held.
func (s *Server) scheduleLocked(d *document) {
	if d.timer != nil {
		d.timer.Reset(s.opts.Debounce)
		return
	}
	d.timer = time.AfterFunc(s.opts.Debounce, func() {
		d.mu.Lock()
		d.timer = nil
		d.mu.Unlock()
		s.background(func() { s.publish(d) })
	})
}

// publish analyses a document's current snapshot and publishes its
// diagnostics if it is still current.
func (s *Server) publish(d *document) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic while publishing diagnostics", zap.Any("panic", r))
		}
	}()
	snap := d.current()
	ads := snap.view().Diagnostics()
	if d.current() != snap {
		return
	}
	m := snap.mapper()
	var diags []protocol.Diagnostic
	for _, ad := range ads {
		diags = append(diags, toProtocolDiagnostic(ad, m))
	}
	d.mu.Lock()
	if d.runDiag != nil && d.runSeq == snap.seq {
		diags = append(diags, toProtocolDiagnostic(*d.runDiag, m))
	}
	d.mu.Unlock()
	if diags == nil {
		diags = []protocol.Diagnostic{}
	}
	d.pubMu.Lock()
	defer d.pubMu.Unlock()
	if d.closed || d.current() != snap || snap.seq < d.published {
		return
	}
	d.published = snap.seq
	s.notify(protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{
		URI: uriOf(d.uri), Version: protocol.NewOptional(snap.version), Diagnostics: diags,
	})
	s.schedulePrefetch(d, snap)
}

// prefetchDelay is how long edits must pause before the current snapshot
// is analysed whole in the background, so that hovers find it ready.
const prefetchDelay = 50 * time.Millisecond

// schedulePrefetch analyses snap whole once edits pause, unless a newer
// snapshot replaces it first. (Diagnostics come from the snapshot's view,
// and so do most answers about a position until then; tokens, symbols,
// lenses, renames and the questions the view declines need the whole
// analysis, which takes longer.)
func (s *Server) schedulePrefetch(d *document, snap *snapshot) {
	if s.opts.noPrefetch {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.prefetch != nil {
		d.prefetch.Stop()
	}
	d.prefetch = time.AfterFunc(prefetchDelay, func() {
		if d.current() != snap {
			return
		}
		s.background(func() {
			if d.current() == snap {
				snap.analysis()
			}
		})
	})
}

// toProtocolDiagnostic converts a diagnostic.
func toProtocolDiagnostic(d analysis.Diagnostic, m *mapper) protocol.Diagnostic {
	return protocol.Diagnostic{
		Range:    m.rangeToLSP(d.Range),
		Severity: protocol.DiagnosticSeverity(d.Severity),
		Code:     protocol.String(d.Code),
		Source:   protocol.NewOptional("peephole"),
		Message:  protocol.String(d.Message),
	}
}

// uriOf makes a URI value of the client's own string, unchanged.
func uriOf(s string) uri.URI { return uri.URI(s) }
