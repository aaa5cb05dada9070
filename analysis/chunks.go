package analysis

// This file computes a buffer's diagnostics incrementally, so that an edit
// costs the analysis of the top-level statement it touched rather than of
// the whole buffer (Diagnoser, and the View of each version of the buffer,
// which view.go also uses to answer questions about a position).
//
// The buffer is cut into chunks at the starts of its top-level statements
// (splitChunks): a line that starts at column 0 with a statement, outside
// any bracket, string (f-strings and their nested replacement fields
// included) or backslash continuation, and that does not continue a
// compound statement (else, elif, except, finally) or follow a decorator.
// At such a line CPython's tokenizer is in a clean state (no open bracket,
// indentation back to 0), so the chunk parses alone into exactly the
// statements the whole buffer has there, and everything CPython computes
// for a top-level statement — its syntax errors, its blocks' symbol tables,
// the code objects of its functions and classes, their compile errors and
// the LOAD_FAST_CHECKs the unbound-read analysis starts from — depends on
// that statement alone. The exceptions are whole-module matters, handled
// here: names bound nowhere in the module (each chunk reports the global
// names it reads and the module names it binds; the merge compares them
// across chunks, and a star import anywhere silences them), `from
// __future__` imports (they must come first: the chunks after them are
// analysed after a prologue line that imports the same features, see
// prologueOf), and coding cookies and null bytes (a buffer that has one
// is analysed whole). (Three facts of the module's symbol table reach the
// code of its functions and module-level statements; view.go's context
// deals with them, and they do not change diagnostics.)
//
// Each chunk is analysed on its own text, at line 1 (2 after a prologue),
// and its diagnostics are kept relative to its first line, keyed by its
// text: a chunk that only moved (lines inserted above it) is reused,
// shifted. A chunk whose diagnostics quote line numbers ("detected at
// line 12") is analysed at its real line instead, padded with empty
// lines, and keyed by text and line. The cache keeps the chunks of the
// last pass.
//
// Differences from analysing the whole buffer appear only in broken
// buffers, and are deliberate: each chunk's errors are reported (not only
// what follows the first error's recovery), a compile error in one chunk
// does not hide the unbound-read warnings of the others, and the parser's
// recovery never crosses a chunk boundary. For a buffer without errors the
// diagnostics are identical (the tests check it on the standard library).

