package vm

import (
	"os"
	"strings"
)

// This file prints uncaught exceptions exactly as CPython 3.13 does. In
// 3.13 the default sys.excepthook hands the exception to
// traceback._print_exception_bltin, so the specification is Lib/
// traceback.py: a TracebackException is built for the exception and, in
// the order that module visits them, for its __cause__, __context__ and
// the members of exception groups (each exception once); then it is
// formatted: the chain from the oldest exception, each with its
// "Traceback (most recent call last):" block of frame summaries
// (traceback_frame.go draws the source lines and the ~~~^^^ markers), its
// "Type: message" line (SyntaxError's caret block), its notes, and the
// boxed tree of an exception group. The Go structures below mirror
// TracebackException and _ExceptionPrintContext; the texts they produce
// are computed with the same str(), repr() and attribute lookups, so a
// failing __str__ prints "<exception str() failed>" as in CPython.

// Traceback is one entry of an exception's traceback: a frame and the
// instruction it was running when the exception passed through it.
type Traceback struct {
	ObjectBase
	frame *Frame
	lasti int
	next  *Traceback
	// lineno is tb_lineno when the entry was made by the traceback
	// type's constructor (0: computed from lasti).
	lineno int
}

// newTraceback returns the entry for frame f at instruction lasti,
// before next.
func newTraceback(f *Frame, lasti int, next *Traceback) *Traceback {
	return &Traceback{ObjectBase: ObjectBase{cls: TracebackType}, frame: f, lasti: lasti, next: next}
}

// Line returns the line of the entry (tb_lineno), or -1 when the
// instruction has none.
func (tb *Traceback) Line() int {
	if tb.lineno != 0 {
		return tb.lineno
	}
	return tb.frame.code.position(tb.lasti).Line
}

// Frames returns the entries from the outermost.
func (tb *Traceback) Frames() []*Traceback {
	var out []*Traceback
	for x := tb; x != nil; x = x.next {
		out = append(out, x)
	}
	return out
}

// Frame returns the entry's frame.
func (tb *Traceback) Frame() *Frame { return tb.frame }

// sourceLines returns the lines of a file as linecache.getlines does,
// each with its "\n": the source the interpreter was given for it
// (RememberSource: the -c code, an editor buffer) or the file read
// with universal newlines. Names in angle brackets that were not
// remembered have no lines.
func (in *Interp) sourceLines(filename string) []string {
	if in.sources == nil {
		in.sources = map[string][]string{}
	}
	if ls, ok := in.sources[filename]; ok {
		return ls
	}
	var ls []string
	if filename != "" && !(strings.HasPrefix(filename, "<") && strings.HasSuffix(filename, ">")) {
		if b, err := os.ReadFile(filename); err == nil {
			ls = splitSourceLines(string(b))
		}
	}
	in.sources[filename] = ls
	return ls
}

// RememberSource records the text of a file compiled from memory (the -c
// code, an editor buffer) so that tracebacks can show its lines.
func (in *Interp) RememberSource(filename string, src []byte) {
	if in.sources == nil {
		in.sources = map[string][]string{}
	}
	in.sources[filename] = splitSourceLines(string(src))
}

// splitSourceLines splits a file's text as a text file's readlines()
// does: universal newlines, each line keeping its "\n", a UTF-8 BOM
// dropped.
func splitSourceLines(s string) []string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var out []string
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// getline is linecache.getline: line n (1-based) of a file, or "".
func (in *Interp) getline(filename string, n int) string {
	ls := in.sourceLines(filename)
	if n >= 1 && n <= len(ls) {
		return ls[n-1]
	}
	return ""
}

// tbExc is traceback.TracebackException: what is printed of one
// exception, captured when the printing starts.
type tbExc struct {
	haveType bool
	typeStr  string
	str      string
	// notes is the __notes__ value (Null when absent); notesErr replaces
	// it when reading it failed.
	notes    Value
	notesErr string
	stack    []frameSummary
	syntax   *syntaxInfo

	suppressContext bool
	cause, context  *tbExc
	// exceptions are the members of an exception group (nil otherwise).
	exceptions []*tbExc
	isGroup    bool
}

// syntaxInfo are the fields of a SyntaxError that its block shows.
type syntaxInfo struct {
	filename              Value
	lineno, endLineno     Value // str(lineno) or None, as traceback.py keeps them
	text                  Value
	offset, endOffset     Value
	msg                   Value
	linenoStr, endLineStr string
}

