package parser

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// Fuzz targets for the tokenizer and the parser. The quality bar is that no
// input crashes anything: bad source gets a SyntaxError (or, where CPython
// raises something else, such as MemoryError for a parser stack overflow, a
// Fatal result), never a panic, a hang or a Go stack overflow.
//
// The targets:
//
//   - FuzzTokenize runs the tokenizer alone, to the end or the first error,
//     with and without type comments: it must terminate (a bound on the
//     number of tokens) and its tokens must have sane positions.
//   - FuzzParse runs Parse in every mode, with and without type comments:
//     exactly one of Tree, Err and Fatal is set, a tree can be walked and
//     dumped, an error's fields are consistent and it can be formatted.
//   - FuzzParseRoundTrip checks that a parse is deterministic.
//   - FuzzParseEditor runs the editor mode, which never gives up.
//
// Run them with, e.g.:
//
//	go test ./parser -run='^$' -fuzz='^FuzzTokenize$' -fuzztime=10m
//	go test ./parser -run='^$' -fuzz='^FuzzParse$' -fuzztime=10m -fuzzminimizetime=5s
//
// (A parse of a few KB takes milliseconds, and the fuzzer minimizes each new
// interesting input for up to a minute by default, during which it reports
// no progress; -fuzzminimizetime keeps those pauses short.) A hang becomes a
// crash that the fuzzer records: see watchdog.
//
// Without -fuzz, "go test" runs every seed (the f.Add seeds below, a sample
// of the oracle's standard library when it is installed, and the inputs under
// testdata/fuzz/FuzzXxx) as regression tests.

// fuzzMaxInput bounds the inputs the targets look at, so that each execution
// stays fast.
const fuzzMaxInput = 64 << 10

// stdlibDir is the oracle's standard library, used as a source of seeds.
const stdlibDir = "/root/.pyenv/versions/3.13.0/lib/python3.13"

