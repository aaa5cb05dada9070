// Package symtab computes Python 3.13's symbol tables: the scopes of a
// module and, for every name, whether it is a fast local, a cell, a free
// variable, an explicit or implicit global — exactly what CPython's
// Python/symtable.c computes, so that `peephole symtable` prints what
// `python3.13 -m symtable` prints and the compiler emits the same
// LOAD_FAST, LOAD_DEREF, LOAD_GLOBAL or LOAD_NAME as CPython.
//
// # The two passes
//
// Like CPython, Build works in two passes over the tree.
//
// The first pass (visit.go) walks the AST and creates a [Table] for each
// block: the module, each class body, function and lambda, each
// comprehension, and the annotation scopes of PEP 695 (the type-parameter
// block of a generic def/class/type, one block per TypeVar bound, constraint
// or default, the value of a type alias). For each block it records, per
// name, the raw facts as flags (DefLocal, DefParam, Use, DefGlobal, …) in
// order of first occurrence. Errors that need no scope analysis ("name 'x'
// is parameter and global", "assignment expression cannot rebind
// comprehension iteration variable", …) are raised here.
//
// The second pass (analyze.go) walks the tables top-down, passing to each
// block the names bound in its enclosing function blocks, and decides each
// name's scope: GlobalExplicit for a global declaration, Free for a
// nonlocal one or a name bound by an enclosing function, Local for a name
// bound here, GlobalImplicit otherwise. Coming back up, names free in a child
// become Cell in the function that binds them, free names pass through
// class bodies (DefFreeClass), list, set and dict comprehensions are
// inlined into their parent (PEP 709), and __class__/__classdict__ become
// the class cells. The containers CPython uses here have observable orders
// (symbol order is first occurrence; free variables passed through a block
// are added in the iteration order of a CPython set of strings), and
// pyset.go reproduces them.
//
// # Beyond CPython
//
// For editors, the first pass also records every occurrence of every name
// with its position (bindings.go): loads, stores, deletes, parameters,
// def/class names, import aliases, global/nonlocal statements, match
// captures and type parameters. After the analysis, [Module.Binding] and
// [Module.Occurrences] answer "what binding is at this position" and "all
// occurrences of this binding".
package symtab

