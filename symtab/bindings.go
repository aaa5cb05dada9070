package symtab

import (
	"sort"

	"github.com/peephole-lsp/peephole/parser/ast"
)

//go:generate go run ./gen

// This file is the editor's side of the symbol table: every occurrence of
// every name, with its position, resolved to the binding it refers to.
//
// Example:
//
//	tree := parser.Parse(src, parser.Options{}).Tree
//	m, err := symtab.Build(tree, symtab.Options{})
//	if err != nil { … }
//	occ := m.OccurrenceAt(ast.Pos{Line: 5, Col: 11})
//	fmt.Println(occ.Name, occ.Kind)              // x free
//	for _, o := range m.Occurrences(occ.Binding) {
//		fmt.Println(o.Range.Lineno, o.Role)      // every use and definition
//	}

// Kind is the kind of a binding as an occurrence sees it (DESIGN §8): what
// CPython's classification of the name in the occurrence's block means.
type Kind int

// The binding kinds.
const (
	KindLocal         Kind = iota + 1 // a local of a function, lambda or comprehension: LOAD_FAST
	KindCell                          // a local of a function shared with a closure: LOAD_DEREF
	KindFree                          // a variable of an enclosing function: LOAD_DEREF
	KindGlobal                        // a module-level name: LOAD_GLOBAL, LOAD_NAME at module level
	KindBuiltin                       // a name found in builtins
	KindClassBody                     // a name bound in a class body: LOAD_NAME
	KindTypeParameter                 // a type parameter of a generic
)

var kindNames = [...]string{"", "local", "cell", "free", "global", "builtin", "classBody", "typeParameter"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// Role is what an occurrence does with its name.
type Role int

// The roles of occurrences.
const (
	RoleLoad      Role = iota // read
	RoleStore                 // assigned (including for targets, with/except/match captures)
	RoleDel                   // deleted
	RoleParam                 // a parameter
	RoleDef                   // the name of a def or class
	RoleImport                // bound by an import
	RoleGlobal                // named by a global statement
	RoleNonlocal              // named by a nonlocal statement
	RoleTypeParam             // a type parameter
)

var roleNames = [...]string{"load", "store", "del", "param", "def", "import", "global", "nonlocal", "typeParam"}

func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "?"
}

// IsDefinition reports whether the occurrence binds its name.
func (r Role) IsDefinition() bool { return r != RoleLoad && r != RoleGlobal && r != RoleNonlocal }

const (
	occLoad      = RoleLoad
	occStore     = RoleStore
	occDel       = RoleDel
	occParam     = RoleParam
	occDef       = RoleDef
	occImport    = RoleImport
	occGlobal    = RoleGlobal
	occNonlocal  = RoleNonlocal
	occTypeParam = RoleTypeParam
)

type occurrence struct {
	name, mangled string
	role          Role
	loc           ast.Loc
	node          ast.Node
}

// Occurrence is one occurrence of a name in the source.
type Occurrence struct {
	// Name is the name as written; Mangled is the name the block knows it
	// by (different for private names in a class).
	Name, Mangled string
	Role          Role
	// Range is the occurrence's source range (just the name).
	Range ast.Loc
	// Node is the AST node the occurrence belongs to (a Name, an arg, a
	// def statement, an alias, …).
	Node ast.Node
	// Table is the block in which the name occurs.
	Table *Table
	// Kind is the binding kind as this occurrence sees it.
	Kind Kind
	// Scope is CPython's scope of the name in Table.
	Scope Scope
	// Binding is what the occurrence refers to.
	Binding *Binding
}

// Binding is a variable: a name bound in a block (or a global or builtin
// name), with all its occurrences.
type Binding struct {
	// Name is the variable's name (mangled for private names).
	Name string
	// Owner is the block that binds the name: a function or class for its
	// locals and cells, the module for globals and builtins.
	Owner *Table
	// Kind is the binding's own kind (in its owner): local, cell, global,
	// builtin, classBody or typeParameter.
	Kind Kind
	// Defined reports whether some occurrence binds the name (an undefined
	// global is never bound; a builtin is not unless shadowed).
	Defined bool
	// Occurrences are all occurrences, in source order.
	Occurrences []*Occurrence
}

