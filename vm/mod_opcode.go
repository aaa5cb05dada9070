package vm

import (
	"github.com/peephole-lsp/peephole/compiler"
)

// The _opcode module that opcode.py and dis.py read: the properties of
// CPython 3.13's opcodes (from the oracle's tables), stack_effect (the
// compiler's), and the names of the intrinsics and binary operators.
// And the _tokenize module, whose TokenizerIter (mod_tokenize.go) the
// tokenize module's tokenizing functions use.

// opcodeFlags are has_arg, has_const, has_name, has_jump, has_free,
// has_local and has_exc (bits 0-6) of each valid opcode.
var opcodeFlags = map[int]uint8{0: 0, 1: 0, 2: 0, 3: 32, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, 10: 0, 11: 0, 12: 0, 13: 0,
	14: 0, 15: 0, 16: 0, 17: 0, 18: 0, 19: 0, 20: 0, 21: 0, 22: 0, 23: 0, 24: 0, 25: 0, 26: 0, 27: 0, 28: 0, 29: 0,
	30: 0, 31: 0, 32: 0, 33: 0, 34: 0, 35: 0, 36: 0, 37: 0, 38: 0, 39: 0, 40: 0, 41: 0, 42: 0, 43: 0, 44: 0, 45: 1,
	46: 1, 47: 1, 48: 1, 49: 1, 50: 1, 51: 1, 52: 1, 53: 1, 54: 1, 55: 1, 56: 1, 57: 1, 58: 1, 59: 1, 60: 1, 61: 1,
	62: 1, 63: 5, 64: 17, 65: 33, 66: 5, 67: 5, 68: 1, 69: 1, 70: 1, 71: 1, 72: 9, 73: 1, 74: 5, 75: 5, 76: 1, 77: 9,
	78: 9, 79: 9, 80: 1, 81: 1, 82: 5, 83: 3, 84: 17, 85: 33, 86: 33, 87: 33, 88: 33, 89: 17, 90: 5, 91: 5, 92: 5,
	93: 5, 94: 17, 95: 1, 96: 1, 97: 9, 98: 9, 99: 9, 100: 9, 101: 1, 102: 1, 103: 3, 104: 9, 105: 1, 106: 1, 107: 1,
	108: 5, 109: 17, 110: 33, 111: 33, 112: 33, 113: 5, 114: 5, 115: 1, 116: 1, 117: 1, 118: 1, 149: 1, 150: 0,
	151: 0, 152: 0, 153: 0, 154: 0, 155: 0, 156: 0, 157: 0, 158: 0, 159: 0, 160: 0, 161: 0, 162: 1, 163: 1, 164: 1,
	165: 1, 166: 1, 167: 1, 168: 1, 169: 1, 170: 1, 171: 1, 172: 1, 173: 1, 174: 1, 175: 1, 176: 1, 177: 1, 178: 1,
	179: 1, 180: 1, 181: 1, 182: 1, 183: 1, 184: 1, 185: 1, 186: 1, 187: 1, 188: 9, 189: 9, 190: 9, 191: 1, 192: 5,
	193: 1, 194: 1, 195: 1, 196: 1, 197: 1, 198: 1, 199: 1, 200: 1, 201: 1, 202: 5, 203: 1, 204: 1, 205: 5, 206: 5,
	207: 0, 208: 1, 209: 0, 210: 0, 211: 5, 212: 0, 213: 0, 214: 0, 215: 0, 216: 0, 217: 0, 218: 0, 219: 0, 220: 1,
	221: 1, 222: 1, 236: 1, 237: 0, 238: 0, 239: 0, 240: 3, 241: 1, 242: 1, 243: 1, 244: 1, 245: 1, 246: 0, 247: 0,
	248: 1, 249: 1, 250: 1, 251: 1, 252: 1, 253: 1, 256: 9, 257: 9, 258: 33, 259: 5, 260: 5, 261: 5, 262: 5, 263: 0,
	264: 65, 265: 65, 266: 65, 267: 33}

