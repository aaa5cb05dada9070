package lsp

// This file answers textDocument/definition.

import (
	"context"
	"encoding/json"

	"github.com/peephole-lsp/peephole/analysis"
	"go.lsp.dev/protocol"
)

func (s *Server) prepareDefinition(params json.RawMessage) (requestFunc, error) {
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
		ranges := answer(snap, func(f *analysis.File) []analysis.Range { return f.Definition(pos) }, func(v *analysis.View) ([]analysis.Range, bool) { return v.Definition(pos) })
		if ranges == nil {
			return nil, nil
		}
		locs := make(protocol.LocationSlice, 0, len(ranges))
		for _, r := range ranges {
			locs = append(locs, protocol.Location{URI: uriOf(snap.uri), Range: m.rangeToLSP(r)})
		}
		return locs, nil
	}, nil
}
