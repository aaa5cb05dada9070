// Package ast declares the abstract syntax tree of Python 3.13, node for node
// and field for field the tree of CPython 3.13's ast module.
//
// The node types are generated (nodes.go, by internal/astgen, from the ASDL
// signatures that the oracle's ast module publishes), so their fields and
// their order are CPython's. Each Python class becomes a Go struct of the same
// name (arguments → [Arguments], arg → [Arg], withitem → [WithItem], …); each
// ASDL sum type becomes a sealed interface ([Stmt], [Expr], [Pattern],
// [TypeParam], [Mod]); the enumerations (expr_context, operator, …) become
// small integer types whose String method gives the class name.
//
// Conventions for optional values: an absent node is nil, an absent
// identifier or string is "", and an expression list may hold nil where
// CPython holds None (the keys of a dict display with ** entries, the
// kw_defaults of parameters without a default).
//
// Positions are CPython's: [Loc] holds 1-based lines and 0-based columns
// counted in UTF-8 bytes, with the end exclusive, exactly as the lineno,
// col_offset, end_lineno and end_col_offset attributes of the ast module.
// Beyond CPython, a few nodes keep the positions of names that the ast module
// stores as bare strings (FunctionDef.NamePos, Global.NamePos, …) so that an
// editor can find every occurrence of every name.
//
// Trees built by the parser's editor mode may contain [BadExpr] and [BadStmt]
// nodes where text could not be parsed; CPython has no such nodes.
//
// [Dump] prints a tree exactly as ast.dump does; [Inspect] walks it.
package ast

// Pos is a point in the source: a 1-based line and a 0-based column counted
// in UTF-8 bytes. The zero Pos means "no position".
type Pos struct {
	Line, Col int
}

// IsValid reports whether p is a real position.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Before reports whether p comes strictly before q.
func (p Pos) Before(q Pos) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Col < q.Col
}

// Loc is the source range of a node, in the fields of CPython's node
// attributes: lines are 1-based, columns 0-based UTF-8 byte offsets, and the
// end is exclusive.
type Loc struct {
	Lineno       int
	ColOffset    int
	EndLineno    int
	EndColOffset int
}

// Start returns the first position of the range.
func (l *Loc) Start() Pos { return Pos{l.Lineno, l.ColOffset} }

// End returns the position just after the range.
func (l *Loc) End() Pos { return Pos{l.EndLineno, l.EndColOffset} }

// Range returns the range itself.
func (l *Loc) Range() Loc { return *l }

// Node is any node of the tree.
type Node interface {
	node()
}

// Located is a node that has a source range of its own (the nodes whose
// CPython class has position attributes).
type Located interface {
	Node
	Range() Loc
}

// BadExpr stands, in trees built by the parser's editor mode, for an
// expression that could not be parsed. It has no CPython counterpart.
type BadExpr struct {
	Loc
}

// BadStmt stands, in trees built by the parser's editor mode, for source text
// that could not be parsed as statements. It has no CPython counterpart.
type BadStmt struct {
	Loc
}

func (*BadExpr) node()     {}
func (*BadExpr) exprNode() {}
func (*BadStmt) node()     {}
func (*BadStmt) stmtNode() {}

//go:generate go run ./internal/astgen -o nodes.go
