package vm

import (
	"reflect"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// This file converts between the parser's Go tree (parser/ast) and the
// Python objects of the _ast module, both ways, as CPython's
// Python/Python-ast.c does (ast2obj_mod and obj2ast_mod), and holds the
// part of compile() that works with them: compile(src, …, PyCF_ONLY_AST)
// parses to Python objects, compile(tree, …) converts the objects back,
// validates them (the common checks of Python/ast.c's PyAST_Validate,
// with its messages) and compiles the Go tree.
//
// The conversion is driven by reflection over the Go node structs, which
// astgen generates with CPython's fields in ASDL order: each struct's
// fields, less the embedded Loc and peephole's extra name positions (Pos
// and []Pos fields), pair one to one with the fields of the node class's
// ASDL signature (astNodeTable), whose types (identifier, int, constant,
// an enumeration, a node type; "?" optional, "*" a list) say how each
// value converts.

// astGoTypes are the Go node structs, by Python class name.
var astGoTypes = func() map[string]reflect.Type {
	nodes := []ast.Node{
		(*ast.Module)(nil), (*ast.Interactive)(nil), (*ast.Expression)(nil), (*ast.FunctionType)(nil),
		(*ast.FunctionDef)(nil), (*ast.AsyncFunctionDef)(nil), (*ast.ClassDef)(nil), (*ast.Return)(nil),
		(*ast.Delete)(nil), (*ast.Assign)(nil), (*ast.TypeAlias)(nil), (*ast.AugAssign)(nil), (*ast.AnnAssign)(nil),
		(*ast.For)(nil), (*ast.AsyncFor)(nil), (*ast.While)(nil), (*ast.If)(nil), (*ast.With)(nil),
		(*ast.AsyncWith)(nil), (*ast.Match)(nil), (*ast.Raise)(nil), (*ast.Try)(nil), (*ast.TryStar)(nil),
		(*ast.Assert)(nil), (*ast.Import)(nil), (*ast.ImportFrom)(nil), (*ast.Global)(nil), (*ast.Nonlocal)(nil),
		(*ast.ExprStmt)(nil), (*ast.Pass)(nil), (*ast.Break)(nil), (*ast.Continue)(nil), (*ast.BoolOp)(nil),
		(*ast.NamedExpr)(nil), (*ast.BinOp)(nil), (*ast.UnaryOp)(nil), (*ast.Lambda)(nil), (*ast.IfExp)(nil),
		(*ast.Dict)(nil), (*ast.Set)(nil), (*ast.ListComp)(nil), (*ast.SetComp)(nil), (*ast.DictComp)(nil),
		(*ast.GeneratorExp)(nil), (*ast.Await)(nil), (*ast.Yield)(nil), (*ast.YieldFrom)(nil), (*ast.Compare)(nil),
		(*ast.Call)(nil), (*ast.FormattedValue)(nil), (*ast.JoinedStr)(nil), (*ast.Constant)(nil),
		(*ast.Attribute)(nil), (*ast.Subscript)(nil), (*ast.Starred)(nil), (*ast.Name)(nil), (*ast.List)(nil),
		(*ast.Tuple)(nil), (*ast.Slice)(nil), (*ast.Comprehension)(nil), (*ast.ExceptHandler)(nil),
		(*ast.Arguments)(nil), (*ast.Arg)(nil), (*ast.Keyword)(nil), (*ast.Alias)(nil), (*ast.WithItem)(nil),
		(*ast.MatchCase)(nil), (*ast.MatchValue)(nil), (*ast.MatchSingleton)(nil), (*ast.MatchSequence)(nil),
		(*ast.MatchMapping)(nil), (*ast.MatchClass)(nil), (*ast.MatchStar)(nil), (*ast.MatchAs)(nil),
		(*ast.MatchOr)(nil), (*ast.TypeIgnore)(nil), (*ast.TypeVar)(nil), (*ast.ParamSpec)(nil),
		(*ast.TypeVarTuple)(nil),
	}
	pyName := map[string]string{
		"ExprStmt": "Expr", "Comprehension": "comprehension", "Arguments": "arguments", "Arg": "arg",
		"Keyword": "keyword", "Alias": "alias", "WithItem": "withitem", "MatchCase": "match_case",
	}
	m := map[string]reflect.Type{}
	for _, n := range nodes {
		rt := reflect.TypeOf(n).Elem()
		name := rt.Name()
		if p, ok := pyName[name]; ok {
			name = p
		}
		m[name] = rt
	}
	return m
}()

// astPyNames maps a Go node struct to its Python class name.
var astPyNames = func() map[reflect.Type]string {
	m := map[reflect.Type]string{}
	for name, rt := range astGoTypes {
		m[rt] = name
	}
	return m
}()

// astNodeInfo is what the conversion knows of one node class.
type astNodeInfo struct {
	name   string // the Python class name
	base   string // the ASDL type: "stmt", "expr"…, or "AST" for a product type
	fields []astField
	goIdx  []int // the Go struct field of each ASDL field
	hasLoc bool  // the node has position attributes
	locIdx int   // the index of the embedded Loc
}

var (
	astInfos     map[reflect.Type]*astNodeInfo
	astInfoError string
	// astSumMembers are the Go structs of each ASDL sum type.
	astSumMembers = map[string][]reflect.Type{}
	// astEnums are the enumerations, by Go type: the ASDL type name.
	astEnums = map[reflect.Type]string{
		reflect.TypeOf(ast.ExprContext(0)): "expr_context",
		reflect.TypeOf(ast.BoolOpKind(0)):  "boolop",
		reflect.TypeOf(ast.Operator(0)):    "operator",
		reflect.TypeOf(ast.UnaryOpKind(0)): "unaryop",
		reflect.TypeOf(ast.CmpOp(0)):       "cmpop",
	}
	astEnumSizes = map[string]int{"expr_context": 3, "boolop": 2, "operator": 13, "unaryop": 4, "cmpop": 10}
	posType      = reflect.TypeOf(ast.Pos{})
	posSliceType = reflect.TypeOf([]ast.Pos(nil))
	locType      = reflect.TypeOf(ast.Loc{})
)

func init() {
	astInfos = map[reflect.Type]*astNodeInfo{}
	for _, n := range astNodeTable {
		rt, ok := astGoTypes[n.name]
		if !ok {
			continue
		}
		info := &astNodeInfo{name: n.name, base: n.base, fields: astFields(n.doc), locIdx: -1}
		for i := 0; i < rt.NumField(); i++ {
			f := rt.Field(i)
			switch {
			case f.Anonymous && f.Type == locType:
				info.hasLoc, info.locIdx = true, i
			case f.Type == posType || f.Type == posSliceType:
			default:
				info.goIdx = append(info.goIdx, i)
			}
		}
		if len(info.goIdx) != len(info.fields) {
			astInfoError = "_ast: the Go node " + rt.Name() + " does not match " + n.doc
		}
		astInfos[rt] = info
		if n.base != "AST" {
			astSumMembers[n.base] = append(astSumMembers[n.base], rt)
		}
	}
}

// astMaxDepth bounds the nesting of a tree converted from Python objects
// (CPython's C recursion limit).
const astMaxDepth = 5000

// astConv holds the state of one conversion.
type astConv struct {
	t     *Thread
	st    *astState
	depth int
	// singletons are the shared instances of the enumerations' classes
	// (Load(), Add()…), made on first use.
	singletons map[string]Value
	// badConst is the type of the invalid value of the Constant being
	// converted; badConsts keeps them for the validation, which reports
	// them where CPython does.
	badConst  string
	badConsts map[*ast.Constant]string
}

func (t *Thread) newAstConv() (*astConv, error) {
	if astInfoError != "" {
		return nil, t.raise(SystemErrorType, astInfoError)
	}
	if _, err := t.importModule("_ast"); err != nil {
		return nil, err
	}
	return &astConv{t: t, st: t.astState(), singletons: map[string]Value{}, badConsts: map[*ast.Constant]string{}}, nil
}

// ---- Go tree to Python objects (ast2obj) ----

func (c *astConv) newNode(name string) (Value, *Dict, error) {
	cls := c.st.classes[name]
	if cls == nil {
		return Null, nil, c.t.raise(SystemErrorType, "_ast: no class "+name)
	}
	inst := &Instance{ObjectBase: ObjectBase{cls: cls}}
	if cls.nslots > 0 {
		inst.slots = make([]Value, cls.nslots)
	}
	v := Value{o: inst}
	return v, instanceDictOf(v), nil
}

// toObj converts a node (a non-nil pointer to a node struct).
func (c *astConv) toObj(rv reflect.Value) (Value, error) {
	if rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return None, nil
		}
		rv = rv.Elem()
	}
	if rv.IsNil() {
		return None, nil
	}
	sv := rv.Elem()
	info := astInfos[sv.Type()]
	if info == nil {
		return Null, c.t.raise(SystemErrorType, "_ast: cannot convert "+sv.Type().String())
	}
	obj, d, err := c.newNode(info.name)
	if err != nil {
		return Null, err
	}
	for i, f := range info.fields {
		v, err := c.fieldToObj(f, sv.Field(info.goIdx[i]))
		if err != nil {
			return Null, err
		}
		d.SetStr(f.name, v)
	}
	if info.hasLoc {
		l := sv.Field(info.locIdx).Interface().(ast.Loc)
		d.SetStr("lineno", Int(int64(l.Lineno)))
		d.SetStr("col_offset", Int(int64(l.ColOffset)))
		d.SetStr("end_lineno", Int(int64(l.EndLineno)))
		d.SetStr("end_col_offset", Int(int64(l.EndColOffset)))
	}
	return obj, nil
}

