package compiler

// This file is CPython 3.13's dis module for code objects: the instruction
// list that dis.get_instructions yields ([Code.Instructions]) and the
// listing that `python3.13 -m dis` prints ([Dis]).
//
// Dis prints from the instruction list, so editors that show one
// instruction and the CLI that prints them all agree. The rules are dis.py's:
//
//   - Instructions are decoded from co_code two bytes at a time; inline
//     CACHE units are skipped (and printed only with -C), EXTENDED_ARG
//     prefixes are instructions of their own whose argument accumulates into
//     the next one.
//   - A line number is printed on the first instruction of each co_lines()
//     range, "--" for a range with no line, and a blank line comes before it
//     (except at offset 0). The column is as wide as the largest line (at
//     least 3, or 4 when "--" appears) and is left out when no line is known.
//   - Labels L1, L2, … number, in offset order, every jump target and every
//     start, end and handler of the exception table.
//   - The argument is resolved per opcode kind: constants by repr, names,
//     local names, jump targets as "to Ln", comparisons (bool(…) when the
//     result feeds a branch), BINARY_OP symbols, intrinsic names, and so on.
//   - Nested code objects are printed after their parent, in co_consts
//     order, each under "Disassembly of <code object …>:".

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// DisOptions are the options of `python3.13 -m dis`.
type DisOptions struct {
	// ShowCaches prints the inline CACHE entries (-C).
	ShowCaches bool
	// ShowOffsets prints each instruction's byte offset (-O).
	ShowOffsets bool
}

// Instruction is one instruction of a code object as dis describes it
// (dis.Bytecode, dis.get_instructions).
type Instruction struct {
	// Offset is the byte offset of the instruction in co_code, and
	// StartOffset that of its first EXTENDED_ARG prefix (or Offset).
	Offset, StartOffset int
	Op                  Opcode
	// Arg is the argument, EXTENDED_ARG prefixes included, when HasArg.
	Arg    int
	HasArg bool
	// ArgVal is the argument resolved as dis resolves it: the constant (a
	// pyconst.Value or *Code) for LOAD_CONST and RETURN_CONST, the name
	// (a string) for name, local and free-variable opcodes, a [2]string
	// for LOAD_FAST_LOAD_FAST and the other superinstructions, the target
	// byte offset (an int) for jumps, the operator ("<", "==", …) for
	// COMPARE_OP, the conversion ("str", "repr", "ascii"; or nil) for
	// CONVERT_VALUE, and otherwise Arg itself. It is nil when !HasArg.
	ArgVal any
	// ArgRepr is the text dis prints in parentheses after the argument;
	// empty when there is none.
	ArgRepr string
	// Pos is the instruction's source location (co_positions()); -1
	// fields are unknown.
	Pos Loc
	// StartsLine reports whether a co_lines() range starts here; Line is
	// the line of the range the instruction belongs to, or -1.
	StartsLine bool
	Line       int
	// Label is the instruction's label number as the listing prints it
	// (dis.dis and dis.Bytecode: L1 is 1), or 0 if the instruction is
	// neither a jump target nor an exception-table boundary.
	// (dis.get_instructions numbers the jump targets alone.)
	Label int
	// JumpTarget is the byte offset a jump goes to, or -1.
	JumpTarget int
	// Caches are the inline cache entries that follow the instruction, in
	// the layout of opcode._cache_format; nil when there are none.
	Caches []CacheEntry

	jumpedTo bool
}

// CacheEntry is one field of an instruction's inline cache: its name and
// its size in code units. Compiled code always has zeros there.
type CacheEntry struct {
	Name string
	Size int
}

// Opname returns the opcode's name.
func (in *Instruction) Opname() string { return in.Op.String() }

// IsJumpTarget reports whether a jump instruction goes to the instruction
// (what is_jump_target says for the instructions of dis.get_instructions).
func (in *Instruction) IsJumpTarget() bool { return in.jumpedTo }

