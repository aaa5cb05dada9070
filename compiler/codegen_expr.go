package compiler

// Expressions (compiler_visit_expr1 and the functions it calls in
// Python/compile.c).

import (
	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

func (c *compiler) visitExprs(es []ast.Expr) {
	for _, e := range es {
		c.visitExpr(e)
	}
}

// visitExpr is compiler_visit_expr.
func (c *compiler) visitExpr(ex ast.Expr) {
	loc := locOf(ex)
	switch e := ex.(type) {
	case *ast.NamedExpr:
		c.visitExpr(e.Value)
		c.addopI(loc, COPY, 1)
		c.visitExpr(e.Target)
	case *ast.BoolOp:
		c.boolop(e)
	case *ast.BinOp:
		c.visitExpr(e.Left)
		c.visitExpr(e.Right)
		c.addopI(loc, BINARY_OP, binaryOparg(e.Op, false))
	case *ast.UnaryOp:
		c.visitExpr(e.Operand)
		switch e.Op {
		case ast.UAdd:
			c.addopI(loc, CALL_INTRINSIC_1, IntrinsicUnaryPositive)
		case ast.Not:
			c.addop(loc, TO_BOOL)
			c.addop(loc, UNARY_NOT)
		case ast.Invert:
			c.addop(loc, UNARY_INVERT)
		case ast.USub:
			c.addop(loc, UNARY_NEGATIVE)
		}
	case *ast.Lambda:
		c.lambda(e)
	case *ast.IfExp:
		end := c.newLabel()
		next := c.newLabel()
		c.jumpIf(loc, e.Test, next, false)
		c.visitExpr(e.Body)
		c.addopJump(NoLoc, JUMP_NO_INTERRUPT, end)
		c.useLabel(next)
		c.visitExpr(e.Orelse)
		c.useLabel(end)
	case *ast.Dict:
		c.dict(e)
	case *ast.Set:
		c.starunpackHelper(loc, e.Elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, false)
	case *ast.GeneratorExp:
		c.comprehension(e, compGenexp, "<genexpr>", e.Generators, e.Elt, nil)
	case *ast.ListComp:
		c.comprehension(e, compListComp, "<listcomp>", e.Generators, e.Elt, nil)
	case *ast.SetComp:
		c.comprehension(e, compSetComp, "<setcomp>", e.Generators, e.Elt, nil)
	case *ast.DictComp:
		c.comprehension(e, compDictComp, "<dictcomp>", e.Generators, e.Key, e.Value)
	case *ast.Yield:
		if !c.isFunctionLike() {
			c.errorAt(loc, "'yield' outside function")
		}
		if e.Value != nil {
			c.visitExpr(e.Value)
		} else {
			c.loadNone(loc)
		}
		c.addopYield(loc)
	case *ast.YieldFrom:
		if !c.isFunctionLike() {
			c.errorAt(loc, "'yield from' outside function")
		}
		if c.u.scopeType == scopeAsyncFunction {
			c.errorAt(loc, "'yield from' inside async function")
		}
		c.visitExpr(e.Value)
		c.addop(loc, GET_YIELD_FROM_ITER)
		c.loadNone(loc)
		c.addYieldFrom(loc, false)
	case *ast.Await:
		if !c.isFunctionLike() {
			c.errorAt(loc, "'await' outside function")
		}
		if c.u.scopeType != scopeAsyncFunction && c.u.scopeType != scopeComprehension {
			c.errorAt(loc, "'await' outside async function")
		}
		c.visitExpr(e.Value)
		c.addopI(loc, GET_AWAITABLE, 0)
		c.loadNone(loc)
		c.addYieldFrom(loc, true)
	case *ast.Compare:
		c.compare(e)
	case *ast.Call:
		c.call(e)
	case *ast.Constant:
		c.loadConst(loc, e.Value)
	case *ast.JoinedStr:
		c.joinedStr(e)
	case *ast.FormattedValue:
		c.formattedValue(e)
	case *ast.Attribute:
		if e.Ctx == ast.Load && c.canOptimizeSuperCall(e) {
			call := e.Value.(*ast.Call)
			c.loadArgsForSuper(call)
			op := LOAD_ZERO_SUPER_ATTR
			if len(call.Args) > 0 {
				op = LOAD_SUPER_ATTR
			}
			c.addopName(loc, op, &c.u.meta.Names, e.Attr)
			c.addop(c.attrLoc(loc, e), NOP)
			return
		}
		c.maybeAddStaticAttribute(e)
		c.visitExpr(e.Value)
		loc = c.attrLoc(locOf(e), e)
		switch e.Ctx {
		case ast.Load:
			c.addopName(loc, LOAD_ATTR, &c.u.meta.Names, e.Attr)
		case ast.Store:
			c.forbiddenName(loc, e.Attr, e.Ctx)
			c.addopName(loc, STORE_ATTR, &c.u.meta.Names, e.Attr)
		case ast.Del:
			c.addopName(loc, DELETE_ATTR, &c.u.meta.Names, e.Attr)
		}
	case *ast.Subscript:
		c.subscript(e)
	case *ast.Starred:
		if e.Ctx == ast.Store {
			c.errorAt(loc, "starred assignment target must be in a list or tuple")
		}
		c.errorAt(loc, "can't use starred expression here")
	case *ast.Slice:
		n := c.slice(e)
		c.addopI(loc, BUILD_SLICE, n)
	case *ast.Name:
		c.nameop(loc, e.ID, e.Ctx)
	case *ast.List:
		switch e.Ctx {
		case ast.Store:
			c.assignmentHelper(loc, e.Elts)
		case ast.Load:
			c.starunpackHelper(loc, e.Elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, false)
		default:
			c.visitExprs(e.Elts)
		}
	case *ast.Tuple:
		switch e.Ctx {
		case ast.Store:
			c.assignmentHelper(loc, e.Elts)
		case ast.Load:
			c.starunpackHelper(loc, e.Elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)
		default:
			c.visitExprs(e.Elts)
		}
	default:
		c.internal("unexpected expression %T", ex)
	}
}

// binaryOparg returns the argument of BINARY_OP for an operator.
func binaryOparg(op ast.Operator, inplace bool) int {
	var n int
	switch op {
	case ast.Add:
		n = 0
	case ast.BitAnd:
		n = 1
	case ast.FloorDiv:
		n = 2
	case ast.LShift:
		n = 3
	case ast.MatMult:
		n = 4
	case ast.Mult:
		n = 5
	case ast.Mod:
		n = 6
	case ast.BitOr:
		n = 7
	case ast.Pow:
		n = 8
	case ast.RShift:
		n = 9
	case ast.Sub:
		n = 10
	case ast.Div:
		n = 11
	case ast.BitXor:
		n = 12
	}
	if inplace {
		n += 13
	}
	return n
}

// attrLoc moves the start of an attribute's location to the attribute
// name when the expression spans lines
// (update_start_location_to_match_attr). Like CPython, it measures the
// name in characters though columns count bytes.
func (c *compiler) attrLoc(loc Loc, attr *ast.Attribute) Loc {
	if loc.Line != attr.EndLineno {
		loc.Line = attr.EndLineno
		n := pyconst.Str(attr.Attr).Len()
		if n <= attr.EndColOffset {
			loc.Col = attr.EndColOffset - n
		} else {
			loc.Col, loc.EndCol = -1, -1
		}
		if loc.EndLine < loc.Line {
			loc.EndLine = loc.Line
		}
		if loc.Line == loc.EndLine && loc.EndCol < loc.Col {
			loc.EndCol = loc.Col
		}
	}
	return loc
}

// maybeAddStaticAttribute records self.X stores for the enclosing class's
// __static_attributes__ (compiler_maybe_add_static_attribute_to_class).
func (c *compiler) maybeAddStaticAttribute(e *ast.Attribute) {
	n, ok := e.Value.(*ast.Name)
	if !ok || e.Ctx != ast.Store || n.ID != "self" {
		return
	}
	for i := len(c.stack) - 1; i >= 0; i-- {
		if u := c.stack[i]; u.scopeType == scopeClass {
			u.staticAttributes[e.Attr] = true
			return
		}
	}
}

// canOptimizeSuperCall reports whether attr is super().x or
// super(a, b).x with the builtin super (can_optimize_super_call).
func (c *compiler) canOptimizeSuperCall(attr *ast.Attribute) bool {
	call, ok := attr.Value.(*ast.Call)
	if !ok {
		return false
	}
	fn, ok := call.Func.(*ast.Name)
	if !ok || fn.ID != "super" || attr.Attr == "__class__" || len(call.Keywords) != 0 {
		return false
	}
	if c.u.scope("super") != symtab.GlobalImplicit {
		return false
	}
	if (c.topFlags("super")>>symtab.ScopeOffset)&symtab.ScopeMask != 0 {
		return false
	}
	switch len(call.Args) {
	case 2:
		for _, a := range call.Args {
			if _, ok := a.(*ast.Starred); ok {
				return false
			}
		}
		return true
	case 0:
	default:
		return false
	}
	if c.u.meta.ArgCount == 0 && c.u.meta.PosOnlyArgCount == 0 {
		return false
	}
	return c.refType("__class__") == symtab.Free
}

// loadArgsForSuper pushes super and its two arguments (load_args_for_super).
func (c *compiler) loadArgsForSuper(e *ast.Call) {
	loc := locOf(e)
	fn := e.Func.(*ast.Name)
	c.nameop(locOf(fn), fn.ID, ast.Load)
	if len(e.Args) == 2 {
		c.visitExpr(e.Args[0])
		c.visitExpr(e.Args[1])
		return
	}
	c.nameop(loc, "__class__", ast.Load)
	if c.u.meta.VarNames.len() == 0 {
		c.internal("zero-argument super() without arguments")
	}
	c.nameop(loc, c.u.meta.VarNames.names[0], ast.Load)
}

// boolop is compiler_boolop.
func (c *compiler) boolop(e *ast.BoolOp) {
	loc := locOf(e)
	jump := POP_JUMP_IF_FALSE
	if e.Op == ast.Or {
		jump = POP_JUMP_IF_TRUE
	}
	end := c.newLabel()
	n := len(e.Values) - 1
	for i := 0; i < n; i++ {
		c.visitExpr(e.Values[i])
		c.addopI(loc, COPY, 1)
		c.addop(loc, TO_BOOL)
		c.addopJump(loc, jump, end)
		c.addop(loc, POP_TOP)
	}
	c.visitExpr(e.Values[n])
	c.useLabel(end)
}

// jumpIf emits a jump to next taken when e is true (cond) or false
// (compiler_jump_if).
func (c *compiler) jumpIf(loc Loc, ex ast.Expr, next Label, cond bool) {
	switch e := ex.(type) {
	case *ast.UnaryOp:
		if e.Op == ast.Not {
			c.jumpIf(loc, e.Operand, next, !cond)
			return
		}
	case *ast.BoolOp:
		n := len(e.Values) - 1
		cond2 := e.Op == ast.Or
		next2 := next
		if cond2 != cond {
			next2 = c.newLabel()
		}
		for i := 0; i < n; i++ {
			c.jumpIf(loc, e.Values[i], next2, cond2)
		}
		c.jumpIf(loc, e.Values[n], next, cond)
		if next2 != next {
			c.useLabel(next2)
		}
		return
	case *ast.IfExp:
		end := c.newLabel()
		next2 := c.newLabel()
		c.jumpIf(loc, e.Test, next2, false)
		c.jumpIf(loc, e.Body, next, cond)
		c.addopJump(NoLoc, JUMP_NO_INTERRUPT, end)
		c.useLabel(next2)
		c.jumpIf(loc, e.Orelse, next, cond)
		c.useLabel(end)
		return
	case *ast.Compare:
		n := len(e.Ops) - 1
		if n > 0 {
			c.checkCompare(e)
			eloc := locOf(e)
			cleanup := c.newLabel()
			c.visitExpr(e.Left)
			for i := 0; i < n; i++ {
				c.visitExpr(e.Comparators[i])
				c.addopI(eloc, SWAP, 2)
				c.addopI(eloc, COPY, 2)
				c.addCompare(eloc, e.Ops[i])
				c.addop(eloc, TO_BOOL)
				c.addopJump(eloc, POP_JUMP_IF_FALSE, cleanup)
			}
			c.visitExpr(e.Comparators[n])
			c.addCompare(eloc, e.Ops[n])
			c.addop(eloc, TO_BOOL)
			c.addopJump(eloc, condJump(cond), next)
			end := c.newLabel()
			c.addopJump(NoLoc, JUMP_NO_INTERRUPT, end)
			c.useLabel(cleanup)
			c.addop(eloc, POP_TOP)
			if !cond {
				c.addopJump(NoLoc, JUMP_NO_INTERRUPT, next)
			}
			c.useLabel(end)
			return
		}
	}
	c.visitExpr(ex)
	c.addop(locOf(ex), TO_BOOL)
	c.addopJump(locOf(ex), condJump(cond), next)
}

func condJump(cond bool) Opcode {
	if cond {
		return POP_JUMP_IF_TRUE
	}
	return POP_JUMP_IF_FALSE
}

// addCompare emits the opcode of a comparison operator
// (compiler_addcompare).
func (c *compiler) addCompare(loc Loc, op ast.CmpOp) {
	var cmp, mask int
	switch op {
	case ast.Lt:
		cmp, mask = 0, 2
	case ast.LtE:
		cmp, mask = 1, 2|8
	case ast.Eq:
		cmp, mask = 2, 8
	case ast.NotEq:
		cmp, mask = 3, 1|2|4
	case ast.Gt:
		cmp, mask = 4, 4
	case ast.GtE:
		cmp, mask = 5, 4|8
	case ast.Is:
		c.addopI(loc, IS_OP, 0)
		return
	case ast.IsNot:
		c.addopI(loc, IS_OP, 1)
		return
	case ast.In:
		c.addopI(loc, CONTAINS_OP, 0)
		return
	case ast.NotIn:
		c.addopI(loc, CONTAINS_OP, 1)
		return
	}
	c.addopI(loc, COMPARE_OP, cmp<<5|mask)
}

// compare is compiler_compare.
func (c *compiler) compare(e *ast.Compare) {
	loc := locOf(e)
	c.checkCompare(e)
	c.visitExpr(e.Left)
	n := len(e.Ops) - 1
	if n == 0 {
		c.visitExpr(e.Comparators[0])
		c.addCompare(loc, e.Ops[0])
		return
	}
	cleanup := c.newLabel()
	for i := 0; i < n; i++ {
		c.visitExpr(e.Comparators[i])
		c.addopI(loc, SWAP, 2)
		c.addopI(loc, COPY, 2)
		c.addCompare(loc, e.Ops[i])
		c.addopI(loc, COPY, 1)
		c.addop(loc, TO_BOOL)
		c.addopJump(loc, POP_JUMP_IF_FALSE, cleanup)
		c.addop(loc, POP_TOP)
	}
	c.visitExpr(e.Comparators[n])
	c.addCompare(loc, e.Ops[n])
	end := c.newLabel()
	c.addopJump(NoLoc, JUMP_NO_INTERRUPT, end)
	c.useLabel(cleanup)
	c.addopI(loc, SWAP, 2)
	c.addop(loc, POP_TOP)
	c.useLabel(end)
}

// inferTypeName returns the name of the type an expression certainly
// has, or "" (infer_type).
func inferTypeName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Tuple:
		return "tuple"
	case *ast.List, *ast.ListComp:
		return "list"
	case *ast.Dict, *ast.DictComp:
		return "dict"
	case *ast.Set, *ast.SetComp:
		return "set"
	case *ast.GeneratorExp:
		return "generator"
	case *ast.Lambda:
		return "function"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "str"
	case *ast.Constant:
		return x.Value.TypeName()
	}
	return ""
}

