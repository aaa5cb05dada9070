package compiler

import "fmt"

// This file writes co_exceptiontable (CPython's
// Objects/exception_handling_notes.txt; Python/assemble.c,
// assemble_exception_table).
//
// The table has one entry per maximal run of consecutive instructions
// covered by the same handler; unprotected instructions have none. An entry
// is four numbers, all in code units: the start of the run, its length, the
// handler's offset, and depth<<1 | lasti, where depth is the stack depth the
// handler unwinds to and lasti says whether the offset of the raising
// instruction is pushed below the exception. Each number is written in
// groups of 6 bits, most significant first, with 0x40 on every byte but the
// last of the number; the first byte of an entry also carries 0x80.

// ExceptTableEntry is one entry of an exception table, in code units.
type ExceptTableEntry struct {
	Start, End int // the protected range [Start, End)
	Target     int // the handler's first code unit
	Depth      int // the stack depth to unwind to, as the table stores it
	Lasti      bool
}

// maxExceptValue bounds the numbers an exception table can hold (CPython
// asserts the same bound: five 6-bit groups).
const maxExceptValue = 1 << 30

// appendExceptItem appends one number of an entry, msb being 0x80 for the
// entry's first number and 0 for the others.
func appendExceptItem(b []byte, v int, msb byte) []byte {
	shift := 0
	for v>>(shift+6) != 0 {
		shift += 6
	}
	for ; shift > 0; shift -= 6 {
		b = append(b, byte(v>>shift&0x3f)|0x40|msb)
		msb = 0
	}
	return append(b, byte(v&0x3f)|msb)
}

// AppendExceptTableEntry appends the encoding of e to b. It fails, leaving
// b as it was, when a field is out of range: a negative number, an empty
// range, or a number of 2^30 or more.
func AppendExceptTableEntry(b []byte, e ExceptTableEntry) ([]byte, error) {
	lasti := 0
	if e.Lasti {
		lasti = 1
	}
	fields := [4]int{e.Start, e.End - e.Start, e.Target, e.Depth<<1 | lasti}
	if e.End <= e.Start {
		return b, fmt.Errorf("exception table entry [%d, %d) is empty", e.Start, e.End)
	}
	for _, v := range fields {
		if v < 0 || v >= maxExceptValue || e.Depth < 0 || e.Depth >= maxExceptValue {
			return b, fmt.Errorf("exception table entry %+v out of range", e)
		}
	}
	for i, v := range fields {
		var msb byte
		if i == 0 {
			msb = 0x80
		}
		b = appendExceptItem(b, v, msb)
	}
	return b, nil
}

// assembleExceptionTable writes the exception table of instrs, whose code
// unit offsets are offsets (assemble_exception_table). A run ends where the
// handler label changes; the depth and lasti of a run are those of its
// first instruction, as in CPython.
func assembleExceptionTable(instrs []Instr, offsets []int) ([]byte, error) {
	var out []byte
	emit := func(start, end int, h ExceptHandler) error {
		depth := h.StartDepth - 1
		if h.PreserveLasti {
			depth--
		}
		if depth < 0 {
			return fmt.Errorf("exception handler at instruction %d has start depth %d", h.Label, h.StartDepth)
		}
		var err error
		out, err = AppendExceptTableEntry(out, ExceptTableEntry{
			Start: start, End: end, Target: offsets[h.Label], Depth: depth, Lasti: h.PreserveLasti,
		})
		return err
	}
	cur := NoHandler
	start := 0
	for i := range instrs {
		h := instrs[i].Except
		if h.Label == cur.Label {
			continue
		}
		if cur.Label >= 0 {
			if err := emit(start, offsets[i], cur); err != nil {
				return nil, err
			}
		}
		start, cur = offsets[i], h
	}
	if cur.Label >= 0 {
		if err := emit(start, offsets[len(instrs)], cur); err != nil {
			return nil, err
		}
	}
	return out, nil
}
