package analysis

// This file answers the questions about a position — hover, definition,
// references, highlights, inlay hints, bytecode — from the chunks of a
// buffer (chunks.go) rather than from its whole analysis, so that a
// question asked right after an edit of a large buffer costs the analysis
// of one top-level statement, not of the buffer. A View is one version of
// a buffer cut into chunks, each with the line-independent results the
// Diagnoser keeps for it; a question about a position analyses the chunk
// holding it at its real line (its text after as many empty lines as it
// has lines above it), so that every position, line number and code
// object of that File is the whole buffer's, and answers from it.
//
// An answer comes from a chunk only when it is provably the one the whole
// analysis gives; otherwise the View declines (ok false) and the caller
// asks the whole File. What a top-level statement's chunk gives alone
// equals the whole buffer's (chunks.go says why) except for:
//
//   - whole-buffer conditions: the whole analysis answers with no bytecode
//     when any chunk has an error, and a global statement at module level
//     can make one chunk's binding an error in another; the View answers
//     nothing unless every chunk is clean and has none;
//   - reachability: CPython's flow graph drops module-level code it proves
//     unreachable (after a raise, an assert, an endless while), and with it
//     the code objects of the defs and classes there; only the chunks up to
//     the first one with such a statement answer;
//   - the names of the module's own binding (globals and builtins): their
//     bindings gather occurrences from every chunk, and whether a name is
//     a builtin depends on whether any chunk binds it; the View merges them
//     from every chunk's results;
//   - the module's own code object, which holds the instructions of every
//     chunk's module-level statements, its name and constant indexes
//     counting from the start of the module: an answer that shows one of
//     its instructions (a hover on a module-level name or line, the
//     bytecode of module-level code) is declined. So is a hover anywhere
//     outside the defs, classes, lambdas and comprehensions: there the
//     whole module's code may have instructions that the chunk's lacks (its
//     SETUP_ANNOTATIONS stands at the module's first statement when any
//     statement has an annotation; a location can pass from one
//     statement's last instruction to the next's first). Inside them,
//     module-level instructions only span the whole def or class, and act
//     on no name in it. Inlay hints show only opcode names, which a
//     statement's module-level code determines alone (with the context
//     below), and are answered.
//
// The compiler also reads three facts from the module's symbol table
// while it compiles a chunk's code, which the chunk alone may not have:
// context (below) appends to the chunk's text what gives its table the
// whole module's.
//
// Code objects compiled twice are equal but for their Go addresses, which
// stand for CPython's object addresses in a disassembly.

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

// View is one version of a buffer as the Diagnoser cut it into chunks
// (Diagnoser.View). It is safe for concurrent use. Each question returns
// ok false when the View cannot prove its answer equal to the whole
// analysis's; ask the File then.
type View struct {
	d    *Diagnoser
	src  []byte
	opts Options
	// wholeOnly reports that the buffer is not cut into chunks (a
	// __future__ import, a coding declaration, a null byte): whole is its
	// whole analysis.
	wholeOnly bool
	whole     *File
	chunks    []*viewChunk

	// The chunks at misses (indexes) are to be analysed (fill); next will
	// be the Diagnoser's cache. pending is the size of what fill analyses.
	fillOnce sync.Once
	misses   []int
	next     map[string]*chunkResult
	pending  atomic.Int64

	gateOnce sync.Once
	// usable is the number of chunks, from the first, that can answer.
	usable int

	definedOnce sync.Once
	defined     map[string]bool

	contextOnce sync.Once
	imports     []string // every chunk's imports, sorted
	globals     []string // every chunk's globals, sorted
	super       bool     // some chunk has `super` in the module's table
}

// viewChunk is one chunk of a View.
type viewChunk struct {
	text []byte
	// prologue is the line analysed before the chunk (prologueOf).
	prologue string
	// The chunk holds lines [line, endLine).
	line, endLine int
	res           *chunkResult

	fileOnce sync.Once
	file     *File
}

// delta is what the chunk's results' lines are to be shifted by.
func (c *viewChunk) delta() int {
	switch {
	case c.res.padded:
		return 0
	case c.prologue != "":
		return c.line - 2 // analysed at line 2, after its prologue
	}
	return c.line - 1
}