// checkIsArg is check_is_arg: whether an operand of `is` is acceptable.
func checkIsArg(e ast.Expr) bool {
	k, ok := e.(*ast.Constant)
	if !ok {
		return true
	}
	switch k.Value.(type) {
	case pyconst.NoneType, pyconst.Bool, pyconst.EllipsisType:
		return true
	}
	return false
}

// checkCompare warns about `is` with a literal (check_compare).
func (c *compiler) checkCompare(e *ast.Compare) {
	left := checkIsArg(e.Left)
	leftExpr := e.Left
	for i, op := range e.Ops {
		rightExpr := e.Comparators[i]
		right := checkIsArg(rightExpr)
		if op == ast.Is || op == ast.IsNot {
			if !right || !left {
				lit := rightExpr
				if !left {
					lit = leftExpr
				}
				if op == ast.Is {
					c.warn(locOf(e), "\"is\" with '%s' literal. Did you mean \"==\"?", inferTypeName(lit))
				} else {
					c.warn(locOf(e), "\"is not\" with '%s' literal. Did you mean \"!=\"?", inferTypeName(lit))
				}
				return
			}
		}
		left = right
		leftExpr = rightExpr
	}
}

// checkCaller warns about calling a literal (check_caller).
func (c *compiler) checkCaller(e ast.Expr) {
	switch e.(type) {
	case *ast.Constant, *ast.Tuple, *ast.List, *ast.ListComp, *ast.Dict, *ast.DictComp,
		*ast.Set, *ast.SetComp, *ast.GeneratorExp, *ast.JoinedStr, *ast.FormattedValue:
		c.warn(locOf(e), "'%s' object is not callable; perhaps you missed a comma?", inferTypeName(e))
	}
}