// tbLimit is the limit on the frames shown: none, or the last n (the
// builtin printer's sys.tracebacklimit).
type tbLimit struct {
	set bool
	n   int
}

// builtinLimit reads sys.tracebacklimit as _print_exception_bltin does.
func (t *Thread) builtinLimit() tbLimit {
	v, ok := t.interp.Sys.dict.GetStr("tracebacklimit")
	if !ok || v.IsNone() {
		return tbLimit{}
	}
	n := 0
	if v.IsIntLike() {
		i, _ := intConst(v)
		if x, ok := i.Int64(); ok {
			n = int(min(max(x, -1<<31), 1<<31))
		} else if i.Sign() > 0 {
			n = 1 << 31
		}
	}
	if n < 0 {
		n = 0
	}
	return tbLimit{set: true, n: n}
}

// newTBExc captures exception v and, at the top level (seen == nil on
// entry), the exceptions chained to it, in traceback.py's order.
func (t *Thread) newTBExc(v Value, tb *Traceback, limit tbLimit, seen map[Object]bool) *tbExc {
	top := seen == nil
	if top {
		seen = map[Object]bool{}
	}
	seen[v.Object()] = true
	te := t.captureOne(v, tb, limit)
	if !top {
		return te
	}
	type pending struct {
		te *tbExc
		e  *Exception
	}
	e, _ := v.o.(*Exception)
	queue := []pending{{te, e}}
	for len(queue) > 0 {
		p := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		e := p.e
		if e == nil {
			continue
		}
		var cause, context *tbExc
		if c, ok := e.Cause.o.(*Exception); ok && !seen[c] {
			seen[c] = true
			cause = t.captureOne(e.Cause, c.Traceback, limit)
		}
		if cause == nil && !e.SuppressContext {
			if c, ok := e.Context.o.(*Exception); ok && !seen[c] {
				seen[c] = true
				context = t.captureOne(e.Context, c.Traceback, limit)
			}
		}
		var members []*tbExc
		if p.te.isGroup && e.Exceptions != nil {
			for _, m := range e.Exceptions.items {
				if o := m.Object(); o != nil {
					seen[o] = true
				}
				var mtb *Traceback
				if me, ok := m.o.(*Exception); ok {
					mtb = me.Traceback
				}
				members = append(members, t.captureOne(m, mtb, limit))
			}
			p.te.exceptions = members
		}
		p.te.cause, p.te.context = cause, context
		if cause != nil {
			queue = append(queue, pending{cause, e.Cause.o.(*Exception)})
		}
		if context != nil {
			queue = append(queue, pending{context, e.Context.o.(*Exception)})
		}
		if p.te.isGroup && e.Exceptions != nil {
			for i, m := range e.Exceptions.items {
				me, _ := m.o.(*Exception)
				queue = append(queue, pending{members[i], me})
			}
		}
	}
	return te
}

// captureOne is TracebackException.__init__ for one exception, without
// its chain.
func (t *Thread) captureOne(v Value, tb *Traceback, limit tbLimit) *tbExc {
	te := &tbExc{stack: t.extractTB(tb, limit)}
	if v.IsNull() || v.IsNone() {
		te.str = "None"
		return te
	}
	tp := v.Type()
	te.haveType = true
	te.typeStr = excTypeStr(tp)
	if s, err := StrOf(t, v); err == nil {
		te.str = s.s
	} else {
		te.str = "<exception str() failed>"
	}
	notes, err := getAttrOpt(t, v, Intern("__notes__"))
	if err != nil {
		te.notesErr = "Ignored error getting __notes__: " + safeRepr(t, errValue(err), "__notes__")
	} else {
		te.notes = notes
	}
	e, _ := v.o.(*Exception)
	switch {
	case tp.IsSubtype(SyntaxErrorType) && e != nil:
		te.syntax = t.syntaxInfoOf(v)
	case tp.IsSubtype(ImportErrorType) && e != nil:
		if nf, err := getAttrOpt(t, v, Intern("name_from")); err == nil && !nf.IsNull() && !nf.IsNone() {
			if s := t.computeSuggestion(e, tb, nf); s != "" {
				te.str += ". Did you mean: '" + s + "'?"
			}
		}
	case (tp.IsSubtype(NameErrorType) || tp.IsSubtype(AttributeErrorType)) && e != nil:
		name, err := getAttrOpt(t, v, Intern("name"))
		if err == nil && !name.IsNull() && !name.IsNone() {
			s := t.computeSuggestion(e, tb, name)
			if s != "" {
				te.str += ". Did you mean: '" + s + "'?"
			}
			if tp.IsSubtype(NameErrorType) {
				if ns, ok := name.o.(*Str); ok && isStdlibModuleName(ns.s) {
					if s != "" {
						te.str += " Or did you forget to import '" + ns.s + "'?"
					} else {
						te.str += ". Did you forget to import '" + ns.s + "'?"
					}
				}
			}
		}
	}
	if e != nil {
		te.suppressContext = e.SuppressContext
		te.isGroup = tp.IsSubtype(BaseExceptionGroupType)
	}
	return te
}

