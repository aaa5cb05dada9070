package compiler

// This file holds the core of codegen (CPython's Python/compile.c): the
// compiler and its units, the instruction helpers, name resolution and the
// frame blocks that return, break and continue unwind. Statements are in
// codegen_stmt.go, expressions in codegen_expr.go, definitions (functions,
// classes, lambdas, type parameters) in codegen_def.go, comprehensions in
// codegen_comp.go and pattern matching in codegen_match.go.
//
// The code follows compile.c function for function, because what CPython
// emits depends on the order in which it visits nodes (constants, names
// and locals are numbered in order of first use) and on the location
// attached to each instruction; each function here says which CPython
// function it mirrors.

import (
	"fmt"
	"sort"

	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

// scopeType is the kind of a compilation unit (COMPILER_SCOPE_*).
type scopeType int

const (
	scopeModule scopeType = iota
	scopeClass
	scopeFunction
	scopeAsyncFunction
	scopeLambda
	scopeComprehension
	scopeTypeParams
)

// fblockType is the kind of a frame block (enum fblocktype).
type fblockType int

const (
	fbWhileLoop fblockType = iota
	fbForLoop
	fbTryExcept
	fbFinallyTry
	fbFinallyEnd
	fbWith
	fbAsyncWith
	fbHandlerCleanup
	fbPopValue
	fbExceptionHandler
	fbExceptionGroupHandler
	fbAsyncComprehensionGenerator
	fbStopIteration
)

// maxBlocks is CO_MAXBLOCKS, the limit on statically nested blocks (21
// in 3.13).
const maxBlocks = 21

// stackUseGuideline is STACK_USE_GUIDELINE: beyond this many items,
// displays and calls are built incrementally.
const stackUseGuideline = 30

// The flags of SET_FUNCTION_ATTRIBUTE (MAKE_FUNCTION_*).
const (
	makeFunctionDefaults    = 0x01
	makeFunctionKwDefaults  = 0x02
	makeFunctionAnnotations = 0x04
	makeFunctionClosure     = 0x08
)

// The arguments of RESUME.
const (
	resumeAfterYield     = 1
	resumeAfterYieldFrom = 2
	resumeAfterAwait     = 3
)

// fblock is a frame block (struct fblockinfo): a loop, try, with or
// handler whose exit a return, break or continue must unwind.
type fblock struct {
	typ   fblockType
	block Label
	loc   Loc
	exit  Label
	// body is the finally body of a fbFinallyTry block.
	body []ast.Stmt
	// name is the bound name of a fbHandlerCleanup block ("" for none).
	name string
}

// unit is the compiler state of one code object being compiled (struct
// compiler_unit).
type unit struct {
	ste       *symtab.Table
	meta      unitMeta
	consts    constTable
	seq       Seq
	scopeType scopeType
	// private is the class name used to mangle private names, or "".
	private string
	fblocks []fblock
	// inInlinedComp counts the inlined comprehensions being compiled.
	inInlinedComp int
	// staticAttributes collects, in a class body, the X of self.X stores
	// in its methods (nil outside classes).
	staticAttributes map[string]bool
	// tempScopes holds the flags a name has while an inlined
	// comprehension is compiled, overriding the block's own.
	tempScopes map[string]int
}

// compiler holds the state of one compilation (struct compiler).
type compiler struct {
	filename string
	src      []byte
	isFile   bool
	st       *symtab.Module
	future   symtab.Future
	flags    CodeFlags // the future flags every code object gets
	optimize int

	interactive bool
	nestlevel   int

	u     *unit
	stack []*unit

	// assemble turns a finished unit into a code object; it is the whole
	// back end (flowgraph and assembler) except in codegen-only tests.
	assemble func(c *compiler, u *unit, flags CodeFlags) (*Code, error)

	warnings []Warning

	// constCache maps the key of every tuple and frozenset constant to the
	// object that stands for it in the whole compilation (CPython's
	// c_const_cache; see mergeConst).
	constCache map[string]Const

	// mod is the tree being compiled, and idents its identifiers (for
	// preInterned).
	mod    ast.ModNode
	idents map[string]bool
}

// Warning is a SyntaxWarning the compiler reports (CPython prints them
// to stderr unless warnings are turned into errors).
type Warning struct {
	Msg      string
	Filename string
	Lineno   int
}

// compileError is a SyntaxError raised during codegen; it unwinds the
// compiler through panic and is recovered at the entry points.
type compileError struct{ err *parser.SyntaxError }

// internalError is a failure of the compiler itself (CPython's
// SystemError), also carried by panic.
type internalError struct{ msg string }

// errorAt raises a SyntaxError at loc (compiler_error).
func (c *compiler) errorAt(loc Loc, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	l := ast.Loc{Lineno: loc.Line, ColOffset: loc.Col, EndLineno: loc.EndLine, EndColOffset: loc.EndCol}
	panic(compileError{symtab.NewError(symtab.Options{Filename: c.filename, Source: c.src, IsFile: c.isFile}, l, msg)})
}

// warn records a SyntaxWarning at loc (compiler_warn).
func (c *compiler) warn(loc Loc, format string, args ...any) {
	c.warnings = append(c.warnings, Warning{Msg: fmt.Sprintf(format, args...), Filename: c.filename, Lineno: loc.Line})
}

func (c *compiler) internal(format string, args ...any) {
	panic(internalError{fmt.Sprintf(format, args...)})
}

// locOf returns the location of a node (LOC(x)).
func locOf(n interface{ Range() ast.Loc }) Loc {
	r := n.Range()
	return Loc{r.Lineno, r.EndLineno, r.ColOffset, r.EndColOffset}
}

// --- instructions ---

func (c *compiler) addop(loc Loc, op Opcode) {
	c.u.seq.Add(op, 0, loc)
}

func (c *compiler) addopI(loc Loc, op Opcode, arg int) {
	c.u.seq.Add(op, arg, loc)
}

func (c *compiler) addopJump(loc Loc, op Opcode, target Label) {
	c.u.seq.Add(op, int(target), loc)
}

func (c *compiler) newLabel() Label { return c.u.seq.NewLabel() }

func (c *compiler) useLabel(l Label) { c.u.seq.UseLabel(l) }

// addConst adds a constant to the unit (compiler_add_const).
func (c *compiler) addConst(v Const) int { return c.u.consts.add(c.mergeConst(v)) }

// preInterned reports whether an equal string has been interned before a
// string constant s is: CPython interns every identifier of the source as
// it parses it, and the interpreter has interned the names of the modules
// it imported before compiling (startupInterned, generated from the oracle
// in the state of `python3.13 -m dis`). Single characters are shared
// singletons, never replaced.
func (c *compiler) preInterned(s string) bool {
	if len(s) <= 1 || !isNameChars(s) {
		return false
	}
	if c.idents == nil {
		c.idents = collectIdentifiers(c.mod)
	}
	return c.idents[s] || startupInterned[s]
}

// isNameChars is all_name_chars: whether CPython interns a string constant.
func isNameChars(s string) bool {
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if !(ch == '_' || ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z') {
			return false
		}
	}
	return true
}

