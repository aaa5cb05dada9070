package lsp

// This file answers peephole/bytecode (and the peephole.showBytecode
// command): the innermost code object at a position, in DESIGN §8's shape.

import (
	"context"
	"encoding/json"

	"github.com/peephole-lsp/peephole/analysis"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// bytecodeResult is the answer to peephole/bytecode.
type bytecodeResult struct {
	Name         string          `json:"name"`
	QualName     string          `json:"qualname"`
	FirstLine    int             `json:"firstLine"`
	Text         string          `json:"text"`
	Instructions []bytecodeInstr `json:"instructions"`
	Children     []codeChild     `json:"children"`
}

// bytecodeInstr is one instruction of a bytecodeResult.
type bytecodeInstr struct {
	Offset       int             `json:"offset"`
	Opname       string          `json:"opname"`
	Opcode       int             `json:"opcode"`
	Arg          *int            `json:"arg"`
	ArgRepr      string          `json:"argrepr"`
	Line         *int            `json:"line"`
	Range        *protocol.Range `json:"range"`
	IsJumpTarget bool            `json:"isJumpTarget"`
}

// codeChild is a nested code object of a bytecodeResult.
type codeChild struct {
	Name      string         `json:"name"`
	QualName  string         `json:"qualname"`
	FirstLine int            `json:"firstLine"`
	Range     protocol.Range `json:"range"`
}

func (s *Server) prepareBytecode(params json.RawMessage) (requestFunc, error) {
	var p positionParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	snap := s.snapshotOf(p.TextDocument.URI)
	if snap == nil {
		return nil, errNotOpen(p.TextDocument.URI)
	}
	return func(ctx context.Context) (any, error) {
		return bytecodeAt(snap, p.Position)
	}, nil
}

// errNotOpen is the error of a peephole request about a document the
// client has not opened.
func errNotOpen(uri string) error {
	return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "the document is not open: %s", uri)
}

// bytecodeAt computes the answer to peephole/bytecode.
func bytecodeAt(snap *snapshot, pos protocol.Position) (any, error) {
	m := snap.mapper()
	type result struct {
		bc  *analysis.Bytecode
		err error
	}
	at := m.toCore(pos)
	r := answer(snap, func(f *analysis.File) result {
		bc, err := f.Bytecode(at)
		return result{bc, err}
	}, func(v *analysis.View) (result, bool) {
		bc, ok, err := v.Bytecode(at)
		return result{bc, err}, ok
	})
	bc, err := r.bc, r.err
	if err != nil {
		return nil, jsonrpc2.NewError(codeRequestFailed, err.Error())
	}
	res := bytecodeResult{Name: bc.Name, QualName: bc.QualName, FirstLine: bc.FirstLine, Text: bc.Text,
		Instructions: make([]bytecodeInstr, 0, len(bc.Instructions)), Children: make([]codeChild, 0, len(bc.Children))}
	for _, in := range bc.Instructions {
		bi := bytecodeInstr{Offset: in.Offset, Opname: in.Opname, Opcode: in.Opcode, ArgRepr: in.ArgRepr, IsJumpTarget: in.IsJumpTarget}
		if in.HasArg {
			bi.Arg = ptr(in.Arg)
		}
		if in.Line >= 0 {
			bi.Line = ptr(in.Line)
		}
		if in.HasRange {
			bi.Range = ptr(m.rangeToLSP(in.Range))
		}
		res.Instructions = append(res.Instructions, bi)
	}
	for _, c := range bc.Children {
		res.Children = append(res.Children, codeChild{Name: c.Name, QualName: c.QualName, FirstLine: c.FirstLine, Range: m.rangeToLSP(c.Range)})
	}
	return rawJSON(res)
}

// rawJSON encodes one of the server's own result types with encoding/json.
func rawJSON(v any) (jsonrpc2.RawMessage, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return jsonrpc2.RawMessage(b), nil
}