// cacheFormats is opcode._cache_format: the fields of each opcode's inline
// cache, in order (checked against the oracle by the tests).
var cacheFormats = map[Opcode][]CacheEntry{
	LOAD_GLOBAL:          {{"counter", 1}, {"index", 1}, {"module_keys_version", 1}, {"builtin_keys_version", 1}},
	BINARY_OP:            {{"counter", 1}},
	UNPACK_SEQUENCE:      {{"counter", 1}},
	COMPARE_OP:           {{"counter", 1}},
	CONTAINS_OP:          {{"counter", 1}},
	BINARY_SUBSCR:        {{"counter", 1}},
	FOR_ITER:             {{"counter", 1}},
	LOAD_SUPER_ATTR:      {{"counter", 1}},
	LOAD_ATTR:            {{"counter", 1}, {"version", 2}, {"keys_version", 2}, {"descr", 4}},
	STORE_ATTR:           {{"counter", 1}, {"version", 2}, {"index", 1}},
	CALL:                 {{"counter", 1}, {"func_version", 2}},
	STORE_SUBSCR:         {{"counter", 1}},
	SEND:                 {{"counter", 1}},
	JUMP_BACKWARD:        {{"counter", 1}},
	TO_BOOL:              {{"counter", 1}, {"version", 2}},
	POP_JUMP_IF_TRUE:     {{"counter", 1}},
	POP_JUMP_IF_FALSE:    {{"counter", 1}},
	POP_JUMP_IF_NONE:     {{"counter", 1}},
	POP_JUMP_IF_NOT_NONE: {{"counter", 1}},
}

var cmpOps = []string{"<", "<=", "==", "!=", ">", ">="}

var functionAttrFlags = []string{"defaults", "kwdefaults", "annotations", "closure"}

// rawInstr is one item of dis._unpack_opargs.
type rawInstr struct {
	offset, start int
	op            Opcode
	arg           int
	hasArg        bool
}

// unpackOpargs decodes co_code as dis._unpack_opargs does: cache units
// skipped, EXTENDED_ARG prefixes accumulated into the next argument (an
// accumulator past 2**31-1 wraps to negative, as in dis).
func unpackOpargs(code []byte) []rawInstr {
	var out []rawInstr
	ext, nExt, caches := 0, 0, 0
	for i := 0; i+1 < len(code); i += 2 {
		if caches > 0 {
			caches--
			continue
		}
		op := Opcode(code[i])
		caches = op.CacheEntries()
		in := rawInstr{offset: i, start: i, op: op}
		if op.HasArg() {
			in.hasArg = true
			in.arg = int(code[i+1]) | ext
			ext = 0
			if op == EXTENDED_ARG {
				ext = in.arg << 8
				if ext >= 1<<31 {
					ext -= 1 << 32
				}
			}
		} else {
			ext = 0
		}
		if op == EXTENDED_ARG {
			nExt++
		} else {
			in.start = i - 2*nExt
			nExt = 0
		}
		out = append(out, in)
	}
	return out
}

// jumpTarget returns the byte offset a jump instruction goes to, or -1.
func jumpTarget(in rawInstr) int {
	if !in.hasArg || !in.op.HasJump() {
		return -1
	}
	arg := in.arg
	if in.op == JUMP_BACKWARD || in.op == JUMP_BACKWARD_NO_INTERRUPT {
		arg = -arg
	}
	return in.offset + 2 + 2*arg + 2*in.op.CacheEntries()
}

// labelsMap numbers the jump targets and exception-table boundaries, as
// dis._make_labels_map does.
func labelsMap(raw []rawInstr, entries []ExceptionEntry) map[int]int {
	set := map[int]bool{}
	for _, in := range raw {
		if in.hasArg && in.op.HasJump() {
			set[jumpTarget(in)] = true
		}
	}
	for _, e := range entries {
		set[e.Start] = true
		set[e.End] = true
		set[e.Target] = true
	}
	offsets := make([]int, 0, len(set))
	for o := range set {
		offsets = append(offsets, o)
	}
	slices.Sort(offsets)
	m := make(map[int]int, len(offsets))
	for i, o := range offsets {
		m[o] = i + 1
	}
	return m
}

// pyIndex applies Python's negative indexing to i for a sequence of n
// items and reports whether the result is in range.
func pyIndex(i, n int) (int, bool) {
	if i < 0 {
		i += n
	}
	return i, i >= 0 && i < n
}

// Instructions returns the instructions of c as dis.get_instructions gives
// them (without the cache entries as instructions of their own), with
// labels numbered as the disassembly numbers them. An argument that
// does not resolve (an index out of range in a malformed code object) gets
// an empty ArgRepr.
func (c *Code) Instructions() []Instruction {
	ins, _, _ := c.instructions(c.ExceptionEntries())
	return ins
}