func hasFrozenSet(t pyconst.Tuple) bool {
	for _, e := range t {
		switch x := e.(type) {
		case pyconst.FrozenSet:
			return true
		case pyconst.Tuple:
			if hasFrozenSet(x) {
				return true
			}
		}
	}
	return false
}

// mergeConst is _PyCompile_ConstCacheMergeOne: it returns the object that
// stands for v in the compilation. Its only observable effect is on
// frozensets: the first time a frozenset value is registered, CPython
// rebuilds it from its own iteration order (merge_consts_recursive), which
// can reorder its elements; later equal frozensets reuse that object.
func (c *compiler) mergeConst(v Const) Const {
	switch x := v.(type) {
	case pyconst.Tuple:
		if !hasFrozenSet(x) {
			return x
		}
		out := make(pyconst.Tuple, len(x))
		for i, e := range x {
			out[i] = c.mergeConst(e).(pyconst.Value)
		}
		return out
	case pyconst.FrozenSet:
		if x.Len() == 0 {
			return x
		}
		k := constKey(x)
		if m, ok := c.constCache[k]; ok {
			return m
		}
		items := make([]pyconst.Value, x.Len())
		for i, e := range x.Elems() {
			items[i] = c.mergeConst(e).(pyconst.Value)
		}
		m := pyconst.NewFrozenSet(items)
		// Making the code object interns the constants that look like
		// identifiers (intern_constants); when that replaces one of the
		// strings by an equal string interned earlier, the frozenset is
		// rebuilt once more.
		for _, e := range m.Elems() {
			if s, ok := e.(pyconst.Str); ok && c.preInterned(string(s)) {
				m = pyconst.NewFrozenSet(m.Elems())
				break
			}
		}
		if c.constCache == nil {
			c.constCache = map[string]Const{}
		}
		c.constCache[k] = m
		return m
	}
	return v
}

