package analysis

// This file links the source to the code objects: which code object a block
// of the source (a def, class, lambda, comprehension) became, the innermost
// code object at a position, and which instructions CPython 3.13 emits for a
// name occurrence.
//
// Blocks are matched to code objects by walking the symbol table and the
// code objects together: the children of a block that CPython compiles into
// code objects of their own (ste_children) are, in order, the code objects
// among their parent's constants, and each is recognised by its name and
// first line (co_firstlineno: the first decorator's line for a decorated
// def or class).
//
// Instructions are indexed by the lines their co_positions location spans,
// so that a hover looks at a handful of instructions, not the whole module.

import (
	"bufio"
	"bytes"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

// codeInfo is one code object of the module with what the index knows of it.
type codeInfo struct {
	Code     *compiler.Code
	Parent   *codeInfo
	Children []*codeInfo
	// Node is the block's AST node (a def, class, lambda or comprehension),
	// or nil for the module and for blocks that were not matched.
	Node ast.Node
	// Extent is the source the code object comes from: its node's extent,
	// or the span of its instructions' locations.
	Extent Range
	Instrs []compiler.Instruction
	// seq is the code object's rank in dis order.
	seq int

	disOnce  sync.Once
	disText  string   // what dis.disassemble prints for the code object alone
	disLines []string // for each of Instrs, its line of disText
}

// instrRef is one instruction of one code object.
type instrRef struct {
	info *codeInfo
	idx  int
}

func (r instrRef) instr() *compiler.Instruction { return &r.info.Instrs[r.idx] }

// codeIndex is the index of a module's code objects.
type codeIndex struct {
	module *codeInfo
	all    []*codeInfo // in dis order
	byNode map[ast.Node]*codeInfo
	// byLine holds the instructions located on one line, by that line;
	// multiLine those whose location spans several lines.
	byLine    map[int][]instrRef
	multiLine []instrRef
}

// index returns the code index, building it on first use; nil when the
// buffer did not compile.
func (f *File) index() *codeIndex {
	if f.Code == nil {
		return nil
	}
	f.codesOnce.Do(func() {
		f.guard("code index", func() { f.codes = buildIndex(f.Code, f.Symbols) })
	})
	return f.codes
}

func buildIndex(code *compiler.Code, mod *symtab.Module) *codeIndex {
	ix := &codeIndex{byNode: map[ast.Node]*codeInfo{}, byLine: map[int][]instrRef{}}
	var build func(c *compiler.Code, parent *codeInfo) *codeInfo
	build = func(c *compiler.Code, parent *codeInfo) *codeInfo {
		ci := &codeInfo{Code: c, Parent: parent, Instrs: c.Instructions(), seq: len(ix.all)}
		ix.all = append(ix.all, ci)
		for i := range ci.Instrs {
			p := ci.Instrs[i].Pos
			switch {
			case p.Line < 1:
			case p.EndLine > p.Line:
				ix.multiLine = append(ix.multiLine, instrRef{ci, i})
			default:
				ix.byLine[p.Line] = append(ix.byLine[p.Line], instrRef{ci, i})
			}
		}
		for _, k := range c.Consts {
			if sub, ok := k.(*compiler.Code); ok {
				ci.Children = append(ci.Children, build(sub, ci))
			}
		}
		ci.Extent = instrExtent(ci)
		return ci
	}
	ix.module = build(code, nil)
	if mod != nil {
		ix.match(mod.Top, ix.module)
	}
	return ix
}

// instrExtent is the span of the locations of a code object's instructions
// and of its children's.
func instrExtent(ci *codeInfo) Range {
	var r Range
	first := true
	add := func(s, e ast.Pos) {
		if first {
			r, first = Range{s, e}, false
			return
		}
		if s.Before(r.Start) {
			r.Start = s
		}
		if r.End.Before(e) {
			r.End = e
		}
	}
	for _, in := range ci.Instrs {
		p := in.Pos
		if p.Line < 1 || p.Col < 0 || p.EndLine < 1 || p.EndCol < 0 {
			continue
		}
		add(ast.Pos{Line: p.Line, Col: p.Col}, ast.Pos{Line: p.EndLine, Col: p.EndCol})
	}
	for _, k := range ci.Children {
		if k.Extent.Start.Line > 0 {
			add(k.Extent.Start, k.Extent.End)
		}
	}
	return r
}

// match pairs the child blocks of t with the nested code objects of ci:
// first every block with the code object of its name and first line,
// then the blocks left with a code object of their name, then of their
// line. (A block can have no code object: CPython drops those of
// unreachable code, and a later block of the same name must not lose
// its own to it.)
func (ix *codeIndex) match(t *symtab.Table, ci *codeInfo) {
	taken := make([]bool, len(ci.Children))
	picks := make([]int, len(t.Children))
	for j, k := range t.Children {
		picks[j] = -1
		name, line := codeName(k), firstLine(k)
		for i, c := range ci.Children {
			if !taken[i] && c.Code.Name == name && c.Code.FirstLineno == line {
				picks[j], taken[i] = i, true
				break
			}
		}
	}
	for pass := 1; pass < 3; pass++ {
		for j, k := range t.Children {
			if picks[j] >= 0 {
				continue
			}
			name, line := codeName(k), firstLine(k)
			for i, c := range ci.Children {
				if !taken[i] && (pass == 1 && c.Code.Name == name || pass == 2 && c.Code.FirstLineno == line) {
					picks[j], taken[i] = i, true
					break
				}
			}
		}
	}
	for j, k := range t.Children {
		if picks[j] < 0 {
			continue
		}
		c := ci.Children[picks[j]]
		if isBlockNode(k.Node) {
			c.Node = k.Node
			ix.byNode[k.Node] = c
			if s, e, ok := ast.Extent(k.Node); ok {
				c.Extent = Range{s, e}
			}
		}
		ix.match(k, c)
	}
}

// isBlockNode reports whether n is a node that owns a code object of its
// own when compiled: a def, class, lambda or comprehension.
func isBlockNode(n ast.Node) bool {
	switch n.(type) {
	case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef, *ast.Lambda,
		*ast.GeneratorExp, *ast.ListComp, *ast.SetComp, *ast.DictComp:
		return true
	}
	return false
}

// codeName is the co_name CPython gives the code object of block t.
func codeName(t *symtab.Table) string {
	switch n := t.Node.(type) {
	case *ast.Lambda:
		return "<lambda>"
	case *ast.GeneratorExp:
		return "<genexpr>"
	case *ast.ListComp:
		return "<listcomp>"
	case *ast.SetComp:
		return "<setcomp>"
	case *ast.DictComp:
		return "<dictcomp>"
	case *ast.FunctionDef:
		return n.Name
	case *ast.AsyncFunctionDef:
		return n.Name
	case *ast.ClassDef:
		return n.Name
	}
	if t.Type == symtab.TypeParametersBlock {
		return "<generic parameters of " + t.Name + ">"
	}
	return t.Name
}

// firstLine is the co_firstlineno CPython gives the code object of block t.
func firstLine(t *symtab.Table) int {
	var decos []ast.Expr
	line := t.Lineno
	switch n := t.Node.(type) {
	case *ast.FunctionDef:
		decos, line = n.DecoratorList, n.Lineno
	case *ast.AsyncFunctionDef:
		decos, line = n.DecoratorList, n.Lineno
	case *ast.ClassDef:
		decos, line = n.DecoratorList, n.Lineno
	}
	for _, d := range decos {
		if s, _, ok := ast.Extent(d); ok && s.Line < line {
			line = s.Line
		}
	}
	return line
}

// codeAt returns the innermost code object whose source contains pos (the
// module when none does).
func (ix *codeIndex) codeAt(pos ast.Pos) *codeInfo {
	ci := ix.module
	for {
		var next *codeInfo
		for _, k := range ci.Children {
			if k.Extent.Start.Line > 0 && !pos.Before(k.Extent.Start) && pos.Before(k.Extent.End) {
				next = k
				break
			}
		}
		if next == nil {
			return ci
		}
		ci = next
	}
}

// onLine returns the instructions whose location spans line, in dis order
// (code object by code object, then by offset).
func (ix *codeIndex) onLine(line int) []instrRef {
	out := slices.Clone(ix.byLine[line])
	for _, r := range ix.multiLine {
		p := r.instr().Pos
		if p.Line <= line && line <= p.EndLine {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b instrRef) int {
		if a.info != b.info {
			return a.info.seq - b.info.seq
		}
		return a.idx - b.idx
	})
	return out
}

// dis returns the disassembly of the code object alone and, for each
// instruction, its line of that text.
func (ci *codeInfo) dis() (string, []string) {
	ci.disOnce.Do(func() {
		var b bytes.Buffer
		if err := compiler.Disassemble(&b, ci.Code, compiler.DisOptions{}); err != nil {
			ci.disText = b.String() + "(dis failed: " + err.Error() + ")\n"
			return
		}
		ci.disText = b.String()
		sc := bufio.NewScanner(strings.NewReader(ci.disText))
		sc.Buffer(nil, 1<<30)
		for sc.Scan() {
			l := sc.Text()
			if l == "ExceptionTable:" {
				break
			}
			if strings.TrimSpace(l) != "" {
				ci.disLines = append(ci.disLines, l)
			}
		}
		if len(ci.disLines) != len(ci.Instrs) {
			ci.disLines = nil // cannot happen: dis prints one line per instruction
		}
	})
	return ci.disText, ci.disLines
}

// fullDis returns what dis.dis prints for the code object: its own
// disassembly, then that of each nested code object.
func (ci *codeInfo) fullDis() string {
	var b bytes.Buffer
	if err := compiler.Dis(&b, ci.Code, compiler.DisOptions{}); err != nil {
		return b.String() + "(dis failed: " + err.Error() + ")\n"
	}
	return b.String()
}

// Variable opcodes by what they do with the name they carry.
var (
	loadOps = map[compiler.Opcode]bool{
		compiler.LOAD_FAST: true, compiler.LOAD_FAST_CHECK: true, compiler.LOAD_FAST_LOAD_FAST: true,
		compiler.LOAD_NAME: true, compiler.LOAD_GLOBAL: true, compiler.LOAD_DEREF: true,
		compiler.LOAD_FROM_DICT_OR_DEREF: true, compiler.LOAD_FROM_DICT_OR_GLOBALS: true,
		compiler.STORE_FAST_LOAD_FAST: true,
	}
	storeOps = map[compiler.Opcode]bool{
		compiler.STORE_FAST: true, compiler.STORE_NAME: true, compiler.STORE_GLOBAL: true,
		compiler.STORE_DEREF: true, compiler.STORE_FAST_LOAD_FAST: true, compiler.STORE_FAST_STORE_FAST: true,
	}
	deleteOps = map[compiler.Opcode]bool{
		compiler.DELETE_FAST: true, compiler.DELETE_NAME: true, compiler.DELETE_GLOBAL: true, compiler.DELETE_DEREF: true,
	}
)

// names returns the variable names an instruction acts on, with what it does
// to each: load, store or delete. Attribute and import opcodes act on no
// variable.
func names(in *compiler.Instruction) (loads, stores, dels []string) {
	pair, isPair := in.ArgVal.([2]string)
	name, isName := in.ArgVal.(string)
	switch {
	case in.Op == compiler.LOAD_FAST_LOAD_FAST && isPair:
		return pair[:], nil, nil
	case in.Op == compiler.STORE_FAST_LOAD_FAST && isPair:
		return pair[1:], pair[:1], nil
	case in.Op == compiler.STORE_FAST_STORE_FAST && isPair:
		return nil, pair[:], nil
	case !isName:
		return nil, nil, nil
	case loadOps[in.Op]:
		return []string{name}, nil, nil
	case storeOps[in.Op]:
		return nil, []string{name}, nil
	case deleteOps[in.Op]:
		return nil, nil, []string{name}
	}
	return nil, nil, nil
}

// actsOn reports whether in does to the variable name what an occurrence
// with role does: loads it for a read, stores it for a binding, deletes it
// for a del.
func actsOn(in *compiler.Instruction, name string, role symtab.Role) bool {
	loads, stores, dels := names(in)
	var list []string
	switch role {
	case symtab.RoleLoad:
		list = loads
	case symtab.RoleStore, symtab.RoleDef, symtab.RoleImport:
		list = stores
	case symtab.RoleDel:
		list = dels
	}
	return slices.Contains(list, name)
}

// sameLoc reports whether an instruction's location is exactly r.
func sameLoc(p compiler.Loc, r Range) bool {
	return p.Line == r.Start.Line && p.Col == r.Start.Col && p.EndLine == r.End.Line && p.EndCol == r.End.Col
}

// locContains reports whether an instruction's location contains r.
func locContains(p compiler.Loc, r Range) bool {
	if p.Line < 1 || p.Col < 0 || p.EndLine < 1 || p.EndCol < 0 {
		return false
	}
	s, e := ast.Pos{Line: p.Line, Col: p.Col}, ast.Pos{Line: p.EndLine, Col: p.EndCol}
	return !r.Start.Before(s) && !e.Before(r.End)
}

// instructionsFor returns the instructions CPython 3.13 emits for a name
// occurrence, found through co_positions by this rule:
//
//  1. every instruction located exactly at the occurrence, if one of them
//     acts on the name (LOAD_NAME and its PUSH_NULL, say), unconditional
//     jumps aside (the JUMP_BACKWARD that closes a loop takes the location
//     of the loop body's last instruction);
//  2. otherwise the instructions that act on the name as the occurrence
//     does (load, store, delete) and whose location contains the
//     occurrence (STORE_NAME for a def's name, located at the whole def);
//  3. otherwise, among the superinstructions located on the occurrence's
//     line that act on the name in their second slot, those that start
//     closest to the occurrence (a loop's test is emitted twice): CPython's flowgraph fuses two
//     instructions of one line into LOAD_FAST_LOAD_FAST (a, b),
//     STORE_FAST_STORE_FAST or STORE_FAST_LOAD_FAST located at the first,
//     and the second's location is gone;
//  4. otherwise the instructions on its line that act on the name.
//
// Parameters, global and nonlocal statements have no instruction of their
// own, and get none. The tests apply the same rule to CPython's own code
// objects.
func (ix *codeIndex) instructionsFor(occ *symtab.Occurrence) []instrRef {
	switch occ.Role {
	case symtab.RoleLoad, symtab.RoleStore, symtab.RoleDef, symtab.RoleImport, symtab.RoleDel:
	default:
		return nil
	}
	r := rangeOf(occ.Range)
	line := ix.onLine(r.Start.Line)
	var exact []instrRef
	acts := false
	for _, ref := range line {
		if sameLoc(ref.instr().Pos, r) && !ref.instr().Op.IsUnconditionalJump() {
			exact = append(exact, ref)
			acts = acts || actsOn(ref.instr(), occ.Mangled, occ.Role)
		}
	}
	if acts {
		return exact
	}
	var within, sameLine []instrRef
	var pairs []instrRef
	pairDist := 0
	for _, ref := range line {
		in := ref.instr()
		if !actsOn(in, occ.Mangled, occ.Role) {
			continue
		}
		if locContains(in.Pos, r) {
			within = append(within, ref)
			continue
		}
		sameLine = append(sameLine, ref)
		if names, ok := in.ArgVal.([2]string); ok && names[1] == occ.Mangled && secondSlotActs(in.Op, occ.Role) {
			if in.Pos.Line == r.Start.Line && in.Pos.EndLine == r.Start.Line && in.Pos.Col >= 0 {
				d := in.Pos.Col - r.Start.Col
				if d < 0 {
					d = -d
				}
				switch {
				case pairs == nil || d < pairDist:
					pairs, pairDist = []instrRef{ref}, d
				case d == pairDist:
					pairs = append(pairs, ref)
				}
			}
		}
	}
	switch {
	case within != nil:
		return within
	case pairs != nil:
		return pairs
	}
	return sameLine
}

// secondSlotActs reports whether the second name of a superinstruction is
// used as an occurrence with role uses it.
func secondSlotActs(op compiler.Opcode, role symtab.Role) bool {
	switch op {
	case compiler.LOAD_FAST_LOAD_FAST, compiler.STORE_FAST_LOAD_FAST:
		return role == symtab.RoleLoad
	case compiler.STORE_FAST_STORE_FAST:
		return role == symtab.RoleStore || role == symtab.RoleDef || role == symtab.RoleImport
	}
	return false
}

// instructionText is an instruction in the compact form hovers and tests
// use: "LOAD_FAST 0 (n)", "RETURN_VALUE".
func instructionText(in *compiler.Instruction) string {
	s := in.Opname()
	if in.HasArg {
		s += " " + strconv.Itoa(in.Arg)
		if in.ArgRepr != "" {
			s += " (" + in.ArgRepr + ")"
		}
	}
	return s
}
