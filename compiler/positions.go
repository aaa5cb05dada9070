package compiler

// This file decodes the two tables a code object carries about its
// instructions, as CPython 3.13 reads them back:
//
//   - co_linetable (Objects/locations.md) gives every code unit a source
//     location. [Code.Positions] is co_positions(), one location per code
//     unit; [Code.Lines] is co_lines(), the line of each run of code units,
//     runs with the same line merged.
//   - co_exceptiontable gives the handler of each protected range.
//     [Code.ExceptionEntries] is what dis._parse_exception_table returns.
//
// The decoders never fail: they read tables written by the assembler, but a
// code object may also come from a hostile .pyc, so every read is bounds
// checked, and where CPython would read past the end of a malformed table
// these stop early instead.

// The kinds of a co_linetable entry (bits 3-6 of its first byte) that only
// the decoder needs; the others are declared with the encoder
// (linetable.go).
const (
	locShortMax = 9 // 0-9: short form, column = kind*8 + high nibble of the next byte
	locOneLine2 = 12
)

// lineTableReader walks co_linetable one entry at a time, as CPython's
// PyCodeAddressRange does. Offsets are in bytes.
type lineTableReader struct {
	table []byte
	pos   int // index of the next entry's first byte
	line  int // the running line number (computed_line)
	end   int // end offset of the entry read last
}

func newLineTableReader(c *Code) *lineTableReader {
	return &lineTableReader{table: c.LineTable, line: c.FirstLineno}
}

func (r *lineTableReader) atEnd() bool { return r.pos >= len(r.table) }

// byte returns the next byte of the entry, or 0 past the end of the table.
func (r *lineTableReader) byte() int {
	if r.pos >= len(r.table) {
		return 0
	}
	b := r.table[r.pos]
	r.pos++
	return int(b)
}

// varint reads an unsigned varint: 6-bit groups, least significant first,
// 0x40 marking that another group follows.
func (r *lineTableReader) varint() int {
	b := r.byte()
	v := b & 63
	for shift := 6; b&64 != 0 && shift < 64; shift += 6 {
		b = r.byte()
		v |= (b & 63) << shift
	}
	return v
}

// svarint reads a signed varint: the sign in bit 0 of an unsigned one.
func (r *lineTableReader) svarint() int {
	u := r.varint()
	if u&1 != 0 {
		return -(u >> 1)
	}
	return u >> 1
}

// next decodes the next entry and returns the byte range it covers and its
// location; ok is false at the end of the table.
func (r *lineTableReader) next() (start, end int, loc Loc, ok bool) {
	if r.atEnd() {
		return 0, 0, NoLoc, false
	}
	first := r.byte()
	kind := first >> 3 & 15
	start = r.end
	r.end = start + (first&7+1)*2
	switch {
	case kind == locNone:
		loc = NoLoc
	case kind == locLong:
		r.line += r.svarint()
		loc.Line = r.line
		loc.EndLine = r.line + r.varint()
		loc.Col = r.varint() - 1
		loc.EndCol = r.varint() - 1
	case kind == locNoColumn:
		r.line += r.svarint()
		loc = Loc{r.line, r.line, -1, -1}
	case kind >= locOneLine0 && kind <= locOneLine2:
		r.line += kind - locOneLine0
		col := r.byte()
		endCol := r.byte()
		loc = Loc{r.line, r.line, col, endCol}
	default: // short form
		second := r.byte()
		col := kind<<3 | second>>4
		loc = Loc{r.line, r.line, col, col + second&15}
	}
	// An entry ends at the next byte with the high bit set, whatever the
	// fields said (CPython skips to it the same way).
	for r.pos < len(r.table) && r.table[r.pos]&0x80 == 0 {
		r.pos++
	}
	return start, r.end, loc, true
}

// Positions returns co_positions(): the location of each code unit of
// c.Code, in order, with -1 for a field CPython reports as None. Like
// co_positions() it stops where co_linetable ends, so a malformed table
// can give fewer locations than there are code units.
func (c *Code) Positions() []Loc {
	units := len(c.Code) / 2
	out := make([]Loc, 0, units)
	r := newLineTableReader(c)
	for len(out) < units {
		start, end, loc, ok := r.next()
		if !ok {
			break
		}
		for off := start; off < end && len(out) < units; off += 2 {
			out = append(out, loc)
		}
	}
	return out
}

// LineRange is one item of co_lines(): the code bytes [Start, End) and
// their line, or -1 for none.
type LineRange struct {
	Start, End int
	Line       int
}

// Lines returns co_lines() as CPython 3.13 yields it: the line of each
// range of code, consecutive entries of co_linetable with the same line
// merged into one range.
func (c *Code) Lines() []LineRange {
	var out []LineRange
	r := newLineTableReader(c)
	for {
		start, end, loc, ok := r.next()
		if !ok {
			return out
		}
		if n := len(out); n > 0 && out[n-1].Line == loc.Line {
			out[n-1].End = end
			continue
		}
		out = append(out, LineRange{start, end, loc.Line})
	}
}

// lineStarts returns what dis.findlinestarts yields, as a map from byte
// offset to line (-1 for none): the start of each co_lines() range.
func (c *Code) lineStarts() map[int]int {
	starts := map[int]int{}
	for _, lr := range c.Lines() {
		starts[lr.Start] = lr.Line
	}
	return starts
}

// ExceptionEntry is one entry of co_exceptiontable, in bytes as
// dis._parse_exception_table gives it: instructions in [Start, End) that
// raise go to Target with the value stack cut to Depth items, and with the
// offset of the raising instruction pushed too when Lasti is set.
type ExceptionEntry struct {
	Start, End, Target int
	Depth              int
	Lasti              bool
}

// ExceptionEntries returns the entries of co_exceptiontable, as
// dis._parse_exception_table does: an entry cut short by the end of the
// table is dropped.
func (c *Code) ExceptionEntries() []ExceptionEntry {
	t := c.ExceptionTable
	pos := 0
	// varint reads a big-endian varint of 6-bit groups (0x40: more follows;
	// 0x80 marks an entry's first byte and is ignored here).
	varint := func() (int, bool) {
		if pos >= len(t) {
			return 0, false
		}
		b := int(t[pos])
		pos++
		v := b & 63
		for b&64 != 0 {
			if pos >= len(t) {
				return 0, false
			}
			b = int(t[pos])
			pos++
			if v > 1<<50 {
				// Keep a hostile table from overflowing; CPython's
				// arbitrary-precision ints would go on growing.
				v = 1 << 50
			}
			v = v<<6 | b&63
		}
		return v, true
	}
	var out []ExceptionEntry
	for {
		start, ok1 := varint()
		length, ok2 := varint()
		target, ok3 := varint()
		dl, ok4 := varint()
		if !(ok1 && ok2 && ok3 && ok4) {
			return out
		}
		out = append(out, ExceptionEntry{
			Start:  start * 2,
			End:    start*2 + length*2,
			Target: target * 2,
			Depth:  dl >> 1,
			Lasti:  dl&1 != 0,
		})
	}
}
