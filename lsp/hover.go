package lsp

// This file answers textDocument/hover with analysis.File.Hover, rendered
// as Markdown.

import (
	"context"
	"encoding/json"

	"github.com/peephole-lsp/peephole/analysis"
	"go.lsp.dev/protocol"
)

// positionParams are the parameters of requests about a position.
type positionParams struct {
	TextDocument struct {
		URI string `json:"uri"`
	} `json:"textDocument"`
	Position protocol.Position `json:"position"`
}

func (s *Server) prepareHover(params json.RawMessage) (requestFunc, error) {
	var p positionParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	snap := s.snapshotOf(p.TextDocument.URI)
	if snap == nil {
		return nothing, nil
	}
	s.mu.Lock()
	markdown := s.caps.markdown
	s.mu.Unlock()
	return func(ctx context.Context) (any, error) {
		m := snap.mapper()
		pos := m.toCore(p.Position)
		h := answer(snap, func(f *analysis.File) *analysis.HoverInfo { return f.Hover(pos) },
			func(v *analysis.View) (*analysis.HoverInfo, bool) { return v.Hover(pos) })
		if h == nil {
			return nil, nil
		}
		kind := protocol.MarkupKindMarkdown
		if !markdown {
			kind = protocol.MarkupKindPlainText
		}
		r := m.rangeToLSP(h.Range)
		return &protocol.Hover{Contents: &protocol.MarkupContent{Kind: kind, Value: h.Markdown()}, Range: &r}, nil
	}, nil
}

// nothing answers null: the answer to a request about a document that is
// not open.
func nothing(ctx context.Context) (any, error) { return nil, nil }
