package vm

import (
	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// validateAST checks a tree converted from _ast objects before it is
// compiled, as Python/ast.c's PyAST_Validate does: expression contexts,
// the lists that must not be empty, the lengths that must agree, the
// values only the parser could not produce. It raises CPython's
// ValueError (or TypeError) with its message for the first problem found,
// in CPython's order.
func (t *Thread) validateAST(mod ast.ModNode, badConsts map[*ast.Constant]string) error {
	v := &astValidator{t: t, badConsts: badConsts}
	switch m := mod.(type) {
	case *ast.Module:
		v.stmts(m.Body)
	case *ast.Interactive:
		v.stmts(m.Body)
	case *ast.Expression:
		v.expr(m.Body, ast.Load)
	case *ast.FunctionType:
		v.exprs(m.Argtypes, ast.Load, false)
		v.expr(m.Returns, ast.Load)
	}
	return v.err
}

type astValidator struct {
	t     *Thread
	err   error
	depth int
	// badConsts are the Constants whose value validate_constant refuses,
	// with its type name.
	badConsts map[*ast.Constant]string
}

func (v *astValidator) fail(format string, args ...any) {
	if v.err == nil {
		v.err = v.t.valueErrorf(format, args...)
	}
}

func (v *astValidator) failType(msg string) {
	if v.err == nil {
		v.err = v.t.typeErrorf("%s", msg)
	}
}

func (v *astValidator) body(body []ast.Stmt, owner string) {
	if len(body) == 0 {
		v.fail("empty body on %s", owner)
		return
	}
	v.stmts(body)
}

func (v *astValidator) stmts(body []ast.Stmt) {
	for _, s := range body {
		if v.err != nil {
			return
		}
		if s == nil {
			v.fail("None disallowed in statement list")
			return
		}
		v.stmt(s)
	}
}

func (v *astValidator) exprs(es []ast.Expr, ctx ast.ExprContext, nullOK bool) {
	for _, e := range es {
		if v.err != nil {
			return
		}
		if e == nil {
			if !nullOK {
				v.fail("None disallowed in expression list")
				return
			}
			continue
		}
		v.expr(e, ctx)
	}
}

func (v *astValidator) optExpr(e ast.Expr, ctx ast.ExprContext) {
	if e != nil {
		v.expr(e, ctx)
	}
}

func (v *astValidator) nonempty(n int, what, owner string) bool {
	if n == 0 {
		v.fail("empty %s on %s", what, owner)
		return false
	}
	return true
}

func (v *astValidator) stmt(s ast.Stmt) {
	if v.err != nil {
		return
	}
	v.depth++
	defer func() { v.depth-- }()
	if v.depth > astMaxDepth {
		v.err = v.t.raise(RecursionErrorType, "maximum recursion depth exceeded during compilation")
		return
	}
	if !v.positions(s.Range()) {
		return
	}
	L := ast.Load
	switch s := s.(type) {
	case *ast.FunctionDef:
		v.body(s.Body, "FunctionDef")
		v.typeParams(s.TypeParams)
		v.arguments(s.Args)
		v.exprs(s.DecoratorList, L, false)
		v.optExpr(s.Returns, L)
	case *ast.AsyncFunctionDef:
		v.body(s.Body, "AsyncFunctionDef")
		v.typeParams(s.TypeParams)
		v.arguments(s.Args)
		v.exprs(s.DecoratorList, L, false)
		v.optExpr(s.Returns, L)
	case *ast.ClassDef:
		v.body(s.Body, "ClassDef")
		v.typeParams(s.TypeParams)
		v.exprs(s.Bases, L, false)
		v.keywords(s.Keywords)
		v.exprs(s.DecoratorList, L, false)
	case *ast.Return:
		v.optExpr(s.Value, L)
	case *ast.Delete:
		if v.nonempty(len(s.Targets), "targets", "Delete") {
			v.exprs(s.Targets, ast.Del, false)
		}
	case *ast.Assign:
		if v.nonempty(len(s.Targets), "targets", "Assign") {
			v.exprs(s.Targets, ast.Store, false)
			v.expr(s.Value, L)
		}
	case *ast.AugAssign:
		v.expr(s.Target, ast.Store)
		v.expr(s.Value, L)
	case *ast.AnnAssign:
		if _, ok := s.Target.(*ast.Name); s.Simple != 0 && !ok {
			v.failType("AnnAssign with simple non-Name target")
			return
		}
		v.expr(s.Target, ast.Store)
		v.optExpr(s.Value, L)
		v.expr(s.Annotation, L)
	case *ast.TypeAlias:
		if _, ok := s.Name.(*ast.Name); !ok {
			v.fail("TypeAlias with non-Name name")
			return
		}
		v.expr(s.Name, ast.Store)
		v.typeParams(s.TypeParams)
		v.expr(s.Value, L)
	case *ast.For:
		v.expr(s.Target, ast.Store)
		v.expr(s.Iter, L)
		v.body(s.Body, "For")
		v.stmts(s.Orelse)
	case *ast.AsyncFor:
		v.expr(s.Target, ast.Store)
		v.expr(s.Iter, L)
		v.body(s.Body, "AsyncFor")
		v.stmts(s.Orelse)
	case *ast.While:
		v.expr(s.Test, L)
		v.body(s.Body, "While")
		v.stmts(s.Orelse)
	case *ast.If:
		v.expr(s.Test, L)
		v.body(s.Body, "If")
		v.stmts(s.Orelse)
	case *ast.With:
		v.withItems(s.Items, "With")
		v.body(s.Body, "With")
	case *ast.AsyncWith:
		v.withItems(s.Items, "AsyncWith")
		v.body(s.Body, "AsyncWith")
	case *ast.Match:
		v.expr(s.Subject, L)
		if v.nonempty(len(s.Cases), "cases", "Match") {
			for _, c := range s.Cases {
				if v.err != nil {
					return
				}
				v.pattern(c.Pattern, false)
				v.optExpr(c.Guard, L)
				v.body(c.Body, "match_case")
			}
		}
	case *ast.Raise:
		if s.Exc != nil {
			v.expr(s.Exc, L)
			v.optExpr(s.Cause, L)
		} else if s.Cause != nil {
			v.fail("Raise with cause but no exception")
		}
	case *ast.Try:
		v.try("Try", s.Body, s.Handlers, s.Orelse, s.Finalbody)
	case *ast.TryStar:
		v.try("TryStar", s.Body, s.Handlers, s.Orelse, s.Finalbody)
	case *ast.Assert:
		v.expr(s.Test, L)
		v.optExpr(s.Msg, L)
	case *ast.Import:
		v.nonempty(len(s.Names), "names", "Import")
	case *ast.ImportFrom:
		if s.Level < 0 {
			v.fail("Negative ImportFrom level")
			return
		}
		v.nonempty(len(s.Names), "names", "ImportFrom")
	case *ast.Global:
		v.nonempty(len(s.Names), "names", "Global")
	case *ast.Nonlocal:
		v.nonempty(len(s.Names), "names", "Nonlocal")
	case *ast.ExprStmt:
		v.expr(s.Value, L)
	}
}

func (v *astValidator) try(owner string, body []ast.Stmt, handlers []*ast.ExceptHandler, orelse, finalbody []ast.Stmt) {
	v.body(body, owner)
	if v.err != nil {
		return
	}
	if len(handlers) == 0 && len(finalbody) == 0 {
		v.fail("%s has neither except handlers nor finalbody", owner)
		return
	}
	if len(handlers) == 0 && len(orelse) > 0 {
		v.fail("%s has orelse but no except handlers", owner)
		return
	}
	for _, h := range handlers {
		if v.err != nil {
			return
		}
		v.optExpr(h.Type, ast.Load)
		v.body(h.Body, "ExceptHandler")
	}
	if len(finalbody) > 0 {
		v.stmts(finalbody)
	}
	if len(orelse) > 0 {
		v.stmts(orelse)
	}
}

func (v *astValidator) withItems(items []*ast.WithItem, owner string) {
	if !v.nonempty(len(items), "items", owner) {
		return
	}
	for _, it := range items {
		if v.err != nil {
			return
		}
		v.expr(it.ContextExpr, ast.Load)
		v.optExpr(it.OptionalVars, ast.Store)
	}
}

func (v *astValidator) keywords(ks []*ast.Keyword) {
	for _, k := range ks {
		if v.err != nil {
			return
		}
		v.expr(k.Value, ast.Load)
	}
}

func (v *astValidator) args(as []*ast.Arg) {
	for _, a := range as {
		if v.err != nil {
			return
		}
		v.optExpr(a.Annotation, ast.Load)
	}
}

func (v *astValidator) arguments(a *ast.Arguments) {
	if a == nil || v.err != nil {
		return
	}
	v.args(a.Posonlyargs)
	v.args(a.Args)
	if a.Vararg != nil {
		v.optExpr(a.Vararg.Annotation, ast.Load)
	}
	v.args(a.Kwonlyargs)
	if a.Kwarg != nil {
		v.optExpr(a.Kwarg.Annotation, ast.Load)
	}
	if v.err != nil {
		return
	}
	if len(a.Defaults) > len(a.Posonlyargs)+len(a.Args) {
		v.fail("more positional defaults than args on arguments")
		return
	}
	if len(a.KwDefaults) != len(a.Kwonlyargs) {
		v.fail("length of kwonlyargs is not the same as kw_defaults on arguments")
		return
	}
	v.exprs(a.Defaults, ast.Load, false)
	v.exprs(a.KwDefaults, ast.Load, true)
}

func (v *astValidator) typeParams(ps []ast.TypeParam) {
	for _, p := range ps {
		if v.err != nil {
			return
		}
		if p == nil {
			// CPython crashes here; peephole refuses it.
			v.fail("None disallowed in type_params")
			return
		}
		switch p := p.(type) {
		case *ast.TypeVar:
			v.name(p.Name)
			v.optExpr(p.Bound, ast.Load)
			v.optExpr(p.DefaultValue, ast.Load)
		case *ast.ParamSpec:
			v.name(p.Name)
			v.optExpr(p.DefaultValue, ast.Load)
		case *ast.TypeVarTuple:
			v.name(p.Name)
			v.optExpr(p.DefaultValue, ast.Load)
		}
	}
}

func (v *astValidator) name(id string) bool {
	switch id {
	case "None", "True", "False":
		v.fail("identifier field can't represent '%s' constant", id)
		return false
	}
	return true
}

func (v *astValidator) comprehensions(gens []*ast.Comprehension) {
	if len(gens) == 0 {
		v.fail("comprehension with no generators")
		return
	}
	for _, g := range gens {
		if v.err != nil {
			return
		}
		v.expr(g.Target, ast.Store)
		v.expr(g.Iter, ast.Load)
		v.exprs(g.Ifs, ast.Load, false)
	}
}

func (v *astValidator) expr(e ast.Expr, ctx ast.ExprContext) {
	if v.err != nil {
		return
	}
	if e == nil {
		return
	}
	v.depth++
	defer func() { v.depth-- }()
	if v.depth > astMaxDepth {
		v.err = v.t.raise(RecursionErrorType, "maximum recursion depth exceeded during compilation")
		return
	}
	if !v.positions(e.Range()) {
		return
	}
	var actual ast.ExprContext
	switch e := e.(type) {
	case *ast.Attribute:
		actual = e.Ctx
	case *ast.Subscript:
		actual = e.Ctx
	case *ast.Starred:
		actual = e.Ctx
	case *ast.Name:
		if !v.name(e.ID) {
			return
		}
		actual = e.Ctx
	case *ast.List:
		actual = e.Ctx
	case *ast.Tuple:
		actual = e.Ctx
	default:
		if ctx != ast.Load {
			v.fail("expression which can't be assigned to in %s context", ctx)
			return
		}
	}
	if actual != 0 && actual != ctx {
		v.fail("expression must have %s context but has %s instead", ctx, actual)
		return
	}
	L := ast.Load
	switch e := e.(type) {
	case *ast.BoolOp:
		if len(e.Values) < 2 {
			v.fail("BoolOp with less than 2 values")
			return
		}
		v.exprs(e.Values, L, false)
	case *ast.BinOp:
		v.expr(e.Left, L)
		v.expr(e.Right, L)
	case *ast.UnaryOp:
		v.expr(e.Operand, L)
	case *ast.Lambda:
		v.arguments(e.Args)
		v.expr(e.Body, L)
	case *ast.IfExp:
		v.expr(e.Test, L)
		v.expr(e.Body, L)
		v.expr(e.Orelse, L)
	case *ast.Dict:
		if len(e.Keys) != len(e.Values) {
			v.fail("Dict doesn't have the same number of keys as values")
			return
		}
		v.exprs(e.Keys, L, true)
		v.exprs(e.Values, L, false)
	case *ast.Set:
		v.exprs(e.Elts, L, false)
	case *ast.ListComp:
		v.comprehensions(e.Generators)
		v.expr(e.Elt, L)
	case *ast.SetComp:
		v.comprehensions(e.Generators)
		v.expr(e.Elt, L)
	case *ast.GeneratorExp:
		v.comprehensions(e.Generators)
		v.expr(e.Elt, L)
	case *ast.DictComp:
		v.comprehensions(e.Generators)
		v.expr(e.Key, L)
		v.expr(e.Value, L)
	case *ast.Yield:
		v.optExpr(e.Value, L)
	case *ast.YieldFrom:
		v.expr(e.Value, L)
	case *ast.Await:
		v.expr(e.Value, L)
	case *ast.Compare:
		if len(e.Comparators) == 0 {
			v.fail("Compare with no comparators")
			return
		}
		if len(e.Comparators) != len(e.Ops) {
			v.fail("Compare has a different number of comparators and operands")
			return
		}
		v.exprs(e.Comparators, L, false)
		v.expr(e.Left, L)
	case *ast.Call:
		v.expr(e.Func, L)
		v.exprs(e.Args, L, false)
		v.keywords(e.Keywords)
	case *ast.JoinedStr:
		v.exprs(e.Values, L, false)
	case *ast.FormattedValue:
		v.expr(e.Value, L)
		v.optExpr(e.FormatSpec, L)
	case *ast.Attribute:
		v.expr(e.Value, L)
	case *ast.Subscript:
		v.expr(e.Slice, L)
		v.expr(e.Value, L)
	case *ast.Starred:
		v.expr(e.Value, ctx)
	case *ast.Slice:
		v.optExpr(e.Lower, L)
		v.optExpr(e.Upper, L)
		v.optExpr(e.Step, L)
	case *ast.List:
		v.exprs(e.Elts, ctx, false)
	case *ast.Tuple:
		v.exprs(e.Elts, ctx, false)
	case *ast.Constant:
		if bad, ok := v.badConsts[e]; ok && v.err == nil {
			v.err = v.t.typeErrorf("got an invalid type in Constant: %s", bad)
		}
	case *ast.NamedExpr:
		if _, ok := e.Target.(*ast.Name); !ok {
			v.failType("NamedExpr target must be a Name")
			return
		}
		v.expr(e.Value, L)
	}
}

func (v *astValidator) patterns(ps []ast.Pattern, starOK bool) {
	for _, p := range ps {
		if v.err != nil {
			return
		}
		if p == nil {
			// CPython crashes here; peephole refuses it.
			v.fail("None disallowed in pattern list")
			return
		}
		v.pattern(p, starOK)
	}
}

func (v *astValidator) capture(name string) bool {
	if name == "_" {
		v.fail("can't capture name '_' in patterns")
		return false
	}
	return v.name(name)
}

func (v *astValidator) pattern(p ast.Pattern, starOK bool) {
	if v.err != nil || p == nil {
		return
	}
	if !v.positions(p.Range()) {
		return
	}
	switch p := p.(type) {
	case *ast.MatchValue:
		v.matchValue(p.Value)
	case *ast.MatchSingleton:
		switch p.Value.(type) {
		case pyconst.NoneType, pyconst.Bool:
		default:
			v.fail("MatchSingleton can only contain True, False and None")
		}
	case *ast.MatchSequence:
		v.patterns(p.Patterns, true)
	case *ast.MatchMapping:
		if len(p.Keys) != len(p.Patterns) {
			v.fail("MatchMapping doesn't have the same number of keys as patterns")
			return
		}
		if p.Rest != "" && !v.capture(p.Rest) {
			return
		}
		for _, k := range p.Keys {
			if v.err != nil {
				return
			}
			if c, ok := k.(*ast.Constant); ok {
				switch c.Value.(type) {
				case pyconst.NoneType, pyconst.Bool:
					continue
				}
			}
			v.matchValue(k)
		}
		v.patterns(p.Patterns, false)
	case *ast.MatchClass:
		if len(p.KwdAttrs) != len(p.KwdPatterns) {
			v.fail("MatchClass doesn't have the same number of keyword attributes as patterns")
			return
		}
		v.expr(p.Cls, ast.Load)
		v.patterns(p.Patterns, false)
		v.patterns(p.KwdPatterns, false)
	case *ast.MatchStar:
		if !starOK {
			v.fail("can't use MatchStar here")
			return
		}
		if p.Name != "" {
			v.capture(p.Name)
		}
	case *ast.MatchAs:
		if p.Name != "" && !v.capture(p.Name) {
			return
		}
		if p.Pattern != nil {
			if p.Name == "" {
				v.fail("MatchAs must specify a target name if a pattern is given")
				return
			}
			v.pattern(p.Pattern, false)
		}
	case *ast.MatchOr:
		if len(p.Patterns) < 2 {
			v.fail("MatchOr requires at least 2 patterns")
			return
		}
		v.patterns(p.Patterns, false)
	}
}

// matchValue checks the value of a value pattern or a mapping pattern's
// key (validate_pattern_match_value).
func (v *astValidator) matchValue(e ast.Expr) {
	if e == nil {
		v.fail("None disallowed in expression list")
		return
	}
	v.expr(e, ast.Load)
	if v.err != nil {
		return
	}
	switch e := e.(type) {
	case *ast.Constant:
		switch e.Value.(type) {
		case pyconst.Int, pyconst.Float, pyconst.Bytes, pyconst.Complex, pyconst.Str:
			return
		}
		v.fail("unexpected constant inside of a literal pattern")
		return
	case *ast.Attribute, *ast.JoinedStr:
		return
	case *ast.UnaryOp:
		if literalNegative(e, true, true) {
			return
		}
	case *ast.BinOp:
		if literalComplex(e) {
			return
		}
	}
	v.fail("patterns may only match literals and attribute lookups")
}

// literalNumber reports whether e is a number constant of the kinds
// allowed (ensure_literal_number).
func literalNumber(e ast.Expr, real, imaginary bool) bool {
	c, ok := e.(*ast.Constant)
	if !ok {
		return false
	}
	switch c.Value.(type) {
	case pyconst.Int, pyconst.Float:
		return real
	case pyconst.Complex:
		return imaginary
	}
	return false
}

// literalNegative is ensure_literal_negative: -number.
func literalNegative(e *ast.UnaryOp, real, imaginary bool) bool {
	return e.Op == ast.USub && literalNumber(e.Operand, real, imaginary)
}

// literalComplex is ensure_literal_complex: real ± imaginary.
func literalComplex(e *ast.BinOp) bool {
	if e.Op != ast.Add && e.Op != ast.Sub {
		return false
	}
	switch l := e.Left.(type) {
	case *ast.Constant:
		if !literalNumber(l, true, false) {
			return false
		}
	case *ast.UnaryOp:
		if !literalNegative(l, true, false) {
			return false
		}
	default:
		return false
	}
	return literalNumber(e.Right, false, true)
}

// positions checks a node's range (VALIDATE_POSITIONS).
func (v *astValidator) positions(l ast.Loc) bool {
	switch {
	case l.Lineno > l.EndLineno:
		v.fail("AST node line range (%d, %d) is not valid", l.Lineno, l.EndLineno)
	case l.Lineno < 0 && l.EndLineno != l.Lineno || l.ColOffset < 0 && l.ColOffset != l.EndColOffset:
		v.fail("AST node column range (%d, %d) for line range (%d, %d) is not valid", l.ColOffset, l.EndColOffset, l.Lineno, l.EndLineno)
	case l.Lineno == l.EndLineno && l.ColOffset > l.EndColOffset:
		v.fail("line %d, column %d-%d is not a valid range", l.Lineno, l.ColOffset, l.EndColOffset)
	default:
		return true
	}
	return false
}