func (c *astConv) fieldToObj(f astField, fv reflect.Value) (Value, error) {
	if f.list {
		items := make([]Value, fv.Len())
		for i := range items {
			v, err := c.valueToObj(f, fv.Index(i))
			if err != nil {
				return Null, err
			}
			items[i] = v
		}
		return Value{o: NewList(items...)}, nil
	}
	return c.valueToObj(f, fv)
}

func (c *astConv) valueToObj(f astField, v reflect.Value) (Value, error) {
	switch f.typ {
	case "identifier", "string":
		s := v.String()
		if s == "" && f.optional {
			return None, nil
		}
		return Value{o: Intern(s)}, nil
	case "int":
		return Int(v.Int()), nil
	case "constant":
		if v.IsNil() {
			return None, nil
		}
		return FromConst(v.Interface().(pyconst.Value)), nil
	}
	if _, ok := astEnumSizes[f.typ]; ok {
		return c.singleton(v.Interface().(interface{ String() string }).String())
	}
	return c.toObj(v)
}

// singleton returns the shared instance of an enumeration's class.
func (c *astConv) singleton(name string) (Value, error) {
	if v, ok := c.singletons[name]; ok {
		return v, nil
	}
	if name == "Load" && !c.st.load.IsNull() {
		c.singletons[name] = c.st.load
		return c.st.load, nil
	}
	v, _, err := c.newNode(name)
	if err != nil {
		return Null, err
	}
	c.singletons[name] = v
	return v, nil
}