// fuzzSeeds are hand-written inputs that cover the tokenizer's and the
// parser's tricky corners.
var fuzzSeeds = []string{
	"",
	"\n",
	"x",
	"x = 1\n",
	"pass",
	"def f(a, /, b, *, c=1, **k) -> int:\n    return a\n",
	"class C(B, metaclass=M):\n    x: int = 1\n",
	"async def f():\n    async with a as b, c:\n        await x\n    async for i in y: pass\n",
	"@dec\n@dec2(1)\ndef f(): pass\n",
	"try:\n    pass\nexcept* E as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
	"with (a as b, c as d,):\n    pass\n",
	"global x\nnonlocal y\ndel a[1], b.c\n",
	"lambda: (yield)\n",
	"x = yield from y\n",
	"a if b else c\n",
	"[x for x in y if x async for z in w]\n",
	"{**a, 'b': 1, **c}\n",
	"{*a, *b}\n",
	"print(*a, **b, c=d)\n",
	"x[1:2, ::3, ...]\n",
	"(x := 1)\n",
	"a < b <= c != d is not e not in f\n",
	"~-+x ** -y // z @ w\n",
	"x += 1; y -= 2; z @= 3; w **= 4; v //= 5; u >>= 6; t <<= 7\n",
	"assert x, 'msg'\nraise E from F\n",
	"import a.b.c as d\nfrom ..x import (y as z, w,)\nfrom . import *\n",
	// f-strings, nested, with format specs, debug expressions and conversions
	"f'{x!r:>{width}.{prec}} {y=} {z = !s:^10} {{literal}}'\n",
	"f'{f\"{f'{f\"{1}\"}'}\"}'\n",
	"f'''{\n x\n #comment?\n}'''\n",
	"f'{x:{y:{z}}}'\n",
	"f'{'\n",
	"f'{x'\n",
	"f'{x!}'\n",
	"f'{!r}'\n",
	"f'{x:'\n",
	"f'}'\n",
	"f'{}'\n",
	"f'{lambda x: 1}'\n",
	"f'{a:=1}'\n",
	"f'{yield}'\n",
	"rf'\\{x}\\N{BULLET}'\n",
	"f'\\N{BULLET} {x}'\n",
	"f'\\N{NOT A NAME}'\n",
	"f'{x:\\n}'\n",
	"f\"{'\\n'.join(a)}\"\n",
	"f'a' 'b' f'c{d}' b'x'\n",
	"f'{' + '{'*10 + 'x' + '}'*10 + '}'\n",
	"f'" + strings.Repeat("{f'", 10) + "x" + strings.Repeat("'}", 10) + "'\n",
	// strings
	"'unterminated\n",
	"\"\"\"unterminated triple\n\nx\n",
	"'''a\\\n'''\n",
	"b'\\xff\\x00' rb'\\d' Rb'x' BR'y'\n",
	"'\\N{LATIN SMALL LETTER A}\\u00e9\\U0001F600\\x41\\101\\q'\n",
	"'\\N{'\n",
	"'\\N{LATIN SMALL LETTER A'\n",
	"'\\777'\n",
	"b'é'\n",
	"u'x' U'y'\n",
	"ur'x'\n",
	"'a' \\\n'b'\n",
	"x = '\\\n",
	// numbers
	"0 00 0x_1 0b102 0o78 1__0 1_ 1e 1e+ 1.e5 .5j 1_000.000_1e-1_0J 0xfffffffffffffffffffff\n",
	"1" + strings.Repeat("0", 5000) + "\n",
	"0x" + strings.Repeat("f", 5000) + "\n",
	"1if 1else 2\n",
	"0in x\n",
	"1_if\n",
	"0777\n",
	"1.__class__\n",
	"1jif x else y\n",
	// indentation, tabs and spaces, line continuations
	"if x:\n\tif y:\n        pass\n",
	"if x:\n        a\n\tb\n",
	"if x:\n  a\n b\n",
	" x\n",
	"if x:\npass\n",
	"if 1:\n" + strings.Repeat(" ", 200) + "x\n",
	"x = 1 \\\n",
	"x = 1 \\",
	"\\",
	"\\\n",
	"x = \\ 1\n",
	"x = (1,\n\\\n2)\n",
	"\f\fx\n",
	"if x:\n    a\n\f    b\n",
	"#comment only",
	"x = 1 # type: int\n",
	"def f(a, # type: int\n      b):\n    # type: (...) -> None\n    pass\n",
	"def f():\n    # type: () -> None\n    pass\n",
	"x = 1  # type: ignore[code]\nimport y # type: ignore\n",
	"for x in y:  # type: List[int]\n    pass\n",
	"with a as b:  # type: int\n    pass\n",
	"(int, str) -> List[int]",
	"(*int, **str) -> None",
	"() -> None",
	// line ends, BOM, coding cookies, NUL bytes, invalid UTF-8
	"x = 1\r\ny = 2\r\n",
	"x = 1\ry = 2\r",
	"if x:\r\n    y\r\n",
	"'a\r\nb'\n",
	"\xef\xbb\xbfx = 1\n",
	"\xef\xbb\xbf# -*- coding: latin-1 -*-\nx = 1\n",
	"\xef\xbb\xbf# coding: utf-8\nx = 'é'\n",
	"# -*- coding: latin-1 -*-\nx = '\xe9'\n",
	"#!/usr/bin/python\n# vim: set fileencoding=cp1252 :\nx = '\x80'\n",
	"# coding: bogus\nx = 1\n",
	"# coding: utf-16\nx = 1\n",
	"\n\n# coding: latin-1\nx = '\xe9'\n",
	"x = 1 # coding: latin-1\n",
	"x = '\x00'\n",
	"\x00",
	"x = '\xff'\n",
	"\xff\xfe\n",
	"x = 1 # \xc3\n",
	"\xc3\xa9 = 1\n",
	"é = 1\nπ = 3.14\n変数 = 1\nℌ = 2\n",
	"x\u00b7y = 1\n",
	"€ = 1\n",
	"a\u200bb = 1\n",
	"x = 1 $ 2\n",
	"x = `y`\n",
	"x = 1 ? 2\n",
	"print 'hello'\n",
	"exec 'x'\n",
	// brackets
	"(\n",
	"([)]\n",
	"}\n",
	"x = (1,\n 2\n",
	"f(**)\n",
	strings.Repeat("(", 199) + strings.Repeat(")", 199) + "\n",
	strings.Repeat("(", 201) + "\n",
	strings.Repeat("[", 300) + "\n",
	// Just past the parser's recursion limit (maxStack): a MemoryError in
	// CPython, a Fatal result here. (TestDeepNesting tries far deeper
	// inputs; the seeds stay small so that the fuzzer's executions and
	// minimizations stay fast.)
	strings.Repeat("-", 6100) + "1\n",
	strings.Repeat("not ", 6100) + "x\n",
	strings.Repeat("lambda:", 3100) + "x\n",
	strings.Repeat("~", 6100) + "x\n",
	strings.Repeat("2**", 3100) + "2\n",
	strings.Repeat("lambda x=", 900) + "1:x\n",
	strings.Repeat("await ", 2000) + "x\n",
	strings.Repeat("*", 2000) + "x\n",
	strings.Repeat("f(*", 2000) + "\n",
	// Deep trees that parse (deeper than maxDumpDepth).
	strings.Repeat("1+", 2000) + "1\n",
	strings.Repeat("x if y else ", 1500) + "z\n",
	strings.Repeat("x.", 2000) + "y\n",
	strings.Repeat("x[0]", 2000) + "\n",
	strings.Repeat("x()", 2000) + "\n",
	strings.Repeat("a = ", 2000) + "1\n",
	"match x:\n    case " + strings.Repeat("[", 150) + "y" + strings.Repeat("]", 150) + ":\n        pass\n",
	"match x:\n    case " + strings.Repeat("-", 6100) + "1:\n        pass\n",
	"match x:\n    case " + strings.Repeat("(", 210) + ":\n        pass\n",
	// match statements
	"match x:\n    case 1 | 2 | 'a' | -1 | 1+2j | None | True:\n        pass\n    case [a, *rest] if a:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=_) as p:\n        pass\n    case _:\n        pass\n",
	"match = 1\nmatch.x = 2\nmatch[1]\ncase = 3\n_ = 4\ntype = 5\n",
	"match x:\n    case 1+1:\n        pass\n",
	"match x:\n    case a.b():\n        pass\n    case {**a, 'b': 1}:\n        pass\n",
	"match x:\ncase 1: pass\n",
	"match *a, b:\n    case (x, y): pass\n",
	// type parameters and type aliases
	"type X = int\ntype Y[T] = list[T]\ntype Z[T: int = str, *Ts = *tuple[int], **P = [int]] = T\n",
	"def f[T, *Ts, **P](x: T) -> T: pass\nclass C[T: (int, str)]: pass\n",
	"def f[T=int, U](): pass\n",
	"class C[]: pass\n",
	"type X[T] = yield\n",
	// assorted errors
	"def f(:\n",
	"x = = 1\n",
	"f(x for x in y, 1)\n",
	"a, b += 1\n",
	"(a, b): int\n",
	"del f()\n",
	"x = 1 if 2\n",
	"for x in range(10):\n    break\nelse:\n    continue\n",
	"True = 1\n__debug__ = 2\n",
	"def f(x, x): pass\n",
	"def f(**k, *a): pass\n",
	"import a as b.c\n",
	"from x import y.z\n",
	"print(f'{x!z}')\n",
	"try:\n    pass\n",
	"try:\n    pass\nexcept E, F:\n    pass\n",
	"if x:\n",
	"if x:\n    pass\nelif:\n",
	"a b c\n",
	"1 = x\n",
	"[x for x in y] = 1\n",
	"f(a=1, a=2, *b, c)\n",
	"0 if 1 else 2 = 3\n",
	"with open() as f, :\n    pass\n",
	"case 1:\n",
	";\n",
	"x;;\n",
	"\t\n\t \n  \t\n",
	"    \n",
	"\\\n\\\n\\\n",
	"#\n#\n",
	"'''",
	"'",
	"f'",
	"f'''{",
	"b'{x}'",
	"x = '''\n\n\n",
	"...",
	"nonlocal x\n",
	"return\nyield\nawait x\n",
	"async = 1\nawait = 2\n",
	"print(end='')\n",
	"x = 1\n" + strings.Repeat("if x:\n", 1) + strings.Repeat(" ", 4) + "pass\n",
	"def f():\n" + nestedIf(101),
	// Inputs on which peephole and CPython 3.13 differ (see the fuzzing
	// report): invalid UTF-8 that CPython reports as a UnicodeDecodeError,
	// and nesting that overflows CPython's parser stack in the error pass.
	"f\"\xe7\"\n",
	"f\"{0:\xe7}\"\n",
	"x x\n\xdf\n",
	"0!A\xdf\n",
	"A=0#type:\xc3\n",
	"def f(): # type: \xff\n  pass\n",
	"x;" + strings.Repeat("W", 2000) + "\xbb;\n",
	strings.Repeat("(", 195) + "a b" + strings.Repeat(")", 195) + "\n",
	strings.Repeat("(", 199) + "1" + strings.Repeat(")", 199) + "X\n",
	"\x00\r0",
}

