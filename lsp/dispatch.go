package lsp

// This file routes messages: the lifecycle (initialize, shutdown, exit and
// what may come when), notifications inline and in order, requests
// prepared inline then answered concurrently, cancellation by request id,
// and the recovery that keeps a panicking handler from taking the server
// down.

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// Errors answered to requests.
var (
	errNotInitialized = jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "the server is not initialized")
	errShuttingDown   = jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shutting down")
	errCancelled      = jsonrpc2.NewError(protocol.CodeRequestCancelled, "request cancelled")
)

// codeRequestFailed is LSP's RequestFailed: a valid request that could not
// be carried out.
const codeRequestFailed jsonrpc2.Code = -32803

// requestFunc answers a prepared request.
type requestFunc func(ctx context.Context) (any, error)

// preparer decodes a request's parameters and takes what it needs from the
// server's state, inline; the answer is computed later, concurrently.
type preparer func(s *Server, params json.RawMessage) (requestFunc, error)

// requests are the requests the server answers.
var requests map[string]preparer

func init() {
	requests = map[string]preparer{
		protocol.MethodInitialize:                      (*Server).prepareInitialize,
		protocol.MethodShutdown:                        (*Server).prepareShutdown,
		protocol.MethodTextDocumentHover:               (*Server).prepareHover,
		protocol.MethodTextDocumentDefinition:          (*Server).prepareDefinition,
		protocol.MethodTextDocumentReferences:          (*Server).prepareReferences,
		protocol.MethodTextDocumentDocumentHighlight:   (*Server).prepareDocumentHighlight,
		protocol.MethodTextDocumentDocumentSymbol:      (*Server).prepareDocumentSymbol,
		protocol.MethodTextDocumentSemanticTokensFull:  (*Server).prepareSemanticTokensFull,
		protocol.MethodTextDocumentSemanticTokensRange: (*Server).prepareSemanticTokensRange,
		protocol.MethodTextDocumentCodeLens:            (*Server).prepareCodeLens,
		protocol.MethodTextDocumentInlayHint:           (*Server).prepareInlayHint,
		protocol.MethodTextDocumentRename:              (*Server).prepareRename,
		protocol.MethodTextDocumentPrepareRename:       (*Server).preparePrepareRename,
		protocol.MethodWorkspaceExecuteCommand:         (*Server).prepareExecuteCommand,
		MethodBytecode:                                 (*Server).prepareBytecode,
	}
}

// handle is the connection's handler.
func (s *Server) handle(ctx context.Context, req *jsonrpc2.Request) (result any, err error) {
	// The method borrows the frame's bytes, which the next read reuses once
	// the request is released: keep a copy.
	method := strings.Clone(req.Method())
	if !req.IsCall() {
		s.handleNotification(method, json.RawMessage(req.Params()))
		return nil, nil
	}
	start := time.Now()
	id := req.ID()
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic in a request handler", zap.String("method", method), zap.Any("panic", r), zap.ByteString("stack", debug.Stack()))
			result, err = nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "peephole: internal error in %s: %v", method, r)
		}
		if err != nil {
			s.log.Debug("request failed", zap.String("method", method), zap.Error(err), zap.Duration("took", time.Since(start)))
		} else {
			s.log.Debug("request", zap.String("method", method), zap.Duration("took", time.Since(start)))
		}
	}()
	if s.opts.onMessage != nil {
		s.opts.onMessage(method)
	}
	run, err := s.prepare(method, json.RawMessage(req.Params()))
	jsonrpc2.Async(ctx)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if !s.track(id, cancel) {
		return nil, errCancelled
	}
	defer s.untrack(id)
	result, err = run(ctx)
	if ctx.Err() != nil && s.wasCancelled(id) {
		return nil, errCancelled
	}
	return result, err
}

// prepare checks the lifecycle and prepares a request.
func (s *Server) prepare(method string, params json.RawMessage) (requestFunc, error) {
	p, ok := requests[method]
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case state == stateNew && method != protocol.MethodInitialize:
		return nil, errNotInitialized
	case state == stateShutdown:
		return nil, errShuttingDown
	case state == stateInitialized && method == protocol.MethodInitialize:
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is already initialized")
	case !ok:
		return nil, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "method not found: %s", method)
	}
	return p(s, params)
}

