package lsp

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// semToken is one decoded semantic token.
type semToken struct {
	Line, Char, Len int
	Type            string
	Mods            []string
}

// legend is the server's semantic token legend.
type legend struct {
	TokenTypes     []string `json:"tokenTypes"`
	TokenModifiers []string `json:"tokenModifiers"`
}

func legendOf(t *testing.T, initResult map[string]any) legend {
	var res struct {
		Capabilities struct {
			SemanticTokensProvider struct {
				Legend legend `json:"legend"`
				Range  bool   `json:"range"`
				Full   bool   `json:"full"`
			} `json:"semanticTokensProvider"`
		} `json:"capabilities"`
	}
	b, _ := json.Marshal(initResult)
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	p := res.Capabilities.SemanticTokensProvider
	if !p.Range || !p.Full || len(p.Legend.TokenModifiers) == 0 {
		t.Fatalf("semantic tokens not advertised with full, range and a legend: %s", b)
	}
	return p.Legend
}

// decodeTokens decodes the protocol's relative encoding.
func decodeTokens(t *testing.T, data []uint32, lg legend) []semToken {
	if len(data)%5 != 0 {
		t.Fatalf("semantic token data of length %d", len(data))
	}
	var out []semToken
	line, char := 0, 0
	for i := 0; i < len(data); i += 5 {
		if data[i] > 0 {
			line += int(data[i])
			char = 0
		}
		char += int(data[i+1])
		tok := semToken{Line: line, Char: char, Len: int(data[i+2])}
		if int(data[i+3]) >= len(lg.TokenTypes) {
			t.Fatalf("token type %d outside the legend", data[i+3])
		}
		tok.Type = lg.TokenTypes[data[i+3]]
		for b := 0; b < 32; b++ {
			if data[i+4]&(1<<b) != 0 {
				if b >= len(lg.TokenModifiers) {
					t.Fatalf("modifier bit %d outside the legend", b)
				}
				tok.Mods = append(tok.Mods, lg.TokenModifiers[b])
			}
		}
		out = append(out, tok)
	}
	return out
}

// kindModifiers are DESIGN §8's binding kinds, as modifiers.
var kindModifiers = map[string]bool{"local": true, "cell": true, "free": true, "global": true, "builtin": true, "classBody": true, "typeParameter": true}

// tokenKinds returns the binding kind a token's modifiers carry.
func tokenKinds(tok semToken) []string {
	var out []string
	for _, m := range tok.Mods {
		if kindModifiers[m] {
			out = append(out, m)
		}
	}
	return out
}

func (c *client) semanticTokens(t *testing.T, uri string, lg legend, rng *lspRange) []semToken {
	var res struct {
		Data []uint32 `json:"data"`
	}
	if rng == nil {
		c.mustCall("textDocument/semanticTokens/full", map[string]any{"textDocument": textDoc(uri)}, &res)
	} else {
		c.mustCall("textDocument/semanticTokens/range", map[string]any{"textDocument": textDoc(uri), "range": rng}, &res)
	}
	return decodeTokens(t, res.Data, lg)
}

// stdlibSample returns a deterministic sample of the oracle's standard
// library: every n-th file in sorted order, or every file with
// PEEPHOLE_LSP_STDLIB=all.
func stdlibSample(t *testing.T, n int) []string {
	root := oracle.Stdlib(t)
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "site-packages" || d.Name() == "__pycache__" || strings.HasPrefix(d.Name(), "bad")) {
			return filepath.SkipDir
		}
		if strings.HasSuffix(p, ".py") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	if os.Getenv("PEEPHOLE_LSP_STDLIB") == "all" {
		return files
	}
	var out []string
	for i := 0; i < len(files); i += n {
		out = append(out, files[i])
	}
	return out
}

