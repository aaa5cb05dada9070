package lsp

// This file answers textDocument/codeLens: "▶ Run" at the top of the
// module, "bytecode" above each def and class.

import (
	"context"
	"encoding/json"

	"github.com/peephole-lsp/peephole/analysis"
	"go.lsp.dev/protocol"
)

func (s *Server) prepareCodeLens(params json.RawMessage) (requestFunc, error) {
	var p documentParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	snap := s.snapshotOf(p.TextDocument.URI)
	if snap == nil {
		return nothing, nil
	}
	return func(ctx context.Context) (any, error) {
		m := snap.mapper()
		lenses := snap.analysis().CodeLenses()
		out := make([]protocol.CodeLens, 0, len(lenses))
		uriArg := mustJSON(snap.uri)
		for _, l := range lenses {
			cmd := protocol.Command{Title: l.Title}
			switch l.Kind {
			case analysis.LensRun:
				cmd.Command = CommandRun
				cmd.Arguments = []protocol.LSPAny{uriArg}
			case analysis.LensBytecode:
				cmd.Command = CommandShowBytecode
				cmd.Arguments = []protocol.LSPAny{uriArg, mustJSON(m.toLSP(l.Target))}
			}
			out = append(out, protocol.CodeLens{Range: m.rangeToLSP(l.Range), Command: cmd})
		}
		return out, nil
	}, nil
}

// mustJSON encodes a value the server built (it cannot fail).
func mustJSON(v any) protocol.LSPAny {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return protocol.LSPAny(b)
}