// ---- Python objects to the Go tree (obj2ast) ----

// readAttr reads a field or attribute of a node object: Null when it is
// missing.
func (c *astConv) readAttr(obj Value, name string) (Value, error) {
	return getAttrOpt(c.t, obj, Intern(name))
}

// fromObj converts obj to a node of Go type want (an interface for a sum
// type, or a pointer to a node struct). None gives the zero value.
func (c *astConv) fromObj(obj Value, want reflect.Type, sum string) (reflect.Value, error) {
	t := c.t
	if obj.IsNone() {
		switch {
		case want.Kind() == reflect.Interface, sum == "type_ignore":
			return reflect.Zero(want), nil
		case astInfos[want.Elem()].base != "AST":
			// CPython crashes on a None handler; peephole refuses it.
			return reflect.Value{}, t.typeErrorf("expected some sort of %s, but got None", sum)
		}
		// A product type reads the fields of None, which has none: the
		// lists are empty, the optional values None, the required ones
		// missing.
	}
	c.depth++
	defer func() { c.depth-- }()
	if c.depth > astMaxDepth {
		return reflect.Value{}, t.raise(RecursionErrorType, "maximum recursion depth exceeded while traversing '"+sum+"' node")
	}
	var members []reflect.Type
	if want.Kind() == reflect.Interface {
		members = astSumMembers[sum]
	} else {
		members = []reflect.Type{want.Elem()}
	}
	first := astInfos[members[0]]
	if first.base == "AST" {
		// A product type: its fields, then its attributes, read without
		// looking at the class.
		return c.buildNode(obj, first, true)
	}
	// A sum type: the attributes first, then the constructor that obj is
	// an instance of.
	var loc ast.Loc
	if first.hasLoc {
		var err error
		if loc, err = c.readLoc(obj, sum, astOptionalEnd(sum, "")); err != nil {
			return reflect.Value{}, err
		}
	}
	for _, rt := range members {
		info := astInfos[rt]
		ok, err := IsInstance(t, obj, Value{o: c.st.classes[info.name]})
		if err != nil {
			return reflect.Value{}, err
		}
		if !ok {
			continue
		}
		nv, err := c.buildNode(obj, info, false)
		if err != nil {
			return reflect.Value{}, err
		}
		if info.hasLoc {
			nv.Elem().Field(info.locIdx).Set(reflect.ValueOf(loc))
		}
		return nv, nil
	}
	r, err := Repr(t, obj)
	if err != nil {
		return reflect.Value{}, err
	}
	return reflect.Value{}, t.typeErrorf("expected some sort of %s, but got %s", sum, r.s)
}