// errValue is the exception of an error as a Value (None for an abort).
func errValue(err error) Value {
	if e := asException(err); e != nil {
		return Value{o: e}
	}
	return None
}

// excTypeStr is TracebackException.exc_type_str: the qualified name,
// prefixed by the module unless that is __main__ or builtins.
func excTypeStr(tp *Type) string {
	name := tp.QualName
	if v, ok := tp.Dict.getStr(Intern("__qualname__")); ok {
		if s, ok := v.o.(*Str); ok {
			name = s.s
		}
	}
	mod := "builtins"
	if v, ok := tp.Dict.getStr(Intern("__module__")); ok {
		if s, ok := v.o.(*Str); ok {
			mod = s.s
		} else {
			mod = "<unknown>"
		}
	}
	if mod == "__main__" || mod == "builtins" {
		return name
	}
	return mod + "." + name
}

// safeStr is traceback._safe_string(v, what): str(v), or a placeholder
// when that fails.
func safeStr(t *Thread, v Value, what string) string {
	s, err := StrOf(t, v)
	if err != nil {
		return "<" + what + " str() failed>"
	}
	return s.s
}

// safeRepr is _safe_string(v, what, func=repr).
func safeRepr(t *Thread, v Value, what string) string {
	s, err := Repr(t, v)
	if err != nil {
		return "<" + what + " repr() failed>"
	}
	return s.s
}

// syntaxInfoOf reads a SyntaxError's fields as traceback.py does.
func (t *Thread) syntaxInfoOf(v Value) *syntaxInfo {
	get := func(name string) Value {
		x, err := getAttrOpt(t, v, Intern(name))
		if err != nil || x.IsNull() {
			return None
		}
		return x
	}
	si := &syntaxInfo{filename: get("filename"), lineno: get("lineno"), endLineno: get("end_lineno"),
		text: get("text"), offset: get("offset"), endOffset: get("end_offset"), msg: get("msg")}
	if !si.lineno.IsNone() {
		si.linenoStr = safeStr(t, si.lineno, "lineno")
	}
	if !si.endLineno.IsNone() {
		si.endLineStr = safeStr(t, si.endLineno, "end_lineno")
	}
	return si
}

// frameSummary is traceback.FrameSummary: one frame of a traceback with
// the range of its instruction (-1 for an unknown field).
type frameSummary struct {
	filename, name    string
	lineno, endLineno int
	colno, endColno   int
	hasLineno         bool
}

// extractTB is StackSummary._extract_from_extended_frame_gen over the
// traceback's entries, with the builtin printer's limit.
func (t *Thread) extractTB(tb *Traceback, limit tbLimit) []frameSummary {
	var out []frameSummary
	for x := tb; x != nil; x = x.next {
		co := x.frame.code
		loc := co.position(x.lasti)
		fs := frameSummary{filename: co.filename.s, name: co.name.s,
			lineno: loc.Line, endLineno: loc.EndLine, colno: loc.Col, endColno: loc.EndCol,
			hasLineno: loc.Line >= 0}
		if fs.endLineno < 0 {
			fs.endLineno = fs.lineno
		}
		out = append(out, fs)
	}
	if limit.set {
		lo, _ := pySliceBounds(len(out)-limit.n, len(out), len(out))
		out = out[lo:]
	}
	return out
}

// FormatException returns the text CPython prints for an uncaught
// exception (traceback._print_exception_bltin): the chain of causes and
// contexts, each with its traceback, then the exception's type and
// message, notes and group members.
func (t *Thread) FormatException(e *Exception) string {
	return t.formatExceptionValue(Value{o: e}, e.Traceback, t.builtinLimit())
}

