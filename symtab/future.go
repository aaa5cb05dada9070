package symtab

import (
	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// Future holds the features that `from __future__ import …` statements at
// the start of a module enable (CPython's _PyFuture_FromAST).
type Future struct {
	// Annotations is `from __future__ import annotations` (PEP 563).
	Annotations bool
	// BarryAsBDFL is `from __future__ import barry_as_FLUFL`.
	BarryAsBDFL bool
	// Lineno is the line of the last future import, or 0.
	Lineno int
	// Loc is the location of the last future import.
	Loc ast.Loc
}

// future reads the module's future imports and checks their features.
func (st *builder) readFuture(mod ast.ModNode) *parser.SyntaxError {
	var body []ast.Stmt
	switch m := mod.(type) {
	case *ast.Module:
		body = m.Body
	case *ast.Interactive:
		body = m.Body
	default:
		return nil
	}
	i := 0
	if len(body) > 0 && isDocstring(body[0]) {
		i++
	}
	for ; i < len(body); i++ {
		imp, ok := body[i].(*ast.ImportFrom)
		if !ok || imp.Module != "__future__" {
			break
		}
		for _, a := range imp.Names {
			switch a.Name {
			case "nested_scopes", "generators", "division", "absolute_import", "with_statement",
				"print_function", "unicode_literals", "generator_stop":
			case "barry_as_FLUFL":
				st.future.BarryAsBDFL = true
			case "annotations":
				st.future.Annotations = true
			case "braces":
				return st.futureError(imp, "not a chance")
			default:
				return st.futureError(imp, "future feature "+truncate(a.Name, 100)+" is not defined")
			}
		}
		st.future.Lineno = imp.Lineno
		st.future.Loc = imp.Loc
	}
	st.mod.Future = st.future
	return nil
}

// isDocstring reports whether a statement is a docstring (a string
// constant expression).
func isDocstring(s ast.Stmt) bool {
	e, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	c, ok := e.Value.(*ast.Constant)
	if !ok {
		return false
	}
	_, isStr := c.Value.(interface{ Len() int })
	return isStr && c.Value.TypeName() == "str"
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

// futureError reports a bad future import at the start of its statement,
// with no end (PyErr_SyntaxLocationObject).
func (st *builder) futureError(s *ast.ImportFrom, msg string) *parser.SyntaxError {
	e := st.newError(ast.Loc{Lineno: s.Lineno, ColOffset: s.ColOffset, EndLineno: s.Lineno, EndColOffset: -1}, msg)
	e.EndOffset = 0
	return e
}