// handleNotification handles a notification; it never fails.
func (s *Server) handleNotification(method string, params json.RawMessage) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic in a notification handler", zap.String("method", method), zap.Any("panic", r), zap.ByteString("stack", debug.Stack()))
		}
	}()
	if s.opts.onMessage != nil {
		s.opts.onMessage(method)
	}
	if method == protocol.MethodExit {
		s.mu.Lock()
		code := 1
		if s.state == stateShutdown {
			code = 0
		}
		s.mu.Unlock()
		s.exitOnce.Do(func() { s.exit <- code })
		return
	}
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	if state != stateInitialized {
		s.log.Debug("notification ignored", zap.String("method", method), zap.Int("state", state))
		return
	}
	var err error
	switch method {
	case protocol.MethodInitialized:
		s.initialized()
	case protocol.MethodTextDocumentDidOpen:
		err = s.didOpen(params)
	case protocol.MethodTextDocumentDidChange:
		err = s.didChange(params)
	case protocol.MethodTextDocumentDidClose:
		err = s.didClose(params)
	case protocol.MethodWorkspaceDidChangeConfiguration:
		err = s.didChangeConfiguration(params)
	case protocol.MethodCancelRequest:
		err = s.cancelRequest(params)
	case protocol.MethodWindowWorkDoneProgressCancel:
		err = s.workDoneProgressCancel(params)
	default:
		s.log.Debug("notification ignored", zap.String("method", method))
	}
	if err != nil {
		s.log.Warn("bad notification", zap.String("method", method), zap.Error(err))
	}
}

// decode decodes params into v, with an invalid-params error.
func decode(params json.RawMessage, v any) error {
	if len(params) == 0 {
		return jsonrpc2.NewError(jsonrpc2.InvalidParams, "missing params")
	}
	if err := json.Unmarshal(params, v); err != nil {
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "invalid params: %v", err)
	}
	return nil
}

// maxPrecancelled bounds the memory of cancellations that arrived before
// their request started.
const maxPrecancelled = 1024

// track registers a running request's cancel function; it reports false if
// the request was cancelled before it started.
func (s *Server) track(id jsonrpc2.ID, cancel context.CancelFunc) bool {
	s.cancelMu.Lock()
	defer s.cancelMu.Unlock()
	if s.precancelled[id] {
		delete(s.precancelled, id)
		return false
	}
	s.inflight[id] = cancel
	return true
}

func (s *Server) untrack(id jsonrpc2.ID) {
	s.cancelMu.Lock()
	delete(s.inflight, id)
	s.cancelMu.Unlock()
}

// wasCancelled reports whether a request's context was cancelled by the
// client (as opposed to the server stopping).
func (s *Server) wasCancelled(id jsonrpc2.ID) bool {
	select {
	case <-s.done:
		return false
	default:
		return true
	}
}

// cancelRequest handles $/cancelRequest.
func (s *Server) cancelRequest(params json.RawMessage) error {
	var p struct {
		ID json.RawMessage `json:"id"`
	}
	if err := json.Unmarshal(params, &p); err != nil {
		return err
	}
	var id jsonrpc2.ID
	var n int64
	var str string
	switch {
	case len(p.ID) == 0 || string(p.ID) == "null":
		return fmt.Errorf("$/cancelRequest without an id")
	case json.Unmarshal(p.ID, &n) == nil:
		id = jsonrpc2.NewNumberID(n)
	case json.Unmarshal(p.ID, &str) == nil:
		id = jsonrpc2.NewStringID(str)
	default:
		return fmt.Errorf("bad request id %s", p.ID)
	}
	s.cancelMu.Lock()
	defer s.cancelMu.Unlock()
	if cancel := s.inflight[id]; cancel != nil {
		cancel()
		return nil
	}
	// The request may not have started yet (requests start concurrently):
	// remember the cancellation, within bounds.
	if !s.precancelled[id] {
		s.precancelled[id] = true
		s.precOrder = append(s.precOrder, id)
		if len(s.precOrder) > maxPrecancelled {
			delete(s.precancelled, s.precOrder[0])
			s.precOrder = s.precOrder[1:]
		}
	}
	return nil
}