import (
	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// Flags of a symbol, with CPython's values (Include/internal/pycore_symtable.h).
const (
	DefGlobal    = 1 << 0  // global statement
	DefLocal     = 1 << 1  // assignment in code block
	DefParam     = 1 << 2  // formal parameter
	DefNonlocal  = 1 << 3  // nonlocal statement
	Use          = 1 << 4  // name is used
	DefFree      = 1 << 5  // name used but not defined in nested block
	DefFreeClass = 1 << 6  // free variable from class's method
	DefImport    = 1 << 7  // assignment occurred via import
	DefAnnot     = 1 << 8  // this name is annotated
	DefCompIter  = 1 << 9  // this name is a comprehension iteration variable
	DefTypeParam = 1 << 10 // this name is a type parameter
	DefCompCell  = 1 << 11 // this name is a cell in an inlined comprehension

	DefBound = DefLocal | DefParam | DefImport

	// ScopeOffset is where a symbol's scope is stored in its flags.
	ScopeOffset = 12
	// ScopeMask extracts the scope: (flags >> ScopeOffset) & ScopeMask.
	ScopeMask = DefGlobal | DefLocal | DefParam | DefNonlocal
)

// Scope is the resolved scope of a name in a block.
type Scope int

// The scopes, with CPython's values.
const (
	Local          Scope = 1
	GlobalExplicit Scope = 2
	GlobalImplicit Scope = 3
	Free           Scope = 4
	Cell           Scope = 5
)

func (s Scope) String() string {
	switch s {
	case Local:
		return "LOCAL"
	case GlobalExplicit:
		return "GLOBAL_EXPLICIT"
	case GlobalImplicit:
		return "GLOBAL_IMPLICIT"
	case Free:
		return "FREE"
	case Cell:
		return "CELL"
	}
	return "0"
}

// BlockType is the kind of a block.
type BlockType int

// The block types, in the order of CPython's _Py_block_ty (and of the
// _symtable module's TYPE_* constants).
const (
	FunctionBlock BlockType = iota
	ClassBlock
	ModuleBlock
	AnnotationBlock
	TypeAliasBlock
	TypeParametersBlock
	TypeVariableBlock
)

// String returns the name symtable.SymbolTable.get_type() gives the type.
func (b BlockType) String() string {
	switch b {
	case FunctionBlock:
		return "function"
	case ClassBlock:
		return "class"
	case ModuleBlock:
		return "module"
	case AnnotationBlock:
		return "annotation"
	case TypeAliasBlock:
		return "type alias"
	case TypeParametersBlock:
		return "type parameters"
	case TypeVariableBlock:
		return "type variable"
	}
	return "?"
}

// Comprehension says which kind of comprehension a block is.
type Comprehension int

// The comprehension kinds (CPython's _Py_comprehension_ty).
const (
	NoComprehension Comprehension = iota
	ListComprehension
	DictComprehension
	SetComprehension
	GeneratorExpression
)

// Table is the symbol table of one block (CPython's PySTEntryObject).
type Table struct {
	Type BlockType
	// Name is the block's name: the function or class name, "top" for the
	// module, "lambda", "genexpr", "listcomp", …, the object's name for
	// type-parameter and type-alias blocks, the TypeVar's name for its
	// bound, and "_annotation" for annotation blocks.
	Name string
	// Node is the AST node that owns the block (the key CPython uses to find
	// it again): the module, a def/class statement, a Lambda, a
	// comprehension, a type_param for a bound (the TypeVar) — and, for the
	// type-parameter block of a generic, the first type parameter; for a
	// TypeVar's default, the TypeVar with DefaultKey set.
	Node ast.Node
	// DefaultKey marks the block of a TypeVar's default (CPython keys it
	// by the TypeVar's address plus one).
	DefaultKey bool

	symbols  *symDict
	Varnames []string // the parameters, in order
	Children []*Table

	Nested              bool // nested in a function-like block
	HasFree             bool // has free variables (ste_free)
	ChildFree           bool // a child has free variables
	Generator           bool
	Coroutine           bool
	Comprehension       Comprehension
	Varargs             bool
	Varkeywords         bool
	ReturnsValue        bool
	NeedsClassClosure   bool // a class body whose methods use __class__
	NeedsClassdict      bool // a class body whose annotation scopes see its names
	CompInlined         bool // an inlined comprehension
	CanSeeClassScope    bool
	compIterTarget      bool
	compIterExpr        int
	mangledNames        *strSet
	scopeInfo           string
	directives          []directive
	Lineno, ColOffset   int
	EndLineno, EndColOf int

	// For editors (bindings.go).
	occurrences []occurrence
	parent      *Table
	allKids     []*Table // every block created in this one, in order
}

type directive struct {
	name                     string
	lineno, col, eline, ecol int
}

// Symbols returns the names of the block's symbols in CPython's order (the
// order of first occurrence, with names added by the analysis at the end).
func (t *Table) Symbols() []string { return t.symbols.Names() }

// Flags returns the flags of a symbol (with its scope in the high bits),
// or 0 if the block has no such symbol.
func (t *Table) Flags(name string) int {
	f, _ := t.symbols.Get(name)
	return f
}

// Scope returns the resolved scope of a symbol, or 0.
func (t *Table) Scope(name string) Scope {
	return Scope((t.Flags(name) >> ScopeOffset) & ScopeMask)
}

// Lookup returns the flags of name in the block, and whether it has it.
func (t *Table) Lookup(name string) (int, bool) { return t.symbols.Get(name) }

// IsFunctionLike reports whether the block is a function or one of the
// annotation scopes that compile to functions.
func (t *Table) IsFunctionLike() bool {
	switch t.Type {
	case FunctionBlock, TypeVariableBlock, TypeAliasBlock, TypeParametersBlock:
		return true
	}
	return false
}

// Parent returns the enclosing block, or nil for the module.
func (t *Table) Parent() *Table { return t.parent }

// Module is the symbol table of a whole tree.
type Module struct {
	// Top is the module's block.
	Top *Table
	// Future holds the features enabled by `from __future__ import`.
	Future Future
	// blocks maps an AST node to its block.
	blocks map[blockKey]*Table

	occs     []*Occurrence
	bindings []*Binding
}

type blockKey struct {
	node    ast.Node
	typ     BlockType
	dflt    bool
	generic bool
}

// Lookup returns the block of a node: a function, lambda, class,
// comprehension, type alias or module. It returns nil for a node without a
// block.
func (m *Module) Lookup(n ast.Node) *Table {
	for _, typ := range []BlockType{FunctionBlock, ClassBlock, ModuleBlock, TypeAliasBlock} {
		if t := m.blocks[blockKey{node: n, typ: typ}]; t != nil {
			return t
		}
	}
	return nil
}

// TypeParamsBlock returns the type-parameter block of a generic def, class
// or type statement, or nil.
func (m *Module) TypeParamsBlock(n ast.Node) *Table {
	return m.blocks[blockKey{node: n, typ: TypeParametersBlock, generic: true}]
}

// BoundBlock returns the block of a TypeVar's bound or constraints, or of
// any type parameter's default (with dflt), or nil.
func (m *Module) BoundBlock(tp ast.TypeParam, dflt bool) *Table {
	return m.blocks[blockKey{node: tp, typ: TypeVariableBlock, dflt: dflt}]
}

// Options control Build.
type Options struct {
	// Filename is the name used in errors.
	Filename string
	// Source is the program text, used to quote the offending line in
	// errors as CPython does (reading it back from the file); may be nil.
	Source []byte
	// IsFile says Filename names a file holding Source.
	IsFile bool
}

// Build computes the symbol tables of a tree. On a SyntaxError that CPython
// raises in its symbol table (or while checking future imports), it
// returns the error with CPython's message and location.
func Build(mod ast.ModNode, opts Options) (*Module, *parser.SyntaxError) {
	m := &Module{blocks: map[blockKey]*Table{}}
	st := &builder{mod: m, opts: opts}
	if err := st.readFuture(mod); err != nil {
		return nil, err
	}
	if err := st.build(mod); err != nil {
		return nil, err
	}
	return m, nil
}

// BuildEditor is Build for editors: it does not stop at the first error
// but records every error and still returns the tables (of a tree that may
// come from the parser's editor mode).
func BuildEditor(mod ast.ModNode, opts Options) (*Module, []*parser.SyntaxError) {
	m := &Module{blocks: map[blockKey]*Table{}}
	st := &builder{mod: m, opts: opts, editor: true}
	var errs []*parser.SyntaxError
	if err := st.readFuture(mod); err != nil {
		errs = append(errs, err)
	}
	st.build(mod)
	return m, append(errs, st.errors...)
}

// MaybeMangle is CPython's _Py_MaybeMangle: the name under which name is
// stored in block t when the enclosing class is private ("" outside any
// class). Blocks that mangle only their type parameters (the annotation
// scopes of generic classes) leave other names alone.
func (t *Table) MaybeMangle(private, name string) string {
	if t.mangledNames != nil && !t.mangledNames.Contains(name) {
		return name
	}
	if private == "" {
		return name
	}
	return Mangle(private, name)
}