// instructions is Instructions given the exception table, with the labels
// map and the first error that would make dis raise (an index out of
// range, an int too long to print).
func (c *Code) instructions(entries []ExceptionEntry) ([]Instruction, map[int]int, error) {
	raw := unpackOpargs(c.Code)
	labels := labelsMap(raw, entries)
	starts := c.lineStarts()
	positions := c.Positions()
	targets := map[int]bool{}
	for _, r := range raw {
		if r.hasArg && r.op.HasJump() {
			targets[jumpTarget(r)] = true
		}
	}
	var firstErr error
	fail := func(err error) {
		if firstErr == nil {
			firstErr = err
		}
	}
	out := make([]Instruction, 0, len(raw))
	line := -1
	for _, r := range raw {
		in := Instruction{
			Offset:      r.offset,
			StartOffset: r.start,
			Op:          r.op,
			Arg:         r.arg,
			HasArg:      r.hasArg,
			Pos:         NoLoc,
			JumpTarget:  jumpTarget(r),
			Label:       labels[r.offset],
			jumpedTo:    targets[r.offset],
		}
		if l, ok := starts[r.offset]; ok {
			in.StartsLine = true
			line = l
		}
		in.Line = line
		if u := r.offset / 2; u < len(positions) {
			in.Pos = positions[u]
		}
		if r.op.CacheEntries() > 0 {
			in.Caches = cacheFormats[r.op]
		}
		if r.hasArg {
			in.ArgVal, in.ArgRepr = c.resolveArg(r, labels, fail)
		}
		out = append(out, in)
	}
	return out, labels, firstErr
}

// resolveArg computes argval and argrepr as dis's ArgResolver does.
func (c *Code) resolveArg(r rawInstr, labels map[int]int, fail func(error)) (any, string) {
	op, arg := r.op, r.arg
	flags := op.facts().flags
	name := func(i int) (string, bool) {
		j, ok := pyIndex(i, len(c.Names))
		if !ok {
			fail(fmt.Errorf("dis: %s at offset %d: name index %d out of range", op, r.offset, i))
			return "", false
		}
		return c.Names[j], true
	}
	local := func(i int) (string, bool) {
		if i < 0 || i >= len(c.LocalsPlusNames) {
			fail(fmt.Errorf("dis: %s at offset %d: local index %d out of range", op, r.offset, i))
			return "", false
		}
		return c.LocalsPlusNames[i], true
	}
	pick := func(table []string, i int) string {
		j, ok := pyIndex(i, len(table))
		if !ok {
			fail(fmt.Errorf("dis: %s at offset %d: argument %d out of range", op, r.offset, i))
			return ""
		}
		return table[j]
	}
	switch {
	case op.HasConst():
		j, ok := pyIndex(arg, len(c.Consts))
		if !ok {
			fail(fmt.Errorf("dis: %s at offset %d: constant index %d out of range", op, r.offset, arg))
			return arg, ""
		}
		s, err := constRepr(c.Consts[j])
		if err != nil {
			// An int too long for repr: dis fails; Instructions shows
			// all of its digits.
			fail(err)
			if v, ok := c.Consts[j].(fmt.Stringer); ok {
				s = v.String()
			}
		}
		return c.Consts[j], s
	case op.HasName():
		var n string
		var ok bool
		suffix := ""
		switch op {
		case LOAD_GLOBAL:
			n, ok = name(arg >> 1)
			if arg&1 != 0 {
				suffix = " + NULL"
			}
		case LOAD_ATTR:
			n, ok = name(arg >> 1)
			if arg&1 != 0 {
				suffix = " + NULL|self"
			}
		case LOAD_SUPER_ATTR:
			n, ok = name(arg >> 2)
			if arg&1 != 0 {
				suffix = " + NULL|self"
			}
		default:
			n, ok = name(arg)
		}
		if !ok {
			return arg, ""
		}
		if n == "" {
			return n, ""
		}
		return n, n + suffix
	case op.HasJump() || op.HasExc():
		t := jumpTarget(r)
		return t, "to L" + strconv.Itoa(labels[t])
	case op == LOAD_FAST_LOAD_FAST || op == STORE_FAST_LOAD_FAST || op == STORE_FAST_STORE_FAST:
		a, _ := local(arg >> 4)
		b, _ := local(arg & 15)
		return [2]string{a, b}, a + ", " + b
	case op.HasLocal() || op.HasFree():
		n, ok := local(arg)
		if !ok {
			return arg, ""
		}
		return n, n
	case flags&hasCompare != 0:
		s := pick(cmpOps, arg>>5)
		if arg&16 != 0 {
			return s, "bool(" + s + ")"
		}
		return s, s
	case op == CONVERT_VALUE:
		s := pick([]string{"", "str", "repr", "ascii"}, arg)
		if s == "" {
			return nil, ""
		}
		return s, s
	case op == SET_FUNCTION_ATTRIBUTE:
		var parts []string
		for i, f := range functionAttrFlags {
			if arg&(1<<i) != 0 {
				parts = append(parts, f)
			}
		}
		return arg, strings.Join(parts, ", ")
	case op == BINARY_OP:
		return arg, pick(nbOps, arg)
	case op == CALL_INTRINSIC_1:
		return arg, pick(intrinsic1Names, arg)
	case op == CALL_INTRINSIC_2:
		return arg, pick(intrinsic2Names, arg)
	}
	return arg, ""
}