// readLoc reads the position attributes; a missing end, when optional,
// is the start.
func (c *astConv) readLoc(obj Value, owner string, optEnd bool) (ast.Loc, error) {
	var l ast.Loc
	get := func(name string, dst *int, required bool, dflt int) error {
		v, err := c.readAttr(obj, name)
		if err != nil {
			return err
		}
		if v.IsNull() || v.IsNone() && !required {
			if required {
				return c.t.typeErrorf("required field \"%s\" missing from %s", name, owner)
			}
			*dst = dflt
			return nil
		}
		n, err := c.intValue(v)
		*dst = n
		return err
	}
	if err := get("lineno", &l.Lineno, true, 0); err != nil {
		return l, err
	}
	if err := get("col_offset", &l.ColOffset, true, 0); err != nil {
		return l, err
	}
	if err := get("end_lineno", &l.EndLineno, !optEnd, l.Lineno); err != nil {
		return l, err
	}
	if err := get("end_col_offset", &l.EndColOffset, !optEnd, l.ColOffset); err != nil {
		return l, err
	}
	return l, nil
}

// intValue is obj2ast_int.
func (c *astConv) intValue(v Value) (int, error) {
	t := c.t
	if !v.Type().IsSubtype(IntType) {
		r, err := Repr(t, v)
		if err != nil {
			return 0, err
		}
		return 0, t.valueErrorf("invalid integer value: %s", r.s)
	}
	return asCInt(t, v)
}

// buildNode makes the Go node of class info from obj's fields.
func (c *astConv) buildNode(obj Value, info *astNodeInfo, product bool) (reflect.Value, error) {
	t := c.t
	rt := astGoTypes[info.name]
	nv := reflect.New(rt)
	sv := nv.Elem()
	c.badConst = ""
	for i, f := range info.fields {
		v, err := c.readAttr(obj, f.name)
		if err != nil {
			return reflect.Value{}, err
		}
		fv := sv.Field(info.goIdx[i])
		if v.IsNull() {
			switch {
			case f.list, f.optional:
				continue
			default:
				return reflect.Value{}, t.typeErrorf("required field \"%s\" missing from %s", f.name, info.name)
			}
		}
		if f.list {
			l, ok := v.o.(*List)
			if !ok {
				return reflect.Value{}, t.typeErrorf("%s field \"%s\" must be a list, not a %s", info.name, f.name, typeName(v))
			}
			items := append([]Value(nil), l.items...)
			sl := reflect.MakeSlice(fv.Type(), len(items), len(items))
			for j, it := range items {
				if err := c.valueFromObj(f, it, sl.Index(j), info.name); err != nil {
					return reflect.Value{}, err
				}
			}
			fv.Set(sl)
			continue
		}
		if v.IsNone() && f.optional {
			continue
		}
		if err := c.valueFromObj(f, v, fv, info.name); err != nil {
			return reflect.Value{}, err
		}
	}
	if product && info.hasLoc {
		l, err := c.readLoc(obj, info.name, true)
		if err != nil {
			return reflect.Value{}, err
		}
		sv.Field(info.locIdx).Set(reflect.ValueOf(l))
	}
	if c.badConst != "" {
		if k, ok := nv.Interface().(*ast.Constant); ok {
			c.badConsts[k] = c.badConst
		}
		c.badConst = ""
	}
	// The constructor's checks of required values (_PyAST_BinOp…).
	for i, f := range info.fields {
		if f.list || f.optional || f.typ == "int" {
			continue
		}
		fv := sv.Field(info.goIdx[i])
		if fv.IsZero() {
			return reflect.Value{}, t.valueErrorf("field '%s' is required for %s", f.name, info.name)
		}
	}
	return nv, nil
}