import (
	"bytes"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

// Diagnoser computes the diagnostics of successive versions of one buffer,
// reusing the analysis of the chunks that did not change. It is safe for
// concurrent use.
type Diagnoser struct {
	mu    sync.Mutex
	cache map[string]*chunkResult
	// analysed counts the chunks analysed (not found in the cache).
	analysed int

	// files holds the Files of the chunks that views answered questions
	// about, each analysed at its line (view.go), the most recently used
	// last.
	filesMu sync.Mutex
	files   []chunkFile
	// fileAnalyses counts the chunk Files analysed.
	fileAnalyses int
}

// NewDiagnoser returns a Diagnoser with an empty cache.
func NewDiagnoser() *Diagnoser { return &Diagnoser{cache: map[string]*chunkResult{}} }

// chunkResult is what a chunk contributes to the buffer's diagnostics,
// with lines relative to the chunk's first line (unless padded).
type chunkResult struct {
	// parseDiags are the parser's errors, diags the other diagnostics.
	parseDiags, diags []Diagnostic
	// atEnd reports that a parser error lies on the chunk's last line of
	// code or after it, where it may depend on the text that follows.
	atEnd bool
	// bound are the module-level names the chunk binds.
	bound []string
	// reads are the reads and deletions of global names the chunk does
	// not bind, and are neither builtins nor module attributes.
	reads      []globalRead
	starImport bool
	// padded reports that the chunk was analysed at its real line: its
	// positions are absolute.
	padded bool

	// What the view's answers need (view.go). clean reports that the
	// chunk parses, its symbol table builds and it compiles, without an
	// error; declares that a global or nonlocal statement stands at
	// module level; stops that a module-level statement may end the
	// module's flow (raise, assert, while, return), after which CPython's
	// flow graph may find the rest of the module unreachable.
	clean, declares, stops bool
	// modOccs are the occurrences of the names of the module's own
	// binding (globals, and builtins), by name, in source order.
	modOccs map[string][]modOcc
	// imports are the names the module's symbol table marks as imported
	// (DEF_IMPORT), and super reports that it has `super` at all: the
	// compiler reads both from the whole module's table when it compiles
	// a method call (o.m() of an imported module o is not compiled with
	// LOAD_ATTR's method form) or super().m.
	imports []string
	super   bool
	// globals are the names the chunk's functions declare global: the
	// module's table marks them (DEF_GLOBAL), and module-level code
	// then uses STORE_GLOBAL, LOAD_GLOBAL, DELETE_GLOBAL for them.
	globals []string
}

// modOcc is an occurrence of a module-level name.
type modOcc struct {
	r    Range
	role symtab.Role
}

// globalRead is a read of a global name.
type globalRead struct {
	name string
	r    Range
}

// lineRef finds messages that quote a line number.
var lineRef = regexp.MustCompile(`line \d`)

// cookieRe finds what could be a PEP 263 coding declaration.
var cookieRe = regexp.MustCompile(`^[ \t\f]*#.*?coding[:=]`)

// Diagnostics returns the diagnostics of src, as File.Diagnostics would for
// a buffer without errors: those of d.View(src, opts).
func (d *Diagnoser) Diagnostics(src []byte, opts Options) []Diagnostic {
	return d.View(src, opts).Diagnostics()
}

// View cuts src into chunks and returns its view. The chunks not met
// before are analysed, in parallel, when the view is first asked a
// question (Pending says how much text that is).
func (d *Diagnoser) View(src []byte, opts Options) *View {
	v := &View{d: d, src: src, opts: opts}
	var starts []int
	prologue, covers, ok := "", 0, !wholeOnly(src)
	if ok {
		starts = splitChunks(src)
		prologue, covers, ok = prologueOf(src, starts)
	}
	if !ok {
		v.wholeOnly = true
		v.pending.Store(int64(len(src)))
		return v
	}
	d.mu.Lock()
	defer d.mu.Unlock()

	v.chunks = make([]*viewChunk, len(starts))
	chunks := v.chunks
	v.next = make(map[string]*chunkResult, len(starts))
	line := 1
	pending := 0
	for i, s := range starts {
		end := len(src)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		if i > 0 {
			line += countLines(src[starts[i-1]:s])
		}
		chunks[i] = &viewChunk{text: src[s:end], line: line}
		if i >= covers {
			chunks[i].prologue = prologue
		}
		if key, res := d.cached(chunks[i].text, line, chunks[i].prologue); res != nil {
			chunks[i].res = res
			v.next[key] = res
		} else {
			v.misses = append(v.misses, i)
			pending += end - s
		}
	}
	for i := range chunks {
		if i+1 < len(chunks) {
			chunks[i].endLine = chunks[i+1].line
		} else {
			chunks[i].endLine = line + countLines(chunks[i].text) + 1
		}
	}
	v.pending.Store(int64(pending))
	return v
}

// fill analyses what the view has yet to (the chunks not met before, or
// the whole buffer), once.
func (v *View) fill() {
	v.fillOnce.Do(func() {
		defer v.pending.Store(0)
		if v.wholeOnly {
			v.whole = Analyze(v.src, v.opts)
			return
		}
		d := v.d
		d.mu.Lock()
		defer d.mu.Unlock()
		// Another view may have analysed some since.
		var misses []int
		for _, i := range v.misses {
			c := v.chunks[i]
			if key, res := d.cached(c.text, c.line, c.prologue); res != nil {
				c.res = res
				v.next[key] = res
			} else {
				misses = append(misses, i)
			}
		}
		// Analyse the new chunks, on every processor.
		chunks := v.chunks
		results := make([]*chunkResult, len(misses))
		keys := make([]string, len(misses))
		work := make(chan int)
		var wg sync.WaitGroup
		for w := 0; w < min(runtime.GOMAXPROCS(0), len(misses)); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range work {
					c := chunks[misses[j]]
					keys[j], results[j] = analyzeChunk(c.text, c.line, c.prologue, v.opts)
				}
			}()
		}
		for j := range misses {
			work <- j
		}
		close(work)
		wg.Wait()
		for j, i := range misses {
			chunks[i].res = results[j]
			v.next[keys[j]] = results[j]
		}
		d.analysed += len(misses)
		d.cache = v.next
		v.next, v.misses = nil, nil
	})
}

