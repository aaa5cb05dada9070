package parser

import (
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// This file holds the helpers that the grammar's actions call: building
// names, numbers and argument lists, changing expression contexts, and
// naming expressions in error messages (CPython's action_helpers.c).

var (
	pyTrue     pyconst.Value = pyconst.Bool(true)
	pyFalse    pyconst.Value = pyconst.Bool(false)
	pyNone     pyconst.Value = pyconst.None
	pyEllipsis pyconst.Value = pyconst.Ellipsis
)

// dummyName stands for the callee of the Call that the args rule builds.
var dummyName = &ast.Name{Loc: ast.Loc{Lineno: 1, EndLineno: 1}, ID: "", Ctx: ast.Load}

// identifier returns the identifier for NAME token text: NFKC-normalized
// when it is not ASCII (PEP 3131).
func identifier(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return norm.NFKC.String(s)
		}
	}
	return s
}

// name is the NAME token as an expression (_PyPegen_name_token).
func (p *parser) name() *ast.Name {
	t := p.expect(tNAME)
	if t == nil {
		return nil
	}
	return p.nameFromToken(t)
}

func (p *parser) nameFromToken(t *token) *ast.Name {
	return &ast.Name{Loc: tokLoc(t), ID: identifier(p.text(t)), Ctx: ast.Load}
}

// expectSoftKeyword consumes a NAME token spelled kw.
func (p *parser) expectSoftKeyword(kw string) *ast.Name {
	t := p.peek()
	if t == nil || t.typ != tNAME || p.text(t) != kw {
		return nil
	}
	p.mark++
	return p.nameFromToken(t)
}

// isSoftKeyword reports whether the next token is a NAME spelled kw.
func (p *parser) isSoftKeyword(kw string) bool {
	t := p.peek()
	return t != nil && t.typ == tNAME && p.text(t) == kw
}

// softKeywordToken is pegen's SOFT_KEYWORD: a NAME that is a soft keyword.
func (p *parser) softKeywordToken() *ast.Name {
	t := p.peek()
	if t == nil || t.typ != tNAME {
		return nil
	}
	// CPython compares with strncmp(keyword, name, len(name)), so a name
	// that is a prefix of a soft keyword ("c", "ma", "typ") counts as one.
	name := p.text(t)
	for _, kw := range [...]string{"_", "case", "match", "type"} {
		if strings.HasPrefix(kw, name) {
			p.mark++
			return p.nameFromToken(t)
		}
	}
	return nil
}

// number is the NUMBER token as a Constant (_PyPegen_number_token).
func (p *parser) number() ast.Expr {
	t := p.expect(tNUMBER)
	if t == nil {
		return nil
	}
	text := p.text(t)
	var v pyconst.Value
	var err error
	last := text[len(text)-1]
	switch {
	case last == 'j' || last == 'J':
		v, err = pyconst.ParseImaginaryLiteral(text)
	case isFloatText(text):
		v, err = pyconst.ParseFloatLiteral(text)
	default:
		v, err = pyconst.ParseIntLiteral(text)
	}
	if err != nil {
		var dl *pyconst.DigitLimitError
		if errors.As(err, &dl) {
			p.raiseKnown(SyntaxErr, t.lineno, -1, t.endLineno, -1, "%s%s", dl.Error(), pyconst.LiteralLimitHint)
		} else {
			p.raise(SyntaxErr, false, "%s", err.Error())
		}
		return nil
	}
	return &ast.Constant{Loc: tokLoc(t), Value: v}
}

func isFloatText(s string) bool {
	if len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'O' || s[1] == 'b' || s[1] == 'B') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '.' || c == 'e' || c == 'E' {
			return true
		}
	}
	return false
}

// setContext returns e with its context changed to ctx, recursively for
// tuples, lists and starred expressions (_PyPegen_set_expr_context).
func setContext(e ast.Expr, ctx ast.ExprContext) ast.Expr {
	switch e := e.(type) {
	case *ast.Name:
		return &ast.Name{Loc: e.Loc, ID: e.ID, Ctx: ctx}
	case *ast.Tuple:
		return &ast.Tuple{Loc: e.Loc, Elts: setSeqContext(e.Elts, ctx), Ctx: ctx}
	case *ast.List:
		return &ast.List{Loc: e.Loc, Elts: setSeqContext(e.Elts, ctx), Ctx: ctx}
	case *ast.Subscript:
		return &ast.Subscript{Loc: e.Loc, Value: e.Value, Slice: e.Slice, Ctx: ctx}
	case *ast.Attribute:
		return &ast.Attribute{Loc: e.Loc, Value: e.Value, Attr: e.Attr, Ctx: ctx}
	case *ast.Starred:
		return &ast.Starred{Loc: e.Loc, Value: setContext(e.Value, ctx), Ctx: ctx}
	}
	return e
}

func setSeqContext(elts []ast.Expr, ctx ast.ExprContext) []ast.Expr {
	if len(elts) == 0 {
		return nil
	}
	out := make([]ast.Expr, len(elts))
	for i, e := range elts {
		out[i] = setContext(e, ctx)
	}
	return out
}