// Definitions returns the occurrences that bind the name.
func (b *Binding) Definitions() []*Occurrence {
	var out []*Occurrence
	for _, o := range b.Occurrences {
		if o.Role.IsDefinition() {
			out = append(out, o)
		}
	}
	return out
}

// occur records an occurrence of name in the current block.
func (st *builder) occur(name string, role Role, loc ast.Loc, node ast.Node) {
	if loc.Lineno == 0 {
		return
	}
	st.cur.occurrences = append(st.cur.occurrences, occurrence{name, st.mangle(st.cur, name), role, loc, node})
}

// posRange is the range of an identifier written at pos.
func posRange(pos ast.Pos, name string) ast.Loc {
	return ast.Loc{Lineno: pos.Line, ColOffset: pos.Col, EndLineno: pos.Line, EndColOffset: pos.Col + len(name)}
}

func posRangeAt(ps []ast.Pos, i int, name string) ast.Loc {
	if i < len(ps) {
		return posRange(ps[i], name)
	}
	return ast.Loc{}
}

func locFrom(d directive) ast.Loc {
	return ast.Loc{Lineno: d.lineno, ColOffset: d.col, EndLineno: d.eline, EndColOffset: d.ecol}
}

// IsBuiltin reports whether name is a name of CPython 3.13's builtins module.
func IsBuiltin(name string) bool { return builtinNames[name] }

// resolveAll resolves every occurrence of the module to its binding.
func (m *Module) resolveAll() {
	if m.occs != nil {
		return
	}
	type key struct {
		owner *Table
		name  string
	}
	bindings := map[key]*Binding{}
	var walk func(t *Table)
	walk = func(t *Table) {
		for _, o := range t.occurrences {
			occ := &Occurrence{Name: o.name, Mangled: o.mangled, Role: o.role, Range: o.loc, Node: o.node, Table: t}
			owner, ownerKind := m.resolve(t, o.mangled)
			occ.Scope = resolveScope(t, o.mangled)
			occ.Kind = occurrenceKind(t, o.mangled, occ.Scope, owner, ownerKind)
			k := key{owner, o.mangled}
			b := bindings[k]
			if b == nil {
				b = &Binding{Name: o.mangled, Owner: owner, Kind: ownerKind}
				bindings[k] = b
				m.bindings = append(m.bindings, b)
			}
			if o.role.IsDefinition() {
				b.Defined = true
			}
			occ.Binding = b
			b.Occurrences = append(b.Occurrences, occ)
			m.occs = append(m.occs, occ)
		}
		for _, c := range t.allChildren() {
			walk(c)
		}
	}
	walk(m.Top)
	less := func(a, b *Occurrence) bool {
		return a.Range.Lineno < b.Range.Lineno || a.Range.Lineno == b.Range.Lineno && a.Range.ColOffset < b.Range.ColOffset
	}
	sort.SliceStable(m.occs, func(i, j int) bool { return less(m.occs[i], m.occs[j]) })
	for _, b := range m.bindings {
		sort.SliceStable(b.Occurrences, func(i, j int) bool { return less(b.Occurrences[i], b.Occurrences[j]) })
		if b.Kind == KindGlobal && !b.Defined && IsBuiltin(b.Name) {
			b.Kind = KindBuiltin
		}
	}
	for _, o := range m.occs {
		if o.Kind == KindGlobal && o.Binding.Kind == KindBuiltin {
			o.Kind = KindBuiltin
		}
	}
}

// allChildren returns the children of a block including the ones CPython
// drops from the list (inlined comprehensions, annotation blocks).
func (t *Table) allChildren() []*Table { return t.allKids }