// Pending returns how many bytes of text the view has yet to analyse
// before it answers: the chunks not met before (all of the buffer when it
// is analysed whole); 0 once it has.
func (v *View) Pending() int { return int(v.pending.Load()) }

// Diagnostics returns the diagnostics of the view's text, as
// File.Diagnostics would for a buffer without errors. A chunk's syntax
// errors are its own, unless one lies on its last line of code (or after
// it): such an error may depend on the token that follows the chunk
// ("expected an indented block" is reported at the next statement), so
// then the parser's errors are those of the whole buffer.
func (v *View) Diagnostics() []Diagnostic {
	v.fill()
	if v.wholeOnly {
		return v.whole.Diagnostics()
	}
	bound := map[string]bool{}
	star, broken := false, false
	for _, c := range v.chunks {
		for _, n := range c.res.bound {
			bound[n] = true
		}
		star = star || c.res.starImport
		broken = broken || c.res.atEnd
	}
	var out []Diagnostic
	if broken {
		res := parser.ParseEditor(v.src, parser.Options{Filename: v.opts.Filename})
		out = parseDiagnostics(res.Errors, v.src)
	}
	for _, c := range v.chunks {
		delta := c.delta()
		if !broken {
			for _, dg := range c.res.parseDiags {
				out = append(out, withRange(dg, shift(dg.Range, delta)))
			}
		}
		for _, dg := range c.res.diags {
			out = append(out, withRange(dg, shift(dg.Range, delta)))
		}
		if star {
			continue
		}
		for _, r := range c.res.reads {
			if !bound[r.name] {
				out = append(out, undefinedName(r.name, shift(r.r, delta)))
			}
		}
	}
	sortDiagnostics(out)
	return out
}

func withRange(d Diagnostic, r Range) Diagnostic {
	d.Range = r
	return d
}

// wholeOnly reports whether src must be analysed whole: it has a coding
// declaration or byte-order mark, or a null byte (CPython rejects the
// whole source for it). (A buffer with __future__ imports is cut unless
// prologueOf says otherwise.)
func wholeOnly(src []byte) bool {
	return hasCookie(src, 0) || bytes.IndexByte(src, 0) >= 0
}

// futureFeatures are the features of CPython 3.13's __future__ module.
var futureFeatures = map[string]bool{
	"nested_scopes": true, "generators": true, "division": true, "absolute_import": true,
	"with_statement": true, "print_function": true, "unicode_literals": true,
	"barry_as_FLUFL": true, "generator_stop": true, "annotations": true,
}

// prologueOf handles the __future__ imports of src, cut into chunks at
// starts. Future imports change how the rest of the module is parsed and
// compiled, and must come first: when the chunks up to the last that
// mentions __future__ hold nothing but a docstring and valid future
// imports, every chunk after them (covers is their number) is analysed
// after a prologue, on its first line, that imports the same features
// under the same names. Otherwise (a late or invalid future import,
// __future__ named elsewhere), ok is false and the buffer is analysed
// whole.
func prologueOf(src []byte, starts []int) (prologue string, covers int, ok bool) {
	last := -1
	for i, s := range starts {
		end := len(src)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		if bytes.Contains(src[s:end], []byte("__future__")) {
			last = i
		}
	}
	if last < 0 {
		return "", 0, true
	}
	end := len(src)
	if last+1 < len(starts) {
		end = starts[last+1]
	}
	res := parser.Parse(src[:end], parser.Options{})
	mod, isMod := res.Tree.(*ast.Module)
	if res.Err != nil || res.Fatal != "" || !isMod {
		return "", 0, false
	}
	var names []string
	for i, st := range mod.Body {
		switch st := st.(type) {
		case *ast.ExprStmt:
			if c, ok := st.Value.(*ast.Constant); !ok || i > 0 || !isStr(c) {
				return "", 0, false
			}
		case *ast.ImportFrom:
			if st.Module != "__future__" || st.Level != 0 {
				return "", 0, false
			}
			for _, a := range st.Names {
				if !futureFeatures[a.Name] {
					return "", 0, false
				}
				if a.Asname != "" {
					names = append(names, a.Name+" as "+a.Asname)
				} else {
					names = append(names, a.Name)
				}
			}
		default:
			return "", 0, false
		}
	}
	if names == nil {
		return "", last + 1, true
	}
	return "from __future__ import " + strings.Join(names, ", ") + "\n", last + 1, true
}