// valueFromObj converts one value of field f into dst.
func (c *astConv) valueFromObj(f astField, v Value, dst reflect.Value, owner string) error {
	t := c.t
	switch f.typ {
	case "identifier", "string":
		if v.IsNone() {
			return nil
		}
		s, ok := v.o.(*Str)
		if !ok {
			if f.typ == "identifier" {
				return t.typeErrorf("AST identifier must be of type str")
			}
			return t.typeErrorf("AST string must be of type str")
		}
		dst.SetString(s.s)
		return nil
	case "int":
		n, err := c.intValue(v)
		if err != nil {
			return err
		}
		dst.SetInt(int64(n))
		return nil
	case "constant":
		if v.IsNone() && owner != "Constant" && owner != "MatchSingleton" {
			return nil
		}
		k, bad, err := c.constFromObj(v)
		if err != nil {
			return err
		}
		if bad != "" {
			// CPython finds it later, when it validates the tree;
			// Ellipsis is what no MatchSingleton accepts either.
			c.badConst = bad
			k = pyconst.Ellipsis
		}
		dst.Set(reflect.ValueOf(&k).Elem())
		return nil
	}
	if n, ok := astEnumSizes[f.typ]; ok {
		for i := 1; i <= n; i++ {
			ev := reflect.New(dst.Type()).Elem()
			ev.SetUint(uint64(i))
			name := ev.Interface().(interface{ String() string }).String()
			ok, err := IsInstance(t, v, Value{o: c.st.classes[name]})
			if err != nil {
				return err
			}
			if ok {
				dst.Set(ev)
				return nil
			}
		}
		r, err := Repr(t, v)
		if err != nil {
			return err
		}
		return t.typeErrorf("expected some sort of %s, but got %s", f.typ, r.s)
	}
	nv, err := c.fromObj(v, dst.Type(), f.typ)
	if err != nil {
		return err
	}
	dst.Set(nv)
	return nil
}

// constFromObj converts the value of a Constant; bad names the type of
// a value that validate_constant refuses (the innermost one).
func (c *astConv) constFromObj(v Value) (k pyconst.Value, bad string, err error) {
	t := c.t
	switch v.Type() {
	case NoneTypeType:
		return pyconst.None, "", nil
	case EllipsisTypeType:
		return pyconst.Ellipsis, "", nil
	case BoolType:
		return pyconst.Bool(v.Is(True)), "", nil
	case IntType, FloatType, ComplexType:
		k, _ := numConst(v)
		if k == nil {
			return nil, typeName(v), nil
		}
		return k, "", nil
	case StrType:
		return pyconst.Str(v.o.(*Str).s), "", nil
	case BytesType:
		return pyconst.Bytes(v.o.(*Bytes).b), "", nil
	case TupleType, FrozenSetType:
		c.depth++
		defer func() { c.depth-- }()
		if c.depth > astMaxDepth {
			return nil, "", t.raise(RecursionErrorType, "maximum recursion depth exceeded during compilation")
		}
		items, err := t.collectIterable(v, nil)
		if err != nil {
			return nil, "", err
		}
		ks := make([]pyconst.Value, len(items))
		for i, it := range items {
			if ks[i], bad, err = c.constFromObj(it); err != nil || bad != "" {
				return nil, bad, err
			}
		}
		if v.Type() == TupleType {
			return pyconst.Tuple(ks), "", nil
		}
		return pyconst.NewFrozenSet(ks), "", nil
	}
	return nil, typeName(v), nil
}

// ---- compile() ----

// isASTObject reports whether v is an instance of ast.AST.
func isASTObject(v Value) bool { return v.Type().IsSubtype(AstType) }

// The compile() flags of the AST.
const (
	pyCFTypeComments = 0x1000
	pyCFOptimizedAST = 0x8000 | pyCFOnlyAST
)