// loadConst emits LOAD_CONST v (ADDOP_LOAD_CONST).
func (c *compiler) loadConst(loc Loc, v Const) {
	c.addopI(loc, LOAD_CONST, c.addConst(v))
}

func (c *compiler) loadNone(loc Loc) { c.loadConst(loc, pyconst.None) }

func str(s string) pyconst.Str { return pyconst.Str(s) }

// mangle is _Py_MaybeMangle for the current unit.
func (c *compiler) mangle(name string) string {
	return c.u.ste.MaybeMangle(c.u.private, name)
}

// addopName emits op with a name argument, mangled (compiler_addop_name),
// encoding the argument as LOAD_ATTR, LOAD_METHOD and the super
// attribute opcodes want it.
func (c *compiler) addopName(loc Loc, op Opcode, t *nameTable, name string) {
	arg := t.add(c.mangle(name))
	switch op {
	case LOAD_ATTR:
		arg <<= 1
	case LOAD_METHOD:
		op, arg = LOAD_ATTR, arg<<1|1
	case LOAD_SUPER_ATTR:
		arg = arg<<2 | 2
	case LOAD_SUPER_METHOD:
		op, arg = LOAD_SUPER_ATTR, arg<<2|3
	case LOAD_ZERO_SUPER_ATTR:
		op, arg = LOAD_SUPER_ATTR, arg<<2
	case LOAD_ZERO_SUPER_METHOD:
		op, arg = LOAD_SUPER_ATTR, arg<<2|1
	}
	c.addopI(loc, op, arg)
}

// addopN emits op with a name argument, not mangled (ADDOP_N).
func (c *compiler) addopN(loc Loc, op Opcode, t *nameTable, name string) {
	c.addopI(loc, op, t.add(name))
}

// derefIndex returns the codegen argument of a DEREF opcode: a cell's
// index, or the number of cells plus a free variable's index.
func (u *unit) derefIndex(name string, free bool) int {
	if free {
		i := u.meta.FreeVars.lookup(name)
		if i < 0 {
			i = u.meta.FreeVars.add(name)
		}
		return u.meta.CellVars.len() + i
	}
	return u.meta.CellVars.add(name)
}

// --- scopes ---

// symFlags returns a symbol's flags in the current unit, seeing the
// temporary flags of an inlined comprehension.
func (u *unit) symFlags(name string) int {
	if f, ok := u.tempScopes[name]; ok {
		return f
	}
	return u.ste.Flags(name)
}

// scope is _PyST_GetScope for the current unit.
func (u *unit) scope(name string) symtab.Scope {
	return symtab.Scope((u.symFlags(name) >> symtab.ScopeOffset) & symtab.ScopeMask)
}

// enterScope starts a new unit (compiler_enter_scope).
func (c *compiler) enterScope(name string, typ scopeType, ste *symtab.Table, lineno int) {
	if ste == nil {
		c.internal("no symbol table for %s", name)
	}
	u := &unit{ste: ste, scopeType: typ}
	u.meta.Name = name
	for _, v := range ste.Varnames {
		u.meta.VarNames.add(v)
	}
	// Cells: sorted names that are CELL or DEF_COMP_CELL (dictbytype).
	var cells, frees []string
	for _, s := range ste.Symbols() {
		f := ste.Flags(s)
		sc := symtab.Scope((f >> symtab.ScopeOffset) & symtab.ScopeMask)
		if sc == symtab.Cell || f&symtab.DefCompCell != 0 {
			cells = append(cells, s)
		}
		if sc == symtab.Free || f&symtab.DefFreeClass != 0 {
			frees = append(frees, s)
		}
	}
	sort.Strings(cells)
	sort.Strings(frees)
	for _, s := range cells {
		u.meta.CellVars.add(s)
	}
	if ste.NeedsClassClosure {
		u.meta.CellVars.add("__class__")
	}
	if ste.NeedsClassdict {
		u.meta.CellVars.add("__classdict__")
	}
	for _, s := range frees {
		u.meta.FreeVars.add(s)
	}
	u.meta.FirstLineno = lineno
	u.meta.FastHidden = map[string]bool{}
	if typ == scopeClass {
		u.staticAttributes = map[string]bool{}
	}
	if c.u != nil {
		c.stack = append(c.stack, c.u)
		u.private = c.u.private
	}
	c.u = u
	c.nestlevel++
	loc := Loc{lineno, lineno, 0, 0}
	if typ == scopeModule {
		loc.Line = 0
	} else {
		c.setQualname()
	}
	c.addopI(loc, RESUME, resumeAtFuncStart)
}