// isStr reports whether a constant is a str.
func isStr(c *ast.Constant) bool { return c.Value != nil && c.Value.TypeName() == "str" }

// cached returns a chunk's result from the cache, and its key.
func (d *Diagnoser) cached(text []byte, line int, prologue string) (string, *chunkResult) {
	key := prologue + string(text)
	if res := d.cache[key]; res != nil {
		return key, res
	}
	lineKey := key + "\x00" + itoa(line)
	if res := d.cache[lineKey]; res != nil {
		return lineKey, res
	}
	return "", nil
}

// analyzeChunk analyses a chunk found at line line, and returns its key:
// the chunk is analysed at line 1 (2 after a prologue, which is line 1)
// and keyed by its text (after its prologue), unless its diagnostics
// quote line numbers or its first lines could be taken for a coding
// declaration; then it is analysed at its line and keyed by text and
// line.
func analyzeChunk(text []byte, line int, prologue string, opts Options) (string, *chunkResult) {
	key := prologue + string(text)
	lineKey := key + "\x00" + itoa(line)
	base := 1
	if prologue != "" {
		base = 2
	}
	if line > base && hasCookie(text, 2) {
		return lineKey, analyzeChunkAt(text, line, prologue, opts)
	}
	res := analyzeChunkAt(text, base, prologue, opts)
	if line > base {
		for _, dgs := range [][]Diagnostic{res.parseDiags, res.diags} {
			for _, dg := range dgs {
				if lineRef.MatchString(dg.Message) {
					return lineKey, analyzeChunkAt(text, line, prologue, opts)
				}
			}
		}
	}
	return key, res
}

// analyzeChunkAt analyses a chunk as a module, at line line, after its
// prologue (whose occurrences are not the chunk's). Its results are
// relative to its first line, unless that is its real line.
func analyzeChunkAt(text []byte, line int, prologue string, opts Options) *chunkResult {
	src := padTo(prologue, text, line, "")
	f := Analyze(src, opts)
	base := 1
	if prologue != "" {
		base = 2
	}
	res := &chunkResult{padded: line > base}
	res.parseDiags = parseDiagnostics(f.SyntaxErrors, src)
	last := line - 1 + lastCodeLine(text)
	for _, dg := range res.parseDiags {
		if dg.Range.Start.Line >= last {
			res.atEnd = true
		}
	}
	res.diags = f.diagnostics(false)
	// The chunk's own occurrences start at line; the prologue's are
	// before.
	own := func(o *symtab.Occurrence) bool { return o.Range.Lineno >= line }
	if f.Symbols != nil {
		top := f.Symbols.Top
		res.modOccs = map[string][]modOcc{}
		imported := map[string]bool{}
		for _, b := range f.Symbols.Bindings() {
			if b.Owner != top {
				continue
			}
			var occs []modOcc
			defined := false
			for _, o := range b.Occurrences {
				if !own(o) {
					continue
				}
				occs = append(occs, modOcc{rangeOf(o.Range), o.Role})
				defined = defined || o.Role.IsDefinition()
				imported[b.Name] = imported[b.Name] || o.Role == symtab.RoleImport && o.Table == top
			}
			if defined {
				res.bound = append(res.bound, b.Name)
			}
			if occs != nil {
				res.modOccs[b.Name] = occs
			}
		}
		for _, name := range top.Symbols() {
			// The prologue's names are imported too: only by an import
			// of the chunk's own do they count.
			if top.Flags(name)&symtab.DefImport != 0 && (prologue == "" || imported[name]) {
				res.imports = append(res.imports, name)
			}
		}
		res.super = (top.Flags("super")>>symtab.ScopeOffset)&symtab.ScopeMask != 0
		for _, name := range top.Symbols() {
			if top.Flags(name)&symtab.DefGlobal != 0 {
				res.globals = append(res.globals, name)
			}
		}
		for _, o := range f.occurrences() {
			if !own(o) {
				continue
			}
			if isUndefinedRead(o) {
				res.reads = append(res.reads, globalRead{o.Mangled, rangeOf(o.Range)})
			}
			if o.Table == top && (o.Role == symtab.RoleGlobal || o.Role == symtab.RoleNonlocal) {
				res.declares = true
			}
		}
	}
	res.starImport = hasStarImport(f.Tree)
	res.clean = len(f.SyntaxErrors) == 0 && len(f.SymtabErrors) == 0 && f.Code != nil && f.CompileErr == nil &&
		len(f.Internal) == 0 && f.Symbols != nil
	res.stops = mayStop(f.Tree)
	return res
}

