package lsp

// This file answers textDocument/rename and textDocument/prepareRename; a
// refused rename is answered with an error that says why.

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/peephole-lsp/peephole/analysis"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

func (s *Server) prepareRename(params json.RawMessage) (requestFunc, error) {
	var p struct {
		positionParams
		NewName string `json:"newName"`
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
		edits, err := snap.analysis().Rename(m.toCore(p.Position), p.NewName)
		if err != nil {
			return nil, renameError(err)
		}
		out := make([]protocol.TextEdit, 0, len(edits))
		for _, e := range edits {
			out = append(out, protocol.TextEdit{Range: m.rangeToLSP(e.Range), NewText: e.NewText})
		}
		return &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{uriOf(snap.uri): out}}, nil
	}, nil
}

func (s *Server) preparePrepareRename(params json.RawMessage) (requestFunc, error) {
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
		r, name, err := snap.analysis().PrepareRename(m.toCore(p.Position))
		if err != nil {
			return nil, renameError(err)
		}
		return &protocol.PrepareRenamePlaceholder{Range: m.rangeToLSP(r), Placeholder: name}, nil
	}, nil
}

// renameError turns a refused rename into the error the client shows.
func renameError(err error) error {
	var re *analysis.RenameError
	if errors.As(err, &re) {
		return jsonrpc2.NewError(codeRequestFailed, re.Msg)
	}
	return err
}
