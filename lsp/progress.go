package lsp

// This file reports work-done progress: with the token the client sent in
// the request (workDoneToken), or else with one the server creates through
// window/workDoneProgress/create when the client supports it. A progress
// that the client cancels (window/workDoneProgress/cancel) cancels its
// operation.

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// progress is one work-done progress; a nil *progress reports nothing.
type progress struct {
	s     *Server
	token json.RawMessage
	key   string
}

// startProgress begins a progress for an operation that cancel stops, with
// the client's token (nil when it sent none). It returns nil when there is
// no way to report progress.
func (s *Server) startProgress(ctx context.Context, token json.RawMessage, title string, cancel context.CancelFunc) *progress {
	if len(token) == 0 || string(token) == "null" {
		s.mu.Lock()
		ok := s.caps.workDoneProgress
		s.mu.Unlock()
		if !ok {
			return nil
		}
		token = json.RawMessage(strconv.Quote(fmt.Sprintf("peephole-%d", s.nextToken.Add(1))))
		if err := s.call(ctx, protocol.MethodWindowWorkDoneProgressCreate, map[string]any{"token": token}, nil); err != nil {
			s.log.Debug("window/workDoneProgress/create failed", zap.Error(err))
			return nil
		}
	}
	p := &progress{s: s, token: token, key: string(token)}
	s.progressMu.Lock()
	s.progress[p.key] = cancel
	s.progressMu.Unlock()
	p.send(map[string]any{"kind": "begin", "title": title, "cancellable": true})
	return p
}

func (p *progress) send(value any) {
	p.s.notify(protocol.MethodProgress, map[string]any{"token": p.token, "value": value})
}

// report sends a message.
func (p *progress) report(msg string) {
	if p == nil {
		return
	}
	p.send(map[string]any{"kind": "report", "message": msg})
}

// end ends the progress.
func (p *progress) end(msg string) {
	if p == nil {
		return
	}
	p.s.progressMu.Lock()
	delete(p.s.progress, p.key)
	p.s.progressMu.Unlock()
	p.send(map[string]any{"kind": "end", "message": msg})
}

// workDoneProgressCancel handles window/workDoneProgress/cancel.
func (s *Server) workDoneProgressCancel(params json.RawMessage) error {
	var p struct {
		Token json.RawMessage `json:"token"`
	}
	if err := json.Unmarshal(params, &p); err != nil {
		return err
	}
	s.progressMu.Lock()
	cancel := s.progress[string(p.Token)]
	s.progressMu.Unlock()
	if cancel != nil {
		cancel()
	}
	return nil
}