// checkSubscripter warns about subscripting what cannot be subscripted
// (check_subscripter).
func (c *compiler) checkSubscripter(e ast.Expr) {
	switch x := e.(type) {
	case *ast.Constant:
		switch x.Value.(type) {
		case pyconst.NoneType, pyconst.EllipsisType, pyconst.Int, pyconst.Bool, pyconst.Float, pyconst.Complex, pyconst.FrozenSet:
		default:
			return
		}
	case *ast.Set, *ast.SetComp, *ast.GeneratorExp, *ast.Lambda:
	default:
		return
	}
	c.warn(locOf(e), "'%s' object is not subscriptable; perhaps you missed a comma?", inferTypeName(e))
}

// checkIndex warns about indexing a sequence with a non-integer
// (check_index).
func (c *compiler) checkIndex(e, s ast.Expr) {
	it := inferTypeName(s)
	if it == "" || it == "int" || it == "bool" {
		return
	}
	switch x := e.(type) {
	case *ast.Constant:
		switch x.Value.(type) {
		case pyconst.Str, pyconst.Bytes, pyconst.Tuple:
		default:
			return
		}
	case *ast.Tuple, *ast.List, *ast.ListComp, *ast.JoinedStr, *ast.FormattedValue:
	default:
		return
	}
	c.warn(locOf(e), "%s indices must be integers or slices, not %s; perhaps you missed a comma?", inferTypeName(e), it)
}