// constRepr returns Python's repr of a constant, code objects included.
func constRepr(c Const) (string, error) {
	var b strings.Builder
	err := writeConstRepr(&b, c, 0)
	return b.String(), err
}

func writeConstRepr(b *strings.Builder, c Const, depth int) error {
	if depth > maxMarshalDepth {
		return fmt.Errorf("dis: constant nested too deeply to print")
	}
	seq := func(open, close string, items []Const) error {
		b.WriteString(open)
		for i, e := range items {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeConstRepr(b, e, depth+1); err != nil {
				return err
			}
		}
		b.WriteString(close)
		return nil
	}
	switch v := c.(type) {
	case pyconst.Value:
		s, err := v.Repr()
		if err != nil {
			return err
		}
		b.WriteString(s)
	case *Code:
		b.WriteString(v.repr())
	case AnyTuple:
		if len(v) == 1 {
			return seq("(", ",)", []Const(v))
		}
		return seq("(", ")", []Const(v))
	case List:
		return seq("[", "]", []Const(v))
	case Set:
		if len(v) == 0 {
			b.WriteString("set()")
			return nil
		}
		return seq("{", "}", []Const(v))
	case AnyFrozenSet:
		if len(v) == 0 {
			b.WriteString("frozenset()")
			return nil
		}
		return seq("frozenset({", "})", []Const(v))
	case Dict:
		b.WriteString("{")
		for i, it := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeConstRepr(b, it.Key, depth+1); err != nil {
				return err
			}
			b.WriteString(": ")
			if err := writeConstRepr(b, it.Value, depth+1); err != nil {
				return err
			}
		}
		b.WriteString("}")
	case StopIterationType:
		b.WriteString("<class 'StopIteration'>")
	default:
		fmt.Fprintf(b, "<%T>", v)
	}
	return nil
}

// repr returns the code object's repr, `<code object NAME at 0x…, file
// "FILE", line N>`, with the Go address of c standing in for CPython's.
func (c *Code) repr() string {
	line := c.FirstLineno
	if line == 0 {
		line = -1
	}
	return fmt.Sprintf("<code object %s at %p, file \"%s\", line %d>", c.Name, c, c.Filename, line)
}

// Dis writes what `python3.13 -m dis` prints for the module code object
// co: its disassembly, then that of each nested code object, depth first,
// each after a blank line and a "Disassembly of <code object …>:" line.
// Code-object addresses are Go addresses. An error means dis itself would
// have failed (a malformed code object, an int constant too long to
// print) or w did.
func Dis(w io.Writer, co *Code, opts DisOptions) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := disRecursive(bw, co, opts, 0); err != nil {
		bw.Flush()
		return err
	}
	return bw.Flush()
}

