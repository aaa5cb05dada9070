package lsp

// This file holds the settings (DESIGN §8) and reads them from what clients
// send: the result of workspace/configuration for the section "peephole",
// the settings of didChangeConfiguration, or initializationOptions. Clients
// differ in shape — nested objects ({"run": {"timeoutMs": 5000}}), dotted
// keys ({"run.timeoutMs": 5000}), with or without a "peephole" wrapper — so
// all of these are read; anything else is ignored, and values of the wrong
// type leave the setting as it was.

import (
	"encoding/json"
	"strings"
)

// Settings are the server's settings.
type Settings struct {
	// TimeoutMs is run.timeoutMs: a run is stopped after it.
	TimeoutMs int `json:"run.timeoutMs"`
	// MaxOutputBytes is run.maxOutputBytes: a run is stopped once its
	// output passes it.
	MaxOutputBytes int `json:"run.maxOutputBytes"`
	// AllowWrites is run.allowWrites: whether runs may write files.
	AllowWrites bool `json:"run.allowWrites"`
	// PyLib is the CPython Lib/ folder for the standard library ("" finds
	// it automatically).
	PyLib string `json:"pylib"`
	// InlayHintsOpcodes is inlayHints.opcodes: whether inlay hints show
	// each name's opcode.
	InlayHintsOpcodes bool `json:"inlayHints.opcodes"`
}

// DefaultSettings are the settings before the client says otherwise.
var DefaultSettings = Settings{TimeoutMs: 10000, MaxOutputBytes: 1 << 20}

// merge returns s updated with what raw says.
func (s Settings) merge(raw json.RawMessage) Settings {
	flat := map[string]json.RawMessage{}
	flatten("", raw, flat, 0)
	for k, v := range flat {
		k = strings.TrimPrefix(k, "peephole.")
		switch k {
		case "run.timeoutMs":
			var n float64
			if json.Unmarshal(v, &n) == nil && n > 0 && n <= 1<<31 {
				s.TimeoutMs = int(n)
			}
		case "run.maxOutputBytes":
			var n float64
			if json.Unmarshal(v, &n) == nil && n >= 0 && n <= 1<<40 {
				s.MaxOutputBytes = int(n)
			}
		case "run.allowWrites":
			json.Unmarshal(v, &s.AllowWrites)
		case "pylib":
			json.Unmarshal(v, &s.PyLib)
		case "inlayHints.opcodes":
			json.Unmarshal(v, &s.InlayHintsOpcodes)
		}
	}
	return s
}

// flatten writes the leaves of a JSON object under dotted keys.
func flatten(prefix string, raw json.RawMessage, out map[string]json.RawMessage, depth int) {
	var obj map[string]json.RawMessage
	if depth > 8 || json.Unmarshal(raw, &obj) != nil {
		if prefix != "" {
			out[prefix] = raw
		}
		return
	}
	for k, v := range obj {
		key := k
		if prefix != "" {
			key = prefix + "." + k
		}
		flatten(key, v, out, depth+1)
	}
}