// validateKeywords rejects a repeated keyword argument
// (validate_keywords).
func (c *compiler) validateKeywords(kws []*ast.Keyword) {
	for i, kw := range kws {
		if kw.Arg == "" {
			continue
		}
		c.forbiddenName(locOf(kw), kw.Arg, ast.Store)
		for _, other := range kws[i+1:] {
			if other.Arg == kw.Arg {
				c.errorAt(locOf(other), "keyword argument repeated: %s", kw.Arg)
			}
		}
	}
}

// call is compiler_call.
func (c *compiler) call(e *ast.Call) {
	c.validateKeywords(e.Keywords)
	if c.maybeOptimizeMethodCall(e) {
		return
	}
	c.checkCaller(e.Func)
	c.visitExpr(e.Func)
	c.addop(locOf(e.Func), PUSH_NULL)
	c.callHelper(locOf(e), 0, e.Args, e.Keywords)
}

// isImportOriginated reports whether e names a module-level import
// (is_import_originated).
func (c *compiler) isImportOriginated(e ast.Expr) bool {
	n, ok := e.(*ast.Name)
	if !ok {
		return false
	}
	return c.topFlags(n.ID)&symtab.DefImport != 0
}

// topFlags returns a name's flags in the module's symbol table, as an
// inlined comprehension may have changed them for now.
func (c *compiler) topFlags(name string) int {
	top := c.u
	if len(c.stack) > 0 {
		top = c.stack[0]
	}
	return top.symFlags(name)
}