// nestedIf returns n nested "if x:" blocks (more than MAXINDENT = 100 gives
// "too many levels of indentation").
func nestedIf(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i+1))
		b.WriteString("if x:\n")
	}
	b.WriteString(strings.Repeat(" ", n+1))
	b.WriteString("pass\n")
	return b.String()
}

var (
	stdlibSeedsOnce sync.Once
	stdlibSeedsData [][]byte
)

// stdlibSeeds returns a sample of the oracle's standard library: walking it
// in sorted order, skipping site-packages and __pycache__, every 8th .py
// file, up to 200 files, each cut to its first 4 KB. It returns nothing when
// the oracle is not installed.
func stdlibSeeds() [][]byte {
	stdlibSeedsOnce.Do(func() {
		if _, err := os.Stat(stdlibDir); err != nil {
			return
		}
		n := 0
		_ = filepath.WalkDir(stdlibDir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if name := d.Name(); name == "site-packages" || name == "__pycache__" {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".py") || !d.Type().IsRegular() {
				return nil
			}
			n++
			if n%8 != 0 {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return nil
			}
			if len(data) > 4096 {
				data = data[:4096]
			}
			stdlibSeedsData = append(stdlibSeedsData, data)
			if len(stdlibSeedsData) >= 200 {
				return filepath.SkipAll
			}
			return nil
		})
	})
	return stdlibSeedsData
}