// exitScope returns to the enclosing unit (compiler_exit_scope).
func (c *compiler) exitScope() {
	c.nestlevel--
	if n := len(c.stack); n > 0 {
		c.u = c.stack[n-1]
		c.stack = c.stack[:n-1]
	} else {
		c.u = nil
	}
}

// setQualname computes the unit's qualified name (compiler_set_qualname).
func (c *compiler) setQualname() {
	u := c.u
	n := len(c.stack)
	base, haveBase := "", false
	if n > 1 {
		parent := c.stack[n-1]
		if parent.scopeType == scopeTypeParams {
			if n == 2 {
				u.meta.QualName = u.meta.Name
				return
			}
			parent = c.stack[n-2]
		}
		forceGlobal := false
		if u.scopeType == scopeFunction || u.scopeType == scopeAsyncFunction || u.scopeType == scopeClass {
			mangled := parent.ste.MaybeMangle(parent.private, u.meta.Name)
			if parent.scope(mangled) == symtab.GlobalExplicit {
				forceGlobal = true
			}
		}
		if !forceGlobal {
			switch parent.scopeType {
			case scopeFunction, scopeAsyncFunction, scopeLambda:
				base = parent.meta.QualName + ".<locals>"
			default:
				base = parent.meta.QualName
			}
			haveBase = true
		}
	}
	if haveBase {
		u.meta.QualName = base + "." + u.meta.Name
	} else {
		u.meta.QualName = u.meta.Name
	}
}

// isFunctionLike is _PyST_IsFunctionLike for the current unit.
func (c *compiler) isFunctionLike() bool { return c.u.ste.IsFunctionLike() }

// computeCodeFlags is compute_code_flags.
func (c *compiler) computeCodeFlags() CodeFlags {
	ste := c.u.ste
	var flags CodeFlags
	if ste.IsFunctionLike() {
		flags |= CoNewLocals | CoOptimized
		if ste.Nested {
			flags |= CoNested
		}
		if ste.Generator && !ste.Coroutine {
			flags |= CoGenerator
		}
		if ste.Generator && ste.Coroutine {
			flags |= CoAsyncGenerator
		}
		if ste.Varargs {
			flags |= CoVarargs
		}
		if ste.Varkeywords {
			flags |= CoVarkeywords
		}
	}
	if ste.Coroutine && !ste.Generator {
		flags |= CoCoroutine
	}
	return flags | c.flags
}

// optimizeAndAssemble finishes the current unit into a code object
// (optimize_and_assemble): it appends the implicit return, then runs the
// back end.
func (c *compiler) optimizeAndAssemble(addNone bool) *Code {
	flags := c.computeCodeFlags()
	if addNone {
		c.loadNone(NoLoc)
	}
	c.addop(NoLoc, RETURN_VALUE)
	co, err := c.assemble(c, c.u, flags)
	if err != nil {
		if se, ok := err.(*parser.SyntaxError); ok {
			panic(compileError{se})
		}
		c.internal("%s: %v", c.u.meta.QualName, err)
	}
	return co
}

// --- frame blocks ---

func (c *compiler) pushFblock(loc Loc, typ fblockType, block, exit Label) *fblock {
	if len(c.u.fblocks) >= maxBlocks {
		c.errorAt(loc, "too many statically nested blocks")
	}
	c.u.fblocks = append(c.u.fblocks, fblock{typ: typ, block: block, loc: loc, exit: exit})
	return &c.u.fblocks[len(c.u.fblocks)-1]
}

func (c *compiler) popFblock(typ fblockType, block Label) {
	n := len(c.u.fblocks)
	if n == 0 || c.u.fblocks[n-1].typ != typ || c.u.fblocks[n-1].block != block {
		c.internal("bad frame block pop")
	}
	c.u.fblocks = c.u.fblocks[:n-1]
}

// callExitWithNones calls __exit__(None, None, None)
// (compiler_call_exit_with_nones).
func (c *compiler) callExitWithNones(loc Loc) {
	c.loadNone(loc)
	c.loadNone(loc)
	c.loadNone(loc)
	c.addopI(loc, CALL, 2)
}