// TestSemanticTokensStdlib checks, on a sample of the standard library,
// that every name's token carries the binding kind that CPython's
// symtable module gives it through DESIGN §8's table (the positions in
// UTF-8, negotiated).
func TestSemanticTokensStdlib(t *testing.T) {
	oracle.Require(t)
	files := stdlibSample(t, 60)
	type fileReq struct {
		Path      string `json:"path"`
		NamesOnly bool   `json:"namesOnly"`
	}
	var req struct {
		Files []fileReq `json:"files"`
	}
	for _, f := range files {
		req.Files = append(req.Files, fileReq{f, true})
	}
	in, _ := json.Marshal(req)
	script, _ := filepath.Abs("testdata/expect.py")
	r := oracle.Run(t, in, script)
	if r.ExitCode != 0 {
		t.Fatalf("the oracle failed: %s", r.Stderr)
	}
	var want struct {
		Files map[string]struct {
			Error string      `json:"error"`
			Names []expectOcc `json:"names"`
		} `json:"files"`
	}
	if err := json.Unmarshal(r.Stdout, &want); err != nil {
		t.Fatal(err)
	}

	c := startInProcess(t, Options{})
	lg := legendOf(t, c.initialize(standardCaps(true)))
	checked, unclassified, bad, nfiles := 0, 0, 0, 0
	for _, path := range files {
		w := want.Files[path]
		if w.Error != "" {
			continue
		}
		nfiles++
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		uri := "file://" + path
		c.open(uri, string(src))
		toks := map[[2]int]semToken{}
		for _, tok := range c.semanticTokens(t, uri, lg, nil) {
			if k := tokenKinds(tok); len(k) != 1 {
				t.Errorf("%s:%d:%d: token with kind modifiers %v", path, tok.Line+1, tok.Char, k)
			}
			toks[[2]int{tok.Line, tok.Char}] = tok
		}
		c.notify("textDocument/didClose", map[string]any{"textDocument": textDoc(uri)})
		for _, o := range w.Names {
			if o.Kind == nil {
				unclassified++
				continue
			}
			tok, ok := toks[[2]int{o.Line - 1, o.Col}]
			where := fmt.Sprintf("%s:%d:%d %s (%s)", filepath.Base(path), o.Line, o.Col, o.Name, o.Role)
			switch {
			case !ok:
				bad++
				if bad <= 30 {
					t.Errorf("%s: no semantic token", where)
				}
			case tok.Len != o.EndCol-o.Col:
				bad++
				if bad <= 30 {
					t.Errorf("%s: token of length %d, want %d", where, tok.Len, o.EndCol-o.Col)
				}
			case strings.Join(tokenKinds(tok), ",") != *o.Kind:
				bad++
				if bad <= 30 {
					t.Errorf("%s: modifiers %v, CPython's symtable says %s", where, tok.Mods, *o.Kind)
				}
			default:
				checked++
			}
		}
	}
	t.Logf("%d files, %d names agree with CPython's symtable, %d disagree, %d not classified by CPython (annotations under PEP 563)", nfiles, checked, bad, unclassified)
	if checked == 0 {
		t.Fatal("nothing checked")
	}
}

// TestSemanticTokensRange checks that a range request answers the tokens
// of the full request that lie in the range, with the parameter and
// declaration modifiers where they belong.
func TestSemanticTokensRange(t *testing.T) {
	src := "import os\n\ndef f(a, b=os.sep):\n    c = a + b\n    return c\n\nclass K:\n    x = f(1)\n"
	c := startInProcess(t, Options{})
	lg := legendOf(t, c.initialize(standardCaps(false)))
	uri := "untitled:Untitled-1"
	c.open(uri, src)
	full := c.semanticTokens(t, uri, lg, nil)
	part := c.semanticTokens(t, uri, lg, &lspRange{lspPos{2, 0}, lspPos{4, 0}})
	var want []semToken
	for _, tok := range full {
		if tok.Line >= 2 && tok.Line < 4 {
			want = append(want, tok)
		}
	}
	if fmt.Sprint(part) != fmt.Sprint(want) {
		t.Errorf("range tokens\n %v\nwant\n %v", part, want)
	}
	got := map[string]string{}
	for _, tok := range full {
		line := strings.Split(src, "\n")[tok.Line]
		got[fmt.Sprintf("%d:%s", tok.Line+1, line[tok.Char:tok.Char+tok.Len])] = tok.Type + " " + strings.Join(tok.Mods, ",")
	}
	for k, v := range map[string]string{
		"1:os": "namespace declaration,global",
		"3:f":  "function declaration,global",
		"3:a":  "parameter declaration,parameter,local",
		"3:os": "namespace global",
		"4:c":  "variable declaration,local",
		"4:b":  "parameter parameter,local",
		"7:K":  "class declaration,global",
		"8:x":  "variable declaration,classBody",
		"8:f":  "function global",
	} {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
}
