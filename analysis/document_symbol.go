package analysis

// This file lists the buffer's symbols as an outline: classes, functions and
// methods (nested as in the source), and the names that module and class
// bodies assign.

import (
	"strings"

	"github.com/peephole-lsp/peephole/parser/ast"
)

// SymbolKind is a symbol's kind; the values are LSP's.
type SymbolKind int

// The symbol kinds used.
const (
	SymbolClass    SymbolKind = 5
	SymbolMethod   SymbolKind = 6
	SymbolField    SymbolKind = 8
	SymbolFunction SymbolKind = 12
	SymbolVariable SymbolKind = 13
	SymbolConstant SymbolKind = 14
)

// Symbol is one entry of the outline.
type Symbol struct {
	Name, Detail string
	Kind         SymbolKind
	// Range is the whole definition (decorators included) and
	// SelectionRange its name.
	Range, SelectionRange Range
	Children              []Symbol
}

// DocumentSymbols returns the buffer's outline.
func (f *File) DocumentSymbols() []Symbol {
	return symbolsIn(f.Tree.Body, false, 0)
}

// maxSymbolDepth bounds the nesting the outline follows.
const maxSymbolDepth = 100

// symbolsIn lists the symbols of a block's statements (inClass: the block is
// a class body).
func symbolsIn(body []ast.Stmt, inClass bool, depth int) []Symbol {
	if depth > maxSymbolDepth {
		return nil
	}
	var out []Symbol
	seen := map[string]bool{}
	variable := func(e ast.Expr, detail string) {
		name, ok := e.(*ast.Name)
		if !ok || seen[name.ID] {
			return
		}
		seen[name.ID] = true
		kind := SymbolVariable
		switch {
		case inClass:
			kind = SymbolField
		case detail == "" && isConstantName(name.ID):
			kind = SymbolConstant
		}
		r := rangeOf(name.Loc)
		out = append(out, Symbol{Name: name.ID, Detail: detail, Kind: kind, Range: r, SelectionRange: r})
	}
	var visit func(stmts []ast.Stmt)
	visit = func(stmts []ast.Stmt) {
		for _, s := range stmts {
			switch s := s.(type) {
			case *ast.FunctionDef:
				out = append(out, defSymbol(s, s.Name, s.NamePos, s.Args, "def", inClass, s.Body, depth))
			case *ast.AsyncFunctionDef:
				out = append(out, defSymbol(s, s.Name, s.NamePos, s.Args, "async def", inClass, s.Body, depth))
			case *ast.ClassDef:
				out = append(out, classSymbol(s, depth))
			case *ast.Assign:
				for _, t := range s.Targets {
					if tup, ok := t.(*ast.Tuple); ok {
						for _, e := range tup.Elts {
							variable(e, "")
						}
						continue
					}
					variable(t, "")
				}
			case *ast.AnnAssign:
				variable(s.Target, "")
			case *ast.TypeAlias:
				variable(s.Name, "type alias")
			case *ast.If:
				visit(s.Body)
				visit(s.Orelse)
			case *ast.Try:
				visit(s.Body)
				for _, h := range s.Handlers {
					visit(h.Body)
				}
				visit(s.Orelse)
				visit(s.Finalbody)
			case *ast.TryStar:
				visit(s.Body)
				for _, h := range s.Handlers {
					visit(h.Body)
				}
				visit(s.Orelse)
				visit(s.Finalbody)
			case *ast.With:
				visit(s.Body)
			case *ast.AsyncWith:
				visit(s.Body)
			case *ast.For:
				visit(s.Body)
				visit(s.Orelse)
			case *ast.AsyncFor:
				visit(s.Body)
				visit(s.Orelse)
			case *ast.While:
				visit(s.Body)
				visit(s.Orelse)
			}
		}
	}
	visit(body)
	return out
}

// isConstantName reports whether a name is written like a constant
// (UPPER_CASE).
func isConstantName(s string) bool {
	return strings.ToUpper(s) == s && strings.ToLower(s) != s
}

// defSymbol is the symbol of a def.
func defSymbol(n ast.Node, name string, namePos ast.Pos, args *ast.Arguments, keyword string, method bool, body []ast.Stmt, depth int) Symbol {
	kind := SymbolFunction
	if method {
		kind = SymbolMethod
	}
	return Symbol{
		Name: name, Detail: keyword + " " + name + "(" + paramList(args) + ")", Kind: kind,
		Range: extentOf(n), SelectionRange: nameRange(namePos, name),
		Children: symbolsIn(body, false, depth+1),
	}
}

// classSymbol is the symbol of a class.
func classSymbol(c *ast.ClassDef, depth int) Symbol {
	return Symbol{
		Name: c.Name, Detail: "class " + c.Name, Kind: SymbolClass,
		Range: extentOf(c), SelectionRange: nameRange(c.NamePos, c.Name),
		Children: symbolsIn(c.Body, true, depth+1),
	}
}

// paramList writes a def's parameter names ("a, b=…, *args, c, **kw").
func paramList(a *ast.Arguments) string {
	if a == nil {
		return ""
	}
	var parts []string
	npos := len(a.Posonlyargs) + len(a.Args)
	firstDefault := npos - len(a.Defaults)
	for i, p := range append(append([]*ast.Arg{}, a.Posonlyargs...), a.Args...) {
		s := p.Arg
		if i >= firstDefault {
			s += "=…"
		}
		parts = append(parts, s)
		if i == len(a.Posonlyargs)-1 {
			parts = append(parts, "/")
		}
	}
	switch {
	case a.Vararg != nil:
		parts = append(parts, "*"+a.Vararg.Arg)
	case len(a.Kwonlyargs) > 0:
		parts = append(parts, "*")
	}
	for i, p := range a.Kwonlyargs {
		s := p.Arg
		if i < len(a.KwDefaults) && a.KwDefaults[i] != nil {
			s += "=…"
		}
		parts = append(parts, s)
	}
	if a.Kwarg != nil {
		parts = append(parts, "**"+a.Kwarg.Arg)
	}
	return strings.Join(parts, ", ")
}

// extentOf is the range of a node and its descendants.
func extentOf(n ast.Node) Range {
	s, e, _ := ast.Extent(n)
	return Range{s, e}
}

// nameRange is the range of an identifier written at pos.
func nameRange(pos ast.Pos, name string) Range {
	return Range{pos, ast.Pos{Line: pos.Line, Col: pos.Col + len(name)}}
}
