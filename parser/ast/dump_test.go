package ast_test

// This file holds ast.Dump's formatting rules to CPython 3.13's ast.dump:
// indent=None (the single-line form), indents 0, 1, 3 and 8, with and without
// include_attributes, and the show_empty=False rules (None fields and empty
// lists left out, except in Constant and MatchSingleton; None kept inside
// lists such as kw_defaults and Dict keys). The trees come from parsing
// snippets on both sides, since the oracle cannot be handed a Go tree; every
// expected dump is computed by the oracle at test time.

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// dumpScript reads a JSON list of {src, mode, dumps: [{indent, attrs}]} and
// prints, for each, the ast.dump of ast.parse(src, mode=mode,
// type_comments=True) with each option set: {"text": ...} or {"error": ...}
// where ast.dump raises. A source that does not parse is reported as
// {"parse_error": ...}.
const dumpScript = `
import ast, json, sys, traceback
out = []
for job in json.load(sys.stdin.buffer):
    try:
        tree = ast.parse(job["src"].encode("utf-8"), "<unknown>", job["mode"], type_comments=True)
    except Exception as e:
        out.append({"parse_error": "".join(traceback.format_exception_only(e))})
        continue
    dumps = []
    for d in job["dumps"]:
        try:
            dumps.append({"text": ast.dump(tree, indent=d["indent"], include_attributes=d["attrs"])})
        except Exception as e:
            dumps.append({"error": "".join(traceback.format_exception_only(e))})
    out.append({"dumps": dumps})
sys.stdout.write(json.dumps(out))
`

type dumpOpt struct {
	Indent *int `json:"indent"` // nil is indent=None
	Attrs  bool `json:"attrs"`
}

type dumpJob struct {
	Src   string    `json:"src"`
	Mode  string    `json:"mode"`
	Dumps []dumpOpt `json:"dumps"`
}

type dumpResult struct {
	ParseError string `json:"parse_error"`
	Dumps      []struct {
		Text  *string `json:"text"`
		Error string  `json:"error"`
	} `json:"dumps"`
}

// dumpSnippets are parsed in exec mode unless they name another mode.
var dumpSnippets = []struct {
	name, mode, src string
}{
	{"empty module", "exec", ""},
	{"pass", "exec", "pass\n"},
	{"constant None", "exec", "x = None\n"},
	{"constants", "exec", "a = (1, 1.5, 1j, 'text', b'bytes', True, False, ..., u'kind', -0.0, 1e400, 1e400j, 0x10)\n"},
	{"float reprs", "exec", "f = (0.1, 1e16, 1e-7, 1.5e300, 123456789012345678.0, 2.0, 1_000.5, 0.0, 5e-324)\n"},
	{"complex reprs", "exec", "c = (0j, 1.5j, 1e16j, 2e-7j, 1e400j)\n"},
	{"big ints", "exec", "n = (" + strings.Repeat("9", 100) + ", 0x" + strings.Repeat("f", 64) + ", 0b" + strings.Repeat("1", 100) + ")\n"},
	{"int too large to dump", "exec", "n = 0x" + strings.Repeat("f", 4000) + "\n"},
	{"string reprs", "exec", `s = ("it's", 'say "hi"', 'both \' and "', "\\", "\x00\x1f\x7f\x80\xa0\xad", "\u200b\u2028\ufeff", "é日本😀", "\U000e0001\U0010ffff", "\t\n\r", "\ud7ff")` + "\n"},
	{"bytes reprs", "exec", `b = (b"it's", b'"', b'\'"', b"\x00\x7f\x80\xff\t\n\r\\")` + "\n"},
	{"match singleton None", "exec", "match x:\n    case None:\n        pass\n    case True | False:\n        pass\n"},
	{"match patterns", "exec", "match x:\n    case [1, *rest] | {'k': _, **kw} | C(a, b=c) | (_ as d):\n        pass\n    case _:\n        pass\n"},
	{"empty def", "exec", "def f(): pass\n"},
	{"empty lambda", "exec", "lambda: 0\n"},
	{"kw_defaults with None", "exec", "def f(a, /, b=1, *args, c, d=2, e, **kw): pass\n"},
	{"lambda kw_defaults", "exec", "lambda *, a, b=1: 0\n"},
	{"dict keys with None", "exec", "d = {**a, 'b': 1, **c}\n"},
	{"empty containers", "exec", "x = ([], (), {}, set(), f())\n"},
	{"class", "exec", "class C: pass\nclass D(B, metaclass=M): x: int\n"},
	{"optional fields", "exec", "import a\nfrom . import b\nraise\nreturn\ny = yield\nx[1:2]\nx[::]\ntry:\n    pass\nexcept:\n    pass\n"},
	{"annassign", "exec", "x: int\n(y): int = 1\n"},
	{"fstring", "exec", "f'{x!r:>{w}} {y=} {z}'\n"},
	{"operators", "exec", "a < b <= c != d is not e not in f\nnot a and b or -c ** ~d\nx += 1\n"},
	{"global nonlocal", "exec", "def f():\n    global a, b\n    def g():\n        nonlocal c\n"},
	{"type ignores", "exec", "x = 1  # type: int\nimport y  # type: ignore[attr]\n# type: ignore\n"},
	{"type comment def", "exec", "def f(a,  # type: int\n      ):\n    # type: (...) -> None\n    pass\n"},
	{"type params", "exec", "type A[T: int = str, *Ts, **P] = list[T]\ndef f[T](): pass\nclass C[T]: pass\n"},
	{"async and with", "exec", "async def f():\n    async with a as b, c:\n        async for x in y:\n            await z\n"},
	{"nested lists", "exec", "x = [[[1, [2]], []], [[]]]\n"},
	{"eval mode", "eval", "a if b else [c for c in d if e]\n"},
	{"single mode", "single", "x = 1; y = 2\n"},
	{"func_type mode", "func_type", "(int, *str, **bytes) -> None\n"},
	{"func_type empty", "func_type", "() -> None\n"},
	{"multi-line positions", "exec", "x = (1 +\n     2)\ns = '''a\nb'''\nf(a,\n  b)\n"},
	{"non-ASCII positions", "exec", "é = 'ü' + ℌ\n"},
}