// unwindFblock emits the code that leaves one frame block
// (compiler_unwind_fblock). It may change *loc.
func (c *compiler) unwindFblock(loc *Loc, info *fblock, preserveTOS bool) {
	switch info.typ {
	case fbWhileLoop, fbExceptionHandler, fbExceptionGroupHandler, fbAsyncComprehensionGenerator, fbStopIteration:
	case fbForLoop:
		if preserveTOS {
			c.addopI(*loc, SWAP, 2)
		}
		c.addop(*loc, POP_TOP)
	case fbTryExcept:
		c.addop(*loc, POP_BLOCK)
	case fbFinallyTry:
		c.addop(*loc, POP_BLOCK)
		if preserveTOS {
			c.pushFblock(*loc, fbPopValue, NoLabel, NoLabel)
		}
		c.visitStmts(info.body)
		if preserveTOS {
			c.popFblock(fbPopValue, NoLabel)
		}
		*loc = NoLoc
	case fbFinallyEnd:
		if preserveTOS {
			c.addopI(*loc, SWAP, 2)
		}
		c.addop(*loc, POP_TOP)
		if preserveTOS {
			c.addopI(*loc, SWAP, 2)
		}
		c.addop(*loc, POP_BLOCK)
		c.addop(*loc, POP_EXCEPT)
	case fbWith, fbAsyncWith:
		*loc = info.loc
		c.addop(*loc, POP_BLOCK)
		if preserveTOS {
			c.addopI(*loc, SWAP, 2)
		}
		c.callExitWithNones(*loc)
		if info.typ == fbAsyncWith {
			c.addopI(*loc, GET_AWAITABLE, 2)
			c.loadNone(*loc)
			c.addYieldFrom(*loc, true)
		}
		c.addop(*loc, POP_TOP)
		*loc = NoLoc
	case fbHandlerCleanup:
		if info.name != "" {
			c.addop(*loc, POP_BLOCK)
		}
		if preserveTOS {
			c.addopI(*loc, SWAP, 2)
		}
		c.addop(*loc, POP_BLOCK)
		c.addop(*loc, POP_EXCEPT)
		if info.name != "" {
			c.loadNone(*loc)
			c.nameop(*loc, info.name, ast.Store)
			c.nameop(*loc, info.name, ast.Del)
		}
	case fbPopValue:
		if preserveTOS {
			c.addopI(*loc, SWAP, 2)
		}
		c.addop(*loc, POP_TOP)
	default:
		c.internal("unknown frame block %d", info.typ)
	}
}

// unwindFblockStack unwinds the frame blocks up to the innermost loop
// (if loop is wanted) or all of them (compiler_unwind_fblock_stack). It
// returns the loop block found, or nil.
func (c *compiler) unwindFblockStack(loc *Loc, preserveTOS bool, wantLoop bool) *fblock {
	n := len(c.u.fblocks)
	if n == 0 {
		return nil
	}
	top := c.u.fblocks[n-1]
	if top.typ == fbExceptionGroupHandler {
		c.errorAt(*loc, "'break', 'continue' and 'return' cannot appear in an except* block")
	}
	if wantLoop && (top.typ == fbWhileLoop || top.typ == fbForLoop) {
		return &c.u.fblocks[n-1]
	}
	c.u.fblocks = c.u.fblocks[:n-1]
	c.unwindFblock(loc, &top, preserveTOS)
	loop := c.unwindFblockStack(loc, preserveTOS, wantLoop)
	// The loop pointer must survive the append below: copy it.
	var found *fblock
	if loop != nil {
		cp := *loop
		found = &cp
	}
	c.u.fblocks = append(c.u.fblocks, top)
	return found
}

// --- names ---

// forbiddenName rejects stores to and deletions of __debug__
// (forbidden_name).
func (c *compiler) forbiddenName(loc Loc, name string, ctx ast.ExprContext) {
	if name != "__debug__" {
		return
	}
	switch ctx {
	case ast.Store:
		c.errorAt(loc, "cannot assign to __debug__")
	case ast.Del:
		c.errorAt(loc, "cannot delete __debug__")
	}
}