// formatExceptionValue formats any exception value with traceback tb.
func (t *Thread) formatExceptionValue(v Value, tb *Traceback, limit tbLimit) string {
	te := t.newTBExc(v, tb, limit, nil)
	var b strings.Builder
	t.formatTE(&b, te, &excPrintCtx{}, true)
	return b.String()
}

// excPrintCtx is traceback._ExceptionPrintContext: the depth of the
// exception group being printed and whether its box still needs its
// closing line.
type excPrintCtx struct {
	depth     int
	needClose bool
}

func (c *excPrintCtx) indent() string { return strings.Repeat(" ", 2*c.depth) }

// emit writes text with the group margin before each line.
func (c *excPrintCtx) emit(b *strings.Builder, text string, margin byte) {
	prefix := c.indent()
	if c.depth > 0 {
		if margin == 0 {
			margin = '|'
		}
		prefix += string(margin) + " "
	}
	b.WriteString(indentAll(text, prefix))
}

const (
	maxGroupWidth = 15
	maxGroupDepth = 10
)

// formatTE is TracebackException.format.
func (t *Thread) formatTE(b *strings.Builder, top *tbExc, ctx *excPrintCtx, chain bool) {
	type link struct {
		msg string
		te  *tbExc
	}
	var output []link
	if chain {
		for te := top; te != nil; {
			var msg string
			var next *tbExc
			switch {
			case te.cause != nil:
				msg, next = "\nThe above exception was the direct cause of the following exception:\n\n", te.cause
			case te.context != nil && !te.suppressContext:
				msg, next = "\nDuring handling of the above exception, another exception occurred:\n\n", te.context
			}
			output = append(output, link{msg, te})
			te = next
		}
	} else {
		output = append(output, link{"", top})
	}
	for i := len(output) - 1; i >= 0; i-- {
		msg, te := output[i].msg, output[i].te
		if msg != "" {
			ctx.emit(b, msg, 0)
		}
		switch {
		case te.exceptions == nil:
			if len(te.stack) > 0 {
				ctx.emit(b, "Traceback (most recent call last):\n", 0)
				t.emitStack(b, ctx, te.stack)
			}
			ctx.emit(b, t.formatExceptionOnly(te, 0), 0)
		case ctx.depth > maxGroupDepth:
			ctx.emit(b, "... (max_group_depth is "+itoa(maxGroupDepth)+")\n", 0)
		default:
			isTop := ctx.depth == 0
			if isTop {
				ctx.depth++
			}
			if len(te.stack) > 0 {
				margin := byte(0)
				if isTop {
					margin = '+'
				}
				ctx.emit(b, "Exception Group Traceback (most recent call last):\n", margin)
				t.emitStack(b, ctx, te.stack)
			}
			ctx.emit(b, t.formatExceptionOnly(te, 0), 0)
			n := len(te.exceptions)
			if n > maxGroupWidth {
				n = maxGroupWidth + 1
			}
			ctx.needClose = false
			for j := 0; j < n; j++ {
				last := j == n-1
				if last {
					ctx.needClose = true
				}
				truncated := j >= maxGroupWidth
				title := itoa(j + 1)
				if truncated {
					title = "..."
				}
				lead := "  "
				if j == 0 {
					lead = "+-"
				}
				b.WriteString(ctx.indent() + lead + "+---------------- " + title + " ----------------\n")
				ctx.depth++
				if !truncated {
					t.formatTE(b, te.exceptions[j], ctx, chain)
				} else {
					remaining := len(te.exceptions) - maxGroupWidth
					plural := ""
					if remaining > 1 {
						plural = "s"
					}
					ctx.emit(b, "and "+itoa(remaining)+" more exception"+plural+"\n", 0)
				}
				if last && ctx.needClose {
					b.WriteString(ctx.indent() + "+------------------------------------\n")
					ctx.needClose = false
				}
				ctx.depth--
			}
			if isTop {
				ctx.depth = 0
			}
		}
	}
}

// emitStack writes StackSummary.format() through the context's margin.
func (t *Thread) emitStack(b *strings.Builder, ctx *excPrintCtx, stack []frameSummary) {
	for _, s := range t.formatStack(stack) {
		ctx.emit(b, s, 0)
	}
}

// recursiveCutoff is traceback._RECURSIVE_CUTOFF: a frame repeated more
// than this many times in a row is summarized.
const recursiveCutoff = 3

