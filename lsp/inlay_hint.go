package lsp

// This file answers textDocument/inlayHint: when the setting
// inlayHints.opcodes is on, the opcode CPython 3.13 uses on each name.

import (
	"context"
	"encoding/json"

	"github.com/peephole-lsp/peephole/analysis"
	"go.lsp.dev/protocol"
)

func (s *Server) prepareInlayHint(params json.RawMessage) (requestFunc, error) {
	var p struct {
		documentParams
		Range protocol.Range `json:"range"`
	}
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	snap := s.snapshotOf(p.TextDocument.URI)
	if snap == nil || !s.currentSettings().InlayHintsOpcodes {
		return func(ctx context.Context) (any, error) { return []protocol.InlayHint{}, nil }, nil
	}
	return func(ctx context.Context) (any, error) {
		m := snap.mapper()
		r := m.rangeToCore(p.Range)
		hints := answer(snap, func(f *analysis.File) []analysis.InlayHint { return f.InlayHints(r) },
			func(v *analysis.View) ([]analysis.InlayHint, bool) { return v.InlayHints(r) })
		out := make([]protocol.InlayHint, 0, len(hints))
		for _, h := range hints {
			out = append(out, protocol.InlayHint{
				Position: m.toLSP(h.Pos), Label: protocol.String(h.Label),
				PaddingLeft: ptr(true),
			})
		}
		return out, nil
	}, nil
}
