package compiler

// This file is CPython 3.13's AST optimizer (Python/ast_opt.c,
// _PyAST_Optimize), which compile() runs after reading the __future__
// imports and before building the symbol table.
//
// # Design
//
// The optimizer walks the tree once, depth first, in the order of
// ast_opt.c's astfold_* functions, and folds each node after its children,
// so that folding works bottom up: -(2**3) becomes Constant(-8) because the
// power is folded before the negation looks at it. The folds are:
//
//   - a unary operator on a constant (fold_unaryop), and `not` over a
//     single is / is not / in / not in comparison, which becomes the
//     opposite comparison;
//   - a binary operator on two constants (fold_binop), within CPython's
//     limits on the size of the result (safeMultiply, safePower,
//     safeLshift, safeMod below); and `'…%s…' % (a, b)` into an f-string
//     (optimizeFormat);
//   - a tuple of constants in a Load context into a constant tuple
//     (fold_tuple), a constant subscript of a constant (fold_subscr);
//   - the iterable of a for loop or a comprehension, and the last operand
//     of in / not in: a list becomes a tuple and, if constant, a constant
//     tuple; a constant set becomes a constant frozenset (fold_iter);
//   - __debug__ (a Load of the name) into True or False.
//
// The values themselves come from package pyconst, whose operators
// reproduce Python's; an operation that raises leaves the node as it was,
// as in CPython, where make_const swallows the exception. A folded node is
// replaced in its parent's field by a new node with the old node's
// position, which is what CPython's in-place rewrite amounts to; the new
// nodes of optimizeFormat have the positions CPython gives them (-1 for the
// literal pieces and format specs).
//
// A body whose first statement only becomes a string constant through
// folding ("ab" * 2) has that constant wrapped in a JoinedStr, so that
// codegen does not take it for a docstring (astfold_body).
//
// Under `from __future__ import annotations`, annotations are not visited:
// they are compiled as the strings of their unparsed source.
//
// CPython counts the depth of statements, expressions and patterns as it
// recurses, and fails with a RecursionError beyond its C recursion limit;
// the walk here counts the same way and returns the same error, so that a
// deep tree (a chain of 10,000 additions) neither overflows the Go stack
// nor compiles where CPython's would not.