// maybeOptimizeMethodCall compiles o.m(args) with LOAD_ATTR's method form
// when it can (maybe_optimize_method_call).
func (c *compiler) maybeOptimizeMethodCall(e *ast.Call) bool {
	meth, ok := e.Func.(*ast.Attribute)
	if !ok || meth.Ctx != ast.Load {
		return false
	}
	if c.isImportOriginated(meth.Value) {
		return false
	}
	argsl, kwdsl := len(e.Args), len(e.Keywords)
	extra := 0
	if kwdsl != 0 {
		extra = 1
	}
	if argsl+kwdsl+extra >= stackUseGuideline {
		return false
	}
	for _, a := range e.Args {
		if _, ok := a.(*ast.Starred); ok {
			return false
		}
	}
	for _, kw := range e.Keywords {
		if kw.Arg == "" {
			return false
		}
	}
	loc := locOf(meth)
	if c.canOptimizeSuperCall(meth) {
		call := meth.Value.(*ast.Call)
		c.loadArgsForSuper(call)
		op := LOAD_ZERO_SUPER_METHOD
		if len(call.Args) > 0 {
			op = LOAD_SUPER_METHOD
		}
		c.addopName(loc, op, &c.u.meta.Names, meth.Attr)
		loc = c.attrLoc(loc, meth)
		c.addop(loc, NOP)
	} else {
		c.visitExpr(meth.Value)
		loc = c.attrLoc(loc, meth)
		c.addopName(loc, LOAD_METHOD, &c.u.meta.Names, meth.Attr)
	}
	c.visitExprs(e.Args)
	if kwdsl > 0 {
		for _, kw := range e.Keywords {
			c.visitExpr(kw.Value)
		}
		c.callSimpleKwHelper(loc, e.Keywords)
		c.addopI(c.attrLoc(locOf(e), meth), CALL_KW, argsl+kwdsl)
	} else {
		c.addopI(c.attrLoc(locOf(e), meth), CALL, argsl)
	}
	return true
}

