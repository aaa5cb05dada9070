package lsp

// This file answers textDocument/documentHighlight.

import (
	"context"
	"encoding/json"

	"github.com/peephole-lsp/peephole/analysis"
	"go.lsp.dev/protocol"
)

func (s *Server) prepareDocumentHighlight(params json.RawMessage) (requestFunc, error) {
	var p positionParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	snap := s.snapshotOf(p.TextDocument.URI)
	if snap == nil {
		return nothing, nil
	}
	return func(ctx context.Context) (any, error) {
		m := snap.mapper()
		pos := m.toCore(p.Position)
		hs := answer(snap, func(f *analysis.File) []analysis.Highlight { return f.Highlights(pos) },
			func(v *analysis.View) ([]analysis.Highlight, bool) { return v.Highlights(pos) })
		out := make([]protocol.DocumentHighlight, 0, len(hs))
		for _, h := range hs {
			out = append(out, protocol.DocumentHighlight{Range: m.rangeToLSP(h.Range), Kind: protocol.DocumentHighlightKind(h.Kind)})
		}
		return out, nil
	}, nil
}