// File returns the whole analysis of a buffer that is not cut into chunks
// (the view answers from it), or nil.
func (v *View) File() *File {
	if !v.wholeOnly {
		return nil
	}
	v.fill()
	return v.whole
}

// Cheap reports whether the view's answers cost much less than the whole
// analysis: the text it has yet to analyse is at most half the buffer,
// or small. (After an edit in a large top-level statement, the view
// would analyse most of the buffer twice, once as it is and once at its
// line.)
func (v *View) Cheap() bool {
	p := v.Pending()
	return p <= len(v.src)/2 || p <= cheapBytes
}

// cheapBytes is an amount of text whose analysis costs a few
// milliseconds.
const cheapBytes = 8 << 10

// gate computes how many chunks can answer.
func (v *View) gate() int {
	v.fill()
	v.gateOnce.Do(func() {
		for _, c := range v.chunks {
			if !c.res.clean || c.res.declares {
				return
			}
		}
		v.usable = len(v.chunks)
		for i, c := range v.chunks {
			if c.res.stops {
				v.usable = i + 1
				break
			}
		}
	})
	return v.usable
}

// chunkAt returns the index of the chunk holding line, or -1.
func (v *View) chunkAt(line int) int {
	i := sort.Search(len(v.chunks), func(i int) bool { return v.chunks[i].endLine > line })
	if i == len(v.chunks) || line < v.chunks[i].line {
		return -1
	}
	return i
}

// fileAt returns the File of the chunk holding line, analysed at its
// line, when that chunk can answer; or nil. A chunk that is most of the
// buffer declines unless its File is at hand: the whole analysis costs
// about as much, and answers every later question.
func (v *View) fileAt(line int) *File {
	i := v.chunkAt(line)
	if i < 0 || i >= v.gate() {
		return nil
	}
	c := v.chunks[i]
	if size := len(c.text); size > len(v.src)/2 && size > cheapBytes && v.d.keptFile(c.prologue, c.text, c.line, v.context(c)) == nil {
		return nil
	}
	f := v.fileOf(c)
	if f.index() == nil {
		return nil
	}
	return f
}

// fileOf returns the File of a chunk, analysed at its line.
func (v *View) fileOf(c *viewChunk) *File {
	c.fileOnce.Do(func() { c.file = v.d.chunkFile(c.prologue, c.text, c.line, v.context(c), v.opts) })
	return c.file
}

// context returns the text that follows a chunk when it is analysed for
// a view: what makes the chunk's module symbol table, as the compiler
// reads it, the whole module's. The compiler reads three things there:
// DEF_IMPORT flags (o.m() of an imported module o is not compiled with
// LOAD_ATTR's method form), the presence of `super` (super().m is
// compiled with LOAD_SUPER_ATTR only if the module does not have it),
// and DEF_GLOBAL flags (a name some function declares global is stored
// and loaded with the *_GLOBAL opcodes in module-level code). The text
// imports the names other chunks import, reads `super` if another chunk
// has it, and declares global, in a function, the names other chunks'
// functions do. It stands after the chunk, so no position moves, and it
// adds only module-level code and a code object after the chunk's, from
// which the view takes no answer.
func (v *View) context(c *viewChunk) string {
	v.contextOnce.Do(func() {
		imports, globals := map[string]bool{}, map[string]bool{}
		for _, c := range v.chunks {
			for _, n := range c.res.imports {
				if !imports[n] {
					imports[n] = true
					v.imports = append(v.imports, n)
				}
			}
			for _, n := range c.res.globals {
				if !globals[n] {
					globals[n] = true
					v.globals = append(v.globals, n)
				}
			}
			v.super = v.super || c.res.super
		}
		sort.Strings(v.imports)
		sort.Strings(v.globals)
	})
	others := func(all, own []string) []string {
		var out []string
		for _, n := range all {
			if !slices.Contains(own, n) {
				out = append(out, n)
			}
		}
		return out
	}
	var b strings.Builder
	if names := others(v.imports, c.res.imports); len(names) > 0 {
		b.WriteString("import " + strings.Join(names, ", ") + "\n")
	}
	if v.super && !c.res.super {
		b.WriteString("super\n")
	}
	if names := others(v.globals, c.res.globals); len(names) > 0 {
		b.WriteString("def __peephole_context__():\n    global " + strings.Join(names, ", ") + "\n")
	}
	if b.Len() == 0 {
		return ""
	}
	// After an empty line: past the chunk's lines (the last chunk's
	// include the empty line after its last line break).
	if len(c.text) > 0 && c.text[len(c.text)-1] != '\n' && c.text[len(c.text)-1] != '\r' {
		return "\n\n" + b.String()
	}
	return "\n" + b.String()
}