// callSimpleKwHelper loads the tuple of keyword names
// (compiler_call_simple_kw_helper).
func (c *compiler) callSimpleKwHelper(loc Loc, kws []*ast.Keyword) {
	names := make(pyconst.Tuple, len(kws))
	for i, kw := range kws {
		names[i] = str(kw.Arg)
	}
	c.loadConst(loc, names)
}

// callHelper pushes the arguments of a call and calls; n arguments are
// already on the stack (compiler_call_helper).
func (c *compiler) callHelper(loc Loc, n int, args []ast.Expr, kws []*ast.Keyword) {
	c.validateKeywords(kws)
	nelts, nkwelts := len(args), len(kws)
	ex := nelts+nkwelts*2 > stackUseGuideline
	for _, a := range args {
		if _, ok := a.(*ast.Starred); ok {
			ex = true
		}
	}
	for _, kw := range kws {
		if kw.Arg == "" {
			ex = true
		}
	}
	if !ex {
		c.visitExprs(args)
		if nkwelts > 0 {
			for _, kw := range kws {
				c.visitExpr(kw.Value)
			}
			c.callSimpleKwHelper(loc, kws)
			c.addopI(loc, CALL_KW, n+nelts+nkwelts)
		} else {
			c.addopI(loc, CALL, n+nelts)
		}
		return
	}
	if s, ok := singleStarred(args); ok && n == 0 {
		c.visitExpr(s.Value)
	} else {
		c.starunpackHelper(loc, args, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)
	}
	if nkwelts > 0 {
		haveDict := false
		nseen := 0
		for i, kw := range kws {
			if kw.Arg == "" {
				if nseen > 0 {
					c.subkwargs(loc, kws[i-nseen:i])
					if haveDict {
						c.addopI(loc, DICT_MERGE, 1)
					}
					haveDict = true
					nseen = 0
				}
				if !haveDict {
					c.addopI(loc, BUILD_MAP, 0)
					haveDict = true
				}
				c.visitExpr(kw.Value)
				c.addopI(loc, DICT_MERGE, 1)
			} else {
				nseen++
			}
		}
		if nseen > 0 {
			c.subkwargs(loc, kws[nkwelts-nseen:])
			if haveDict {
				c.addopI(loc, DICT_MERGE, 1)
			}
		}
	}
	flag := 0
	if nkwelts > 0 {
		flag = 1
	}
	c.addopI(loc, CALL_FUNCTION_EX, flag)
}

func singleStarred(args []ast.Expr) (*ast.Starred, bool) {
	if len(args) != 1 {
		return nil, false
	}
	s, ok := args[0].(*ast.Starred)
	return s, ok
}

// subkwargs builds a dict of keyword arguments (compiler_subkwargs).
func (c *compiler) subkwargs(loc Loc, kws []*ast.Keyword) {
	n := len(kws)
	big := n*2 > stackUseGuideline
	if n > 1 && !big {
		for _, kw := range kws {
			c.visitExpr(kw.Value)
		}
		keys := make(pyconst.Tuple, n)
		for i, kw := range kws {
			keys[i] = str(kw.Arg)
		}
		c.loadConst(loc, keys)
		c.addopI(loc, BUILD_CONST_KEY_MAP, n)
		return
	}
	if big {
		c.addopI(NoLoc, BUILD_MAP, 0)
	}
	for _, kw := range kws {
		c.loadConst(loc, str(kw.Arg))
		c.visitExpr(kw.Value)
		if big {
			c.addopI(NoLoc, MAP_ADD, 1)
		}
	}
	if !big {
		c.addopI(loc, BUILD_MAP, n)
	}
}

// allConst reports whether every expression is a Constant
// (are_all_items_const).
func allConst(es []ast.Expr) bool {
	for _, e := range es {
		if _, ok := e.(*ast.Constant); !ok {
			return false
		}
	}
	return true
}