// nameop emits the load, store or delete of a name with the opcode its
// scope calls for (compiler_nameop).
func (c *compiler) nameop(loc Loc, name string, ctx ast.ExprContext) {
	c.forbiddenName(loc, name, ctx)
	u := c.u
	mangled := c.mangle(name)
	const (
		opFast = iota
		opGlobal
		opDeref
		opName
	)
	optype := opName
	free := false
	scope := u.scope(mangled)
	switch scope {
	case symtab.Free:
		optype, free = opDeref, true
	case symtab.Cell:
		optype = opDeref
	case symtab.Local:
		if u.ste.IsFunctionLike() || u.meta.FastHidden[mangled] {
			optype = opFast
		}
	case symtab.GlobalImplicit:
		if u.ste.IsFunctionLike() {
			optype = opGlobal
		}
	case symtab.GlobalExplicit:
		optype = opGlobal
	}
	var op Opcode
	switch optype {
	case opDeref:
		switch ctx {
		case ast.Load:
			if u.ste.Type == symtab.ClassBlock && u.inInlinedComp == 0 {
				op = LOAD_FROM_DICT_OR_DEREF
				c.addop(loc, LOAD_LOCALS)
			} else if u.ste.CanSeeClassScope {
				op = LOAD_FROM_DICT_OR_DEREF
				c.addopI(loc, LOAD_DEREF, u.derefIndex("__classdict__", true))
			} else {
				op = LOAD_DEREF
			}
		case ast.Store:
			op = STORE_DEREF
		case ast.Del:
			op = DELETE_DEREF
		}
		c.addopI(loc, op, u.derefIndex(mangled, free))
		return
	case opFast:
		switch ctx {
		case ast.Load:
			op = LOAD_FAST
		case ast.Store:
			op = STORE_FAST
		case ast.Del:
			op = DELETE_FAST
		}
		c.addopN(loc, op, &u.meta.VarNames, mangled)
		return
	case opGlobal:
		switch ctx {
		case ast.Load:
			if u.ste.CanSeeClassScope && scope == symtab.GlobalImplicit {
				op = LOAD_FROM_DICT_OR_GLOBALS
				c.addopI(loc, LOAD_DEREF, u.derefIndex("__classdict__", true))
			} else {
				op = LOAD_GLOBAL
			}
		case ast.Store:
			op = STORE_GLOBAL
		case ast.Del:
			op = DELETE_GLOBAL
		}
	case opName:
		switch ctx {
		case ast.Load:
			if u.ste.Type == symtab.ClassBlock && u.inInlinedComp > 0 {
				op = LOAD_GLOBAL
			} else {
				op = LOAD_NAME
			}
		case ast.Store:
			op = STORE_NAME
		case ast.Del:
			op = DELETE_NAME
		}
	}
	arg := u.meta.Names.add(mangled)
	if op == LOAD_GLOBAL {
		arg <<= 1
	}
	c.addopI(loc, op, arg)
}

// refType is get_ref_type: the scope of a name the unit passes to a
// closure.
func (c *compiler) refType(name string) symtab.Scope {
	if c.u.scopeType == scopeClass && (name == "__class__" || name == "__classdict__") {
		return symtab.Cell
	}
	sc := c.u.scope(name)
	if sc == 0 {
		c.internal("unknown scope for name %q in unit %s", name, c.u.meta.Name)
	}
	return sc
}

// --- modules ---

// docString returns the docstring of a body (_PyAST_GetDocString).
func docString(body []ast.Stmt) (pyconst.Str, bool) {
	if len(body) == 0 {
		return "", false
	}
	es, ok := body[0].(*ast.ExprStmt)
	if !ok {
		return "", false
	}
	k, ok := es.Value.(*ast.Constant)
	if !ok {
		return "", false
	}
	s, ok := k.Value.(pyconst.Str)
	return s, ok
}

// findAnn reports whether a body has an annotated assignment outside
// nested scopes (find_ann).
func findAnn(stmts []ast.Stmt) bool {
	for _, st := range stmts {
		switch s := st.(type) {
		case *ast.AnnAssign:
			return true
		case *ast.For:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *ast.AsyncFor:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *ast.While:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *ast.If:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *ast.With:
			if findAnn(s.Body) {
				return true
			}
		case *ast.AsyncWith:
			if findAnn(s.Body) {
				return true
			}
		case *ast.Try:
			for _, h := range s.Handlers {
				if findAnn(h.Body) {
					return true
				}
			}
			if findAnn(s.Body) || findAnn(s.Orelse) || findAnn(s.Finalbody) {
				return true
			}
		case *ast.TryStar:
			for _, h := range s.Handlers {
				if findAnn(h.Body) {
					return true
				}
			}
			if findAnn(s.Body) || findAnn(s.Orelse) || findAnn(s.Finalbody) {
				return true
			}
		case *ast.Match:
			for _, mc := range s.Cases {
				if findAnn(mc.Body) {
					return true
				}
			}
		}
	}
	return false
}