func addFuzzSeeds(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	for _, s := range stdlibSeeds() {
		f.Add(s)
	}
}

// tokenLimit bounds the number of tokens a tokenizer may return for a text:
// a byte gives at most one token, apart from the NEWLINE, DEDENTs and
// ENDMARKER that the end of input can add and the empty FSTRING_MIDDLE
// tokens between adjacent fields; a tokenizer that returns more loops.
func tokenLimit(text []byte) int { return 3*len(text) + 2*maxIndent + 16 }

// checkTokenize tokenizes text to the end or to the first error, checking
// that it terminates and that the tokens' positions are consistent.
func checkTokenize(t *testing.T, text []byte, typeComments bool) {
	t.Helper()
	tz := newTokenizer(text, "<fuzz>", typeComments)
	nlines := bytes.Count(text, []byte("\n")) + 1
	limit := tokenLimit(text)
	var tk token
	prevStart, prevLine, prevCol := -1, 0, 0
	for n := 0; ; n++ {
		if n > limit {
			t.Fatalf("typeComments=%v: more than %d tokens for %d bytes: the tokenizer does not terminate (last token %d at %d:%d)",
				typeComments, limit, len(text), tk.typ, tk.lineno, tk.col)
		}
		tk = token{}
		typ := tz.get(&tk)
		if typ >= numTokTypes {
			t.Fatalf("token %d: bad type %d", n, typ)
		}
		if typ == tERRORTOKEN {
			if tz.err == nil && tz.done == stOK {
				t.Fatalf("token %d: ERRORTOKEN without an error (done=%d)", n, tz.done)
			}
			if tz.err != nil {
				checkSyntaxError(t, text, tz.err)
			}
			return
		}
		if tz.err != nil {
			t.Fatalf("token %d (type %d): the tokenizer reported an error but did not return ERRORTOKEN: %v", n, typ, tz.err)
		}
		fail := func(format string, args ...any) {
			t.Helper()
			where := fmt.Sprintf("typeComments=%v token %d (type %d, %d:%d-%d:%d, bytes %d-%d)",
				typeComments, n, typ, tk.lineno, tk.col, tk.endLineno, tk.endCol, tk.start, tk.end)
			t.Fatalf("%s: %s", where, fmt.Sprintf(format, args...))
		}
		// Lines count from 1; only when no line was read (an empty text)
		// is a token on line 0, as in CPython.
		minLine := 1
		if len(text) == 0 {
			minLine = 0
		}
		if tk.lineno < minLine || tk.lineno > nlines || tk.endLineno < tk.lineno || tk.endLineno > nlines {
			fail("lines out of range %d..%d", minLine, nlines)
		}
		if (tk.start < 0) != (tk.end < 0) {
			fail("only one end of the text is set")
		}
		if tk.start >= 0 {
			if tk.start > tk.end || tk.end > len(text) {
				fail("text out of range 0..%d", len(text))
			}
			if tk.start < prevStart {
				fail("starts before the previous token (byte %d)", prevStart)
			}
			prevStart = tk.start
		}
		if tk.col != -1 || tk.endCol != -1 {
			if tk.col < 0 || tk.endCol < 0 {
				fail("negative column")
			}
			if tk.lineno == tk.endLineno && tk.endCol < tk.col {
				fail("ends before it starts")
			}
			if tk.lineno < prevLine || tk.lineno == prevLine && tk.col < prevCol {
				fail("starts before the previous token (%d:%d)", prevLine, prevCol)
			}
			prevLine, prevCol = tk.lineno, tk.col
		}
		switch {
		case typ == tNAME || typ == tNUMBER || typ == tSTRING || typ == tFSTRING_START || typ == tFSTRING_END ||
			typ >= tLPAR && typ <= tEXCLAMATION:
			// Tokens that stand for text have some.
			if tk.start < 0 || tk.start == tk.end {
				fail("no text")
			}
			c := rune(text[tk.start])
			switch typ {
			case tNAME:
				if !isPotentialIdentifierStart(int(c)) {
					fail("a NAME that starts with %q", c)
				}
			case tNUMBER:
				if !isDigit(int(c)) && c != '.' {
					fail("a NUMBER that starts with %q", c)
				}
			}
		}
		if typ == tENDMARKER {
			// The end is sticky, as in CPython.
			for i := 0; i < 3; i++ {
				if typ2 := tz.get(&tk); typ2 != tENDMARKER {
					t.Fatalf("typeComments=%v: token %d after ENDMARKER is %d", typeComments, i, typ2)
				}
			}
			return
		}
	}
}