// chunkFile is a chunk's File, analysed at its line, followed by its
// context.
type chunkFile struct {
	prologue, text string
	line           int
	context        string
	file           *File
}

// keptFile returns the kept File of a chunk at line, or nil.
func (d *Diagnoser) keptFile(prologue string, text []byte, line int, context string) *File {
	d.filesMu.Lock()
	defer d.filesMu.Unlock()
	for _, cf := range d.files {
		if cf.line == line && cf.context == context && cf.text == string(text) && cf.prologue == prologue {
			return cf.file
		}
	}
	return nil
}

// maxChunkFiles bounds the chunk Files a Diagnoser keeps.
const maxChunkFiles = 16

// chunkFile returns the File of a chunk at line: the one kept if any,
// else a new analysis, kept.
func (d *Diagnoser) chunkFile(prologue string, text []byte, line int, context string, opts Options) *File {
	d.filesMu.Lock()
	for i, cf := range d.files {
		if cf.line == line && cf.context == context && cf.text == string(text) && cf.prologue == prologue {
			d.files = append(append(d.files[:i:i], d.files[i+1:]...), cf)
			d.filesMu.Unlock()
			return cf.file
		}
	}
	d.filesMu.Unlock()
	f := Analyze(padTo(prologue, text, line, context), opts)
	d.filesMu.Lock()
	defer d.filesMu.Unlock()
	d.fileAnalyses++
	d.files = append(d.files, chunkFile{prologue, string(text), line, context, f})
	if len(d.files) > maxChunkFiles {
		d.files = append([]chunkFile(nil), d.files[len(d.files)-maxChunkFiles:]...)
	}
	return f
}

// isModuleBinding reports whether occ refers to the module's own binding
// of its name (a global or builtin).
func isModuleBinding(f *File, occ *symtab.Occurrence) bool {
	return occ.Binding != nil && f.Symbols != nil && occ.Binding.Owner == f.Symbols.Top
}

// isDefined reports whether some chunk binds name at module level.
func (v *View) isDefined(name string) bool {
	v.definedOnce.Do(func() {
		v.defined = map[string]bool{}
		for _, c := range v.chunks {
			for _, n := range c.res.bound {
				v.defined[n] = true
			}
		}
	})
	return v.defined[name]
}

// moduleKind is the kind the whole analysis gives an occurrence of the
// module's binding of name that a chunk alone sees as k: builtin when no
// chunk binds the name and builtins have it (symtab's rule).
func (v *View) moduleKind(k symtab.Kind, name string) symtab.Kind {
	if k != symtab.KindGlobal && k != symtab.KindBuiltin {
		return k
	}
	if !v.isDefined(name) && symtab.IsBuiltin(name) {
		return symtab.KindBuiltin
	}
	return symtab.KindGlobal
}

// moduleOccs returns every occurrence of the module's binding of name, in
// source order.
func (v *View) moduleOccs(name string) []modOcc {
	var out []modOcc
	for _, c := range v.chunks {
		d := c.delta()
		for _, o := range c.res.modOccs[name] {
			out = append(out, modOcc{shift(o.r, d), o.role})
		}
	}
	return out
}

// Hover is File.Hover.
func (v *View) Hover(pos ast.Pos) (h *HoverInfo, ok bool) {
	v.fill()
	if v.wholeOnly {
		return v.whole.Hover(pos), true
	}
	f := v.fileAt(pos.Line)
	if f == nil {
		return nil, false
	}
	if ix := f.index(); ix.codeAt(pos) == ix.module {
		return nil, false // module-level code (see the file's comment)
	}
	h, occ, usesModule := f.hover(pos)
	if usesModule {
		return nil, false
	}
	if occ != nil && isModuleBinding(f, occ) {
		name := occ.Binding.Name
		h.Kind = v.moduleKind(h.Kind, name)
		h.Bound = nil
		for _, o := range v.moduleOccs(name) {
			if o.role.IsDefinition() {
				h.Bound = append(h.Bound, Bound{o.r, o.role})
			}
		}
	}
	return h, true
}