var astModeNames = map[string]string{"exec": "Module", "eval": "Expression", "single": "Interactive", "func_type": "FunctionType"}

// compileAST is the part of compile() that involves AST objects: source
// text with PyCF_ONLY_AST (parsed to a tree of Python objects), or an AST
// object (returned as is for PyCF_ONLY_AST, else validated and compiled).
// It reports false when neither applies.
func (t *Thread) compileAST(source Value, filename, mode string, flags, optimize int) (Value, bool, error) {
	if isASTObject(source) {
		if flags&pyCFOptimizedAST == pyCFOnlyAST {
			return source, true, nil
		}
		v, err := t.compileASTObject(source, filename, mode, flags, optimize)
		return v, true, err
	}
	if flags&pyCFOnlyAST == 0 {
		return Null, false, nil
	}
	src, isStr, err := t.sourceArg(source, "compile", "string, bytes or AST")
	if err != nil {
		return Null, true, err
	}
	v, err := t.parseToAST(src, isStr, filename, mode, flags, optimize)
	return v, true, err
}

// parseToAST parses source text into a tree of _ast objects.
func (t *Thread) parseToAST(src []byte, isStr bool, filename, mode string, flags, optimize int) (Value, error) {
	pr, _, err := t.parseSource(src, isStr, filename, mode, flags)
	if err != nil {
		return Null, err
	}
	if flags&pyCFOptimizedAST == pyCFOptimizedAST {
		if err := compiler.OptimizeAST(pr.Tree, optimize, hasFutureAnnotations(pr.Tree)); err != nil {
			return Null, t.compileError(err)
		}
	}
	c, err := t.newAstConv()
	if err != nil {
		return Null, err
	}
	return c.toObj(reflect.ValueOf(pr.Tree))
}

// hasFutureAnnotations reports whether a module starts with
// `from __future__ import annotations`.
func hasFutureAnnotations(mod ast.ModNode) bool {
	m, ok := mod.(*ast.Module)
	if !ok {
		return false
	}
	for i, s := range m.Body {
		if i == 0 {
			if e, ok := s.(*ast.ExprStmt); ok {
				if k, ok := e.Value.(*ast.Constant); ok {
					if _, ok := k.Value.(pyconst.Str); ok {
						continue
					}
				}
			}
		}
		f, ok := s.(*ast.ImportFrom)
		if !ok || f.Module != "__future__" {
			return false
		}
		for _, a := range f.Names {
			if a.Name == "annotations" {
				return true
			}
		}
	}
	return false
}

// compileASTObject converts a tree of _ast objects back, validates it and
// compiles it (or, for PyCF_OPTIMIZED_AST, returns it optimized).
func (t *Thread) compileASTObject(source Value, filename, mode string, flags, optimize int) (Value, error) {
	c, err := t.newAstConv()
	if err != nil {
		return Null, err
	}
	want := astModeNames[mode]
	ok, err := IsInstance(t, source, Value{o: c.st.classes[want]})
	if err != nil {
		return Null, err
	}
	if !ok {
		return Null, t.typeErrorf("expected %s node, got %s", want, source.Type().Name)
	}
	rv, err := c.fromObj(source, reflect.TypeOf((*ast.ModNode)(nil)).Elem(), "mod")
	if err != nil {
		return Null, err
	}
	mod := rv.Interface().(ast.ModNode)
	if err := t.validateAST(mod, c.badConsts); err != nil {
		return Null, err
	}
	if flags&pyCFOnlyAST != 0 {
		if err := compiler.OptimizeAST(mod, optimize, hasFutureAnnotations(mod)); err != nil {
			return Null, t.compileError(err)
		}
		return c.toObj(reflect.ValueOf(mod))
	}
	res, err := compiler.Compile(mod, compiler.Options{Filename: filename, Optimize: optimize})
	if err != nil {
		return Null, t.compileError(err)
	}
	for _, w := range res.Warnings {
		if err := t.warnExplicit("SyntaxWarning", w.Msg, filename, w.Lineno, nil, false); err != nil {
			return Null, err
		}
	}
	return Value{o: NewCode(res.Code)}, nil
}

// astClassName returns the Python class name of a Go node.
func astClassName(n ast.Node) string {
	return astPyNames[reflect.TypeOf(n).Elem()]
}