// TestDumpFormats compares ast.Dump with ast.dump for every snippet, indent
// and include_attributes setting.
func TestDumpFormats(t *testing.T) {
	oracle.Require(t)
	indents := []int{-1, 0, 1, 3, 8}
	var opts []dumpOpt
	for _, ind := range indents {
		for _, attrs := range []bool{false, true} {
			o := dumpOpt{Attrs: attrs}
			if ind >= 0 {
				o.Indent = &ind
			}
			opts = append(opts, o)
		}
	}
	jobs := make([]dumpJob, len(dumpSnippets))
	for i, s := range dumpSnippets {
		jobs[i] = dumpJob{Src: s.src, Mode: s.mode, Dumps: opts}
	}
	in, err := json.Marshal(jobs)
	if err != nil {
		t.Fatal(err)
	}
	r := oracle.Run(t, in, "-c", dumpScript)
	if r.ExitCode != 0 {
		t.Fatalf("oracle script failed (exit %d):\n%s", r.ExitCode, r.Stderr)
	}
	var results []dumpResult
	if err := json.Unmarshal(r.Stdout, &results); err != nil {
		t.Fatalf("oracle output: %v", err)
	}
	if len(results) != len(jobs) {
		t.Fatalf("oracle answered %d jobs of %d", len(results), len(jobs))
	}
	for i, s := range dumpSnippets {
		want := results[i]
		t.Run(s.name, func(t *testing.T) {
			if want.ParseError != "" {
				t.Fatalf("test defect: CPython does not parse the snippet:\n%s", want.ParseError)
			}
			mode, ok := parser.ParseMode(s.mode)
			if !ok {
				t.Fatalf("unknown mode %q", s.mode)
			}
			res := parser.Parse([]byte(s.src), parser.Options{Filename: "<unknown>", Mode: mode, TypeComments: true})
			if res.Tree == nil {
				t.Fatalf("MISMATCH: CPython parses the snippet, peephole fails: %v %s", res.Err, res.Fatal)
			}
			for k, o := range opts {
				indent := -1
				what := "indent=None"
				if o.Indent != nil {
					indent = *o.Indent
					what = fmt.Sprintf("indent=%d", indent)
				}
				what += fmt.Sprintf(", include_attributes=%v", o.Attrs)
				got, err := ast.Dump(res.Tree, ast.DumpOptions{Indent: indent, IncludeAttributes: o.Attrs})
				w := want.Dumps[k]
				switch {
				case w.Text == nil && err == nil:
					t.Errorf("MISMATCH: %s: CPython's ast.dump raises %q, peephole's Dump succeeds", what, w.Error)
				case w.Text == nil:
					if !strings.Contains(w.Error, err.Error()) {
						t.Errorf("MISMATCH: %s: CPython's ast.dump raises %q, peephole's Dump fails with %q", what, w.Error, err)
					}
				case err != nil:
					t.Errorf("MISMATCH: %s: CPython dumps the tree, peephole's Dump fails: %v", what, err)
				case got != *w.Text:
					t.Errorf("MISMATCH: %s: %s", what, firstDifference(*w.Text, got))
				}
			}
		})
	}
}

// firstDifference describes where want and got first differ.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d (- CPython, + peephole):\n", i+1)
	for k := max(0, i-2); k < i; k++ {
		fmt.Fprintf(&b, "    %s\n", w[k])
	}
	if i < len(w) {
		fmt.Fprintf(&b, "  - %s\n", col(w[i], g, i))
	}
	if i < len(g) {
		fmt.Fprintf(&b, "  + %s\n", col(g[i], w, i))
	}
	return b.String()
}

// col shortens a long single-line dump to the region around the first byte
// where line differs from other[i].
func col(line string, other []string, i int) string {
	if len(line) <= 200 || i >= len(other) {
		return line
	}
	o := other[i]
	j := 0
	for j < len(line) && j < len(o) && line[j] == o[j] {
		j++
	}
	lo, hi := max(0, j-80), min(len(line), j+80)
	return fmt.Sprintf("…[byte %d] %s…", j, line[lo:hi])
}