// checkSyntaxError checks that the fields of a syntax error are consistent
// and that it can be formatted.
func checkSyntaxError(t *testing.T, src []byte, e *SyntaxError) {
	t.Helper()
	if e.Kind > TabErr {
		t.Fatalf("bad error kind %d: %v", e.Kind, e)
	}
	if e.Msg == "" {
		t.Fatalf("error without a message: %#v", e)
	}
	// (CPython's error for null bytes has no filename at all: "" is
	// accepted for errors without a position.)
	if e.Filename != "<fuzz>" && !(e.Filename == "" && !e.HasLineno) {
		t.Fatalf("error with filename %q: %v", e.Filename, e)
	}
	if e.Lineno < 0 {
		t.Fatalf("negative line: %#v", e)
	}
	if !e.HasLineno && (e.HasOffset || e.HasEnd || e.HasText || e.Lineno != 0) {
		t.Fatalf("a position or a text without a line: %#v", e)
	}
	if e.HasEnd && e.EndLineno < e.Lineno && e.EndLineno > 0 {
		t.Fatalf("ends on a line before it starts: %#v", e)
	}
	if e.HasText && e.Text == "" {
		// CPython's text is the line, with its newline unless it is the
		// last one; an empty text would be a line that does not exist.
		// (Line 0 is "before any line was read", with an empty text as in
		// CPython.)
		nlines := bytes.Count(src, []byte("\n")) + 1
		if e.Lineno >= 1 && e.Lineno <= nlines-1 {
			t.Fatalf("empty text for line %d of %d: %#v", e.Lineno, nlines, e)
		}
	}
	if !e.HasText && e.Text != "" {
		t.Fatalf("text without HasText: %#v", e)
	}
	if e.HasText && !utf8.ValidString(e.Text) {
		t.Fatalf("text is not valid UTF-8: %#v", e)
	}
	if e.Pos.Line < 0 || e.Pos.Col < 0 || e.End.Line < 0 || e.End.Col < 0 {
		t.Fatalf("negative editor position: %#v", e)
	}
	// When CPython does not know where the error ends (end_offset 0 or
	// -1), the editor range of parser errors ends at column 0 of the end
	// line (see the report); only a known end is checked.
	if e.HasEnd && e.EndOffset > 0 &&
		(e.End.Line < e.Pos.Line || e.End.Line == e.Pos.Line && e.End.Col < e.Pos.Col) {
		t.Fatalf("editor range ends before it starts: %#v", e)
	}
	s := e.Format()
	if !strings.HasSuffix(s, "\n") || !strings.Contains(s, e.Kind.String()+": ") {
		t.Fatalf("bad Format() %q for %#v", s, e)
	}
	_ = e.Error()
}