// mayStop reports whether a module-level statement of m (outside defs,
// classes and lambdas) may end the module's flow: a raise, an assert
// (whose test may be false), a while loop (which may never end), a return
// (an error there). CPython's flow graph drops the code it proves
// unreachable after such a statement, nested code objects included.
func mayStop(m *ast.Module) bool {
	stop := false
	ast.Inspect(m, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef, *ast.Lambda:
			return false
		case *ast.Raise, *ast.Assert, *ast.While, *ast.Return:
			stop = true
		}
		return !stop
	})
	return stop
}

// padTo returns a new slice holding text preceded by its prologue (a
// line; line is then at least 2) and empty lines, so that it starts at
// line line, and followed by suffix.
func padTo(prologue string, text []byte, line int, suffix string) []byte {
	n := max(line-1, 0)
	out := make([]byte, 0, n+len(prologue)+len(text)+len(suffix))
	if prologue != "" {
		out = append(out, prologue...)
		n--
	}
	for ; n > 0; n-- {
		out = append(out, '\n')
	}
	return append(append(out, text...), suffix...)
}

// lastCodeLine returns the 1-based number of the last line of text that
// is neither blank nor a comment (1 if there is none).
func lastCodeLine(text []byte) int {
	last, n := 1, 0
	for len(text) > 0 {
		n++
		l := text
		if j := bytes.IndexAny(text, "\r\n"); j >= 0 {
			l = text[:j]
			if text[j] == '\r' && j+1 < len(text) && text[j+1] == '\n' {
				j++
			}
			text = text[j+1:]
		} else {
			text = nil
		}
		if t := bytes.TrimLeft(l, " \t\f"); len(t) > 0 && t[0] != '#' {
			last = n
		}
	}
	return last
}

// shift moves a range down by delta lines.
func shift(r Range, delta int) Range {
	r.Start.Line += delta
	r.End.Line += delta
	return r
}

// countLines counts the line breaks of b (\n, \r\n, \r).
func countLines(b []byte) int {
	n := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\n':
			n++
		case '\r':
			n++
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		}
	}
	return n
}

// hasCookie reports whether one of the first lines of b (all of them when
// lines is 0, else that many) could be a coding declaration, or b starts
// with a byte-order mark. (Only the first two lines of a file can hold
// one; a chunk must not mistake a comment for one.)
func hasCookie(b []byte, lines int) bool {
	if bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		return true
	}
	if lines == 0 {
		lines = 2
	}
	for i := 0; i < lines && len(b) > 0; i++ {
		l := b
		if j := bytes.IndexAny(b, "\r\n"); j >= 0 {
			l, b = b[:j], b[j+1:]
		} else {
			b = nil
		}
		if cookieRe.Match(l) {
			return true
		}
	}
	return false
}

func itoa(n int) string {
	var buf [20]byte
	i := len(buf)
	for n >= 10 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	i--
	buf[i] = byte('0' + n)
	return string(buf[i:])
}

// isUndefinedRead reports whether an occurrence reads (or deletes) a
// global name that its module does not bind, that is not a builtin and
// that every module has (__file__, …).
func isUndefinedRead(o *symtab.Occurrence) bool {
	if o.Kind != symtab.KindGlobal || o.Binding == nil || o.Binding.Defined {
		return false
	}
	if o.Role != symtab.RoleLoad && o.Role != symtab.RoleDel {
		return false
	}
	return !moduleDunders[o.Mangled] && !symtab.IsBuiltin(o.Mangled)
}

// splitChunks returns the byte offsets at which the chunks of src start:
// 0, then the start of each line that begins a top-level statement.
func splitChunks(src []byte) []int {
	sc := chunkScanner{src: src}
	return sc.split()
}

