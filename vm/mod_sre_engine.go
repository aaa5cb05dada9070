package vm

import (
	"unicode"
)

// The regular expression engine of the _sre module: an interpreter of
// the code that re/_compiler.py emits, with the semantics of CPython's
// Modules/_sre/sre_lib.h (the same opcodes, the same order of trying
// alternatives and repetitions, the same marks, lastindex and lastmark,
// the same zero-width-match protection), so that every match, group and
// span is CPython's.
//
// Backtracking does not recurse in Go: the matcher keeps its own stack
// of contexts (what sre_lib.h calls match contexts) and a data stack for
// the saved marks, so a pattern that backtracks deeply over a long
// string needs heap, not Go stack. The subject is a slice of code points
// (a str's characters, a bytes object's bytes).

// Opcodes (re/_constants.py, MAGIC 20230612).
const (
	sreFailure = iota
	sreSuccess
	sreAny
	sreAnyAll
	sreAssert
	sreAssertNot
	sreAt
	sreBranch
	sreCategory
	sreCharset
	sreBigCharset
	sreGroupref
	sreGrouprefExists
	sreIn
	sreInfo
	sreJump
	sreLiteral
	sreMark
	sreMaxUntil
	sreMinUntil
	sreNotLiteral
	sreNegate
	sreRange
	sreRepeat
	sreRepeatOne
	sreSubpattern
	sreMinRepeatOne
	sreAtomicGroup
	srePossessiveRepeat
	srePossessiveRepeatOne
	sreGrouprefIgnore
	sreInIgnore
	sreLiteralIgnore
	sreNotLiteralIgnore
	sreGrouprefLocIgnore
	sreInLocIgnore
	sreLiteralLocIgnore
	sreNotLiteralLocIgnore
	sreGrouprefUniIgnore
	sreInUniIgnore
	sreLiteralUniIgnore
	sreNotLiteralUniIgnore
	sreRangeUniIgnore
)

// AT codes.
const (
	sreAtBeginning = iota
	sreAtBeginningLine
	sreAtBeginningString
	sreAtBoundary
	sreAtNonBoundary
	sreAtEnd
	sreAtEndLine
	sreAtEndString
	sreAtLocBoundary
	sreAtLocNonBoundary
	sreAtUniBoundary
	sreAtUniNonBoundary
)

// CATEGORY codes.
const (
	sreCatDigit = iota
	sreCatNotDigit
	sreCatSpace
	sreCatNotSpace
	sreCatWord
	sreCatNotWord
	sreCatLinebreak
	sreCatNotLinebreak
	sreCatLocWord
	sreCatLocNotWord
	sreCatUniDigit
	sreCatUniNotDigit
	sreCatUniSpace
	sreCatUniNotSpace
	sreCatUniWord
	sreCatUniNotWord
	sreCatUniLinebreak
	sreCatUniNotLinebreak
)

const (
	sreMaxRepeat    = 4294967295
	sreMaxGroups    = 1073741823
	sreInfoPrefix   = 1
	sreInfoLiteral  = 2
	sreInfoCharset  = 4
	sreErrorIllegal = -1
	sreErrorState   = -2
)

// sreRepeatCtx is a REPEAT's state (SRE_REPEAT).
type sreRepeatCtx struct {
	count   int
	pc      int // the REPEAT's operands: pc+1 min, pc+2 max, pc+3 item
	prev    *sreRepeatCtx
	lastPtr int
}

// sreState is one match or search over a subject (SRE_STATE).
type sreState struct {
	code      []uint32
	s         []rune
	beginning int // 0
	start     int // where the match attempt started
	end       int
	ptr       int
	marks     []int
	lastmark  int
	lastindex int
	repeat    *sreRepeatCtx
	matchAll  bool
	mustAdv   bool
	isBytes   bool
	data      []int // saved marks
	steps     int
	t         *Thread
}

func (st *sreState) reset() {
	st.lastmark, st.lastindex = -1, -1
	st.repeat = nil
	st.data = st.data[:0]
}

// Resume points of the contexts (DO_JUMP's labels).
const (
	jumpNone = iota
	jumpMaxUntil1
	jumpMaxUntil2
	jumpMaxUntil3
	jumpMinUntil1
	jumpMinUntil2
	jumpMinUntil3
	jumpRepeat
	jumpRepeatOne1
	jumpRepeatOne2
	jumpMinRepeatOne
	jumpBranch
	jumpAssert
	jumpAssertNot
	jumpPossRepeat1
	jumpPossRepeat2
	jumpAtomicGroup
)

// sreCtx is a match context (SRE(match_context)).
type sreCtx struct {
	pc        int // the position after the opcode being executed
	ptr       int
	lastmark  int
	lastindex int
	count     int
	rep       *sreRepeatCtx
	chr       uint32
	jump      int
	toplevel  bool
	savedPtr  int // the possessive repeat's ptr
	branchPC  int // the alternative being tried
}

func sreIsLinebreak(c rune) bool { return c == '\n' }