func disRecursive(w *bufio.Writer, co *Code, opts DisOptions, depth int) error {
	if depth > maxMarshalDepth {
		return fmt.Errorf("dis: code objects nested too deeply")
	}
	if err := disassemble(w, co, opts); err != nil {
		return err
	}
	for _, c := range co.Consts {
		if sub, ok := c.(*Code); ok && sub != nil {
			fmt.Fprintf(w, "\nDisassembly of %s:\n", sub.repr())
			if err := disRecursive(w, sub, opts, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// Disassemble writes the disassembly of co alone, without its nested code
// objects (dis.disassemble).
func Disassemble(w io.Writer, co *Code, opts DisOptions) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := disassemble(bw, co, opts); err != nil {
		bw.Flush()
		return err
	}
	return bw.Flush()
}

func disassemble(w *bufio.Writer, co *Code, opts DisOptions) error {
	entries := co.ExceptionEntries()
	ins, labels, err := co.instructions(entries)
	if err != nil {
		return err
	}
	f := formatter{
		w:          w,
		linenoW:    linenoWidth(co.lineStarts()),
		labelW:     4 + len(strconv.Itoa(len(labels))),
		showCaches: opts.ShowCaches,
	}
	if opts.ShowOffsets {
		f.offsetW = len(strconv.Itoa(max(len(co.Code)-2, 9999)))
	}
	for i := range ins {
		f.instruction(&ins[i])
	}
	if len(entries) > 0 {
		w.WriteString("ExceptionTable:\n")
		for _, e := range entries {
			lasti := ""
			if e.Lasti {
				lasti = " lasti"
			}
			fmt.Fprintf(w, "  L%d to L%d -> L%d [%d]%s\n", labels[e.Start], labels[e.End], labels[e.Target], e.Depth, lasti)
		}
	}
	return nil
}

// linenoWidth is dis._get_lineno_width: 0 when no line is known (lines 0
// do not count), else the width of the largest line, at least 3, and 4
// when some range has no line ("--").
func linenoWidth(starts map[int]int) int {
	maxLine, found, none := 0, false, false
	for _, l := range starts {
		switch {
		case l == -1:
			none = true
		case l != 0:
			if !found || l > maxLine {
				maxLine = l
			}
			found = true
		}
	}
	if !found {
		return 0
	}
	w := max(3, len(strconv.Itoa(maxLine)))
	if w < 4 && none {
		w = 4
	}
	return w
}

// formatter is dis.Formatter.
type formatter struct {
	w               io.Writer
	linenoW, labelW int
	offsetW         int
	showCaches      bool
	line            []byte
}

func (f *formatter) instruction(in *Instruction) {
	f.printLine(in.Offset, in.StartsLine, in.Line, in.Label, in.Op.String(), in.HasArg, in.Arg, in.ArgRepr)
	if !f.showCaches {
		return
	}
	off := in.Offset
	for _, c := range in.Caches {
		for i := 0; i < c.Size; i++ {
			off += 2
			repr := ""
			if i == 0 {
				repr = c.Name + ": 0"
			}
			f.printLine(off, false, -1, 0, "CACHE", true, 0, repr)
		}
	}
}

func padLeft(b []byte, s string, width int) []byte {
	for i := len(s); i < width; i++ {
		b = append(b, ' ')
	}
	return append(b, s...)
}

func (f *formatter) printLine(offset int, startsLine bool, line, label int, opname string, hasArg bool, arg int, argrepr string) {
	b := f.line[:0]
	if f.linenoW > 0 && startsLine && offset > 0 {
		b = append(b, '\n')
	}
	if f.linenoW > 0 {
		switch {
		case !startsLine:
			b = padLeft(b, "", f.linenoW)
		case line == -1:
			b = padLeft(b, "--", f.linenoW)
		default:
			b = padLeft(b, strconv.Itoa(line), f.linenoW)
		}
		b = append(b, ' ')
	}
	if label != 0 {
		b = padLeft(b, "L"+strconv.Itoa(label)+":", f.labelW)
	} else {
		b = padLeft(b, "", f.labelW)
	}
	b = append(b, ' ')
	if f.offsetW > 0 {
		b = padLeft(b, strconv.Itoa(offset), f.offsetW)
		b = append(b, "   "...)
	}
	b = append(b, "    "...)
	b = append(b, opname...)
	for i := len(opname); i < 20; i++ {
		b = append(b, ' ')
	}
	if hasArg {
		b = append(b, ' ')
		b = padLeft(b, strconv.Itoa(arg), 5-max(0, len(opname)-20))
		if argrepr != "" {
			b = append(b, " ("...)
			b = append(b, argrepr...)
			b = append(b, ')')
		}
	}
	b = rstrip(b)
	b = append(b, '\n')
	f.line = b
	f.w.Write(b)
}

// rstrip removes trailing whitespace as Python's str.rstrip() does.
func rstrip(b []byte) []byte {
	for len(b) > 0 {
		r, n := utf8.DecodeLastRune(b)
		if !(unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f) || r == utf8.RuneError {
			break
		}
		b = b[:len(b)-n]
	}
	return b
}