// body compiles a module or class body, with its docstring and the
// SETUP_ANNOTATIONS its annotations need (compiler_body).
func (c *compiler) body(loc Loc, stmts []ast.Stmt) {
	if findAnn(stmts) {
		c.addop(loc, SETUP_ANNOTATIONS)
	}
	if len(stmts) == 0 {
		return
	}
	first := 0
	if !c.interactive {
		if doc, ok := docString(stmts); ok {
			first = 1
			if c.optimize < 2 {
				st := stmts[0].(*ast.ExprStmt)
				c.loadConst(locOf(st.Value), cleanDoc(doc))
				c.nameop(NoLoc, "__doc__", ast.Store)
			}
		}
	}
	for _, s := range stmts[first:] {
		c.visitStmt(s)
	}
}

// codegenModule emits the module unit (compiler_codegen).
func (c *compiler) codegenModule(mod ast.ModNode) {
	c.enterScope("<module>", scopeModule, c.st.Top, 1)
	switch m := mod.(type) {
	case *ast.Module:
		c.body(startLocation(m.Body), m.Body)
	case *ast.Interactive:
		if findAnn(m.Body) {
			c.addop(startLocation(m.Body), SETUP_ANNOTATIONS)
		}
		c.interactive = true
		c.visitStmts(m.Body)
	case *ast.Expression:
		c.visitExpr(m.Body)
	default:
		c.internal("module kind %T should not be possible", mod)
	}
}

// startLocation is the location of a module's first statement, where its
// SETUP_ANNOTATIONS goes (start_location).
func startLocation(stmts []ast.Stmt) Loc {
	if len(stmts) > 0 {
		return locOf(stmts[0])
	}
	return Loc{1, 1, 0, 0}
}

// cleanDoc is _PyCompile_CleanDoc: the docstring with tabs expanded, the
// leading spaces of its first line removed and the common indentation of
// the other lines removed (what inspect.cleandoc does, minus the blank
// line trimming).
func cleanDoc(doc pyconst.Str) pyconst.Str {
	s := []byte(expandTabs(string(doc)))
	n := len(s)
	p := 0
	for p < n && s[p] != '\n' {
		p++
	}
	if p < n {
		p++
	}
	margin := -1
	for p < n {
		start := p
		for p < n && s[p] == ' ' {
			p++
		}
		if p < n && s[p] != '\n' {
			if margin < 0 || p-start < margin {
				margin = p - start
			}
		}
		for p < n && s[p] != '\n' {
			p++
		}
		if p < n {
			p++
		}
	}
	if margin < 0 {
		margin = 0
	}
	p = 0
	for p < n && s[p] == ' ' {
		p++
	}
	if p == 0 && margin == 0 {
		return pyconst.Str(s)
	}
	out := make([]byte, 0, n)
	for p < n {
		ch := s[p]
		out = append(out, ch)
		p++
		if ch == '\n' {
			break
		}
	}
	for p < n {
		for i := 0; i < margin && p < n; i, p = i+1, p+1 {
			if s[p] != ' ' {
				break
			}
		}
		for p < n {
			ch := s[p]
			out = append(out, ch)
			p++
			if ch == '\n' {
				break
			}
		}
	}
	return pyconst.Str(out)
}

// expandTabs is str.expandtabs() with its default tab size of 8: columns
// count code points and restart after \n and \r.
func expandTabs(s string) string {
	hasTab := false
	for i := 0; i < len(s); i++ {
		if s[i] == '\t' {
			hasTab = true
			break
		}
	}
	if !hasTab {
		return s
	}
	out := make([]byte, 0, len(s)+16)
	col := 0
	for _, r := range pyconst.Str(s).Runes() {
		switch r {
		case '\t':
			n := 8 - col%8
			for i := 0; i < n; i++ {
				out = append(out, ' ')
			}
			col += n
		case '\n', '\r':
			out = append(out, byte(r))
			col = 0
		default:
			out = pyconst.AppendRune(out, r)
			col++
		}
	}
	return string(out)
}