import (
	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// CPython's limits on what constant folding may build (ast_opt.c).
const (
	maxIntSize        = 128  // bits of an int product, power or shift
	maxCollectionSize = 256  // items of a repeated tuple
	maxStrSize        = 4096 // characters of a repeated str, bytes of a repeated bytes
	maxTotalItems     = 1024 // items of a repeated tuple, nested ones included
)

// ASTRecursionLimit is the depth of nested statements, expressions and
// patterns at which CPython 3.13's AST optimizer gives up with a
// RecursionError: its C recursion limit, Py_C_RECURSION_LIMIT.
//
// CPython counts from the depth of the C stack at which compilation
// starts: 0 when the interpreter compiles a script it runs, 2 or 3 when
// Python code calls compile() or ast.parse(), more from deeper callers.
// OptimizeAST counts from 0.
const ASTRecursionLimit = 10000

// RecursionError is the error of a tree nested too deeply for CPython's
// AST optimizer: CPython raises a RecursionError with this message.
type RecursionError struct{}

// Error returns CPython's message.
func (*RecursionError) Error() string {
	return "maximum recursion depth exceeded during compilation"
}

// OptimizeAST folds constants in mod in place, exactly as CPython 3.13's
// _PyAST_Optimize does before the symbol table runs. optimize is the
// optimization level (0, 1, 2: only __debug__ depends on it);
// futureAnnotations is true under `from __future__ import annotations`.
//
// The only error is a [*RecursionError], for a tree nested more than
// [ASTRecursionLimit] deep; the tree is then partly folded, and CPython
// would not compile it.
func OptimizeAST(mod ast.ModNode, optimize int, futureAnnotations bool) error {
	return optimizeAST(mod, optimize, futureAnnotations, 0)
}

// optimizeAST is OptimizeAST counting the depth from startDepth.
func optimizeAST(mod ast.ModNode, optimize int, futureAnnotations bool, startDepth int) error {
	o := &astOptimizer{optimize: optimize, futureAnnotations: futureAnnotations, depth: startDepth}
	switch m := mod.(type) {
	case *ast.Module:
		o.body(m.Body)
	case *ast.Interactive:
		for _, s := range m.Body {
			o.stmt(s)
		}
	case *ast.Expression:
		o.expr(&m.Body)
	case *ast.FunctionType:
		// Not folded.
	}
	return o.err
}

// astOptimizer holds the state of one walk.
type astOptimizer struct {
	optimize          int
	futureAnnotations bool
	depth             int   // current nesting of statements, expressions and patterns
	err               error // the RecursionError, once the limit is passed
}

// enter counts one more level of nesting and reports whether the walk may go
// on; leave undoes it.
func (o *astOptimizer) enter() bool {
	if o.err != nil {
		return false
	}
	o.depth++
	if o.depth > ASTRecursionLimit {
		o.err = &RecursionError{}
		return false
	}
	return true
}

func (o *astOptimizer) leave() { o.depth-- }

// ---- statements ----

// body folds a module's, class's or function's body (astfold_body).
func (o *astOptimizer) body(stmts []ast.Stmt) {
	wasDocstring := docstringOf(stmts) != nil
	for _, s := range stmts {
		o.stmt(s)
	}
	if o.err == nil && !wasDocstring {
		if c := docstringOf(stmts); c != nil {
			st := stmts[0].(*ast.ExprStmt)
			st.Value = &ast.JoinedStr{Loc: st.Loc, Values: []ast.Expr{c}}
		}
	}
}

// docstringOf returns the constant of a body's docstring, or nil
// (_PyAST_GetDocString).
func docstringOf(stmts []ast.Stmt) *ast.Constant {
	if len(stmts) == 0 {
		return nil
	}
	e, ok := stmts[0].(*ast.ExprStmt)
	if !ok {
		return nil
	}
	c, ok := e.Value.(*ast.Constant)
	if !ok {
		return nil
	}
	if _, ok := c.Value.(pyconst.Str); !ok {
		return nil
	}
	return c
}

func (o *astOptimizer) stmts(ss []ast.Stmt) {
	for _, s := range ss {
		o.stmt(s)
	}
}

func (o *astOptimizer) exprs(es []ast.Expr) {
	for i := range es {
		if es[i] != nil {
			o.expr(&es[i])
		}
	}
}

func (o *astOptimizer) optExpr(e *ast.Expr) {
	if *e != nil {
		o.expr(e)
	}
}

func (o *astOptimizer) annotation(e *ast.Expr) {
	if !o.futureAnnotations {
		o.optExpr(e)
	}
}

func (o *astOptimizer) stmt(s ast.Stmt) {
	if !o.enter() {
		return
	}
	switch s := s.(type) {
	case *ast.FunctionDef:
		o.typeParams(s.TypeParams)
		o.arguments(s.Args)
		o.body(s.Body)
		o.exprs(s.DecoratorList)
		o.annotation(&s.Returns)
	case *ast.AsyncFunctionDef:
		o.typeParams(s.TypeParams)
		o.arguments(s.Args)
		o.body(s.Body)
		o.exprs(s.DecoratorList)
		o.annotation(&s.Returns)
	case *ast.ClassDef:
		o.typeParams(s.TypeParams)
		o.exprs(s.Bases)
		o.keywords(s.Keywords)
		o.body(s.Body)
		o.exprs(s.DecoratorList)
	case *ast.Return:
		o.optExpr(&s.Value)
	case *ast.Delete:
		o.exprs(s.Targets)
	case *ast.Assign:
		o.exprs(s.Targets)
		o.expr(&s.Value)
	case *ast.TypeAlias:
		o.expr(&s.Name)
		o.typeParams(s.TypeParams)
		o.expr(&s.Value)
	case *ast.AugAssign:
		o.expr(&s.Target)
		o.expr(&s.Value)
	case *ast.AnnAssign:
		o.expr(&s.Target)
		o.annotation(&s.Annotation)
		o.optExpr(&s.Value)
	case *ast.For:
		o.expr(&s.Target)
		o.expr(&s.Iter)
		o.stmts(s.Body)
		o.stmts(s.Orelse)
		o.foldIter(&s.Iter)
	case *ast.AsyncFor:
		// Unlike For, the iterable is not folded.
		o.expr(&s.Target)
		o.expr(&s.Iter)
		o.stmts(s.Body)
		o.stmts(s.Orelse)
	case *ast.While:
		o.expr(&s.Test)
		o.stmts(s.Body)
		o.stmts(s.Orelse)
	case *ast.If:
		o.expr(&s.Test)
		o.stmts(s.Body)
		o.stmts(s.Orelse)
	case *ast.With:
		o.withItems(s.Items)
		o.stmts(s.Body)
	case *ast.AsyncWith:
		o.withItems(s.Items)
		o.stmts(s.Body)
	case *ast.Raise:
		o.optExpr(&s.Exc)
		o.optExpr(&s.Cause)
	case *ast.Try:
		o.stmts(s.Body)
		o.handlers(s.Handlers)
		o.stmts(s.Orelse)
		o.stmts(s.Finalbody)
	case *ast.TryStar:
		o.stmts(s.Body)
		o.handlers(s.Handlers)
		o.stmts(s.Orelse)
		o.stmts(s.Finalbody)
	case *ast.Assert:
		o.expr(&s.Test)
		o.optExpr(&s.Msg)
	case *ast.ExprStmt:
		o.expr(&s.Value)
	case *ast.Match:
		o.expr(&s.Subject)
		for _, c := range s.Cases {
			o.pattern(c.Pattern)
			o.optExpr(&c.Guard)
			o.stmts(c.Body)
		}
	}
	// Import, ImportFrom, Global, Nonlocal, Pass, Break, Continue and the
	// editor's BadStmt hold nothing to fold.
	o.leave()
}

func (o *astOptimizer) arguments(a *ast.Arguments) {
	if a == nil {
		return
	}
	for _, p := range a.Posonlyargs {
		o.annotation(&p.Annotation)
	}
	for _, p := range a.Args {
		o.annotation(&p.Annotation)
	}
	if a.Vararg != nil {
		o.annotation(&a.Vararg.Annotation)
	}
	for _, p := range a.Kwonlyargs {
		o.annotation(&p.Annotation)
	}
	o.exprs(a.KwDefaults)
	if a.Kwarg != nil {
		o.annotation(&a.Kwarg.Annotation)
	}
	o.exprs(a.Defaults)
}

func (o *astOptimizer) keywords(ks []*ast.Keyword) {
	for _, k := range ks {
		o.expr(&k.Value)
	}
}

func (o *astOptimizer) withItems(items []*ast.WithItem) {
	for _, it := range items {
		o.expr(&it.ContextExpr)
		o.optExpr(&it.OptionalVars)
	}
}

func (o *astOptimizer) handlers(hs []*ast.ExceptHandler) {
	for _, h := range hs {
		o.optExpr(&h.Type)
		o.stmts(h.Body)
	}
}

func (o *astOptimizer) typeParams(tps []ast.TypeParam) {
	for _, tp := range tps {
		switch tp := tp.(type) {
		case *ast.TypeVar:
			o.optExpr(&tp.Bound)
			o.optExpr(&tp.DefaultValue)
		case *ast.ParamSpec:
			o.optExpr(&tp.DefaultValue)
		case *ast.TypeVarTuple:
			o.optExpr(&tp.DefaultValue)
		}
	}
}

func (o *astOptimizer) comprehensions(gens []*ast.Comprehension) {
	for _, g := range gens {
		o.expr(&g.Target)
		o.expr(&g.Iter)
		o.exprs(g.Ifs)
		o.foldIter(&g.Iter)
	}
}

func (o *astOptimizer) pattern(p ast.Pattern) {
	if p == nil || !o.enter() {
		return
	}
	switch p := p.(type) {
	case *ast.MatchValue:
		o.expr(&p.Value)
	case *ast.MatchSequence:
		for _, q := range p.Patterns {
			o.pattern(q)
		}
	case *ast.MatchMapping:
		o.exprs(p.Keys)
		for _, q := range p.Patterns {
			o.pattern(q)
		}
	case *ast.MatchClass:
		o.expr(&p.Cls)
		for _, q := range p.Patterns {
			o.pattern(q)
		}
		for _, q := range p.KwdPatterns {
			o.pattern(q)
		}
	case *ast.MatchAs:
		o.pattern(p.Pattern)
	case *ast.MatchOr:
		for _, q := range p.Patterns {
			o.pattern(q)
		}
	}
	// MatchSingleton and MatchStar hold no expression.
	o.leave()
}

// ---- expressions ----

// expr folds the expression in *e, replacing it when it folds.
func (o *astOptimizer) expr(e *ast.Expr) {
	if !o.enter() {
		return
	}
	switch n := (*e).(type) {
	case *ast.BoolOp:
		o.exprs(n.Values)
	case *ast.BinOp:
		o.expr(&n.Left)
		o.expr(&n.Right)
		if o.err == nil {
			*e = o.foldBinOp(n)
		}
	case *ast.UnaryOp:
		o.expr(&n.Operand)
		if o.err == nil {
			*e = foldUnaryOp(n)
		}
	case *ast.Lambda:
		o.arguments(n.Args)
		o.expr(&n.Body)
	case *ast.IfExp:
		o.expr(&n.Test)
		o.expr(&n.Body)
		o.expr(&n.Orelse)
	case *ast.Dict:
		o.exprs(n.Keys)
		o.exprs(n.Values)
	case *ast.Set:
		o.exprs(n.Elts)
	case *ast.ListComp:
		o.expr(&n.Elt)
		o.comprehensions(n.Generators)
	case *ast.SetComp:
		o.expr(&n.Elt)
		o.comprehensions(n.Generators)
	case *ast.DictComp:
		o.expr(&n.Key)
		o.expr(&n.Value)
		o.comprehensions(n.Generators)
	case *ast.GeneratorExp:
		o.expr(&n.Elt)
		o.comprehensions(n.Generators)
	case *ast.Await:
		o.expr(&n.Value)
	case *ast.Yield:
		o.optExpr(&n.Value)
	case *ast.YieldFrom:
		o.expr(&n.Value)
	case *ast.Compare:
		o.expr(&n.Left)
		o.exprs(n.Comparators)
		// fold_compare: the last operand of in / not in.
		if last := len(n.Ops) - 1; last >= 0 && last < len(n.Comparators) && (n.Ops[last] == ast.In || n.Ops[last] == ast.NotIn) {
			o.foldIter(&n.Comparators[last])
		}
	case *ast.Call:
		o.expr(&n.Func)
		o.exprs(n.Args)
		o.keywords(n.Keywords)
	case *ast.FormattedValue:
		o.expr(&n.Value)
		o.optExpr(&n.FormatSpec)
	case *ast.JoinedStr:
		o.exprs(n.Values)
	case *ast.Attribute:
		o.expr(&n.Value)
	case *ast.Subscript:
		o.expr(&n.Value)
		o.expr(&n.Slice)
		if o.err == nil {
			*e = foldSubscript(n)
		}
	case *ast.Starred:
		o.expr(&n.Value)
	case *ast.Slice:
		o.optExpr(&n.Lower)
		o.optExpr(&n.Upper)
		o.optExpr(&n.Step)
	case *ast.List:
		o.exprs(n.Elts)
	case *ast.Tuple:
		o.exprs(n.Elts)
		if o.err == nil && n.Ctx == ast.Load {
			if v, ok := constTuple(n.Elts); ok {
				*e = &ast.Constant{Loc: n.Loc, Value: v}
			}
		}
	case *ast.Name:
		if n.Ctx == ast.Load && n.ID == "__debug__" {
			*e = &ast.Constant{Loc: n.Loc, Value: pyconst.Bool(o.optimize == 0)}
		}
	case *ast.NamedExpr:
		o.expr(&n.Value)
	}
	// Constant and the editor's BadExpr hold nothing to fold.
	o.leave()
}

// constValue returns the value of a Constant node.
func constValue(e ast.Expr) (pyconst.Value, bool) {
	c, ok := e.(*ast.Constant)
	if !ok || c.Value == nil {
		return nil, false
	}
	return c.Value, true
}

// constTuple returns the tuple of the values of elts if they are all
// constants (make_const_tuple).
func constTuple(elts []ast.Expr) (pyconst.Tuple, bool) {
	t := make(pyconst.Tuple, len(elts))
	for i, e := range elts {
		v, ok := constValue(e)
		if !ok {
			return nil, false
		}
		t[i] = v
	}
	return t, true
}

// foldUnaryOp is fold_unaryop: the folded node, or n itself.
func foldUnaryOp(n *ast.UnaryOp) ast.Expr {
	v, ok := constValue(n.Operand)
	if !ok {
		// not (a is b) → a is not b, and likewise for is not, in, not in;
		// the comparison takes the place (and position) of the not.
		cmp, isCmp := n.Operand.(*ast.Compare)
		if n.Op != ast.Not || !isCmp || len(cmp.Ops) != 1 {
			return n
		}
		switch cmp.Ops[0] {
		case ast.Is:
			cmp.Ops[0] = ast.IsNot
		case ast.IsNot:
			cmp.Ops[0] = ast.Is
		case ast.In:
			cmp.Ops[0] = ast.NotIn
		case ast.NotIn:
			cmp.Ops[0] = ast.In
		default:
			return n
		}
		return cmp
	}
	var r pyconst.Value
	var err error
	switch n.Op {
	case ast.Invert:
		r, err = pyconst.Invert(v)
	case ast.Not:
		r = pyconst.Bool(!pyconst.Truth(v))
	case ast.UAdd:
		r, err = pyconst.Positive(v)
	case ast.USub:
		r, err = pyconst.Negative(v)
	default:
		return n
	}
	if err != nil {
		return n
	}
	return &ast.Constant{Loc: n.Loc, Value: r}
}

// binaryOps maps the AST's operators to pyconst's.
var binaryOps = [...]pyconst.BinaryOp{
	ast.Add: pyconst.OpAdd, ast.Sub: pyconst.OpSub, ast.Mult: pyconst.OpMul, ast.MatMult: pyconst.OpMatMul,
	ast.Div: pyconst.OpTrueDiv, ast.Mod: pyconst.OpMod, ast.Pow: pyconst.OpPow, ast.LShift: pyconst.OpLShift,
	ast.RShift: pyconst.OpRShift, ast.BitOr: pyconst.OpOr, ast.BitXor: pyconst.OpXor, ast.BitAnd: pyconst.OpAnd,
	ast.FloorDiv: pyconst.OpFloorDiv,
}

// foldBinOp is fold_binop: the folded node, or n itself.
func (o *astOptimizer) foldBinOp(n *ast.BinOp) ast.Expr {
	lv, ok := constValue(n.Left)
	if !ok {
		return n
	}
	if fmt, isStr := lv.(pyconst.Str); isStr && n.Op == ast.Mod {
		if t, isTuple := n.Right.(*ast.Tuple); isTuple && !hasStarred(t.Elts) {
			return optimizeFormat(n, fmt, t.Elts)
		}
	}
	rv, ok := constValue(n.Right)
	if !ok || int(n.Op) >= len(binaryOps) || n.Op == ast.MatMult || n.Op == 0 {
		return n
	}
	var r pyconst.Value
	var err error
	switch n.Op {
	case ast.Mult:
		r, err = safeMultiply(lv, rv)
	case ast.Pow:
		r, err = safePower(lv, rv)
	case ast.LShift:
		r, err = safeLshift(lv, rv)
	case ast.Mod:
		r, err = safeMod(lv, rv)
	default:
		r, err = pyconst.Binary(binaryOps[n.Op], lv, rv)
	}
	if err != nil || r == nil {
		return n
	}
	return &ast.Constant{Loc: n.Loc, Value: r}
}

func hasStarred(elts []ast.Expr) bool {
	for _, e := range elts {
		if _, ok := e.(*ast.Starred); ok {
			return true
		}
	}
	return false
}

// errUnsafe stands for a fold that CPython's limits refuse.
var errUnsafe = &pyconst.Error{Type: "unsafe", Msg: "the result would be too large to fold"}

// intOf returns a bool or int constant as an Int.
func intOf(v pyconst.Value) (pyconst.Int, bool) {
	switch v := v.(type) {
	case pyconst.Int:
		return v, true
	case pyconst.Bool:
		return v.Int(), true
	}
	return pyconst.Int{}, false
}

// asLong is PyLong_AsLong: the int as an int64, or false on overflow.
func asLong(i pyconst.Int) (int64, bool) { return i.Int64() }

// checkComplexity is check_complexity: limit minus the number of items of
// obj, nested tuples' and frozensets' items included, negative once the
// count passes limit.
func checkComplexity(obj pyconst.Value, limit int64) int64 {
	var items []pyconst.Value
	switch v := obj.(type) {
	case pyconst.Tuple:
		items = v
	case pyconst.FrozenSet:
		items = v.Elems()
	default:
		return limit
	}
	limit -= int64(len(items))
	for i := 0; limit >= 0 && i < len(items); i++ {
		limit = checkComplexity(items[i], limit)
	}
	return limit
}

// safeMultiply is safe_multiply: v * w unless the product is an int of more
// than 128 bits or a repetition longer than CPython allows.
func safeMultiply(v, w pyconst.Value) (pyconst.Value, error) {
	vi, vInt := intOf(v)
	wi, wInt := intOf(w)
	switch {
	case vInt && wInt:
		if vi.Sign() != 0 && wi.Sign() != 0 && vi.BitLen()+wi.BitLen() > maxIntSize {
			return nil, errUnsafe
		}
	case vInt:
		var size int
		switch w := w.(type) {
		case pyconst.Tuple:
			size = len(w)
		case pyconst.FrozenSet:
			size = w.Len()
		case pyconst.Str:
			size = -w.Len() // negative: a string
		case pyconst.Bytes:
			size = -len(w)
		}
		if size > 0 {
			n, ok := asLong(vi)
			if !ok || n < 0 || n > int64(maxCollectionSize/size) {
				return nil, errUnsafe
			}
			if n != 0 && checkComplexity(w, maxTotalItems/n) < 0 {
				return nil, errUnsafe
			}
		} else if size < 0 {
			n, ok := asLong(vi)
			if !ok || n < 0 || n > int64(maxStrSize/-size) {
				return nil, errUnsafe
			}
		}
	case wInt:
		switch v.(type) {
		case pyconst.Tuple, pyconst.FrozenSet, pyconst.Str, pyconst.Bytes:
			return safeMultiply(w, v)
		}
	}
	return pyconst.Binary(pyconst.OpMul, v, w)
}

// safePower is safe_power: v ** w unless it is an int of more than 128
// bits.
func safePower(v, w pyconst.Value) (pyconst.Value, error) {
	vi, vInt := intOf(v)
	wi, wInt := intOf(w)
	if vInt && wInt && vi.Sign() != 0 && wi.Sign() > 0 {
		wbits, ok := asSizeT(wi)
		if !ok || uint64(vi.BitLen()) > maxIntSize/wbits {
			return nil, errUnsafe
		}
	}
	return pyconst.Binary(pyconst.OpPow, v, w)
}

// safeLshift is safe_lshift: v << w unless it is an int of more than 128
// bits.
func safeLshift(v, w pyconst.Value) (pyconst.Value, error) {
	vi, vInt := intOf(v)
	wi, wInt := intOf(w)
	if vInt && wInt && vi.Sign() != 0 && wi.Sign() != 0 {
		wbits, ok := asSizeT(wi)
		if !ok || wbits > maxIntSize || uint64(vi.BitLen()) > maxIntSize-wbits {
			return nil, errUnsafe
		}
	}
	return pyconst.Binary(pyconst.OpLShift, v, w)
}

// safeMod is safe_mod: v % w, except that str and bytes formatting is
// never folded.
func safeMod(v, w pyconst.Value) (pyconst.Value, error) {
	switch v.(type) {
	case pyconst.Str, pyconst.Bytes:
		return nil, errUnsafe
	}
	return pyconst.Binary(pyconst.OpMod, v, w)
}

// asSizeT is PyLong_AsSize_t: a non-negative int that fits in 64 bits.
func asSizeT(i pyconst.Int) (uint64, bool) {
	if i.Sign() < 0 || i.BitLen() > 64 {
		return 0, false
	}
	return i.Big().Uint64(), true
}

// foldSubscript is fold_subscr: a constant subscript of a constant.
func foldSubscript(n *ast.Subscript) ast.Expr {
	if n.Ctx != ast.Load {
		return n
	}
	v, ok := constValue(n.Value)
	if !ok {
		return n
	}
	k, ok := constValue(n.Slice)
	if !ok {
		return n
	}
	r, err := pyconst.GetItem(v, k)
	if err != nil {
		return n
	}
	return &ast.Constant{Loc: n.Loc, Value: r}
}

// foldIter is fold_iter, for the iterable of a for loop or a comprehension
// and the last operand of in / not in: a list without starred items becomes
// a tuple (a constant one if its items are constants), a set of constants a
// constant frozenset.
func (o *astOptimizer) foldIter(e *ast.Expr) {
	if o.err != nil {
		return
	}
	switch n := (*e).(type) {
	case *ast.List:
		if hasStarred(n.Elts) {
			return
		}
		if t, ok := constTuple(n.Elts); ok {
			*e = &ast.Constant{Loc: n.Loc, Value: t}
		} else {
			*e = &ast.Tuple{Loc: n.Loc, Elts: n.Elts, Ctx: n.Ctx}
		}
	case *ast.Set:
		if t, ok := constTuple(n.Elts); ok {
			*e = &ast.Constant{Loc: n.Loc, Value: pyconst.NewFrozenSet(t)}
		}
	}
}

// ---- % formatting ----

// optimizeFormat is optimize_format: fmt % (a, b, …), with a tuple of
// expressions that are not all constants, becomes an f-string when every
// directive of fmt is %s, %r or %a (with an optional - flag, a width and a
// precision of at most two digits) or %%, and there are as many directives
// as items.
func optimizeFormat(n *ast.BinOp, fmt pyconst.Str, elts []ast.Expr) ast.Expr {
	rs := fmt.Runes()
	var values []ast.Expr
	pos, cnt := 0, 0
	for {
		if lit, next := formatLiteral(rs, pos); lit != nil {
			values = append(values, lit)
			pos = next
		}
		if pos >= len(rs) {
			break
		}
		if cnt >= len(elts) {
			return n // more directives than items
		}
		pos++ // the '%'
		fv, next, ok := formatDirective(rs, pos, elts[cnt])
		cnt++
		if !ok {
			return n
		}
		values = append(values, fv)
		pos = next
	}
	if cnt < len(elts) {
		return n // more items than directives
	}
	return &ast.JoinedStr{Loc: n.Loc, Values: values}
}

// noLoc is the position CPython gives the nodes it makes up: -1 everywhere.
var noLoc = ast.Loc{Lineno: -1, ColOffset: -1, EndLineno: -1, EndColOffset: -1}

// formatLiteral is parse_literal: the text from pos up to the next directive,
// with %% turned into %, as a Constant (nil if empty), and where it ends.
func formatLiteral(rs []rune, pos int) (*ast.Constant, int) {
	start := pos
	var text []rune
	for pos < len(rs) {
		switch {
		case rs[pos] != '%':
			text = append(text, rs[pos])
			pos++
			continue
		case pos+1 < len(rs) && rs[pos+1] == '%':
			text = append(text, '%')
			pos += 2
			continue
		}
		break
	}
	if pos == start {
		return nil, pos
	}
	return &ast.Constant{Loc: noLoc, Value: pyconst.StrFromRunes(text)}, pos
}

// formatDirective is parse_format with simple_format_arg_parse: the
// FormattedValue for the directive at pos (just after its '%') applied to
// arg, and where the directive ends; false for a directive it does not
// handle.
func formatDirective(rs []rune, pos int, arg ast.Expr) (*ast.FormattedValue, int, bool) {
	const maxDigits = 3
	if arg == nil {
		return nil, 0, false
	}
	var ch rune
	next := func() bool {
		if pos >= len(rs) {
			return false
		}
		ch = rs[pos]
		pos++
		return true
	}
	ljust := false
flags:
	for {
		if !next() {
			return nil, 0, false
		}
		switch ch {
		case '-':
			ljust = true
		case '+', ' ', '#', '0':
		default:
			break flags
		}
	}
	width, prec := -1, -1
	if '0' <= ch && ch <= '9' {
		width = 0
		for digits := 0; '0' <= ch && ch <= '9'; {
			width = width*10 + int(ch-'0')
			if !next() {
				return nil, 0, false
			}
			if digits++; digits >= maxDigits {
				return nil, 0, false
			}
		}
	}
	if ch == '.' {
		if !next() {
			return nil, 0, false
		}
		prec = 0
		for digits := 0; '0' <= ch && ch <= '9'; {
			prec = prec*10 + int(ch-'0')
			if !next() {
				return nil, 0, false
			}
			if digits++; digits >= maxDigits {
				return nil, 0, false
			}
		}
	}
	if ch != 's' && ch != 'r' && ch != 'a' {
		return nil, 0, false
	}
	var spec []byte
	if !ljust && width > 0 {
		spec = append(spec, '>')
	}
	if width >= 0 {
		spec = appendInt(spec, width)
	}
	if prec >= 0 {
		spec = append(spec, '.')
		spec = appendInt(spec, prec)
	}
	fv := &ast.FormattedValue{Loc: arg.Range(), Value: arg, Conversion: int(ch)}
	if len(spec) > 0 {
		fv.FormatSpec = &ast.Constant{Loc: noLoc, Value: pyconst.Str(spec)}
	}
	return fv, pos, true
}

func appendInt(b []byte, v int) []byte {
	if v >= 10 {
		b = appendInt(b, v/10)
	}
	return append(b, byte('0'+v%10))
}
