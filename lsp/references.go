package lsp

// This file answers textDocument/references.

import (
	"context"
	"encoding/json"

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
		ranges := snap.analysis().References(m.toCore(p.Position), p.Context.IncludeDeclaration)
		locs := make(protocol.LocationSlice, 0, len(ranges))
		for _, r := range ranges {
			locs = append(locs, protocol.Location{URI: uriOf(snap.uri), Range: m.rangeToLSP(r)})
		}
		return locs, nil
	}, nil
}