// formatStack is StackSummary.format: one string per frame shown, runs
// of the same frame and line folded into "[Previous line repeated N more
// times]".
func (t *Thread) formatStack(stack []frameSummary) []string {
	var out []string
	var last *frameSummary
	count := 0
	repeated := func() {
		if count > recursiveCutoff {
			n := count - recursiveCutoff
			s := "s"
			if n == 1 {
				s = ""
			}
			out = append(out, "  [Previous line repeated "+itoa(n)+" more time"+s+"]\n")
		}
	}
	for i := range stack {
		fs := &stack[i]
		if last == nil || last.filename != fs.filename || last.lineno != fs.lineno || !last.hasLineno || !fs.hasLineno || last.name != fs.name {
			repeated()
			last = fs
			count = 0
		}
		count++
		if count > recursiveCutoff {
			continue
		}
		out = append(out, t.formatFrameSummary(fs))
	}
	repeated()
	return out
}

// formatExceptionOnly is TracebackException.format_exception_only at
// depth 0: the "Type: message" line (a SyntaxError's block) and the
// notes.
func (t *Thread) formatExceptionOnly(te *tbExc, depth int) string {
	var b strings.Builder
	indent := strings.Repeat(" ", 3*depth)
	if !te.haveType {
		b.WriteString(indent + finalExcLine("None", te.str) + "\n")
		return b.String()
	}
	if te.syntax == nil {
		if depth > 0 {
			for _, l := range strings.Split(finalExcLine(te.typeStr, te.str), "\n") {
				b.WriteString(indent + l + "\n")
			}
		} else {
			b.WriteString(finalExcLine(te.typeStr, te.str) + "\n")
		}
	} else {
		for _, l := range t.formatSyntaxError(te) {
			b.WriteString(indent + l)
		}
	}
	switch {
	case te.notesErr != "":
		b.WriteString(indent + te.notesErr + "\n")
	case te.notes.IsNull() || te.notes.IsNone():
	case isNoteSequence(te.notes):
		items, err := t.collectIterable(te.notes, nil)
		if err != nil {
			break
		}
		for _, n := range items {
			for _, l := range strings.Split(safeStr(t, n, "note"), "\n") {
				b.WriteString(indent + l + "\n")
			}
		}
	default:
		b.WriteString(indent + safeRepr(t, te.notes, "__notes__") + "\n")
	}
	return b.String()
}

// isNoteSequence is isinstance(notes, collections.abc.Sequence) and not
// a str or bytes.
func isNoteSequence(v Value) bool {
	tp := v.Type()
	if tp.IsSubtype(StrType) || tp.IsSubtype(BytesType) {
		return false
	}
	return tp.IsSubtype(ListType) || tp.IsSubtype(TupleType) || tp.IsSubtype(RangeType) || tp.Flags&FlagSequence != 0
}

// finalExcLine is _format_final_exc_line without its newline.
func finalExcLine(stype, str string) string {
	if str == "" {
		return stype
	}
	return stype + ": " + str
}

// formatSyntaxError is TracebackException._format_syntax_error: the
// location, the line with its carets, and "Type: message".
func (t *Thread) formatSyntaxError(te *tbExc) []string {
	si := te.syntax
	var out []string
	suffix := ""
	filename := "<string>"
	if !si.filename.IsNone() {
		if f := safeStr(t, si.filename, "filename"); f != "" {
			filename = f
		}
	}
	if !si.lineno.IsNone() {
		out = append(out, `  File "`+filename+`", line `+si.linenoStr+"\n")
	} else if !si.filename.IsNone() {
		suffix = " (" + safeStr(t, si.filename, "filename") + ")"
	}
	if !si.text.IsNone() {
		text := safeStr(t, si.text, "text")
		if s, ok := si.text.o.(*Str); ok {
			text = s.s
		}
		rtext := strings.TrimRight(text, "\n")
		ltext := strings.TrimLeft(rtext, " \n\f")
		spaces := runeLen(rtext) - runeLen(ltext)
		offset, okOff := excIntOf(si.offset)
		if !okOff {
			out = append(out, "    "+ltext+"\n")
		} else {
			var end int
			if si.lineno.IsNone() == si.endLineno.IsNone() && si.linenoStr == si.endLineStr {
				if e, ok := excIntOf(si.endOffset); ok && e != 0 {
					end = e
				} else {
					end = offset
				}
			} else {
				end = runeLen(rtext) + 1
			}
			textLen := runeLen(text)
			if textLen > 0 && offset > textLen {
				offset = runeLen(rtext) + 1
			}
			if textLen > 0 && end > textLen {
				end = runeLen(rtext) + 1
			}
			if offset >= end || end < 0 {
				end = offset + 1
			}
			colno := offset - 1 - spaces
			endColno := end - 1 - spaces
			out = append(out, "    "+ltext+"\n")
			if colno >= 0 {
				rs := []rune(ltext)
				var caret strings.Builder
				for i := 0; i < colno && i < len(rs); i++ {
					if pyIsSpace(rs[i]) {
						caret.WriteRune(rs[i])
					} else {
						caret.WriteByte(' ')
					}
				}
				if endColno > colno {
					caret.WriteString(strings.Repeat("^", endColno-colno))
				}
				out = append(out, "    "+caret.String()+"\n")
			}
		}
	}
	msg := ""
	if !si.msg.IsNone() {
		if ok, err := Truth(t, si.msg); err == nil && ok {
			msg = safeStr(t, si.msg, "msg")
		}
	}
	if msg == "" {
		msg = "<no detail available>"
	}
	out = append(out, te.typeStr+": "+msg+suffix+"\n")
	return out
}