var (
	opcodeIntrinsic1 = []string{"INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR", "INTRINSIC_STOPITERATION_ERROR",
		"INTRINSIC_ASYNC_GEN_WRAP", "INTRINSIC_UNARY_POSITIVE", "INTRINSIC_LIST_TO_TUPLE", "INTRINSIC_TYPEVAR",
		"INTRINSIC_PARAMSPEC", "INTRINSIC_TYPEVARTUPLE", "INTRINSIC_SUBSCRIPT_GENERIC", "INTRINSIC_TYPEALIAS"}
	opcodeIntrinsic2 = []string{"INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR", "INTRINSIC_TYPEVAR_WITH_BOUND",
		"INTRINSIC_TYPEVAR_WITH_CONSTRAINTS", "INTRINSIC_SET_FUNCTION_TYPE_PARAMS", "INTRINSIC_SET_TYPEPARAM_DEFAULT"}
	opcodeNbOps = [][2]string{{"NB_ADD", "+"}, {"NB_AND", "&"}, {"NB_FLOOR_DIVIDE", "//"}, {"NB_LSHIFT", "<<"},
		{"NB_MATRIX_MULTIPLY", "@"}, {"NB_MULTIPLY", "*"}, {"NB_REMAINDER", "%"}, {"NB_OR", "|"}, {"NB_POWER", "**"},
		{"NB_RSHIFT", ">>"}, {"NB_SUBTRACT", "-"}, {"NB_TRUE_DIVIDE", "/"}, {"NB_XOR", "^"}, {"NB_INPLACE_ADD", "+="},
		{"NB_INPLACE_AND", "&="}, {"NB_INPLACE_FLOOR_DIVIDE", "//="}, {"NB_INPLACE_LSHIFT", "<<="},
		{"NB_INPLACE_MATRIX_MULTIPLY", "@="}, {"NB_INPLACE_MULTIPLY", "*="}, {"NB_INPLACE_REMAINDER", "%="},
		{"NB_INPLACE_OR", "|="}, {"NB_INPLACE_POWER", "**="}, {"NB_INPLACE_RSHIFT", ">>="},
		{"NB_INPLACE_SUBTRACT", "-="}, {"NB_INPLACE_TRUE_DIVIDE", "/="}, {"NB_INPLACE_XOR", "^="}}
)

var opcodeStackEffectSpec = ArgSpec{Name: "stack_effect", Params: []string{"opcode", "oparg", "jump"}, PosOnly: 2, Required: 1, KwOnly: 1}

func init() {
	RegisterModule("_opcode", func(t *Thread, m *Module) error {
		m.Set("__doc__", NewStrValue("Opcode support module."))
		m.Set("ENABLE_SPECIALIZATION", Int(1))
		flag := func(name string, bit uint8) {
			m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				spec := ArgSpec{Name: name, Params: []string{"opcode"}, Required: 1}
				var a [1]Value
				if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
					return Null, err
				}
				op, err := AsSize(t, a[0], OverflowErrorType)
				if err != nil {
					return Null, err
				}
				f, ok := opcodeFlags[op]
				if bit == 0 {
					return Bool(ok), nil
				}
				return Bool(ok && f&bit != 0), nil
			})
		}
		flag("is_valid", 0)
		flag("has_arg", 1)
		flag("has_const", 2)
		flag("has_name", 4)
		flag("has_jump", 8)
		flag("has_free", 16)
		flag("has_local", 32)
		flag("has_exc", 64)
		m.AddFunc("stack_effect", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [3]Value
			if err := clinicArgs(t, &opcodeStackEffectSpec, args, kw, a[:]); err != nil {
				return Null, err
			}
			op, err := AsSize(t, a[0], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			oparg := 0
			if !a[1].IsNull() && !a[1].IsNone() {
				if oparg, err = AsSize(t, a[1], OverflowErrorType); err != nil {
					return Null, err
				}
			}
			if _, valid := opcodeFlags[op]; !valid || op < 0 {
				return Null, t.valueErrorf("invalid opcode or oparg")
			}
			effect := func(jump bool) (int, bool) { return compiler.StackEffect(compiler.Opcode(op), oparg, jump) }
			var e int
			var ok bool
			if a[2].IsNull() || a[2].IsNone() {
				e1, ok1 := effect(true)
				e2, ok2 := effect(false)
				e, ok = max(e1, e2), ok1 && ok2
			} else {
				j, err := Truth(t, a[2])
				if err != nil {
					return Null, err
				}
				e, ok = effect(j)
			}
			if !ok {
				return Null, t.valueErrorf("invalid opcode or oparg")
			}
			return Int(int64(e)), nil
		})
		m.AddFunc("get_specialization_stats", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return None, nil
		})
		m.AddFunc("get_intrinsic1_descs", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Value{o: strList(opcodeIntrinsic1)}, nil
		})
		m.AddFunc("get_intrinsic2_descs", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Value{o: strList(opcodeIntrinsic2)}, nil
		})
		m.AddFunc("get_nb_ops", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			items := make([]Value, len(opcodeNbOps))
			for i, p := range opcodeNbOps {
				items[i] = Value{o: NewTuple(NewStrValue(p[0]), NewStrValue(p[1]))}
			}
			return Value{o: NewList(items...)}, nil
		})
		m.AddFunc("get_executor", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "get_executor", args, kw, 2, 2); err != nil {
				return Null, err
			}
			if _, ok := args[0].o.(*Code); !ok {
				return Null, t.typeErrorf("expected a code object, not '%s'", typeName(args[0]))
			}
			return Null, t.valueErrorf("no executor at given byte offset")
		})
		return nil
	})
	RegisterModule("_tokenize", func(t *Thread, m *Module) error {
		m.addType(tokenizerIterType)
		return nil
	})
}

var tokenizerIterType = nativeType("_tokenize", "TokenizerIter", nil, 0)