// isNilNode reports whether n is nil or an interface holding a nil pointer.
func isNilNode(n ast.Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// checkTree checks a parsed tree: it can be dumped, and walking it meets no
// nil node and no node with an impossible position.
func checkTree(t *testing.T, where string, tree ast.ModNode, nlines int) {
	t.Helper()
	if isNilNode(tree) {
		t.Fatalf("%s: the tree is a nil %T", where, tree)
	}
	enter, exit, depth, maxDepth := 0, 0, 0, 0
	ast.Inspect(tree, func(n ast.Node) bool {
		if n == nil {
			exit++
			depth--
			return true
		}
		enter++
		depth++
		maxDepth = max(maxDepth, depth)
		if isNilNode(n) {
			t.Fatalf("%s: Inspect visits a nil %T", where, n)
		}
		if l, ok := n.(ast.Located); ok {
			r := l.Range()
			if r.Lineno < 1 || r.ColOffset < 0 || r.EndLineno < r.Lineno || r.EndColOffset < 0 ||
				r.Lineno > nlines || r.EndLineno > nlines {
				t.Fatalf("%s: %T has position %d:%d-%d:%d (source has %d lines)", where, n,
					r.Lineno, r.ColOffset, r.EndLineno, r.EndColOffset, nlines)
			}
		}
		return true
	})
	if enter != exit {
		t.Fatalf("%s: Inspect entered %d nodes and left %d", where, enter, exit)
	}
	// ast.Dump takes time quadratic in the depth of the tree (each level
	// copies the text of the levels below), so very deep trees, which
	// CPython could not dump either (RecursionError), are not dumped.
	if maxDepth > maxDumpDepth {
		return
	}
	for _, attrs := range []bool{false, true} {
		if _, err := ast.Dump(tree, ast.DumpOptions{Indent: -1, IncludeAttributes: attrs}); err != nil {
			var dl *pyconst.DigitLimitError
			if !errors.As(err, &dl) {
				t.Fatalf("%s: Dump failed: %v", where, err)
			}
		}
	}
}

// treeDepth returns the depth of the tree rooted at n.
func treeDepth(n ast.Node) int {
	depth, maxDepth := 0, 0
	ast.Inspect(n, func(n ast.Node) bool {
		if n == nil {
			depth--
		} else {
			depth++
			maxDepth = max(maxDepth, depth)
		}
		return true
	})
	return maxDepth
}

// maxDumpDepth is the depth of the deepest tree that the targets dump.
const maxDumpDepth = 1000

// sourceLines returns the number of lines of src once decoded (\r\n and
// \r count as one line end, and a declared encoding is applied), plus one
// for the position just past a final newline. A source that cannot be
// decoded has no lines (the editor mode gives it an empty module).
func sourceLines(src []byte) int {
	s, err := prepareSource(src, "<fuzz>", true)
	if err != nil {
		return 0
	}
	return bytes.Count(s.text, []byte("\n")) + 1
}

var fuzzModes = []Mode{ModeExec, ModeEval, ModeSingle, ModeFuncType}

// checkParse parses src in one mode and checks the result.
func checkParse(t *testing.T, src []byte, mode Mode, typeComments bool) Result {
	t.Helper()
	where := fmt.Sprintf("mode=%d typeComments=%v", mode, typeComments)
	res := Parse(src, Options{Filename: "<fuzz>", Mode: mode, TypeComments: typeComments})
	set := 0
	if res.Tree != nil {
		set++
	}
	if res.Err != nil {
		set++
	}
	if res.Fatal != "" {
		set++
	}
	if set != 1 {
		t.Fatalf("%s: %d of Tree, Err and Fatal are set: %+v", where, set, res)
	}
	if res.Tree != nil {
		checkTree(t, where, res.Tree, sourceLines(src))
	}
	if res.Err != nil {
		checkSyntaxError(t, src, res.Err)
	}
	return res
}

func FuzzTokenize(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > fuzzMaxInput {
			return
		}
		defer watchdog(src)()
		for _, exec := range []bool{true, false} {
			s, err := prepareSource(src, "<fuzz>", exec)
			if err != nil {
				checkSyntaxError(t, src, err)
				continue
			}
			if s == nil {
				t.Fatal("prepareSource returned neither a source nor an error")
			}
			if bytes.IndexByte(s.text, 0) >= 0 {
				t.Fatal("the prepared text holds a NUL byte")
			}
			checkTokenize(t, s.text, false)
			checkTokenize(t, s.text, true)
		}
	})
}