// smallIntOf returns an int value as a Go int.
func excIntOf(v Value) (int, bool) {
	if v.IsSmallInt() || v.IsBool() {
		return int(v.SmallInt()), true
	}
	if v.IsIntLike() {
		i, _ := intConst(v)
		if n, ok := i.Int64(); ok {
			return int(n), true
		}
	}
	return 0, false
}

func pyLen(s string) int { return NewStr(s).Len() }

func itoa(n int) string {
	return formatInt64(int64(n))
}

func formatInt64(n int64) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	var buf [24]byte
	i := len(buf)
	u := uint64(n)
	if neg {
		u = uint64(-n)
	}
	for u > 0 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

func init() {
	onSetup(func() {
		spec := &ArgSpec{Name: "traceback", Params: []string{"tb_next", "tb_frame", "tb_lasti", "tb_lineno"}, Required: 4}
		TracebackType.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
			var a [4]Value
			if err := spec.Parse(t, args, kw, a[:]); err != nil {
				return Null, err
			}
			var next *Traceback
			if !a[0].IsNone() {
				n, ok := a[0].o.(*Traceback)
				if !ok {
					return Null, t.typeErrorf("expected traceback object or None, got '%s'", typeName(a[0]))
				}
				next = n
			}
			f, ok := a[1].o.(*Frame)
			if !ok {
				return Null, t.typeErrorf("traceback() argument 'tb_frame' must be frame, not %s", typeName(a[1]))
			}
			lasti, err := AsSize(t, a[2], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			lineno, err := AsSize(t, a[3], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			tb := newTraceback(f, lasti/2, next)
			tb.lineno = lineno
			if lineno == 0 {
				tb.lineno = -1 << 31
			}
			return Value{o: tb}, nil
		}
		defMember(TracebackType, "tb_frame", func(t *Thread, self Value) (Value, error) { return Value{o: self.o.(*Traceback).frame}, nil })
		defMember(TracebackType, "tb_lineno", func(t *Thread, self Value) (Value, error) {
			if l := self.o.(*Traceback).lineno; l == -1<<31 {
				return Int(0), nil
			}
			if l := self.o.(*Traceback).Line(); l >= 0 {
				return Int(int64(l)), nil
			}
			return None, nil
		})
		defMember(TracebackType, "tb_lasti", func(t *Thread, self Value) (Value, error) { return Int(int64(2 * self.o.(*Traceback).lasti)), nil })
		defGetSet(TracebackType, "tb_next", func(t *Thread, self Value) (Value, error) {
			if n := self.o.(*Traceback).next; n != nil {
				return Value{o: n}, nil
			}
			return None, nil
		}, func(t *Thread, self, v Value) error {
			tb := self.o.(*Traceback)
			if v.IsNull() {
				return t.typeErrorf("can't delete tb_next attribute")
			}
			if v.IsNone() {
				tb.next = nil
				return nil
			}
			n, ok := v.o.(*Traceback)
			if !ok {
				return t.typeErrorf("expected traceback object or None, got '%s'", typeName(v))
			}
			for c := n; c != nil; c = c.next {
				if c == tb {
					return t.valueErrorf("traceback loop detected")
				}
			}
			tb.next = n
			return nil
		})
	})
}