// makeArguments builds the arguments node from the pieces the parameters
// rules parse (_PyPegen_make_arguments).
func makeArguments(slashNoDefault []*ast.Arg, slashWithDefault *slashWithDefault, plain []*ast.Arg,
	withDefault []nameDefault, star *starEtc) *ast.Arguments {
	a := &ast.Arguments{}
	switch {
	case slashNoDefault != nil:
		a.Posonlyargs = slashNoDefault
	case slashWithDefault != nil:
		a.Posonlyargs = append(append([]*ast.Arg{}, slashWithDefault.plain...), names(slashWithDefault.defaults)...)
	}
	a.Args = append(append([]*ast.Arg{}, plain...), names(withDefault)...)
	if slashWithDefault != nil {
		a.Defaults = append(a.Defaults, defaults(slashWithDefault.defaults)...)
	}
	a.Defaults = append(a.Defaults, defaults(withDefault)...)
	if star != nil {
		a.Vararg = star.vararg
		a.Kwonlyargs = names(star.kwonly)
		a.KwDefaults = defaults(star.kwonly)
		a.Kwarg = star.kwarg
	}
	if len(a.Args) == 0 {
		a.Args = nil
	}
	if len(a.Posonlyargs) == 0 {
		a.Posonlyargs = nil
	}
	return a
}

func names(nds []nameDefault) []*ast.Arg {
	out := make([]*ast.Arg, len(nds))
	for i, nd := range nds {
		out[i] = nd.arg
	}
	return out
}

func defaults(nds []nameDefault) []ast.Expr {
	out := make([]ast.Expr, len(nds))
	for i, nd := range nds {
		out[i] = nd.value
	}
	return out
}

// exprName names an expression in error messages (_PyPegen_get_expr_name).
func exprName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Attribute:
		return "attribute"
	case *ast.Subscript:
		return "subscript"
	case *ast.Starred:
		return "starred"
	case *ast.Name:
		return "name"
	case *ast.List:
		return "list"
	case *ast.Tuple:
		return "tuple"
	case *ast.Lambda:
		return "lambda"
	case *ast.Call:
		return "function call"
	case *ast.BoolOp, *ast.BinOp, *ast.UnaryOp:
		return "expression"
	case *ast.GeneratorExp:
		return "generator expression"
	case *ast.Yield, *ast.YieldFrom:
		return "yield expression"
	case *ast.Await:
		return "await expression"
	case *ast.ListComp:
		return "list comprehension"
	case *ast.SetComp:
		return "set comprehension"
	case *ast.DictComp:
		return "dict comprehension"
	case *ast.Dict:
		return "dict literal"
	case *ast.Set:
		return "set display"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "f-string expression"
	case *ast.Constant:
		switch v := e.Value.(type) {
		case pyconst.NoneType:
			return "None"
		case pyconst.Bool:
			if v {
				return "True"
			}
			return "False"
		case pyconst.EllipsisType:
			return "ellipsis"
		}
		return "literal"
	case *ast.Compare:
		return "comparison"
	case *ast.IfExp:
		return "conditional expression"
	case *ast.NamedExpr:
		return "named expression"
	}
	return "expression"
}

// targetsType says what kind of target an invalid-target error is about.
type targetsType int

const (
	starTargets targetsType = iota
	delTargets
	forTargets
)

// invalidTarget finds the part of e that cannot be a target
// (_PyPegen_get_invalid_target), or nil.
func invalidTarget(e ast.Expr, typ targetsType) ast.Expr {
	switch e := e.(type) {
	case nil:
		return nil
	case *ast.List:
		for _, x := range e.Elts {
			if c := invalidTarget(x, typ); c != nil {
				return c
			}
		}
		return nil
	case *ast.Tuple:
		for _, x := range e.Elts {
			if c := invalidTarget(x, typ); c != nil {
				return c
			}
		}
		return nil
	case *ast.Starred:
		if typ == delTargets {
			return e
		}
		return invalidTarget(e.Value, typ)
	case *ast.Compare:
		if typ == forTargets {
			if e.Ops[0] == ast.In {
				return invalidTarget(e.Left, typ)
			}
			return nil
		}
		return e
	case *ast.Name, *ast.Subscript, *ast.Attribute:
		return nil
	}
	return e
}

// raiseInvalidTarget is RAISE_SYNTAX_ERROR_INVALID_TARGET.
func (p *parser) raiseInvalidTarget(typ targetsType, e ast.Expr) {
	t := invalidTarget(e, typ)
	if t == nil {
		return
	}
	if typ == delTargets {
		p.raiseKnownLocation(SyntaxErr, nodeRng(t), "cannot delete %s", exprName(t))
	} else {
		p.raiseKnownLocation(SyntaxErr, nodeRng(t), "cannot assign to %s", exprName(t))
	}
}

// lastComprehensionItem is _PyPegen_get_last_comprehension_item.
func lastComprehensionItem(c *ast.Comprehension) ast.Expr {
	if len(c.Ifs) == 0 {
		return c.Iter
	}
	return c.Ifs[len(c.Ifs)-1]
}

// isLegacyStmt reports whether e is the name print or exec.
func isLegacyStmt(e ast.Expr) bool {
	n, ok := e.(*ast.Name)
	return ok && (n.ID == "print" || n.ID == "exec")
}