func FuzzParse(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > fuzzMaxInput {
			return
		}
		defer watchdog(src)()
		for _, mode := range fuzzModes {
			for _, tc := range []bool{false, true} {
				checkParse(t, src, mode, tc)
			}
		}
	})
}

// FuzzParseRoundTrip checks that parsing is deterministic: the same source
// parsed twice gives the same dump, or the same error.
func FuzzParseRoundTrip(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > fuzzMaxInput {
			return
		}
		opts := Options{Filename: "<fuzz>", Mode: ModeExec, TypeComments: true}
		a, b := Parse(src, opts), Parse(src, opts)
		if da, db := resultString(a), resultString(b); da != db {
			t.Fatalf("two parses differ:\n%s\n%s", da, db)
		}
	})
}

// resultString describes a result (its dump with positions, or its error).
func resultString(r Result) string {
	switch {
	case r.Tree != nil:
		if treeDepth(r.Tree) > maxDumpDepth {
			// Too deep to dump quickly: the node types and ranges.
			var b strings.Builder
			ast.Inspect(r.Tree, func(n ast.Node) bool {
				if l, ok := n.(ast.Located); ok {
					fmt.Fprintf(&b, "%T%v ", n, l.Range())
				} else {
					fmt.Fprintf(&b, "%T ", n)
				}
				return true
			})
			return b.String()
		}
		s, err := ast.Dump(r.Tree, ast.DumpOptions{Indent: -1, IncludeAttributes: true})
		if err != nil {
			return "dump error: " + err.Error()
		}
		return s
	case r.Err != nil:
		return fmt.Sprintf("%#v", *r.Err)
	}
	return "fatal: " + r.Fatal
}

// TestDeepNesting parses deeply nested inputs: each must fail with a
// SyntaxError (too many nested parentheses) or a Fatal result (the parser's
// stack overflowing, CPython's MemoryError), without a panic or a Go stack
// overflow, and quickly.
func TestDeepNesting(t *testing.T) {
	const n = 100000
	cases := []struct {
		name, src string
		treeOK    bool // CPython's parser accepts it (ast construction then fails with RecursionError)
	}{
		{"parens", strings.Repeat("(", n), false},
		{"parens-closed", strings.Repeat("(", n) + "1" + strings.Repeat(")", n), false},
		{"brackets", strings.Repeat("[", n), false},
		{"braces", strings.Repeat("{", n), false},
		{"minus", strings.Repeat("-", n) + "1", false},
		{"plus", strings.Repeat("+", n) + "1", false},
		{"invert", strings.Repeat("~", n) + "1", false},
		{"not", strings.Repeat("not ", n) + "x", false},
		{"lambda", strings.Repeat("lambda:", n) + "x", false},
		{"await", strings.Repeat("await ", n) + "x", false},
		{"power", strings.Repeat("2**", n) + "2", false},
		{"ifelse", strings.Repeat("x if y else ", n/10) + "z", false},
		{"star", strings.Repeat("*", n) + "x", false},
		{"fstring", strings.Repeat("f'{", n) + "x", false},
		{"fstring-nested", strings.Repeat("f'{f\"{", n/10), false},
		{"indent", nestedIf(2000), false},
		{"match-minus", "match x:\n    case " + strings.Repeat("-", n) + "1:\n        pass\n", false},
		{"match-parens", "match x:\n    case " + strings.Repeat("(", n) + ":\n        pass\n", false},
		{"lambda-default", strings.Repeat("lambda x=", n) + "1:x", false},
		{"yield", strings.Repeat("(yield ", n), false},
		{"walrus", strings.Repeat("(x:=", n), false},
		{"starred-call", strings.Repeat("f(*", n), false},
		{"subscript", strings.Repeat("x[", n), false},
		{"decorator", strings.Repeat("@", n) + "x\ndef f(): pass\n", false},
		// These are loops in the parser, not recursion: CPython parses them
		// too, and fails later, when it builds the ast module's objects.
		{"sum", strings.Repeat("1+", n/10) + "1", true},
		{"attribute", strings.Repeat("x.", n/10) + "y", true},
		{"call", "x" + strings.Repeat("()", n/10), true},
		{"compare", strings.Repeat("x<", n/10) + "x", true},
		{"and", strings.Repeat("x and ", n/10) + "x", true},
		{"chain-assign", strings.Repeat("x=", n/10) + "1", true},
		{"strings", strings.Repeat("'a' ", n/10), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, mode := range fuzzModes {
				start := time.Now()
				res := Parse([]byte(c.src), Options{Filename: "<fuzz>", Mode: mode})
				if d := time.Since(start); d > 5*time.Second {
					t.Errorf("mode %d: parse took %v", mode, d)
				}
				if res.Tree != nil && !(c.treeOK && mode != ModeFuncType) {
					t.Errorf("mode %d: parsed", mode)
				}
				if res.Err != nil {
					checkSyntaxError(t, []byte(c.src), res.Err)
				}
			}
		})
	}
}