// effective returns the block whose view of name an occurrence in t
// shares. Annotation blocks (which CPython does not analyze) see names as
// their parent does; an inlined comprehension (PEP 709) is part of its
// parent's code, so a name it does not bind itself is seen as the parent
// sees it — except in a class body, whose names an inlined comprehension
// does not see.
func effective(t *Table, name string) *Table {
	for t.Type == AnnotationBlock && t.parent != nil {
		t = t.parent
	}
	for t.CompInlined && t.parent != nil && t.parent.Type != ClassBlock && t.Scope(name) == Free {
		t = t.parent
	}
	return t
}

// resolveScope returns the scope of name as an occurrence in t sees it.
func resolveScope(t *Table, name string) Scope {
	return effective(t, name).Scope(name)
}

// resolve returns the block that binds name as seen from t, and the kind
// of the binding there.
func (m *Module) resolve(t *Table, name string) (*Table, Kind) {
	t = effective(t, name)
	switch t.Scope(name) {
	case Local, Cell:
		return t, ownKind(t, name)
	case Free:
		for p := t.parent; p != nil; p = p.parent {
			if p.Type == ClassBlock && name != "__class__" && name != "__classdict__" {
				continue
			}
			if s := p.Scope(name); s == Local || s == Cell {
				return p, ownKind(p, name)
			}
			if p.Type == ClassBlock && (name == "__class__" || name == "__classdict__") {
				return p, KindCell
			}
		}
	case GlobalImplicit:
		// A scope that can see its class reads class names from the class.
		if t.CanSeeClassScope {
			for p := t.parent; p != nil; p = p.parent {
				if p.Type == ClassBlock {
					if f, _ := p.symbols.Get(name); f&DefBound != 0 {
						return p, KindClassBody
					}
					break
				}
			}
		}
	}
	return m.Top, KindGlobal
}

// ownKind is the kind of a name bound in block t.
func ownKind(t *Table, name string) Kind {
	f, _ := t.symbols.Get(name)
	switch {
	case t.Type == TypeParametersBlock:
		return KindTypeParameter
	case t.Type == ModuleBlock:
		return KindGlobal
	case t.Type == ClassBlock:
		return KindClassBody
	case Scope((f>>ScopeOffset)&ScopeMask) == Cell:
		return KindCell
	}
	return KindLocal
}

// occurrenceKind is the kind of an occurrence, by DESIGN §8's table: it
// translates CPython's classification of the name in the occurrence's
// block.
func occurrenceKind(t *Table, name string, scope Scope, owner *Table, ownerKind Kind) Kind {
	switch scope {
	case Free:
		return KindFree
	case GlobalExplicit, GlobalImplicit:
		return KindGlobal // or builtin, decided once all bindings are known
	}
	return ownerKind
}

// Occurrences returns every occurrence of a binding.
func (m *Module) Occurrences(b *Binding) []*Occurrence {
	m.resolveAll()
	return b.Occurrences
}

// AllOccurrences returns every name occurrence of the module, in source
// order.
func (m *Module) AllOccurrences() []*Occurrence {
	m.resolveAll()
	return m.occs
}

// Bindings returns every binding of the module.
func (m *Module) Bindings() []*Binding {
	m.resolveAll()
	return m.bindings
}

// OccurrenceAt returns the name occurrence whose range contains pos (or
// ends at it), or nil.
func (m *Module) OccurrenceAt(pos ast.Pos) *Occurrence {
	m.resolveAll()
	i := sort.Search(len(m.occs), func(i int) bool {
		r := m.occs[i].Range
		return r.Lineno > pos.Line || r.Lineno == pos.Line && r.EndColOffset >= pos.Col
	})
	for ; i < len(m.occs); i++ {
		r := m.occs[i].Range
		if r.Lineno != pos.Line || r.ColOffset > pos.Col {
			break
		}
		if r.ColOffset <= pos.Col && pos.Col <= r.EndColOffset {
			return m.occs[i]
		}
	}
	return nil
}
