package compiler

// This file writes co_linetable, the location table of a code object (the
// format of CPython's Objects/locations.md; Python/assemble.c,
// assemble_location_info and write_location_info_entry).
//
// The table is a list of entries, each covering 1 to 8 code units that
// share one location. An entry starts with a byte 0x80 | code<<3 | (units-1)
// and the code chooses how the location follows:
//
//	15      no location
//	13      no columns: signed varint line delta
//	0-9     short form: same line, col < 80, 0 <= end_col-col < 16;
//	        one byte (col%8)<<4 | (end_col-col), and code = col/8
//	10-12   one line: line delta code-10 (0, 1 or 2), col < 128,
//	        end_col < 128; bytes col, end_col
//	14      long form: signed varint line delta, varints end_line-line,
//	        col+1, end_col+1 (0 meaning unknown)
//
// Line deltas are taken from the line of the previous entry that wrote one
// (co_firstlineno at first); the short form leaves it alone. Varints are
// little-endian groups of 6 bits with 0x40 meaning "more follows"; a signed
// varint is v<<1, or (-v)<<1 | 1 for negative v. As in CPython the
// arithmetic is that of C's 32-bit ints, so a malformed location (an end
// line before the line, say) is written the way CPython would write it
// rather than refused.

// Location entry codes (PY_CODE_LOCATION_INFO_*).
const (
	locShort0   = 0
	locOneLine0 = 10
	locNoColumn = 13
	locLong     = 14
	locNone     = 15
)

// appendVarint appends v as a location-table varint: 6-bit groups, least
// significant first, 0x40 on every byte but the last.
func appendVarint(b []byte, v uint32) []byte {
	for v >= 64 {
		b = append(b, byte(0x40|v&63))
		v >>= 6
	}
	return append(b, byte(v))
}

// appendSignedVarint appends v as a signed location-table varint.
func appendSignedVarint(b []byte, v int) []byte {
	x := int32(v)
	if x < 0 {
		return appendVarint(b, (0-uint32(x))<<1|1)
	}
	return appendVarint(b, uint32(x)<<1)
}

// LineTableWriter builds a co_linetable from the locations of a code
// object's instructions in order. Consecutive instructions with the same
// location share entries, exactly as CPython's assembler merges them, so
// feeding it one instruction at a time (EXTENDED_ARG prefixes and CACHE
// units counted in the instruction's size) gives CPython's bytes.
type LineTableWriter struct {
	buf   []byte
	line  int // the line the next delta is taken from (a_lineno)
	loc   Loc // the pending run's location
	units int // the pending run's length in code units
}

// NewLineTableWriter returns a writer for a code object whose
// co_firstlineno is firstLineno.
func NewLineTableWriter(firstLineno int) *LineTableWriter {
	return &LineTableWriter{line: firstLineno, loc: NoLoc}
}

// Add records that the next units code units have location loc. A
// location with a negative line is "no location", whatever its other
// fields; units <= 0 adds nothing.
func (w *LineTableWriter) Add(loc Loc, units int) {
	if units <= 0 {
		return
	}
	if loc != w.loc {
		w.flush()
		w.loc = loc
	}
	w.units += units
}

// Finish writes the pending run and returns the table. The writer must not
// be used afterwards.
func (w *LineTableWriter) Finish() []byte {
	w.flush()
	return w.buf
}

// flush writes the pending run as entries of at most 8 units
// (assemble_emit_location).
func (w *LineTableWriter) flush() {
	for w.units > 8 {
		w.entry(w.loc, 8)
		w.units -= 8
	}
	if w.units > 0 {
		w.entry(w.loc, w.units)
	}
	w.units = 0
}

// entry writes one entry of n (1 to 8) units (write_location_info_entry).
func (w *LineTableWriter) entry(loc Loc, n int) {
	first := func(code int) {
		w.buf = append(w.buf, byte(0x80|code<<3|(n-1)))
	}
	if loc.Line < 0 {
		first(locNone)
		return
	}
	delta := int(int32(loc.Line - w.line))
	col, endCol := loc.Col, loc.EndCol
	if col < 0 || endCol < 0 {
		if loc.EndLine == loc.Line || loc.EndLine == -1 {
			first(locNoColumn)
			w.buf = appendSignedVarint(w.buf, delta)
			w.line = loc.Line
			return
		}
	} else if loc.EndLine == loc.Line {
		if delta == 0 && col < 80 && endCol-col < 16 && endCol >= col {
			first(locShort0 + col>>3)
			w.buf = append(w.buf, byte((col&7)<<4|(endCol-col)))
			return
		}
		if delta >= 0 && delta < 3 && col < 128 && endCol < 128 {
			first(locOneLine0 + delta)
			w.buf = append(w.buf, byte(col), byte(endCol))
			w.line = loc.Line
			return
		}
	}
	first(locLong)
	w.buf = appendSignedVarint(w.buf, delta)
	w.buf = appendVarint(w.buf, uint32(int32(loc.EndLine-loc.Line)))
	w.buf = appendVarint(w.buf, uint32(int32(col+1)))
	w.buf = appendVarint(w.buf, uint32(int32(endCol+1)))
	w.line = loc.Line
}