// TestFuzzSeedsCount makes sure the stdlib sample is taken as specified
// when the oracle is installed.
func TestFuzzSeedsCount(t *testing.T) {
	if _, err := os.Stat(stdlibDir); err != nil {
		t.Skip("no oracle standard library")
	}
	if n := len(stdlibSeeds()); n != 200 {
		t.Errorf("%d stdlib seeds, want 200", n)
	}
	for _, s := range stdlibSeeds() {
		if len(s) > 4096 {
			t.Fatalf("seed of %d bytes", len(s))
		}
	}
}

// FuzzParseEditor checks the editor mode, which never gives up: it always
// returns a tree, the errors are consistent and sorted, and a source that
// parses strictly has no errors and the strict tree.
func FuzzParseEditor(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > fuzzMaxInput {
			return
		}
		defer watchdog(src)()
		for _, tc := range []bool{false, true} {
			opts := Options{Filename: "<fuzz>", TypeComments: tc}
			strict := Parse(src, opts)
			res := ParseEditor(src, opts)
			if res.Tree == nil {
				t.Fatalf("typeComments=%v: no tree", tc)
			}
			where := fmt.Sprintf("editor typeComments=%v", tc)
			checkTree(t, where, res.Tree, sourceLines(src))
			for i, e := range res.Errors {
				if e == nil {
					t.Fatalf("%s: error %d is nil", where, i)
				}
				checkSyntaxError(t, src, e)
				if i > 0 {
					a, b := res.Errors[i-1].Pos, e.Pos
					if b.Line < a.Line || b.Line == a.Line && b.Col < a.Col {
						t.Fatalf("%s: errors not sorted: %v before %v", where, res.Errors[i-1], e)
					}
				}
			}
			switch {
			case strict.Tree != nil:
				if len(res.Errors) != 0 {
					t.Fatalf("%s: the source parses, but the editor reports %v", where, res.Errors)
				}
				if resultString(strict) != resultString(Result{Tree: res.Tree}) {
					t.Fatalf("%s: the editor's tree differs from the strict tree", where)
				}
			case strict.Err != nil:
				found := false
				for _, e := range res.Errors {
					found = found || e == strict.Err || reflect.DeepEqual(*e, *strict.Err)
				}
				if !found {
					t.Fatalf("%s: the strict error %v is not among the editor's errors %v", where, strict.Err, res.Errors)
				}
			}
		}
	})
}

// watchdog turns a hang into a crash that the fuzzer records: if the
// returned function is not called within a generous delay, the process
// panics, naming the input.
func watchdog(src []byte) (stop func()) {
	timer := time.AfterFunc(60*time.Second, func() {
		panic(fmt.Sprintf("hang: no result after 60s for input %q", src))
	})
	return func() { timer.Stop() }
}
