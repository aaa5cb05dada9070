package lsp

// This file is the lifecycle: initialize (capabilities both ways, the
// position encoding), initialized (the settings are fetched with
// workspace/configuration), didChangeConfiguration, shutdown.

import (
	"context"
	"encoding/json"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// initializeParams is what the server reads of initialize's parameters.
type initializeParams struct {
	Capabilities struct {
		General struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
		Window struct {
			WorkDoneProgress bool `json:"workDoneProgress"`
		} `json:"window"`
		Workspace struct {
			Configuration bool `json:"configuration"`
			InlayHint     struct {
				RefreshSupport bool `json:"refreshSupport"`
			} `json:"inlayHint"`
			CodeLens struct {
				RefreshSupport bool `json:"refreshSupport"`
			} `json:"codeLens"`
		} `json:"workspace"`
		TextDocument struct {
			Rename struct {
				PrepareSupport bool `json:"prepareSupport"`
			} `json:"rename"`
			Hover struct {
				ContentFormat []string `json:"contentFormat"`
			} `json:"hover"`
			DocumentSymbol struct {
				HierarchicalDocumentSymbolSupport bool `json:"hierarchicalDocumentSymbolSupport"`
			} `json:"documentSymbol"`
		} `json:"textDocument"`
	} `json:"capabilities"`
	InitializationOptions json.RawMessage `json:"initializationOptions"`
}

func ptr[T any](v T) *T { return &v }

func (s *Server) prepareInitialize(params json.RawMessage) (requestFunc, error) {
	var p initializeParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	c := p.Capabilities
	s.mu.Lock()
	s.enc = chooseEncoding(c.General.PositionEncodings)
	s.caps = clientCaps{
		workDoneProgress:   c.Window.WorkDoneProgress,
		configuration:      c.Workspace.Configuration,
		inlayHintRefresh:   c.Workspace.InlayHint.RefreshSupport,
		codeLensRefresh:    c.Workspace.CodeLens.RefreshSupport,
		renamePrepare:      c.TextDocument.Rename.PrepareSupport,
		markdown:           c.TextDocument.Hover.ContentFormat == nil || contains(c.TextDocument.Hover.ContentFormat, "markdown"),
		hierarchicalSymbol: c.TextDocument.DocumentSymbol.HierarchicalDocumentSymbolSupport,
	}
	if len(p.InitializationOptions) > 0 {
		s.settings = s.settings.merge(p.InitializationOptions)
	}
	s.state = stateInitialized
	enc, caps := s.enc, s.caps
	s.mu.Unlock()
	s.log.Info("initialize", zap.String("positionEncoding", string(enc.kind())))
	return func(ctx context.Context) (any, error) {
		return s.capabilities(enc, caps), nil
	}, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// capabilities is the server's answer to initialize.
func (s *Server) capabilities(enc encoding, caps clientCaps) *protocol.InitializeResult {
	var rename protocol.RenameProvider = protocol.Boolean(true)
	if caps.renamePrepare {
		rename = &protocol.RenameOptions{PrepareProvider: ptr(true)}
	}
	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			PositionEncoding: enc.kind(),
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: ptr(true),
				Change:    ptr(protocol.TextDocumentSyncKindIncremental),
			},
			HoverProvider:             protocol.Boolean(true),
			DefinitionProvider:        protocol.Boolean(true),
			ReferencesProvider:        protocol.Boolean(true),
			DocumentHighlightProvider: protocol.Boolean(true),
			DocumentSymbolProvider:    protocol.Boolean(true),
			CodeLensProvider:          &protocol.CodeLensOptions{},
			RenameProvider:            rename,
			ExecuteCommandProvider: protocol.ExecuteCommandOptions{
				Commands: []string{CommandRun, CommandRunSelection, CommandResetSession, CommandShowBytecode},
			},
			SemanticTokensProvider: &protocol.SemanticTokensOptions{
				Legend: protocol.SemanticTokensLegend{TokenTypes: tokenTypes(), TokenModifiers: tokenModifiers()},
				Range:  protocol.Boolean(true),
				Full:   protocol.Boolean(true),
			},
			InlayHintProvider: protocol.Boolean(true),
		},
		ServerInfo: protocol.ServerInfo{Name: "peephole", Version: protocol.NewOptional(s.opts.Version)},
	}
}

func (s *Server) prepareShutdown(params json.RawMessage) (requestFunc, error) {
	s.mu.Lock()
	s.state = stateShutdown
	s.mu.Unlock()
	return func(ctx context.Context) (any, error) { return nil, nil }, nil
}

// initialized asks the client for the settings.
func (s *Server) initialized() {
	s.background(s.fetchSettings)
}

// fetchSettings reads the settings with workspace/configuration, when the
// client supports it.
func (s *Server) fetchSettings() {
	s.mu.Lock()
	ok := s.caps.configuration
	s.mu.Unlock()
	if !ok {
		return
	}
	section := "peephole"
	var result []json.RawMessage
	err := s.call(context.Background(), protocol.MethodWorkspaceConfiguration,
		map[string]any{"items": []map[string]any{{"section": section}}}, &result)
	if err != nil {
		s.log.Warn("workspace/configuration failed", zap.Error(err))
		return
	}
	if len(result) > 0 {
		s.applySettings(result[0])
	}
}

// applySettings merges new settings and tells the client what changed.
func (s *Server) applySettings(raw json.RawMessage) {
	s.mu.Lock()
	old := s.settings
	s.settings = s.settings.merge(raw)
	now, caps := s.settings, s.caps
	s.mu.Unlock()
	s.log.Info("settings", zap.Any("settings", now))
	if old.InlayHintsOpcodes != now.InlayHintsOpcodes && caps.inlayHintRefresh {
		s.background(func() {
			if err := s.call(context.Background(), protocol.MethodWorkspaceInlayHintRefresh, nil, nil); err != nil {
				s.log.Debug("inlay hint refresh failed", zap.Error(err))
			}
		})
	}
}

// didChangeConfiguration takes the settings pushed with the notification,
// and pulls them again when the client supports it.
func (s *Server) didChangeConfiguration(params json.RawMessage) error {
	var p struct {
		Settings json.RawMessage `json:"settings"`
	}
	if err := json.Unmarshal(params, &p); err != nil {
		return err
	}
	if len(p.Settings) > 0 && string(p.Settings) != "null" {
		var wrapped map[string]json.RawMessage
		if json.Unmarshal(p.Settings, &wrapped) == nil && wrapped["peephole"] != nil {
			s.applySettings(wrapped["peephole"])
		}
	}
	s.background(s.fetchSettings)
	return nil
}
