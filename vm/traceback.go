package vm

import (
	"os"
	"strings"
)

// Traceback is one entry of an exception's traceback: a frame and the
// instruction it was running when the exception passed through it.
type Traceback struct {
	ObjectBase
	frame *Frame
	lasti int
	next  *Traceback
}

// Line returns the line of the entry (tb_lineno).
func (tb *Traceback) Line() int {
	l := tb.frame.code.position(tb.lasti).Line
	return l
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

// sourceLines reads the lines of a code object's file for tracebacks
// (linecache): the source the interpreter compiled when it has it, else
// the file.
func (in *Interp) sourceLines(filename string) []string {
	if in.sources == nil {
		in.sources = map[string][]string{}
	}
	if ls, ok := in.sources[filename]; ok {
		return ls
	}
	var ls []string
	if b, err := os.ReadFile(filename); err == nil {
		ls = splitSourceLines(string(b))
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

func splitSourceLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Split(s, "\n")
}

// FormatException returns the text CPython prints for an uncaught
// exception (traceback.print_exception): the chain of causes and contexts,
// each with its traceback, then the exception's type and message.
func (t *Thread) FormatException(e *Exception) string {
	var b strings.Builder
	seen := map[*Exception]bool{}
	t.formatChain(&b, e, seen)
	return b.String()
}

func (t *Thread) formatChain(b *strings.Builder, e *Exception, seen map[*Exception]bool) {
	seen[e] = true
	if c, ok := e.Cause.o.(*Exception); ok && !seen[c] {
		t.formatChain(b, c, seen)
		b.WriteString("\nThe above exception was the direct cause of the following exception:\n\n")
	} else if c, ok := e.Context.o.(*Exception); ok && !e.SuppressContext && !seen[c] {
		t.formatChain(b, c, seen)
		b.WriteString("\nDuring handling of the above exception, another exception occurred:\n\n")
	}
	t.formatOne(b, e)
}

func (t *Thread) formatOne(b *strings.Builder, e *Exception) {
	if e.Traceback != nil {
		b.WriteString("Traceback (most recent call last):\n")
		t.formatTraceback(b, e.Traceback)
	}
	b.WriteString(t.formatExceptionOnly(e))
}

// formatTraceback writes the entries of a traceback, collapsing runs of
// the same entry repeated more than three times as CPython does.
func (t *Thread) formatTraceback(b *strings.Builder, tb *Traceback) {
	var last string
	count := 0
	flush := func() {
		if count > 3 {
			n := count - 3
			if n == 1 {
				b.WriteString("  [Previous line repeated 1 more time]\n")
			} else {
				b.WriteString("  [Previous line repeated " + itoa(n) + " more times]\n")
			}
		}
	}
	for x := tb; x != nil; x = x.next {
		co := x.frame.code
		loc := co.position(x.lasti)
		key := co.filename.s + "\x00" + itoa(loc.Line) + "\x00" + co.name.s
		if key == last {
			count++
			if count > 3 {
				continue
			}
		} else {
			flush()
			last = key
			count = 1
		}
		b.WriteString(t.formatFrameEntry(x))
	}
	flush()
}

// formatFrameEntry is one "  File ..., line N, in name" entry with its
// source line and position markers.
func (t *Thread) formatFrameEntry(x *Traceback) string {
	co := x.frame.code
	loc := co.position(x.lasti)
	var b strings.Builder
	b.WriteString(`  File "` + co.filename.s + `", line `)
	if loc.Line < 0 {
		b.WriteString("None")
	} else {
		b.WriteString(itoa(loc.Line))
	}
	b.WriteString(", in " + co.name.s + "\n")
	if loc.Line <= 0 {
		return b.String()
	}
	lines := t.interp.sourceLines(co.filename.s)
	if loc.Line > len(lines) {
		return b.String()
	}
	b.WriteString(formatSourceWithCarets(lines, loc))
	return b.String()
}

// formatExceptionOnly is the last line(s): "Type: message", a
// SyntaxError's source and caret, and the notes.
func (t *Thread) formatExceptionOnly(e *Exception) string {
	var b strings.Builder
	name := e.cls.QualName
	if m := e.cls.ModuleName(); m != "builtins" && m != "__main__" {
		name = m + "." + name
	}
	if e.cls.IsSubtype(SyntaxErrorType) {
		b.WriteString(t.formatSyntaxError(e, name))
	} else {
		msg, err := StrOf(t, Value{o: e})
		text := ""
		if err != nil {
			text = "<exception str() failed>"
		} else {
			text = msg.s
		}
		if text == "" {
			b.WriteString(name + "\n")
		} else {
			b.WriteString(name + ": " + text + "\n")
		}
	}
	if d := e.dict; d != nil {
		if notes, ok := d.getStr(Intern("__notes__")); ok {
			if l, ok := notes.o.(*List); ok {
				for _, n := range l.items {
					s, err := StrOf(t, n)
					if err != nil {
						b.WriteString("<note str() failed>\n")
						continue
					}
					b.WriteString(s.s + "\n")
				}
			} else if r, err := Repr(t, notes); err == nil {
				b.WriteString(r.s + "\n")
			}
		}
	}
	return b.String()
}

// formatSyntaxError is the block CPython prints for a SyntaxError.
func (t *Thread) formatSyntaxError(e *Exception, name string) string {
	var b strings.Builder
	msg := ""
	if !e.Message.IsNull() {
		if s, ok := e.Message.o.(*Str); ok {
			msg = s.s
		}
	} else if e.Args != nil && e.Args.Len() > 0 {
		if s, ok := e.Args.items[0].o.(*Str); ok {
			msg = s.s
		}
	}
	filename := "<string>"
	if s, ok := e.Filename.o.(*Str); ok {
		filename = s.s
	}
	if e.Lineno.IsSmallInt() {
		b.WriteString(`  File "` + filename + `", line ` + itoa(int(e.Lineno.SmallInt())) + "\n")
	}
	if s, ok := e.Text.o.(*Str); ok {
		text := s.s
		// Strip as traceback.py does: the line without its end, with its
		// indentation removed, the caret moved accordingly.
		text = strings.TrimRight(text, "\n\r")
		stripped := strings.TrimLeft(text, " \t\f")
		ws := pyLen(text) - pyLen(stripped)
		b.WriteString("    " + stripped + "\n")
		if e.Offset.IsSmallInt() {
			off := int(e.Offset.SmallInt())
			end := off
			if e.EndOffset.IsSmallInt() && e.EndLineno.Is(e.Lineno) {
				end = int(e.EndOffset.SmallInt())
			}
			if end <= off {
				end = off + 1
			}
			col := off - 1 - ws
			endCol := end - 1 - ws
			if col < 0 {
				col = 0
			}
			n := pyLen(stripped)
			if endCol > n+1 {
				endCol = n + 1
			}
			if endCol <= col {
				endCol = col + 1
			}
			b.WriteString("    " + strings.Repeat(" ", col) + strings.Repeat("^", endCol-col) + "\n")
		}
	}
	if msg == "" {
		b.WriteString(name + "\n")
	} else {
		b.WriteString(name + ": " + msg + "\n")
	}
	return b.String()
}

func pyLen(s string) int { return NewStr(s).Len() }

// formatSourceWithCarets prints the source of an instruction's location
// and, when the location does not span the whole (stripped) line, the
// caret line under it.
func formatSourceWithCarets(lines []string, loc posLoc) string {
	line := strings.TrimRight(lines[loc.Line-1], " \t\r\f\n")
	stripped := strings.TrimLeft(line, " \t\f")
	if stripped == "" {
		return ""
	}
	out := "    " + stripped + "\n"
	if loc.EndLine != loc.Line || loc.Col < 0 || loc.EndCol < 0 {
		return out
	}
	indent := len(line) - len(stripped)
	lb := []byte(line)
	if loc.EndCol > len(lb) {
		return out
	}
	startCh := byteToChars(lb, loc.Col) - byteToChars(lb, indent)
	endCh := byteToChars(lb, loc.EndCol) - byteToChars(lb, indent)
	if startCh == 0 && endCh >= pyLen(stripped) {
		return out
	}
	if endCh <= startCh {
		return out
	}
	out += "    " + strings.Repeat(" ", displayWidth(stripped, startCh)) + strings.Repeat("^", displayWidthRange(stripped, startCh, endCh)) + "\n"
	return out
}

func byteToChars(b []byte, n int) int {
	if n > len(b) {
		n = len(b)
	}
	return NewStr(string(b[:n])).Len()
}

// displayWidth is the width of the first n characters of s (East Asian
// wide characters count two, as traceback.py's _display_width).
func displayWidth(s string, n int) int {
	return displayWidthRange(s, 0, n)
}

func displayWidthRange(s string, from, to int) int {
	rs := []rune(s)
	if to > len(rs) {
		to = len(rs)
	}
	w := 0
	for _, r := range rs[from:to] {
		if isWide(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// isWide reports East Asian Wide and Fullwidth characters.
func isWide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115f || r == 0x2329 || r == 0x232a ||
		(r >= 0x2e80 && r <= 0xa4cf && r != 0x303f) || (r >= 0xac00 && r <= 0xd7a3) ||
		(r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe30 && r <= 0xfe6f) || (r >= 0xff00 && r <= 0xff60) ||
		(r >= 0xffe0 && r <= 0xffe6) || (r >= 0x1f300 && r <= 0x1f64f) || (r >= 0x1f900 && r <= 0x1f9ff) ||
		(r >= 0x20000 && r <= 0x3fffd))
}

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
		defMember(TracebackType, "tb_frame", func(t *Thread, self Value) (Value, error) { return Value{o: self.o.(*Traceback).frame}, nil })
		defMember(TracebackType, "tb_lineno", func(t *Thread, self Value) (Value, error) { return Int(int64(self.o.(*Traceback).Line())), nil })
		defMember(TracebackType, "tb_lasti", func(t *Thread, self Value) (Value, error) { return Int(int64(2 * self.o.(*Traceback).lasti)), nil })
		defGetSet(TracebackType, "tb_next", func(t *Thread, self Value) (Value, error) {
			if n := self.o.(*Traceback).next; n != nil {
				return Value{o: n}, nil
			}
			return None, nil
		}, func(t *Thread, self, v Value) error {
			tb := self.o.(*Traceback)
			if v.IsNone() {
				tb.next = nil
				return nil
			}
			n, ok := v.o.(*Traceback)
			if !ok {
				return t.typeErrorf("expected traceback object or None, got '%s'", typeName(v))
			}
			tb.next = n
			return nil
		})
	})
}
