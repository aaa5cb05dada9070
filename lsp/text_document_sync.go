package lsp

// This file keeps the buffers in sync with the client: didOpen, didChange
// (incremental or whole), didClose. Each change makes a new snapshot; the
// last run's exception diagnostic is dropped (it belonged to the old text)
// and diagnostics are scheduled.

import (
	"encoding/json"
	"fmt"

	"go.lsp.dev/protocol"
)

func (s *Server) didOpen(params json.RawMessage) error {
	var p struct {
		TextDocument struct {
			URI     string `json:"uri"`
			Version int32  `json:"version"`
			Text    string `json:"text"`
		} `json:"textDocument"`
	}
	if err := json.Unmarshal(params, &p); err != nil {
		return err
	}
	td := p.TextDocument
	if td.URI == "" {
		return fmt.Errorf("didOpen without a uri")
	}
	s.mu.Lock()
	enc := s.enc
	old := s.docs[td.URI]
	d := newDocument(td.URI, td.Version, []byte(td.Text), enc, s.opts.onView)
	s.docs[td.URI] = d
	s.mu.Unlock()
	if old != nil {
		s.closeDocument(old)
	}
	// The first diagnostics of a document are not debounced, and come
	// before the whole analysis (snapshot.analysis).
	s.background(func() {
		defer d.markOpened()
		s.publish(d)
	})
	return nil
}

func (s *Server) didChange(params json.RawMessage) error {
	var p struct {
		TextDocument struct {
			URI     string `json:"uri"`
			Version int32  `json:"version"`
		} `json:"textDocument"`
		ContentChanges []contentChange `json:"contentChanges"`
	}
	if err := json.Unmarshal(params, &p); err != nil {
		return err
	}
	d := s.document(p.TextDocument.URI)
	if d == nil {
		return fmt.Errorf("didChange of a document that is not open: %s", p.TextDocument.URI)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	old := d.snap
	text, err := applyChanges(old.text, old.enc, p.ContentChanges)
	if err != nil {
		return err
	}
	d.snap = &snapshot{uri: d.uri, filename: d.filename, version: p.TextDocument.Version, seq: old.seq + 1, text: text, enc: old.enc,
		diagnoser: d.diagnoser, onView: d.onView}
	d.runDiag = nil
	s.scheduleLocked(d)
	return nil
}

func (s *Server) didClose(params json.RawMessage) error {
	var p struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
	}
	if err := json.Unmarshal(params, &p); err != nil {
		return err
	}
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	delete(s.docs, p.TextDocument.URI)
	s.mu.Unlock()
	if d == nil {
		return fmt.Errorf("didClose of a document that is not open: %s", p.TextDocument.URI)
	}
	s.closeDocument(d)
	s.notify(protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{
		URI: uriOf(d.uri), Diagnostics: []protocol.Diagnostic{},
	})
	return nil
}

// closeDocument stops a document's pending work and closes its session.
func (s *Server) closeDocument(d *document) {
	d.mu.Lock()
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
	if d.prefetch != nil {
		d.prefetch.Stop()
		d.prefetch = nil
	}
	session := d.session
	d.session = nil
	d.mu.Unlock()
	d.pubMu.Lock()
	d.closed = true
	d.pubMu.Unlock()
	d.markOpened()
	if session != nil {
		session.Close()
	}
}