// Definition is File.Definition.
func (v *View) Definition(pos ast.Pos) ([]Range, bool) {
	v.fill()
	if v.wholeOnly {
		return v.whole.Definition(pos), true
	}
	f := v.fileAt(pos.Line)
	if f == nil {
		return nil, false
	}
	occ := f.OccurrenceAt(pos)
	if occ == nil || !isModuleBinding(f, occ) {
		return f.Definition(pos), true
	}
	var out []Range
	for _, o := range v.moduleOccs(occ.Binding.Name) {
		if o.role.IsDefinition() {
			out = append(out, o.r)
		}
	}
	return out, true
}

// References is File.References.
func (v *View) References(pos ast.Pos, includeDecl bool) ([]Range, bool) {
	v.fill()
	if v.wholeOnly {
		return v.whole.References(pos, includeDecl), true
	}
	f := v.fileAt(pos.Line)
	if f == nil {
		return nil, false
	}
	occ := f.OccurrenceAt(pos)
	if occ == nil || !isModuleBinding(f, occ) {
		return f.References(pos, includeDecl), true
	}
	var out []Range
	for _, o := range v.moduleOccs(occ.Binding.Name) {
		if includeDecl || !o.role.IsDefinition() {
			out = append(out, o.r)
		}
	}
	return out, true
}

// Highlights is File.Highlights.
func (v *View) Highlights(pos ast.Pos) ([]Highlight, bool) {
	v.fill()
	if v.wholeOnly {
		return v.whole.Highlights(pos), true
	}
	f := v.fileAt(pos.Line)
	if f == nil {
		return nil, false
	}
	occ := f.OccurrenceAt(pos)
	if occ == nil || !isModuleBinding(f, occ) {
		return f.Highlights(pos), true
	}
	var out []Highlight
	for _, o := range v.moduleOccs(occ.Binding.Name) {
		out = append(out, Highlight{o.r, highlightKind(o.role)})
	}
	return out, true
}

// InlayHints is File.InlayHints. It declines when the chunks the range
// overlaps hold more than a quarter of a large buffer (the whole analysis
// then costs about as much, and answers every later question).
func (v *View) InlayHints(r Range) ([]InlayHint, bool) {
	v.fill()
	if v.wholeOnly {
		return v.whole.InlayHints(r), true
	}
	first, last := v.chunkAt(r.Start.Line), v.chunkAt(r.End.Line)
	if first < 0 {
		return nil, false
	}
	if last < 0 {
		last = len(v.chunks) - 1 // past the end
	}
	if last >= v.gate() {
		return nil, false
	}
	size := 0
	for _, c := range v.chunks[first : last+1] {
		size += len(c.text)
	}
	if size > len(v.src)/4 && size > cheapBytes && last > first {
		return nil, false
	}
	var out []InlayHint
	for _, c := range v.chunks[first : last+1] {
		f := v.fileOf(c)
		if f.index() == nil {
			return nil, false
		}
		for _, h := range f.InlayHints(r) {
			if c.line <= h.Pos.Line && h.Pos.Line < c.endLine { // not the context's
				out = append(out, h)
			}
		}
	}
	return out, true
}

// Bytecode is File.Bytecode. It declines for positions whose innermost
// code object is the module's.
func (v *View) Bytecode(pos ast.Pos) (bc *Bytecode, ok bool, err error) {
	v.fill()
	if v.wholeOnly {
		bc, err := v.whole.Bytecode(pos)
		return bc, true, err
	}
	f := v.fileAt(pos.Line)
	if f == nil {
		return nil, false, nil
	}
	ix := f.index()
	ci := ix.codeAt(pos)
	if ci == ix.module {
		return nil, false, nil
	}
	return ci.bytecode(), true, nil
}
