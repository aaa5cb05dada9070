package analysis

// This file answers a hover: for a name, its binding kind in words, where it
// is bound and the instructions CPython 3.13 emits for that very occurrence,
// then the disassembly of the hovered line; for a def, class or lambda, the
// disassembly of its code object; elsewhere in an expression or statement,
// the instructions located exactly at the innermost node under the cursor.

import (
	"fmt"
	"strings"

	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

// HoverInfo is what a hover shows; Markdown renders it.
type HoverInfo struct {
	// Range is what the hover is about: a name, or a def, class or lambda,
	// or the innermost node with instructions of its own.
	Range Range
	// Name is the name hovered, or "".
	Name string
	// Kind and Role are the occurrence's binding kind and role (0 when no
	// name is hovered).
	Kind symtab.Kind
	Role symtab.Role
	// Parameter reports whether the name is a parameter of the block it
	// occurs in.
	Parameter bool
	// Block is the block the name occurs in, and Owner the block that binds
	// it (in words: "function `f`", "the module", …).
	Block, Owner string
	// Bound lists where the name is bound: the line and role of each
	// binding occurrence.
	Bound []Bound
	// Instructions are the instructions CPython 3.13 emits for the
	// occurrence (or for the node hovered), in the compact form
	// "LOAD_FAST 0 (n)".
	Instructions []string
	// Line is the hovered line, and LineDis its disassembly: for each code
	// object with instructions on the line, the lines dis prints for them.
	Line    int
	LineDis []CodeLines
	// Code is the disassembly of the def, class or lambda hovered, nested
	// code objects included (what dis.dis prints for it); or nil.
	Code *CodeLines
	// NoCode says why there is no bytecode to show ("" when there is).
	NoCode string
}

// Bound is one place a name is bound.
type Bound struct {
	Range Range
	Role  symtab.Role
}

// CodeLines is some lines of the disassembly of one code object.
type CodeLines struct {
	Name, QualName string
	FirstLine      int
	Text           string
}

// Hover returns what to show for the position pos, or nil when there is
// nothing there (blank space, a comment).
func (f *File) Hover(pos ast.Pos) *HoverInfo {
	h, _, _ := f.hover(pos)
	return h
}

// hover computes Hover, and returns the name occurrence hovered (or nil)
// and whether the answer shows an instruction of the module's own code
// object (rather than of a def, class, lambda or comprehension).
func (f *File) hover(pos ast.Pos) (*HoverInfo, *symtab.Occurrence, bool) {
	ix := f.index()
	h := &HoverInfo{Line: pos.Line}
	if ix == nil {
		h.NoCode = f.whyNoCode()
	}
	usesModule := false
	show := func(refs []instrRef) {
		for _, ref := range refs {
			h.Instructions = append(h.Instructions, instructionText(ref.instr()))
			usesModule = usesModule || ref.info == ix.module
		}
	}
	occ := f.OccurrenceAt(pos)
	if occ != nil {
		f.describeName(h, occ)
		if ix != nil {
			show(ix.instructionsFor(occ))
		}
	}
	block := f.blockNodeAt(pos, occ)
	if block != nil {
		if occ == nil {
			h.Range = blockHeadRange(block)
		}
		if ix != nil {
			if ci := ix.byNode[block]; ci != nil {
				h.Code = &CodeLines{Name: ci.Code.Name, QualName: ci.Code.QualName, FirstLine: ci.Code.FirstLineno, Text: ci.fullDis()}
			}
		}
	}
	if occ == nil && block == nil {
		if ix == nil {
			return nil, nil, false
		}
		r, ins := ix.nodeInstructions(f.Tree, pos)
		if ins == nil {
			return nil, nil, false
		}
		h.Range = r
		show(ins)
	}
	if ix != nil {
		var modLines bool
		h.LineDis, modLines = ix.lineDis(pos.Line)
		usesModule = usesModule || modLines
	}
	return h, occ, usesModule
}

// whyNoCode explains why the buffer has no code objects.
func (f *File) whyNoCode() string {
	switch {
	case len(f.SyntaxErrors) > 0:
		return fmt.Sprintf("no bytecode: the buffer has a syntax error at line %d", f.SyntaxErrors[0].Lineno)
	case len(f.SymtabErrors) > 0:
		return fmt.Sprintf("no bytecode: the buffer has a syntax error at line %d", f.SymtabErrors[0].Lineno)
	case f.CompileErr != nil:
		return "no bytecode: " + f.CompileErr.Error()
	}
	return "no bytecode: peephole failed to compile the buffer"
}

// describeName fills in what a hover says about a name occurrence.
func (f *File) describeName(h *HoverInfo, occ *symtab.Occurrence) {
	h.Range = rangeOf(occ.Range)
	h.Name, h.Kind, h.Role = occ.Name, occ.Kind, occ.Role
	h.Block = blockWords(occ.Table)
	b := occ.Binding
	if b != nil {
		h.Owner = blockWords(b.Owner)
		for _, d := range b.Definitions() {
			h.Bound = append(h.Bound, Bound{rangeOf(d.Range), d.Role})
			if d.Role == symtab.RoleParam && d.Table == occ.Table {
				h.Parameter = true
			}
		}
	}
}

// blockWords names a block in words.
func blockWords(t *symtab.Table) string {
	if t == nil {
		return ""
	}
	switch {
	case t.Type == symtab.ModuleBlock:
		return "the module"
	case t.Type == symtab.ClassBlock:
		return "class `" + qualName(t) + "`"
	case t.Type == symtab.TypeParametersBlock:
		return "the type parameters of `" + qualName(t) + "`"
	case t.Type == symtab.FunctionBlock && t.Comprehension != symtab.NoComprehension:
		if t.CompInlined {
			return "a comprehension (inlined into " + blockWords(t.Parent()) + ")"
		}
		return "a comprehension (`" + qualName(t) + "`)"
	case t.Type == symtab.FunctionBlock:
		return "function `" + qualName(t) + "`"
	}
	return "`" + qualName(t) + "`"
}

// qualName is a block's qualified name in the manner of co_qualname
// ("outer.<locals>.inner", "A.method").
func qualName(t *symtab.Table) string {
	var parts []string
	for first := true; t != nil && t.Type != symtab.ModuleBlock; t = t.Parent() {
		if t.Type != symtab.FunctionBlock && t.Type != symtab.ClassBlock {
			if first {
				parts = append(parts, t.Name)
				first = false
			}
			continue
		}
		if !first && t.Type == symtab.FunctionBlock {
			parts = append(parts, "<locals>")
		}
		first = false
		name := t.Name
		switch {
		case t.Comprehension == symtab.GeneratorExpression:
			name = "<genexpr>"
		case t.Comprehension == symtab.ListComprehension:
			name = "<listcomp>"
		case t.Comprehension == symtab.SetComprehension:
			name = "<setcomp>"
		case t.Comprehension == symtab.DictComprehension:
			name = "<dictcomp>"
		case name == "lambda":
			if _, ok := t.Node.(*ast.Lambda); ok {
				name = "<lambda>"
			}
		}
		parts = append(parts, name)
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, ".")
}

// blockNodeAt returns the def, class or lambda whose code object a hover at
// pos shows: the one whose name is hovered (occ is its name), or the one
// whose keyword or header is under the cursor; or nil.
func (f *File) blockNodeAt(pos ast.Pos, occ *symtab.Occurrence) ast.Node {
	if occ != nil {
		if occ.Role == symtab.RoleDef {
			switch occ.Node.(type) {
			case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef:
				return occ.Node
			}
		}
		return nil
	}
	path := ast.PathEnclosing(f.Tree, pos)
	n := path[len(path)-1]
	switch n := n.(type) {
	case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef:
		// Only on the header line before the body: the keyword, the
		// parentheses, the colon.
		if l := n.(ast.Located).Range(); pos.Line == l.Lineno {
			return n
		}
	case *ast.Lambda:
		return n
	}
	return nil
}

// blockHeadRange is the range of a block's keyword: `def`, `class`,
// `lambda` (or `async def`).
func blockHeadRange(n ast.Node) Range {
	l := n.(ast.Located).Range()
	width := 0
	switch n.(type) {
	case *ast.FunctionDef:
		width = len("def")
	case *ast.AsyncFunctionDef:
		width = len("async def")
	case *ast.ClassDef:
		width = len("class")
	case *ast.Lambda:
		width = len("lambda")
	}
	return Range{ast.Pos{Line: l.Lineno, Col: l.ColOffset}, ast.Pos{Line: l.Lineno, Col: l.ColOffset + width}}
}

// nodeInstructions returns the innermost node around pos that has
// instructions located exactly at it, and those instructions.
func (ix *codeIndex) nodeInstructions(tree *ast.Module, pos ast.Pos) (Range, []instrRef) {
	path := ast.PathEnclosing(tree, pos)
	for i := len(path) - 1; i > 0; i-- {
		l, ok := path[i].(ast.Located)
		if !ok {
			continue
		}
		switch path[i].(type) {
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef:
			return Range{}, nil
		}
		r := rangeOf(l.Range())
		var out []instrRef
		for _, ref := range ix.onLine(r.Start.Line) {
			if sameLoc(ref.instr().Pos, r) {
				out = append(out, ref)
			}
		}
		if out != nil {
			return r, out
		}
	}
	return Range{}, nil
}

// lineDis returns, for each code object with instructions on line, the
// lines dis prints for them; and whether the module's code object is one.
func (ix *codeIndex) lineDis(line int) ([]CodeLines, bool) {
	var out []CodeLines
	usesModule := false
	var cur *codeInfo
	var b strings.Builder
	flush := func() {
		if cur != nil && b.Len() > 0 {
			out = append(out, CodeLines{Name: cur.Code.Name, QualName: cur.Code.QualName, FirstLine: cur.Code.FirstLineno, Text: b.String()})
		}
		b.Reset()
	}
	for _, ref := range ix.onLine(line) {
		in := ref.instr()
		if in.Pos.Line != line {
			continue
		}
		if ref.info != cur {
			flush()
			cur = ref.info
		}
		usesModule = usesModule || ref.info == ix.module
		_, lines := ref.info.dis()
		if lines == nil {
			continue
		}
		b.WriteString(lines[ref.idx])
		b.WriteByte('\n')
	}
	flush()
	return out, usesModule
}

// kindWords says a binding kind in words.
func kindWords(k symtab.Kind) string {
	switch k {
	case symtab.KindLocal:
		return "local variable"
	case symtab.KindCell:
		return "cell variable"
	case symtab.KindFree:
		return "free variable"
	case symtab.KindGlobal:
		return "global name"
	case symtab.KindBuiltin:
		return "builtin name"
	case symtab.KindClassBody:
		return "name in a class body"
	case symtab.KindTypeParameter:
		return "type parameter"
	}
	return "name"
}

// kindNote explains how CPython reaches a name of kind k.
func kindNote(k symtab.Kind) string {
	switch k {
	case symtab.KindLocal:
		return "a fast local: LOAD_FAST / STORE_FAST"
	case symtab.KindCell:
		return "a local shared with a nested function through a cell: LOAD_DEREF / STORE_DEREF"
	case symtab.KindFree:
		return "a variable of an enclosing function, reached through a cell: LOAD_DEREF"
	case symtab.KindGlobal:
		return "a module-level name: LOAD_GLOBAL in functions, LOAD_NAME / STORE_NAME in module and class bodies"
	case symtab.KindBuiltin:
		return "not bound in this module: found in builtins at run time"
	case symtab.KindClassBody:
		return "a name of the class namespace: LOAD_NAME / STORE_NAME"
	case symtab.KindTypeParameter:
		return "a type parameter of a generic"
	}
	return ""
}

var roleWords = map[symtab.Role]string{
	symtab.RoleStore: "assignment", symtab.RoleDel: "del", symtab.RoleParam: "parameter",
	symtab.RoleDef: "def", symtab.RoleImport: "import", symtab.RoleTypeParam: "type parameter",
}

// Markdown renders the hover.
func (h *HoverInfo) Markdown() string {
	var b strings.Builder
	if h.Name != "" {
		// The first line names the kind as DESIGN §8 does (the semantic
		// token modifier), then in words.
		fmt.Fprintf(&b, "**`%s`** — `%s`: %s", h.Name, h.Kind, kindWords(h.Kind))
		if h.Parameter {
			b.WriteString(" (a parameter)")
		}
		if h.Block != "" {
			fmt.Fprintf(&b, ", in %s", h.Block)
		}
		b.WriteString("\n\n")
		if note := kindNote(h.Kind); note != "" {
			fmt.Fprintf(&b, "_%s_\n\n", note)
		}
		switch {
		case len(h.Bound) > 0:
			var where []string
			for _, d := range h.Bound {
				role := roleWords[d.Role]
				if d.Role == symtab.RoleDef {
					role = "def/class"
				}
				where = append(where, fmt.Sprintf("line %d (%s)", d.Range.Start.Line, role))
			}
			fmt.Fprintf(&b, "Bound in %s at %s.\n\n", h.Owner, strings.Join(where, ", "))
		case h.Kind == symtab.KindBuiltin:
			b.WriteString("Bound in builtins.\n\n")
		default:
			b.WriteString("Never bound in this module.\n\n")
		}
	}
	if h.NoCode != "" {
		fmt.Fprintf(&b, "_%s_\n\n", h.NoCode)
	}
	if len(h.Instructions) > 0 {
		b.WriteString("**CPython 3.13 emits here:**\n\n```text\n")
		for _, in := range h.Instructions {
			b.WriteString(in)
			b.WriteByte('\n')
		}
		b.WriteString("```\n\n")
	} else if h.Name != "" && h.NoCode == "" {
		switch h.Role {
		case symtab.RoleParam:
			b.WriteString("_No instruction here: the call binds parameters._\n\n")
		case symtab.RoleGlobal, symtab.RoleNonlocal:
			b.WriteString("_No instruction here: a declaration tells the compiler which opcodes to use._\n\n")
		default:
			b.WriteString("_No instruction carries this occurrence._\n\n")
		}
	}
	if h.Code != nil {
		fmt.Fprintf(&b, "**Disassembly of `%s`** (line %d):\n\n```text\n%s```\n\n", h.Code.QualName, h.Code.FirstLine, h.Code.Text)
	}
	for _, cl := range h.LineDis {
		fmt.Fprintf(&b, "**Line %d** in `%s`:\n\n```text\n%s```\n\n", h.Line, cl.QualName, cl.Text)
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}