// starunpackHelper builds a list, tuple or set from elements, some of
// which may be starred (starunpack_helper).
func (c *compiler) starunpackHelper(loc Loc, elts []ast.Expr, pushed int, build, add, extend Opcode, tuple bool) {
	n := len(elts)
	if n > 2 && allConst(elts) {
		folded := make(pyconst.Tuple, n)
		for i, e := range elts {
			folded[i] = e.(*ast.Constant).Value
		}
		if tuple && pushed == 0 {
			c.loadConst(loc, folded)
			return
		}
		var k Const = folded
		if add == SET_ADD {
			k = pyconst.NewFrozenSet(folded)
		}
		c.addopI(loc, build, pushed)
		c.loadConst(loc, k)
		c.addopI(loc, extend, 1)
		if tuple {
			c.addopI(loc, CALL_INTRINSIC_1, IntrinsicListToTuple)
		}
		return
	}
	big := n+pushed > stackUseGuideline
	seenStar := false
	for _, e := range elts {
		if _, ok := e.(*ast.Starred); ok {
			seenStar = true
			break
		}
	}
	if !seenStar && !big {
		c.visitExprs(elts)
		if tuple {
			c.addopI(loc, BUILD_TUPLE, n+pushed)
		} else {
			c.addopI(loc, build, n+pushed)
		}
		return
	}
	built := false
	if big {
		c.addopI(loc, build, pushed)
		built = true
	}
	for i, e := range elts {
		if s, ok := e.(*ast.Starred); ok {
			if !built {
				c.addopI(loc, build, i+pushed)
				built = true
			}
			c.visitExpr(s.Value)
			c.addopI(loc, extend, 1)
		} else {
			c.visitExpr(e)
			if built {
				c.addopI(loc, add, 1)
			}
		}
	}
	if tuple {
		c.addopI(loc, CALL_INTRINSIC_1, IntrinsicListToTuple)
	}
}

// unpackHelper emits UNPACK_SEQUENCE or UNPACK_EX for an assignment
// target (unpack_helper).
func (c *compiler) unpackHelper(loc Loc, elts []ast.Expr) {
	n := len(elts)
	seenStar := false
	for i, e := range elts {
		_, starred := e.(*ast.Starred)
		if starred && !seenStar {
			if i >= 1<<8 || n-i-1 >= (1<<31-1)>>8 {
				c.errorAt(loc, "too many expressions in star-unpacking assignment")
			}
			c.addopI(loc, UNPACK_EX, i+(n-i-1)<<8)
			seenStar = true
		} else if starred {
			c.errorAt(loc, "multiple starred expressions in assignment")
		}
	}
	if !seenStar {
		c.addopI(loc, UNPACK_SEQUENCE, n)
	}
}

// assignmentHelper is assignment_helper.
func (c *compiler) assignmentHelper(loc Loc, elts []ast.Expr) {
	c.unpackHelper(loc, elts)
	for _, e := range elts {
		if s, ok := e.(*ast.Starred); ok {
			c.visitExpr(s.Value)
		} else {
			c.visitExpr(e)
		}
	}
}

// subdict builds a dict from the items begin:end of a display
// (compiler_subdict).
func (c *compiler) subdict(e *ast.Dict, begin, end int) {
	n := end - begin
	big := n*2 > stackUseGuideline
	loc := locOf(e)
	if n > 1 && !big && allConst(e.Keys[begin:end]) {
		c.visitExprs(e.Values[begin:end])
		keys := make(pyconst.Tuple, n)
		for i := begin; i < end; i++ {
			keys[i-begin] = e.Keys[i].(*ast.Constant).Value
		}
		c.loadConst(loc, keys)
		c.addopI(loc, BUILD_CONST_KEY_MAP, n)
		return
	}
	if big {
		c.addopI(loc, BUILD_MAP, 0)
	}
	for i := begin; i < end; i++ {
		c.visitExpr(e.Keys[i])
		c.visitExpr(e.Values[i])
		if big {
			c.addopI(loc, MAP_ADD, 1)
		}
	}
	if !big {
		c.addopI(loc, BUILD_MAP, n)
	}
}

// dict is compiler_dict.
func (c *compiler) dict(e *ast.Dict) {
	loc := locOf(e)
	n := len(e.Values)
	haveDict := false
	elements := 0
	for i := 0; i < n; i++ {
		if e.Keys[i] == nil {
			if elements > 0 {
				c.subdict(e, i-elements, i)
				if haveDict {
					c.addopI(loc, DICT_UPDATE, 1)
				}
				haveDict = true
				elements = 0
			}
			if !haveDict {
				c.addopI(loc, BUILD_MAP, 0)
				haveDict = true
			}
			c.visitExpr(e.Values[i])
			c.addopI(loc, DICT_UPDATE, 1)
		} else {
			if elements*2 > stackUseGuideline {
				c.subdict(e, i-elements, i+1)
				if haveDict {
					c.addopI(loc, DICT_UPDATE, 1)
				}
				haveDict = true
				elements = 0
			} else {
				elements++
			}
		}
	}
	if elements > 0 {
		c.subdict(e, n-elements, n)
		if haveDict {
			c.addopI(loc, DICT_UPDATE, 1)
		}
		haveDict = true
	}
	if !haveDict {
		c.addopI(loc, BUILD_MAP, 0)
	}
}

