package compiler

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/peephole-lsp/peephole/parser"
)

// FuzzCompile checks that parsing and compiling any source never panics
// and that a compilation that succeeds yields a code object that survives
// Marshal, Unmarshal and Dis. Errors must be CPython's kinds: a
// SyntaxError, a RecursionError, or an InternalError (a bug, reported).
func FuzzCompile(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/codegen/*.py")
	more, _ := filepath.Glob("../testdata/programs/*.py")
	for _, p := range append(seeds, more...) {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	for _, s := range []string{
		"", "pass", "x = 1 if y else 2", "def f(*, a=1): return a",
		"class C[T: int = str](B, metaclass=M): x: T", "match x:\n case {1: _, **r} | [*_]: pass",
		"try:\n pass\nexcept* E:\n pass", "async def f():\n async with a as b:\n  await c",
		"lambda: (yield)", "[x for x in y if (z := x)]", "while 1:\n try: break\n finally: continue",
		"from __future__ import annotations\ndef f(x: list[int]) -> 'A': pass",
		"global x\ndel x", "assert (1, 2)", "f(**{}, *[])", "'%s %r' % (a, b)",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<16 {
			return
		}
		pr := parser.Parse(src, parser.Options{Filename: "<fuzz>"})
		if pr.Err != nil || pr.Tree == nil {
			return
		}
		res, err := Compile(pr.Tree, Options{Filename: "<fuzz>", Source: src})
		if err != nil {
			var se *parser.SyntaxError
			var re *RecursionError
			var ie *InternalError
			switch {
			case errors.As(err, &se), errors.As(err, &re):
			case errors.As(err, &ie):
				t.Fatalf("internal compiler error on %q: %v", src, err)
			default:
				t.Fatalf("unexpected error type %T: %v", err, err)
			}
			return
		}
		data, err := Marshal(res.Code)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		back, err := Unmarshal(data)
		if err != nil {
			t.Fatalf("Unmarshal of Marshal: %v", err)
		}
		if _, ok := back.(*Code); !ok {
			t.Fatalf("Unmarshal gave %T", back)
		}
		if err := Dis(discard{}, res.Code, DisOptions{ShowCaches: true}); err != nil {
			t.Fatalf("Dis: %v", err)
		}
	})
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
