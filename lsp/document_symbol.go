package lsp

// This file answers textDocument/documentSymbol: the outline, nested when
// the client supports it, flat otherwise.

import (
	"context"
	"encoding/json"

	"github.com/peephole-lsp/peephole/analysis"
	"go.lsp.dev/protocol"
)

// documentParams are the parameters of requests about a whole document.
type documentParams struct {
	TextDocument struct {
		URI string `json:"uri"`
	} `json:"textDocument"`
}

func (s *Server) prepareDocumentSymbol(params json.RawMessage) (requestFunc, error) {
	var p documentParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	snap := s.snapshotOf(p.TextDocument.URI)
	if snap == nil {
		return nothing, nil
	}
	s.mu.Lock()
	nested := s.caps.hierarchicalSymbol
	s.mu.Unlock()
	return func(ctx context.Context) (any, error) {
		m := snap.mapper()
		syms := snap.analysis().DocumentSymbols()
		if nested {
			return toDocumentSymbols(syms, m), nil
		}
		var flat protocol.SymbolInformationSlice
		var walk func(syms []analysis.Symbol, container string)
		walk = func(syms []analysis.Symbol, container string) {
			for _, sym := range syms {
				si := protocol.SymbolInformation{Location: protocol.Location{URI: uriOf(snap.uri), Range: m.rangeToLSP(sym.Range)}}
				si.Name, si.Kind = sym.Name, protocol.SymbolKind(sym.Kind)
				if container != "" {
					si.ContainerName = ptr(container)
				}
				flat = append(flat, si)
				walk(sym.Children, sym.Name)
			}
		}
		walk(syms, "")
		if flat == nil {
			flat = protocol.SymbolInformationSlice{}
		}
		return flat, nil
	}, nil
}

func toDocumentSymbols(syms []analysis.Symbol, m *mapper) protocol.DocumentSymbolSlice {
	out := make(protocol.DocumentSymbolSlice, 0, len(syms))
	for _, sym := range syms {
		ds := protocol.DocumentSymbol{
			Name: sym.Name, Kind: protocol.SymbolKind(sym.Kind),
			Range: m.rangeToLSP(sym.Range), SelectionRange: m.rangeToLSP(sym.SelectionRange),
		}
		if sym.Detail != "" {
			ds.Detail = ptr(sym.Detail)
		}
		if len(sym.Children) > 0 {
			ds.Children = toDocumentSymbols(sym.Children, m)
		}
		out = append(out, ds)
	}
	return out
}