func isTwoElementSlice(s ast.Expr) bool {
	sl, ok := s.(*ast.Slice)
	return ok && sl.Step == nil
}

// subscript is compiler_subscript.
func (c *compiler) subscript(e *ast.Subscript) {
	loc := locOf(e)
	if e.Ctx == ast.Load {
		c.checkSubscripter(e.Value)
		c.checkIndex(e.Value, e.Slice)
	}
	c.visitExpr(e.Value)
	if isTwoElementSlice(e.Slice) && e.Ctx != ast.Del {
		c.slice(e.Slice.(*ast.Slice))
		if e.Ctx == ast.Load {
			c.addop(loc, BINARY_SLICE)
		} else {
			c.addop(loc, STORE_SLICE)
		}
		return
	}
	c.visitExpr(e.Slice)
	switch e.Ctx {
	case ast.Load:
		c.addop(loc, BINARY_SUBSCR)
	case ast.Store:
		c.addop(loc, STORE_SUBSCR)
	case ast.Del:
		c.addop(loc, DELETE_SUBSCR)
	}
}

// slice pushes the parts of a slice and returns how many (compiler_slice).
func (c *compiler) slice(s *ast.Slice) int {
	n := 2
	if s.Lower != nil {
		c.visitExpr(s.Lower)
	} else {
		c.loadNone(locOf(s))
	}
	if s.Upper != nil {
		c.visitExpr(s.Upper)
	} else {
		c.loadNone(locOf(s))
	}
	if s.Step != nil {
		n++
		c.visitExpr(s.Step)
	}
	return n
}

// joinedStr is compiler_joined_str.
func (c *compiler) joinedStr(e *ast.JoinedStr) {
	loc := locOf(e)
	n := len(e.Values)
	if n > stackUseGuideline {
		c.loadConst(loc, str(""))
		c.addopName(loc, LOAD_METHOD, &c.u.meta.Names, "join")
		c.addopI(loc, BUILD_LIST, 0)
		for _, v := range e.Values {
			c.visitExpr(v)
			c.addopI(loc, LIST_APPEND, 1)
		}
		c.addopI(loc, CALL, 1)
		return
	}
	c.visitExprs(e.Values)
	if n > 1 {
		c.addopI(loc, BUILD_STRING, n)
	} else if n == 0 {
		c.loadConst(loc, str(""))
	}
}

// formattedValue is compiler_formatted_value.
func (c *compiler) formattedValue(e *ast.FormattedValue) {
	c.visitExpr(e.Value)
	loc := locOf(e)
	switch e.Conversion {
	case -1:
	case 's':
		c.addopI(loc, CONVERT_VALUE, 1)
	case 'r':
		c.addopI(loc, CONVERT_VALUE, 2)
	case 'a':
		c.addopI(loc, CONVERT_VALUE, 3)
	default:
		c.internal("unrecognized conversion character %d", e.Conversion)
	}
	if e.FormatSpec != nil {
		c.visitExpr(e.FormatSpec)
		c.addop(loc, FORMAT_WITH_SPEC)
	} else {
		c.addop(loc, FORMAT_SIMPLE)
	}
}

// addopYield emits a yield (addop_yield).
func (c *compiler) addopYield(loc Loc) {
	if c.u.ste.Generator && c.u.ste.Coroutine {
		c.addopI(loc, CALL_INTRINSIC_1, IntrinsicAsyncGenWrap)
	}
	c.addopI(loc, YIELD_VALUE, 0)
	c.addopI(loc, RESUME, resumeAfterYield)
}

// addYieldFrom emits the SEND loop of yield from and await
// (compiler_add_yield_from).
func (c *compiler) addYieldFrom(loc Loc, await bool) {
	send := c.newLabel()
	fail := c.newLabel()
	exit := c.newLabel()
	c.useLabel(send)
	c.addopJump(loc, SEND, exit)
	c.addopJump(loc, SETUP_FINALLY, fail)
	c.addopI(loc, YIELD_VALUE, 1)
	c.addop(NoLoc, POP_BLOCK)
	if await {
		c.addopI(loc, RESUME, resumeAfterAwait)
	} else {
		c.addopI(loc, RESUME, resumeAfterYieldFrom)
	}
	c.addopJump(loc, JUMP_NO_INTERRUPT, send)
	c.useLabel(fail)
	c.addop(loc, CLEANUP_THROW)
	c.useLabel(exit)
	c.addop(loc, END_SEND)
}