// chunkScanner follows Python's lexical structure just enough to know,
// at each line start, whether the tokenizer is outside brackets, strings
// and continuations.
type chunkScanner struct {
	src []byte
	i   int
	// stack holds the f-strings being scanned and, for each, the bracket
	// depth of the code around its replacement field.
	stack []fstringState
	depth int // bracket depth of the current code
}

// fstringState is an f-string being scanned.
type fstringState struct {
	quote       byte
	triple, raw bool
	// outerDepth is the bracket depth of the code the f-string is in.
	outerDepth int
	// inField reports that the scanner is in a replacement field (code);
	// fieldDepth is the bracket depth at the field's start; inSpec that
	// it is in the field's format spec (text again).
	inField    bool
	fieldDepth int
	inSpec     bool
}

func (sc *chunkScanner) split() []int {
	starts := []int{0}
	src := sc.src
	lineStart := len(src) > 0
	continued := false // the previous line ended with a backslash
	afterDecorator := false
	for sc.i < len(src) {
		if lineStart {
			lineStart = false
			if len(sc.stack) == 0 && sc.depth == 0 && !continued {
				switch kind := lineKind(src[sc.i:]); kind {
				case lineStatement:
					if !afterDecorator && sc.i > 0 {
						starts = append(starts, sc.i)
					}
					afterDecorator = false
				case lineDecorator:
					if !afterDecorator && sc.i > 0 {
						starts = append(starts, sc.i)
					}
					afterDecorator = true
				case lineContinuation:
					afterDecorator = false
				}
			}
			continued = false
		}
		c := src[sc.i]
		if len(sc.stack) > 0 && sc.inText() {
			if sc.scanFStringText() {
				lineStart = true
			}
			continue
		}
		switch {
		case c == '#':
			for sc.i < len(src) && src[sc.i] != '\n' && src[sc.i] != '\r' {
				sc.i++
			}
		case c == '\\' && sc.i+1 < len(src) && (src[sc.i+1] == '\n' || src[sc.i+1] == '\r'):
			sc.i++
			if src[sc.i] == '\r' && sc.i+1 < len(src) && src[sc.i+1] == '\n' {
				sc.i++
			}
			sc.i++
			continued = true
			lineStart = true
		case c == '\n' || c == '\r':
			if c == '\r' && sc.i+1 < len(src) && src[sc.i+1] == '\n' {
				sc.i++
			}
			sc.i++
			lineStart = true
		case c == '(' || c == '[' || c == '{':
			sc.depth++
			sc.i++
		case c == ')' || c == ']':
			if sc.depth > 0 {
				sc.depth--
			}
			sc.i++
		case c == '}':
			if n := len(sc.stack); n > 0 && sc.stack[n-1].inField && sc.depth == sc.stack[n-1].fieldDepth {
				// The end of a replacement field: back to the f-string's text.
				sc.stack[n-1].inField, sc.stack[n-1].inSpec = false, false
			} else if sc.depth > 0 {
				sc.depth--
			}
			sc.i++
		case c == ':' && len(sc.stack) > 0 && sc.stack[len(sc.stack)-1].inField && sc.depth == sc.stack[len(sc.stack)-1].fieldDepth:
			// A format spec: text, with nested fields.
			sc.stack[len(sc.stack)-1].inSpec = true
			sc.i++
		case c == '\'' || c == '"':
			if sc.scanString() {
				lineStart = true
			}
		default:
			sc.i++
			for sc.i < len(src) && !splitSpecial[src[sc.i]] {
				sc.i++ // nothing the scanner follows
			}
		}
	}
	return starts
}

// inText reports whether the scanner is in the text of the innermost
// f-string (not in a replacement field's code).
func (sc *chunkScanner) inText() bool {
	top := &sc.stack[len(sc.stack)-1]
	return !top.inField || top.inSpec
}