func sreIsASCIIWord(c rune) bool {
	return c < 128 && (c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
}

// sreUniIsAlnum is Py_UNICODE_ISALNUM.
func sreUniIsAlnum(c rune) bool {
	if c < 128 {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
	}
	return unicode.IsLetter(c) || unicode.IsNumber(c)
}

func sreUniIsWord(c rune) bool { return c == '_' || sreUniIsAlnum(c) }

// sreUniIsSpace is Py_UNICODE_ISSPACE.
func sreUniIsSpace(c rune) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return c >= 0x2000 && c <= 0x200a
}

// sreUniIsLinebreak is Py_UNICODE_ISLINEBREAK.
func sreUniIsLinebreak(c rune) bool {
	switch c {
	case '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

func sreLowerASCII(c rune) rune {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

func sreLowerUnicode(c rune) rune { return unicode.ToLower(c) }
func sreUpperUnicode(c rune) rune { return unicode.ToUpper(c) }

func sreInCategory(cat uint32, c rune) bool {
	switch cat {
	case sreCatDigit:
		return c >= '0' && c <= '9'
	case sreCatNotDigit:
		return !(c >= '0' && c <= '9')
	case sreCatSpace:
		return c == ' ' || (c >= '\t' && c <= '\r')
	case sreCatNotSpace:
		return !(c == ' ' || (c >= '\t' && c <= '\r'))
	case sreCatWord, sreCatLocWord:
		return sreIsASCIIWord(c)
	case sreCatNotWord, sreCatLocNotWord:
		return !sreIsASCIIWord(c)
	case sreCatLinebreak:
		return c == '\n'
	case sreCatNotLinebreak:
		return c != '\n'
	case sreCatUniDigit:
		return unicode.Is(unicode.Nd, c)
	case sreCatUniNotDigit:
		return !unicode.Is(unicode.Nd, c)
	case sreCatUniSpace:
		return sreUniIsSpace(c)
	case sreCatUniNotSpace:
		return !sreUniIsSpace(c)
	case sreCatUniWord:
		return sreUniIsWord(c)
	case sreCatUniNotWord:
		return !sreUniIsWord(c)
	case sreCatUniLinebreak:
		return sreUniIsLinebreak(c)
	case sreCatUniNotLinebreak:
		return !sreUniIsLinebreak(c)
	}
	return false
}

// at is SRE(at): a zero-width position test.
func (st *sreState) at(ptr int, code uint32) bool {
	s := st.s
	switch code {
	case sreAtBeginning, sreAtBeginningString:
		return ptr == st.beginning
	case sreAtBeginningLine:
		return ptr == st.beginning || sreIsLinebreak(s[ptr-1])
	case sreAtEnd:
		return (ptr+1 == st.end && sreIsLinebreak(s[ptr])) || ptr == st.end
	case sreAtEndLine:
		return ptr == st.end || sreIsLinebreak(s[ptr])
	case sreAtEndString:
		return ptr == st.end
	case sreAtBoundary, sreAtLocBoundary, sreAtNonBoundary, sreAtLocNonBoundary:
		if st.beginning == st.end {
			return false
		}
		that := ptr > st.beginning && sreIsASCIIWord(s[ptr-1])
		this := ptr < st.end && sreIsASCIIWord(s[ptr])
		if code == sreAtBoundary || code == sreAtLocBoundary {
			return this != that
		}
		return this == that
	case sreAtUniBoundary, sreAtUniNonBoundary:
		if st.beginning == st.end {
			return false
		}
		that := ptr > st.beginning && sreUniIsWord(s[ptr-1])
		this := ptr < st.end && sreUniIsWord(s[ptr])
		if code == sreAtUniBoundary {
			return this != that
		}
		return this == that
	}
	return false
}

// charset is SRE(charset): whether c is in the set at pc; ok reports a
// malformed set (false).
func (st *sreState) charset(pc int, c rune) (bool, bool) {
	code := st.code
	ok := true
	for {
		op := code[pc]
		pc++
		switch op {
		case sreFailure:
			return !ok, true
		case sreLiteral:
			if uint32(c) == code[pc] {
				return ok, true
			}
			pc++
		case sreCategory:
			if sreInCategory(code[pc], c) {
				return ok, true
			}
			pc++
		case sreCharset:
			if c < 256 && code[pc+int(c)/32]&(1<<(uint(c)&31)) != 0 {
				return ok, true
			}
			pc += 256 / 32
		case sreRange:
			if code[pc] <= uint32(c) && uint32(c) <= code[pc+1] {
				return ok, true
			}
			pc += 2
		case sreRangeUniIgnore:
			if code[pc] <= uint32(c) && uint32(c) <= code[pc+1] {
				return ok, true
			}
			u := uint32(sreUpperUnicode(c))
			if code[pc] <= u && u <= code[pc+1] {
				return ok, true
			}
			pc += 2
		case sreNegate:
			ok = !ok
		case sreBigCharset:
			count := int(code[pc])
			pc++
			block := -1
			if c < 0x10000 {
				w := code[pc+int(c>>8)/4]
				block = int((w >> (8 * (uint(c>>8) % 4))) & 0xff)
			}
			pc += 256 / 4
			if block >= 0 {
				bit := block*256 + int(c&255)
				if code[pc+bit/32]&(1<<(uint(bit)&31)) != 0 {
					return ok, true
				}
			}
			pc += count * (256 / 32)
		default:
			return false, false
		}
	}
}

// charsetLocIgnore is SRE(charset_loc_ignore), for the C locale.
func (st *sreState) charsetLocIgnore(pc int, c rune) (bool, bool) {
	lo := sreLowerASCII(c)
	if in, ok := st.charset(pc, c); !ok || in {
		return in, ok
	}
	up := c
	if c >= 'a' && c <= 'z' {
		up = c - 32
	}
	if in, ok := st.charset(pc, lo); !ok || in {
		return in, ok
	}
	return st.charset(pc, up)
}

// matchOne reports whether the single-character item at pc matches c (the
// items REPEAT_ONE counts); ok is false for an item that is not one of
// those.
func (st *sreState) matchOne(pc int, c rune) (bool, bool) {
	code := st.code
	arg := code[pc+1]
	switch code[pc] {
	case sreAny:
		return !sreIsLinebreak(c), true
	case sreAnyAll:
		return true, true
	case sreIn:
		return st.charset(pc+2, c)
	case sreInIgnore:
		return st.charset(pc+2, sreLowerASCII(c))
	case sreInUniIgnore:
		return st.charset(pc+2, sreLowerUnicode(c))
	case sreInLocIgnore:
		return st.charsetLocIgnore(pc+2, c)
	case sreLiteral:
		return uint32(c) == arg, true
	case sreNotLiteral:
		return uint32(c) != arg, true
	case sreLiteralIgnore:
		return uint32(sreLowerASCII(c)) == arg, true
	case sreNotLiteralIgnore:
		return uint32(sreLowerASCII(c)) != arg, true
	case sreLiteralUniIgnore:
		return uint32(sreLowerUnicode(c)) == arg, true
	case sreNotLiteralUniIgnore:
		return uint32(sreLowerUnicode(c)) != arg, true
	case sreLiteralLocIgnore:
		return uint32(sreLowerASCII(c)) == uint32(sreLowerASCII(rune(arg))), true
	case sreNotLiteralLocIgnore:
		return uint32(sreLowerASCII(c)) != uint32(sreLowerASCII(rune(arg))), true
	case sreCategory:
		return sreInCategory(arg, c), true
	}
	return false, false
}

// count is SRE(count): how many times (up to max) the single-character
// item at pc matches from st.ptr.
func (st *sreState) count(pc int, max int) (int, error) {
	ptr := st.ptr
	end := st.end
	if max < end-ptr && max >= 0 {
		end = ptr + max
	}
	i := ptr
	for i < end {
		m, ok := st.matchOne(pc, st.s[i])
		if !ok {
			// A general item: match it as a subpattern, as long as it
			// matches.
			st.ptr = i
			for st.ptr < end {
				r, err := st.match(pc, false)
				if err != nil {
					return 0, err
				}
				if r == 0 {
					break
				}
			}
			i = st.ptr
			break
		}
		if !m {
			break
		}
		i++
	}
	st.ptr = ptr
	return i - ptr, nil
}

// pushMarks saves marks[0..lastmark] on the data stack (MARK_PUSH).
func (st *sreState) pushMarks(lastmark int) {
	if lastmark >= 0 {
		st.data = append(st.data, st.marks[:lastmark+1]...)
	}
}

// popMarks restores them (MARK_POP), keeping them saved when keep.
func (st *sreState) popMarks(lastmark int, keep bool) {
	if lastmark >= 0 {
		n := lastmark + 1
		copy(st.marks[:n], st.data[len(st.data)-n:])
		if !keep {
			st.data = st.data[:len(st.data)-n]
		}
	}
}

// discardMarks drops them (MARK_POP_DISCARD).
func (st *sreState) discardMarks(lastmark int) {
	if lastmark >= 0 {
		st.data = st.data[:len(st.data)-(lastmark+1)]
	}
}

// setMark is the MARK opcode.
func (st *sreState) setMark(i, ptr int) {
	if i&1 != 0 {
		st.lastindex = i/2 + 1
	}
	for len(st.marks) <= i {
		st.marks = append(st.marks, -1)
	}
	if i > st.lastmark {
		for j := st.lastmark + 1; j < i; j++ {
			st.marks[j] = -1
		}
		st.lastmark = i
	}
	st.marks[i] = ptr
}

func (st *sreState) mark(i int) int {
	if i < len(st.marks) {
		return st.marks[i]
	}
	return -1
}

// match is SRE(match): whether the code at pc matches at st.ptr; on
// success st.ptr is the end of the match. It returns 1, 0, or a
// negative error code.
func (st *sreState) match(startPC int, toplevel bool) (int, error) {
	code := st.code
	stack := []sreCtx{{toplevel: toplevel, jump: jumpNone}}
	ret := 0
	var pc, ptr int
	var ctx *sreCtx

	// enter starts the innermost context at its pattern.
	pc = startPC
	goto entrance

entrance:
	ctx = &stack[len(stack)-1]
	ptr = st.ptr
	if code[pc] == sreInfo {
		if code[pc+3] != 0 && st.end-ptr < int(code[pc+3]) {
			ret = 0
			goto exit
		}
		pc += int(code[pc+1]) + 1
	}

dispatch:
	for {
		st.steps++
		if st.steps&0xfff == 0 && st.t != nil {
			if err := st.t.checkLimits(); err != nil {
				return 0, err
			}
		}
		op := code[pc]
		pc++
		switch op {
		case sreMark:
			st.setMark(int(code[pc]), ptr)
			pc++

		case sreLiteral:
			if ptr >= st.end || uint32(st.s[ptr]) != code[pc] {
				ret = 0
				goto exit
			}
			pc++
			ptr++

		case sreNotLiteral:
			if ptr >= st.end || uint32(st.s[ptr]) == code[pc] {
				ret = 0
				goto exit
			}
			pc++
			ptr++

		case sreSuccess:
			if ctx.toplevel && ((st.matchAll && ptr != st.end) || (st.mustAdv && ptr == st.start)) {
				ret = 0
				goto exit
			}
			st.ptr = ptr
			ret = 1
			goto exit

		case sreAt:
			if !st.at(ptr, code[pc]) {
				ret = 0
				goto exit
			}
			pc++

		case sreCategory:
			if ptr >= st.end || !sreInCategory(code[pc], st.s[ptr]) {
				ret = 0
				goto exit
			}
			pc++
			ptr++

		case sreAny:
			if ptr >= st.end || sreIsLinebreak(st.s[ptr]) {
				ret = 0
				goto exit
			}
			ptr++

		case sreAnyAll:
			if ptr >= st.end {
				ret = 0
				goto exit
			}
			ptr++

		case sreIn, sreInIgnore, sreInUniIgnore, sreInLocIgnore:
			if ptr >= st.end {
				ret = 0
				goto exit
			}
			var in, ok bool
			c := st.s[ptr]
			switch op {
			case sreIn:
				in, ok = st.charset(pc+1, c)
			case sreInIgnore:
				in, ok = st.charset(pc+1, sreLowerASCII(c))
			case sreInUniIgnore:
				in, ok = st.charset(pc+1, sreLowerUnicode(c))
			default:
				in, ok = st.charsetLocIgnore(pc+1, c)
			}
			if !ok {
				return sreErrorIllegal, nil
			}
			if !in {
				ret = 0
				goto exit
			}
			pc += int(code[pc])
			ptr++

		case sreLiteralIgnore, sreNotLiteralIgnore, sreLiteralUniIgnore, sreNotLiteralUniIgnore, sreLiteralLocIgnore, sreNotLiteralLocIgnore:
			if ptr >= st.end {
				ret = 0
				goto exit
			}
			m, _ := st.matchOne(pc-1, st.s[ptr])
			if !m {
				ret = 0
				goto exit
			}
			pc++
			ptr++

		case sreJump, sreInfo:
			pc += int(code[pc])

		case sreBranch:
			ctx.lastmark, ctx.lastindex = st.lastmark, st.lastindex
			if st.repeat != nil {
				st.pushMarks(ctx.lastmark)
			}
			ctx.branchPC = pc
			ctx.ptr = ptr
			goto branchNext

		case sreRepeatOne:
			// <REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
			if int(code[pc+1]) > st.end-ptr {
				ret = 0
				goto exit
			}
			st.ptr = ptr
			{
				n, err := st.count(pc+3, int(code[pc+2]))
				if err != nil {
					return 0, err
				}
				ctx.count = n
			}
			ptr += ctx.count
			if ctx.count < int(code[pc+1]) {
				ret = 0
				goto exit
			}
			if code[pc+int(code[pc])] == sreSuccess && ptr == st.end && !(ctx.toplevel && st.mustAdv && ptr == st.start) {
				st.ptr = ptr
				ret = 1
				goto exit
			}
			ctx.lastmark, ctx.lastindex = st.lastmark, st.lastindex
			if st.repeat != nil {
				st.pushMarks(ctx.lastmark)
			}
			ctx.pc, ctx.ptr = pc, ptr
			if code[pc+int(code[pc])] == sreLiteral {
				ctx.chr = code[pc+int(code[pc])+1]
				goto repeatOne1Loop
			}
			goto repeatOne2Loop

		case sreMinRepeatOne:
			// <MIN_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
			if int(code[pc+1]) > st.end-ptr {
				ret = 0
				goto exit
			}
			st.ptr = ptr
			if code[pc+1] == 0 {
				ctx.count = 0
			} else {
				n, err := st.count(pc+3, int(code[pc+1]))
				if err != nil {
					return 0, err
				}
				if n < int(code[pc+1]) {
					ret = 0
					goto exit
				}
				ctx.count = n
				ptr += n
			}
			if code[pc+int(code[pc])] == sreSuccess && !(ctx.toplevel && ((st.matchAll && ptr != st.end) || (st.mustAdv && ptr == st.start))) {
				st.ptr = ptr
				ret = 1
				goto exit
			}
			ctx.lastmark, ctx.lastindex = st.lastmark, st.lastindex
			if st.repeat != nil {
				st.pushMarks(ctx.lastmark)
			}
			ctx.pc, ctx.ptr = pc, ptr
			goto minRepeatOneLoop

		case srePossessiveRepeatOne:
			if int(code[pc+1]) > st.end-ptr {
				ret = 0
				goto exit
			}
			st.ptr = ptr
			{
				n, err := st.count(pc+3, int(code[pc+2]))
				if err != nil {
					return 0, err
				}
				ctx.count = n
			}
			ptr += ctx.count
			if ctx.count < int(code[pc+1]) {
				ret = 0
				goto exit
			}
			pc += int(code[pc])

		case sreRepeat:
			// <REPEAT> <skip> <1=min> <2=max> item <UNTIL> tail
			ctx.rep = &sreRepeatCtx{count: -1, pc: pc, prev: st.repeat, lastPtr: -1}
			st.repeat = ctx.rep
			st.ptr = ptr
			ctx.pc, ctx.ptr = pc, ptr
			ctx.jump = jumpRepeat
			stack = append(stack, sreCtx{toplevel: ctx.toplevel})
			pc += int(code[pc])
			goto entrance

		case sreMaxUntil:
			ctx.rep = st.repeat
			if ctx.rep == nil {
				return sreErrorState, nil
			}
			st.ptr = ptr
			ctx.count = ctx.rep.count + 1
			ctx.pc, ctx.ptr = pc, ptr
			if ctx.count < int(code[ctx.rep.pc+1]) {
				ctx.rep.count = ctx.count
				ctx.jump = jumpMaxUntil1
				pc = ctx.rep.pc + 3
				stack = append(stack, sreCtx{toplevel: ctx.toplevel})
				goto entrance
			}
			if (ctx.count < int(code[ctx.rep.pc+2]) || code[ctx.rep.pc+2] == sreMaxRepeat) && st.ptr != ctx.rep.lastPtr {
				ctx.rep.count = ctx.count
				ctx.lastmark, ctx.lastindex = st.lastmark, st.lastindex
				st.pushMarks(ctx.lastmark)
				st.data = append(st.data, ctx.rep.lastPtr)
				ctx.rep.lastPtr = st.ptr
				ctx.jump = jumpMaxUntil2
				pc = ctx.rep.pc + 3
				stack = append(stack, sreCtx{toplevel: ctx.toplevel})
				goto entrance
			}
			goto maxUntilTail

		case sreMinUntil:
			ctx.rep = st.repeat
			if ctx.rep == nil {
				return sreErrorState, nil
			}
			st.ptr = ptr
			ctx.count = ctx.rep.count + 1
			ctx.pc, ctx.ptr = pc, ptr
			if ctx.count < int(code[ctx.rep.pc+1]) {
				ctx.rep.count = ctx.count
				ctx.jump = jumpMinUntil1
				pc = ctx.rep.pc + 3
				stack = append(stack, sreCtx{toplevel: ctx.toplevel})
				goto entrance
			}
			st.repeat = ctx.rep.prev
			ctx.lastmark, ctx.lastindex = st.lastmark, st.lastindex
			if st.repeat != nil {
				st.pushMarks(ctx.lastmark)
			}
			ctx.jump = jumpMinUntil2
			stack = append(stack, sreCtx{toplevel: ctx.toplevel})
			goto entrance

		case srePossessiveRepeat:
			// <POSSESSIVE_REPEAT> <skip> <1=min> <2=max> pattern <SUCCESS> tail
			// Unlike REPEAT it installs no repeat context (CPython 3.13).
			st.ptr = ptr
			ctx.count = 0
			ctx.pc, ctx.ptr = pc, ptr
			goto possRepeatMin

		case sreAtomicGroup:
			st.ptr = ptr
			ctx.pc, ctx.ptr = pc, ptr
			ctx.jump = jumpAtomicGroup
			stack = append(stack, sreCtx{toplevel: false})
			pc = pc + 1
			goto entrance

		case sreGroupref, sreGrouprefIgnore, sreGrouprefUniIgnore, sreGrouprefLocIgnore:
			g := int(code[pc]) * 2
			if g >= st.lastmark {
				ret = 0
				goto exit
			}
			p, e := st.mark(g), st.mark(g+1)
			if p < 0 || e < 0 || e < p {
				ret = 0
				goto exit
			}
			for ; p < e; p++ {
				if ptr >= st.end {
					ret = 0
					goto exit
				}
				a, b := st.s[ptr], st.s[p]
				switch op {
				case sreGrouprefIgnore, sreGrouprefLocIgnore:
					a, b = sreLowerASCII(a), sreLowerASCII(b)
				case sreGrouprefUniIgnore:
					a, b = sreLowerUnicode(a), sreLowerUnicode(b)
				}
				if a != b {
					ret = 0
					goto exit
				}
				ptr++
			}
			pc++

		case sreGrouprefExists:
			g := int(code[pc]) * 2
			if g >= st.lastmark {
				pc += int(code[pc+1])
				continue
			}
			p, e := st.mark(g), st.mark(g+1)
			if p < 0 || e < 0 || e < p {
				pc += int(code[pc+1])
				continue
			}
			pc += 2

		case sreAssert:
			// <ASSERT> <skip> <back> <pattern>
			if ptr-st.beginning < int(code[pc+1]) {
				ret = 0
				goto exit
			}
			st.ptr = ptr - int(code[pc+1])
			ctx.pc, ctx.ptr = pc, ptr
			ctx.jump = jumpAssert
			stack = append(stack, sreCtx{toplevel: false})
			pc = pc + 2
			goto entrance

		case sreAssertNot:
			if ptr-st.beginning >= int(code[pc+1]) {
				st.ptr = ptr - int(code[pc+1])
				ctx.lastmark, ctx.lastindex = st.lastmark, st.lastindex
				if st.repeat != nil {
					st.pushMarks(ctx.lastmark)
				}
				ctx.pc, ctx.ptr = pc, ptr
				ctx.jump = jumpAssertNot
				stack = append(stack, sreCtx{toplevel: false})
				pc = pc + 2
				goto entrance
			}
			pc += int(code[pc])

		case sreFailure:
			ret = 0
			goto exit

		default:
			return sreErrorIllegal, nil
		}
	}

	// The loops of the backtracking opcodes, entered from dispatch and
	// resumed when a context they started returns.

branchNext:
	// ctx.branchPC points at the skip of the next alternative.
	for code[ctx.branchPC] != 0 {
		alt := ctx.branchPC
		ptr = ctx.ptr
		if code[alt+1] == sreLiteral && (ptr >= st.end || uint32(st.s[ptr]) != code[alt+2]) {
			ctx.branchPC += int(code[alt])
			continue
		}
		if code[alt+1] == sreIn {
			if ptr >= st.end {
				ctx.branchPC += int(code[alt])
				continue
			}
			in, ok := st.charset(alt+3, st.s[ptr])
			if !ok {
				return sreErrorIllegal, nil
			}
			if !in {
				ctx.branchPC += int(code[alt])
				continue
			}
		}
		st.ptr = ptr
		ctx.jump = jumpBranch
		stack = append(stack, sreCtx{toplevel: ctx.toplevel})
		pc = alt + 1
		goto entrance
	}
	if st.repeat != nil {
		st.discardMarks(ctx.lastmark)
	}
	ret = 0
	goto exit

repeatOne1Loop:
	// REPEAT_ONE whose tail starts with a literal.
	pc = ctx.pc
	for {
		for ctx.count >= int(code[pc+1]) && (ctx.ptr >= st.end || uint32(st.s[ctx.ptr]) != ctx.chr) {
			ctx.ptr--
			ctx.count--
		}
		if ctx.count < int(code[pc+1]) {
			break
		}
		st.ptr = ctx.ptr
		ctx.jump = jumpRepeatOne1
		stack = append(stack, sreCtx{toplevel: ctx.toplevel})
		pc = pc + int(code[pc])
		goto entrance
	}
	if st.repeat != nil {
		st.discardMarks(ctx.lastmark)
	}
	ret = 0
	goto exit

repeatOne2Loop:
	pc = ctx.pc
	if ctx.count >= int(code[pc+1]) {
		st.ptr = ctx.ptr
		ctx.jump = jumpRepeatOne2
		stack = append(stack, sreCtx{toplevel: ctx.toplevel})
		pc = pc + int(code[pc])
		goto entrance
	}
	if st.repeat != nil {
		st.discardMarks(ctx.lastmark)
	}
	ret = 0
	goto exit

minRepeatOneLoop:
	pc = ctx.pc
	if code[pc+2] == sreMaxRepeat || ctx.count <= int(code[pc+2]) {
		st.ptr = ctx.ptr
		ctx.jump = jumpMinRepeatOne
		stack = append(stack, sreCtx{toplevel: ctx.toplevel})
		pc = pc + int(code[pc])
		goto entrance
	}
	if st.repeat != nil {
		st.discardMarks(ctx.lastmark)
	}
	ret = 0
	goto exit

maxUntilTail:
	// Cannot match more repeated items here: try the tail.
	st.repeat = ctx.rep.prev
	ctx.jump = jumpMaxUntil3
	pc = ctx.pc
	stack = append(stack, sreCtx{toplevel: ctx.toplevel})
	goto entrance

possRepeatMin:
	pc = ctx.pc
	if ctx.count < int(code[pc+1]) {
		ctx.jump = jumpPossRepeat1
		stack = append(stack, sreCtx{toplevel: false})
		pc = pc + 3
		goto entrance
	}
	ctx.savedPtr = -1
	goto possRepeatMore

possRepeatMore:
	pc = ctx.pc
	if (ctx.count < int(code[pc+2]) || code[pc+2] == sreMaxRepeat) && st.ptr != ctx.savedPtr {
		ctx.lastmark, ctx.lastindex = st.lastmark, st.lastindex
		st.pushMarks(ctx.lastmark)
		ctx.savedPtr = st.ptr
		ctx.jump = jumpPossRepeat2
		stack = append(stack, sreCtx{toplevel: false})
		pc = pc + 3
		goto entrance
	}
	goto possRepeatDone

possRepeatDone:
	pc = ctx.pc + int(code[ctx.pc]) + 1
	ptr = st.ptr
	goto dispatch

exit:
	// The innermost context returns ret to its parent.
	stack = stack[:len(stack)-1]
	if len(stack) == 0 {
		return ret, nil
	}
	ctx = &stack[len(stack)-1]
	switch ctx.jump {
	case jumpBranch:
		if ret != 0 {
			if st.repeat != nil {
				st.discardMarks(ctx.lastmark)
			}
			ret = 1
			goto exit
		}
		if st.repeat != nil {
			st.popMarks(ctx.lastmark, true)
		}
		st.lastmark, st.lastindex = ctx.lastmark, ctx.lastindex
		ctx.branchPC += int(code[ctx.branchPC])
		goto branchNext

	case jumpRepeatOne1:
		if ret != 0 {
			if st.repeat != nil {
				st.discardMarks(ctx.lastmark)
			}
			ret = 1
			goto exit
		}
		if st.repeat != nil {
			st.popMarks(ctx.lastmark, true)
		}
		st.lastmark, st.lastindex = ctx.lastmark, ctx.lastindex
		ctx.ptr--
		ctx.count--
		goto repeatOne1Loop

	case jumpRepeatOne2:
		if ret != 0 {
			if st.repeat != nil {
				st.discardMarks(ctx.lastmark)
			}
			ret = 1
			goto exit
		}
		if st.repeat != nil {
			st.popMarks(ctx.lastmark, true)
		}
		st.lastmark, st.lastindex = ctx.lastmark, ctx.lastindex
		ctx.ptr--
		ctx.count--
		goto repeatOne2Loop

	case jumpMinRepeatOne:
		if ret != 0 {
			if st.repeat != nil {
				st.discardMarks(ctx.lastmark)
			}
			ret = 1
			goto exit
		}
		if st.repeat != nil {
			st.popMarks(ctx.lastmark, true)
		}
		st.lastmark, st.lastindex = ctx.lastmark, ctx.lastindex
		st.ptr = ctx.ptr
		{
			n, err := st.count(ctx.pc+3, 1)
			if err != nil {
				return 0, err
			}
			if n == 0 {
				if st.repeat != nil {
					st.discardMarks(ctx.lastmark)
				}
				ret = 0
				goto exit
			}
		}
		ctx.ptr++
		ctx.count++
		goto minRepeatOneLoop

	case jumpRepeat:
		st.repeat = ctx.rep.prev
		if ret != 0 {
			ret = 1
		}
		goto exit

	case jumpMaxUntil1:
		if ret != 0 {
			ret = 1
			goto exit
		}
		ctx.rep.count = ctx.count - 1
		st.ptr = ctx.ptr
		ret = 0
		goto exit

	case jumpMaxUntil2:
		ctx.rep.lastPtr = st.data[len(st.data)-1]
		st.data = st.data[:len(st.data)-1]
		if ret != 0 {
			st.discardMarks(ctx.lastmark)
			ret = 1
			goto exit
		}
		st.popMarks(ctx.lastmark, false)
		st.lastmark, st.lastindex = ctx.lastmark, ctx.lastindex
		ctx.rep.count = ctx.count - 1
		st.ptr = ctx.ptr
		goto maxUntilTail

	case jumpMaxUntil3:
		st.repeat = ctx.rep
		if ret != 0 {
			ret = 1
			goto exit
		}
		st.ptr = ctx.ptr
		ret = 0
		goto exit

	case jumpMinUntil1:
		if ret != 0 {
			ret = 1
			goto exit
		}
		ctx.rep.count = ctx.count - 1
		st.ptr = ctx.ptr
		ret = 0
		goto exit

	case jumpMinUntil2:
		{
			repeatOfTail := st.repeat
			st.repeat = ctx.rep
			if ret != 0 {
				if repeatOfTail != nil {
					st.discardMarks(ctx.lastmark)
				}
				ret = 1
				goto exit
			}
			if repeatOfTail != nil {
				st.popMarks(ctx.lastmark, false)
			}
		}
		st.lastmark, st.lastindex = ctx.lastmark, ctx.lastindex
		st.ptr = ctx.ptr
		if (ctx.count >= int(code[ctx.rep.pc+2]) && code[ctx.rep.pc+2] != sreMaxRepeat) || st.ptr == ctx.rep.lastPtr {
			ret = 0
			goto exit
		}
		ctx.rep.count = ctx.count
		st.data = append(st.data, ctx.rep.lastPtr)
		ctx.rep.lastPtr = st.ptr
		ctx.jump = jumpMinUntil3
		pc = ctx.rep.pc + 3
		stack = append(stack, sreCtx{toplevel: ctx.toplevel})
		goto entrance

	case jumpMinUntil3:
		ctx.rep.lastPtr = st.data[len(st.data)-1]
		st.data = st.data[:len(st.data)-1]
		if ret != 0 {
			ret = 1
			goto exit
		}
		ctx.rep.count = ctx.count - 1
		st.ptr = ctx.ptr
		ret = 0
		goto exit

	case jumpAssert:
		if ret == 0 {
			goto exit
		}
		pc = ctx.pc + int(code[ctx.pc])
		ptr = ctx.ptr
		goto dispatch

	case jumpAssertNot:
		if ret != 0 {
			if st.repeat != nil {
				st.discardMarks(ctx.lastmark)
			}
			ret = 0
			goto exit
		}
		if st.repeat != nil {
			st.popMarks(ctx.lastmark, false)
		}
		st.lastmark, st.lastindex = ctx.lastmark, ctx.lastindex
		pc = ctx.pc + int(code[ctx.pc])
		ptr = ctx.ptr
		goto dispatch

	case jumpPossRepeat1:
		if ret != 0 {
			ctx.count++
			goto possRepeatMin
		}
		st.ptr = ctx.ptr
		ret = 0
		goto exit

	case jumpPossRepeat2:
		if ret != 0 {
			st.discardMarks(ctx.lastmark)
			ctx.count++
			goto possRepeatMore
		}
		st.popMarks(ctx.lastmark, false)
		st.lastmark, st.lastindex = ctx.lastmark, ctx.lastindex
		st.ptr = ctx.savedPtr
		goto possRepeatDone

	case jumpAtomicGroup:
		if ret == 0 {
			st.ptr = ctx.ptr
			goto exit
		}
		pc = ctx.pc + int(code[ctx.pc])
		ptr = st.ptr
		goto dispatch
	}
	return sreErrorState, nil
}

// search is SRE(search): the first position from st.start where the
// pattern matches. It returns 1 (st.start and st.ptr are the match),
// 0 or an error code.
func (st *sreState) search() (int, error) {
	code := st.code
	ptr := st.start
	end := st.end
	if ptr > end {
		return 0, nil
	}
	pc := 0
	var prefix []uint32
	prefixSkip := 0
	charsetPC := -1
	flags := uint32(0)
	if code[0] == sreInfo {
		flags = code[2]
		if code[3] != 0 && end-ptr < int(code[3]) {
			return 0, nil
		}
		if code[3] > 1 {
			end -= int(code[3]) - 1
			if end <= ptr {
				end = ptr
			}
		}
		if flags&sreInfoPrefix != 0 {
			n := int(code[5])
			prefixSkip = int(code[6])
			prefix = code[7 : 7+n]
		} else if flags&sreInfoCharset != 0 {
			charsetPC = 5
		}
		pc = 1 + int(code[1])
	}
	if len(prefix) > 0 {
		end = st.end
		if len(prefix) > end-ptr {
			return 0, nil
		}
		st.mustAdv = false
		for ; ptr+len(prefix) <= end; ptr++ {
			ok := true
			for i, c := range prefix {
				if uint32(st.s[ptr+i]) != c {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			st.start = ptr
			st.ptr = ptr + prefixSkip
			if flags&sreInfoLiteral != 0 {
				st.ptr = ptr + len(prefix)
				return 1, nil
			}
			r, err := st.match(pc+2*prefixSkip, false)
			if err != nil || r != 0 {
				return r, err
			}
			st.reset()
		}
		return 0, nil
	}
	if charsetPC >= 0 {
		end = st.end
		st.mustAdv = false
		for {
			for ptr < end {
				in, ok := st.charset(charsetPC, st.s[ptr])
				if !ok {
					return sreErrorIllegal, nil
				}
				if in {
					break
				}
				ptr++
			}
			if ptr >= end {
				return 0, nil
			}
			st.start, st.ptr = ptr, ptr
			r, err := st.match(pc, false)
			if err != nil || r != 0 {
				return r, err
			}
			ptr++
			st.reset()
		}
	}
	st.start, st.ptr = ptr, ptr
	r, err := st.match(pc, true)
	if err != nil {
		return 0, err
	}
	st.mustAdv = false
	if r == 0 && code[pc] == sreAt && (code[pc+1] == sreAtBeginning || code[pc+1] == sreAtBeginningString) {
		st.start, st.ptr = end, end
		return 0, nil
	}
	for r == 0 && ptr < end {
		ptr++
		st.reset()
		st.start, st.ptr = ptr, ptr
		if r, err = st.match(pc, false); err != nil {
			return 0, err
		}
	}
	return r, nil
}
