package lsp

// This file answers textDocument/references.

import (
	"context"
	"encoding/json"

	"github.com/peephole-lsp/peephole/analysis"
	"go.lsp.dev/protocol"
)

func (s *Server) prepareReferences(params json.RawMessage) (requestFunc, error) {
	var p struct {
		positionParams
		Context struct {
			IncludeDeclaration bool `json:"includeDeclaration"`
		} `json:"context"`
	}
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	snap := s.snapshotOf(p.TextDocument.URI)
	if snap == nil {
		return nothing, nil
	}
	return func(ctx context.Context) (any, error) {
		m := snap.mapper()
		pos, decl := m.toCore(p.Position), p.Context.IncludeDeclaration
		ranges := answer(snap, func(f *analysis.File) []analysis.Range { return f.References(pos, decl) },
			func(v *analysis.View) ([]analysis.Range, bool) { return v.References(pos, decl) })
		locs := make(protocol.LocationSlice, 0, len(ranges))
		for _, r := range ranges {
			locs = append(locs, protocol.Location{URI: uriOf(snap.uri), Range: m.rangeToLSP(r)})
		}
		return locs, nil
	}, nil
}