// scanString scans a string literal starting at a quote, its prefix
// being the letters just before it. It reports whether the string ended
// a line that the tokenizer ends too (an unterminated single-quoted
// string).
func (sc *chunkScanner) scanString() bool {
	src := sc.src
	q := src[sc.i]
	// The prefix: letters right before the quote, not preceded by an
	// identifier character.
	p := sc.i
	for p > 0 && isLetter(src[p-1]) {
		p--
	}
	if p > 0 && isIdentChar(src[p-1]) {
		p = sc.i // part of an identifier: no prefix
	}
	prefix := strings.ToLower(string(src[p:sc.i]))
	if !validPrefix(prefix) {
		prefix = ""
	}
	raw := strings.Contains(prefix, "r")
	triple := sc.i+2 < len(src) && src[sc.i+1] == q && src[sc.i+2] == q
	if triple {
		sc.i += 3
	} else {
		sc.i++
	}
	if strings.Contains(prefix, "f") {
		sc.stack = append(sc.stack, fstringState{quote: q, triple: triple, raw: raw, outerDepth: sc.depth})
		return false
	}
	for sc.i < len(src) {
		c := src[sc.i]
		switch {
		case c == '\\':
			sc.i += 2
			if sc.i <= len(src) && src[sc.i-1] == '\r' && sc.i < len(src) && src[sc.i] == '\n' {
				sc.i++
			}
		case c == q && (!triple || sc.i+2 < len(src) && src[sc.i+1] == q && src[sc.i+2] == q):
			if triple {
				sc.i += 3
			} else {
				sc.i++
			}
			return false
		case (c == '\n' || c == '\r') && !triple:
			return false // unterminated: the tokenizer gives up at the line's end
		default:
			sc.i++
		}
	}
	return false
}

// scanFStringText scans the text of the innermost f-string (or of its
// format spec) up to a replacement field, its end, or the end of the line
// of a single-quoted one; it reports whether it stopped at a line start.
func (sc *chunkScanner) scanFStringText() bool {
	src := sc.src
	top := &sc.stack[len(sc.stack)-1]
	for sc.i < len(src) {
		c := src[sc.i]
		switch {
		case c == '\\' && !top.raw:
			sc.i += 2
		case c == '{':
			if !top.inSpec && sc.i+1 < len(src) && src[sc.i+1] == '{' {
				sc.i += 2
				continue
			}
			sc.i++
			if top.inSpec {
				// A nested field in the format spec: code again until its '}'.
				top.inSpec = false
			}
			top.inField, top.fieldDepth = true, sc.depth
			return false
		case c == '}':
			if top.inSpec {
				// The end of the field whose spec this is.
				top.inField, top.inSpec = false, false
				sc.i++
				continue
			}
			sc.i++
			if sc.i < len(src) && src[sc.i] == '}' {
				sc.i++
			}
		case c == top.quote && (!top.triple || sc.i+2 < len(src) && src[sc.i+1] == top.quote && src[sc.i+2] == top.quote):
			if top.triple {
				sc.i += 3
			} else {
				sc.i++
			}
			sc.depth = top.outerDepth
			sc.stack = sc.stack[:len(sc.stack)-1]
			return false
		case (c == '\n' || c == '\r') && !top.triple:
			// Unterminated: the tokenizer gives up on the string here.
			sc.depth = top.outerDepth
			sc.stack = sc.stack[:len(sc.stack)-1]
			return false
		default:
			sc.i++
		}
	}
	return false
}

// splitSpecial holds the bytes the scanner acts on outside strings.
var splitSpecial = func() (t [256]bool) {
	for _, c := range []byte("#\\\n\r()[]{}:'\"") {
		t[c] = true
	}
	return
}()

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isIdentChar(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' || c == '_' || c >= 0x80 }

// validPrefix reports whether p (lower case) is a string prefix.
func validPrefix(p string) bool {
	switch p {
	case "", "r", "u", "b", "f", "br", "rb", "fr", "rf":
		return true
	}
	return false
}

// Line kinds at a top-level line start.
const (
	lineOther        = iota // blank, comment, indented, form feed
	lineStatement           // a statement starts here
	lineDecorator           // a decorator starts here
	lineContinuation        // else/elif/except/finally: the statement above goes on
)

// lineKind classifies a line that starts outside brackets and strings.
func lineKind(b []byte) int {
	if len(b) == 0 {
		return lineOther
	}
	switch b[0] {
	case ' ', '\t', '\f', '#', '\n', '\r', '\\':
		return lineOther
	case '@':
		return lineDecorator
	}
	for _, kw := range [...]string{"else", "elif", "except", "finally"} {
		if bytes.HasPrefix(b, []byte(kw)) && (len(b) == len(kw) || !isIdentChar(b[len(kw)])) {
			return lineContinuation
		}
	}
	return lineStatement
}
