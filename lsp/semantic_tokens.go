package lsp

// This file answers textDocument/semanticTokens/full and /range: every name
// with its token type and modifiers (the binding kind always among them),
// in the protocol's relative encoding.

import (
	"context"
	"encoding/json"

	"github.com/peephole-lsp/peephole/analysis"
	"go.lsp.dev/protocol"
)

func tokenTypes() []string     { return append([]string(nil), analysis.TokenTypes...) }
func tokenModifiers() []string { return append([]string(nil), analysis.TokenModifiers...) }

func (s *Server) prepareSemanticTokensFull(params json.RawMessage) (requestFunc, error) {
	var p documentParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	snap := s.snapshotOf(p.TextDocument.URI)
	if snap == nil {
		return nothing, nil
	}
	return func(ctx context.Context) (any, error) {
		return encodeTokens(snap.analysis().SemanticTokens(nil), snap.mapper()), nil
	}, nil
}

func (s *Server) prepareSemanticTokensRange(params json.RawMessage) (requestFunc, error) {
	var p struct {
		documentParams
		Range protocol.Range `json:"range"`
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
		r := m.rangeToCore(p.Range)
		return encodeTokens(snap.analysis().SemanticTokens(&r), m), nil
	}, nil
}

// encodeTokens writes tokens in the protocol's relative form: for each,
// the line delta, the start delta (from the previous token's start on the
// same line), the length, the type and the modifier bits.
func encodeTokens(toks []analysis.Token, m *mapper) *protocol.SemanticTokens {
	data := make([]uint32, 0, 5*len(toks))
	var prevLine, prevChar uint32
	lineNo := -1
	var line []byte
	for _, t := range toks {
		if t.Line-1 != lineNo {
			lineNo = t.Line - 1
			line = m.lineBytes(lineNo)
		}
		if t.Col+t.Len > len(line) {
			continue
		}
		start := uint32(m.units(line[:t.Col]))
		length := uint32(m.units(line[t.Col : t.Col+t.Len]))
		l := uint32(lineNo)
		if l != prevLine {
			prevChar = 0
		}
		data = append(data, l-prevLine, start-prevChar, length, uint32(t.Type), t.Modifiers)
		prevLine, prevChar = l, start
	}
	return &protocol.SemanticTokens{Data: data}
}
