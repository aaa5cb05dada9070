package lsp

// This file answers textDocument/definition.

import (
	"context"
	"encoding/json"

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
		ranges := snap.analysis().Definition(m.toCore(p.Position))
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
