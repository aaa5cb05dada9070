package compiler

// Opcode is a CPython 3.13 opcode (see opcode_gen.go) or pseudo-opcode.
type Opcode int

//go:generate go run ./internal/opgen
//go:generate go run ./internal/interngen

type opFlag uint16

const (
	hasArg opFlag = 1 << iota
	hasJump
	hasConst
	hasName
	hasLocal
	hasFree
	hasExc
	hasCompare
	isPseudo
	isInstrumented
)

type opFacts struct {
	cache uint8
	flags opFlag
}

// String returns the opcode's name, as dis prints it.
func (op Opcode) String() string {
	if op >= 0 && int(op) < len(opcodeNames) && opcodeNames[op] != "" {
		return opcodeNames[op]
	}
	return "<" + itoa(int(op)) + ">"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

func (op Opcode) facts() opFacts {
	if op < 0 || int(op) >= len(opInfo) {
		return opFacts{}
	}
	return opInfo[op]
}

// HasArg reports whether the opcode takes an argument (dis.hasarg; note
// that WITH_EXCEPT_START, above HAVE_ARGUMENT, takes none).
func (op Opcode) HasArg() bool { return op.facts().flags&hasArg != 0 }

// HasJump reports whether the argument is a relative jump (dis.hasjrel).
func (op Opcode) HasJump() bool { return op.facts().flags&hasJump != 0 }

// HasConst reports whether the argument indexes co_consts.
func (op Opcode) HasConst() bool { return op.facts().flags&hasConst != 0 }

// HasName reports whether the argument indexes co_names.
func (op Opcode) HasName() bool { return op.facts().flags&hasName != 0 }

// HasLocal reports whether the argument indexes the fast locals.
func (op Opcode) HasLocal() bool { return op.facts().flags&hasLocal != 0 }

// HasFree reports whether the argument indexes localsplus for a cell or
// free variable.
func (op Opcode) HasFree() bool { return op.facts().flags&hasFree != 0 }

// HasExc reports whether the opcode is a SETUP_* pseudo-op.
func (op Opcode) HasExc() bool { return op.facts().flags&hasExc != 0 }

// IsPseudo reports whether the opcode exists only in the compiler.
func (op Opcode) IsPseudo() bool { return op.facts().flags&isPseudo != 0 }

// CacheEntries returns the number of inline CACHE code units after the
// instruction.
func (op Opcode) CacheEntries() int { return int(op.facts().cache) }

// IsJump reports whether the opcode is a jump, pseudo jumps included.
func (op Opcode) IsJump() bool { return op.HasJump() }

// IsUnconditionalJump reports whether the opcode always jumps.
func (op Opcode) IsUnconditionalJump() bool {
	switch op {
	case JUMP, JUMP_NO_INTERRUPT, JUMP_FORWARD, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT:
		return true
	}
	return false
}

// IsScopeExit reports whether the opcode leaves the code object.
func (op Opcode) IsScopeExit() bool {
	switch op {
	case RETURN_VALUE, RETURN_CONST, RAISE_VARARGS, RERAISE:
		return true
	}
	return false
}

// IsBlockPush reports whether the opcode is a SETUP_* pseudo-op.
func (op Opcode) IsBlockPush() bool {
	return op == SETUP_FINALLY || op == SETUP_WITH || op == SETUP_CLEANUP
}

// The arguments of CALL_INTRINSIC_1 and CALL_INTRINSIC_2.
const (
	IntrinsicPrint             = 1
	IntrinsicImportStar        = 2
	IntrinsicStopIterationErr  = 3
	IntrinsicAsyncGenWrap      = 4
	IntrinsicUnaryPositive     = 5
	IntrinsicListToTuple       = 6
	IntrinsicTypeVar           = 7
	IntrinsicParamSpec         = 8
	IntrinsicTypeVarTuple      = 9
	IntrinsicSubscriptGeneric  = 10
	IntrinsicTypeAlias         = 11
	Intrinsic2PrepReraiseStar  = 1
	Intrinsic2TypeVarWithBound = 2
	Intrinsic2TypeVarWithCons  = 3
	Intrinsic2SetFuncTypeParam = 4
	Intrinsic2SetTypeParamDflt = 5
)

// StackEffect returns the change of stack depth that op with oparg causes,
// along the jump (jump) or the fall-through; it is what dis.stack_effect
// reports (and what CPython's flowgraph uses to compute co_stacksize).
func StackEffect(op Opcode, oparg int, jump bool) (int, bool) {
	switch op {
	case CACHE, RESERVED, NOP, ENTER_EXECUTOR, EXTENDED_ARG, RESUME, SETUP_ANNOTATIONS,
		UNARY_INVERT, UNARY_NEGATIVE, UNARY_NOT, TO_BOOL, GET_YIELD_FROM_ITER, GET_ITER,
		CHECK_EG_MATCH, CHECK_EXC_MATCH, FORMAT_SIMPLE, CONVERT_VALUE, CALL_INTRINSIC_1,
		MAKE_FUNCTION, GET_AWAITABLE, COPY_FREE_VARS, MAKE_CELL, DELETE_FAST, DELETE_DEREF,
		DELETE_GLOBAL, DELETE_NAME, LOAD_FROM_DICT_OR_DEREF, LOAD_FROM_DICT_OR_GLOBALS,
		SWAP, YIELD_VALUE, RETURN_CONST, STORE_FAST_LOAD_FAST, JUMP_FORWARD, JUMP_BACKWARD,
		JUMP_BACKWARD_NO_INTERRUPT, JUMP, JUMP_NO_INTERRUPT, POP_BLOCK, SEND, GET_AITER:
		return 0, true
	case BEFORE_ASYNC_WITH, BEFORE_WITH, GET_LEN, LOAD_ASSERTION_ERROR, LOAD_BUILD_CLASS,
		LOAD_LOCALS, MATCH_KEYS, MATCH_MAPPING, MATCH_SEQUENCE, PUSH_EXC_INFO, PUSH_NULL,
		RETURN_GENERATOR, WITH_EXCEPT_START, GET_ANEXT, COPY, IMPORT_FROM,
		LOAD_CONST, LOAD_DEREF, LOAD_FAST, LOAD_FAST_AND_CLEAR, LOAD_FAST_CHECK, LOAD_NAME,
		LOAD_CLOSURE, LOAD_METHOD, FOR_ITER:
		return 1, true
	case LOAD_FAST_LOAD_FAST:
		return 2, true
	case BINARY_SLICE:
		return -2, true
	case STORE_SLICE:
		return -4, true
	case BINARY_SUBSCR, CLEANUP_THROW, END_FOR, END_SEND, EXIT_INIT_CHECK, FORMAT_WITH_SPEC,
		INTERPRETER_EXIT, POP_EXCEPT, POP_TOP, RETURN_VALUE, BINARY_OP, CALL_INTRINSIC_2,
		COMPARE_OP, CONTAINS_OP, DELETE_ATTR, DICT_MERGE, DICT_UPDATE, IMPORT_NAME, IS_OP,
		LIST_APPEND, LIST_EXTEND, POP_JUMP_IF_FALSE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE,
		POP_JUMP_IF_TRUE, RERAISE, SET_ADD, SET_FUNCTION_ATTRIBUTE, SET_UPDATE, STORE_DEREF,
		STORE_FAST, STORE_GLOBAL, STORE_NAME, STORE_FAST_MAYBE_NULL, LOAD_SUPER_METHOD,
		LOAD_ZERO_SUPER_ATTR, LOAD_ZERO_SUPER_METHOD:
		return -1, true
	case DELETE_SUBSCR, END_ASYNC_FOR, MAP_ADD, MATCH_CLASS, STORE_ATTR, STORE_FAST_STORE_FAST:
		return -2, true
	case STORE_SUBSCR:
		return -3, true
	case BUILD_CONST_KEY_MAP:
		return -oparg, true
	case BUILD_LIST, BUILD_SET, BUILD_STRING, BUILD_TUPLE:
		return 1 - oparg, true
	case BUILD_SLICE:
		if oparg == 3 {
			return -2, true
		}
		return -1, true
	case BUILD_MAP:
		return 1 - 2*oparg, true
	case CALL:
		return -1 - oparg, true
	case CALL_KW:
		return -2 - oparg, true
	case CALL_FUNCTION_EX:
		return -2 - oparg&1, true
	case LOAD_ATTR:
		return oparg & 1, true
	case LOAD_GLOBAL:
		return 1 + oparg&1, true
	case LOAD_SUPER_ATTR:
		return -2 + oparg&1, true
	case RAISE_VARARGS:
		return -oparg, true
	case UNPACK_SEQUENCE:
		return oparg - 1, true
	case UNPACK_EX:
		return oparg&0xFF + oparg>>8, true
	case SETUP_FINALLY, SETUP_WITH:
		if jump {
			return 1, true
		}
		return 0, true
	case SETUP_CLEANUP:
		if jump {
			return 2, true
		}
		return 0, true
	}
	return 0, false
}
