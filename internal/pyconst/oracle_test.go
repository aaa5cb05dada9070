package pyconst

// The tests in this file compute their expected values by running CPython
// 3.13 (the oracle) once, on a batch of a few thousand inputs built here.

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// oracleScript reads a request (JSON) on stdin and prints a response (JSON).
//
// Values are encoded as lists: ["N"] None, ["E"] Ellipsis, ["B", bool],
// ["i", "-0x1f"] int, ["f", "<16 hex digits: little-endian IEEE bits>"]
// float, ["c", re, im] complex, ["s", [code points]] str, ["b", "<hex>"]
// bytes, ["t", [values]] tuple, ["fs", [values]] frozenset(tuple(values)).
const oracleScript = `
import sys, json, struct, io, tokenize

def f(h):
    return struct.unpack('<d', bytes.fromhex(h))[0]

def fh(x):
    return struct.pack('<d', x).hex()

def dec(e):
    k = e[0]
    if k == 'N': return None
    if k == 'E': return ...
    if k == 'B': return bool(e[1])
    if k == 'i': return int(e[1], 0)
    if k == 'f': return f(e[1])
    if k == 'c': return complex(f(e[1]), f(e[2]))
    if k == 's': return ''.join(map(chr, e[1]))
    if k == 'b': return bytes.fromhex(e[1])
    if k == 't': return tuple(map(dec, e[1]))
    if k == 'fs': return frozenset(tuple(map(dec, e[1])))
    raise ValueError(k)

def enc(v):
    if type(v) is int: return ['i', hex(v)]
    if type(v) is float: return ['f', fh(v)]
    if type(v) is complex: return ['c', fh(v.real), fh(v.imag)]
    raise ValueError(type(v))

def err(e):
    return ['!', type(e).__name__, str(e)]

def value(e):
    v = dec(e)
    try:
        r = repr(v)
    except Exception as x:
        r = '!' + str(x)
    out = [r, hash(v)]
    if type(v) is str:
        out.append(len(v))
    return out

def lit(kind, text):
    want = {'int': int, 'float': float, 'imag': complex}[kind]
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except Exception:
        return ['bad']
    if not toks or toks[0].type != tokenize.NUMBER or toks[0].string != text:
        return ['bad']
    try:
        v = eval(compile(text, '<lit>', 'eval'))
    except SyntaxError as e:
        return ['!', 'SyntaxError', e.msg]
    if type(v) is not want:
        return ['bad']
    return enc(v)

def op(name, a, b):
    a = int(a, 0)
    b = int(b, 0)
    try:
        if name == 'add': r = a + b
        elif name == 'sub': r = a - b
        elif name == 'mul': r = a * b
        elif name == 'floordiv': r = a // b
        elif name == 'mod': r = a % b
        elif name == 'pow': r = a ** b
        elif name == 'lshift': r = a << b
        elif name == 'rshift': r = a >> b
        elif name == 'and': r = a & b
        elif name == 'or': r = a | b
        elif name == 'xor': r = a ^ b
        elif name == 'neg': r = -a
        elif name == 'invert': r = ~a
        elif name == 'cmp': r = (a > b) - (a < b)
        elif name == 'bitlen': r = a.bit_length()
        elif name == 'float': r = float(a)
        else: raise ValueError(name)
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        return err(e)
    return enc(r)

req = json.load(sys.stdin)
resp = {
    'values': [value(e) for e in req.get('values', [])],
    'lits': [lit(k, t) for k, t in req.get('lits', [])],
    'ops': [op(*o) for o in req.get('ops', [])],
}
if req.get('printable'):
    bm = bytearray(0x110000 // 8)
    for c in range(0x110000):
        if chr(c).isprintable():
            bm[c >> 3] |= 1 << (c & 7)
    resp['printable'] = bm.hex()
json.dump(resp, sys.stdout)
`

type oracleRequest struct {
	Values    []any       `json:"values,omitempty"`
	Lits      [][2]string `json:"lits,omitempty"`
	Ops       [][3]string `json:"ops,omitempty"`
	Printable bool        `json:"printable,omitempty"`
}

type oracleResponse struct {
	Values    [][]any    `json:"values"`
	Lits      [][]string `json:"lits"`
	Ops       [][]string `json:"ops"`
	Printable string     `json:"printable"`
}

// runOracle sends req to one oracle process, run with PYTHONHASHSEED=seed.
func runOracle(t *testing.T, req *oracleRequest, seed uint32) *oracleResponse {
	t.Helper()
	in, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	var out []byte
	if seed == 0 {
		r := oracle.Run(t, in, "-c", oracleScript)
		if r.ExitCode != 0 {
			t.Fatalf("oracle failed (exit %d): %s", r.ExitCode, r.Stderr)
		}
		out = r.Stdout
	} else {
		cmd := exec.Command(oracle.Require(t), "-c", oracleScript)
		env := oracle.Env()
		for i, kv := range env {
			if strings.HasPrefix(kv, "PYTHONHASHSEED=") {
				env[i] = "PYTHONHASHSEED=" + strconv.FormatUint(uint64(seed), 10)
			}
		}
		cmd.Env = env
		cmd.Stdin = bytes.NewReader(in)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if out, err = cmd.Output(); err != nil {
			t.Fatalf("oracle failed: %v: %s", err, stderr.Bytes())
		}
	}
	var resp oracleResponse
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&resp); err != nil {
		t.Fatalf("decoding the oracle's answer: %v", err)
	}
	return &resp
}

// ---- encoding values for the oracle ----

func floatHex(f float64) string {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], math.Float64bits(f))
	return hex.EncodeToString(b[:])
}

func encode(v Value) any {
	switch v := v.(type) {
	case NoneType:
		return []any{"N"}
	case EllipsisType:
		return []any{"E"}
	case Bool:
		return []any{"B", bool(v)}
	case Int:
		return []any{"i", intHex(v)}
	case Float:
		return []any{"f", floatHex(float64(v))}
	case Complex:
		return []any{"c", floatHex(v.Real), floatHex(v.Imag)}
	case Str:
		cps := []rune{}
		for _, r := range v.CodePoints() {
			cps = append(cps, r)
		}
		return []any{"s", cps}
	case Bytes:
		return []any{"b", hex.EncodeToString([]byte(v))}
	case Tuple:
		elems := []any{}
		for _, e := range v {
			elems = append(elems, encode(e))
		}
		return []any{"t", elems}
	case FrozenSet:
		return encodeFrozenSet(v)
	}
	panic(fmt.Sprintf("encode: %T", v))
}

// intHex writes x as Python's hex() does: "0x1f", "-0x1f".
func intHex(x Int) string {
	s := x.Text(16)
	if strings.HasPrefix(s, "-") {
		return "-0x" + s[1:]
	}
	return "0x" + s
}

// hashIsIdentity reports whether CPython hashes v (or part of it) by object
// identity, so that its hash cannot be compared.
func hashIsIdentity(v Value) bool {
	switch v := v.(type) {
	case EllipsisType:
		return true
	case Float:
		return math.IsNaN(float64(v))
	case Complex:
		return math.IsNaN(v.Real) || math.IsNaN(v.Imag)
	case Tuple:
		for _, e := range v {
			if hashIsIdentity(e) {
				return true
			}
		}
	case FrozenSet:
		for _, e := range v.elems {
			if hashIsIdentity(e) {
				return true
			}
		}
	}
	return false
}

// ---- building the inputs ----

func newRand() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }

func mustBig(s string) *big.Int {
	b, ok := new(big.Int).SetString(s, 0)
	if !ok {
		panic(s)
	}
	return b
}

func pow10(n int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }

// testInts returns edge-case ints and random ints of many sizes.
func testInts(rng *rand.Rand) []Int {
	var xs []Int
	for _, v := range []int64{0, 1, -1, 2, -2, 7, 8, 9, 10, -10, 255, 256, 1 << 31, -1 << 31,
		1<<61 - 1, 1<<61 - 2, 1 << 61, -(1 << 61), -(1<<61 - 1), -(1<<61 - 2), 1<<62 - 1,
		math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1, 1e18, -1e18} {
		xs = append(xs, IntFromInt64(v))
	}
	P := big.NewInt(hashModulus)
	for _, s := range []string{"0x8000000000000000", "-0x8000000000000001", "0xffffffffffffffff",
		"0x10000000000000000", "-0x10000000000000000", "0x1fffffffffffffff_fffffffffffffff"} {
		xs = append(xs, IntFromBig(mustBig(strings.ReplaceAll(s, "_", ""))))
	}
	for k := int64(1); k <= 5; k++ {
		m := new(big.Int).Mul(P, big.NewInt(k*1000003))
		for _, d := range []int64{-1, 0, 1} {
			v := new(big.Int).Add(m, big.NewInt(d))
			xs = append(xs, IntFromBig(v), IntFromBig(new(big.Int).Neg(v)))
		}
	}
	// Around the decimal digit limit.
	lim := pow10(MaxStrDigits)
	for _, v := range []*big.Int{
		new(big.Int).Sub(lim, big.NewInt(1)), lim, new(big.Int).Neg(new(big.Int).Sub(lim, big.NewInt(1))),
		new(big.Int).Neg(lim), pow10(5000), new(big.Int).Lsh(big.NewInt(1), decimalBitsBound),
		new(big.Int).Lsh(big.NewInt(1), decimalBitsBound+1), new(big.Int).Lsh(big.NewInt(3), 14398),
	} {
		xs = append(xs, IntFromBig(v))
	}
	for range 600 {
		nbits := 1 + rng.IntN(300)
		if rng.IntN(10) == 0 {
			nbits = 1 + rng.IntN(5000)
		}
		v := new(big.Int)
		for v.BitLen() < nbits {
			v.Lsh(v, 64)
			v.Or(v, new(big.Int).SetUint64(rng.Uint64()))
		}
		v.Rsh(v, uint(v.BitLen()-nbits))
		if rng.IntN(2) == 0 {
			v.Neg(v)
		}
		xs = append(xs, IntFromBig(v))
	}
	return xs
}

// testFloats returns edge-case floats and random ones over the whole range.
func testFloats(rng *rand.Rand) []float64 {
	fs := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.5, 1.5, 2.5, 1e16, 1e15, 9999999999999998,
		1e17, 123456789012345678, 1e-4, 1e-5, 0.0001, 0.00001234, 1e22, 1e23, 1e-7, 5e-324,
		math.SmallestNonzeroFloat64, math.MaxFloat64, -math.MaxFloat64, 2.2250738585072014e-308,
		2.225073858507201e-308, math.Inf(1), math.Inf(-1), math.NaN(), math.Float64frombits(0xfff8000000000000),
		1.0 / 3, 2.0 / 3, 100, 1e100, 1e300, 1.5e300, 1e-300, 123.456, 0.3, 4.35, 1 << 53, 1<<53 + 2,
		1 << 60, 1 << 62, 1 << 63, 1 << 64, 9007199254740993, 0.1 + 0.2, 1e308, 299792458, 6.02214076e23}
	for i := -1080; i <= 1030; i += 7 {
		fs = append(fs, math.Ldexp(1, i), -math.Ldexp(1.75, i))
	}
	for i := -330; i <= 310; i += 3 {
		f, _ := strconv.ParseFloat("1e"+strconv.Itoa(i), 64)
		fs = append(fs, f)
	}
	for range 1500 {
		fs = append(fs, math.Float64frombits(rng.Uint64()))
	}
	for range 500 {
		f, _ := strconv.ParseFloat(fmt.Sprintf("%de%d", rng.IntN(100000), rng.IntN(50)-25), 64)
		fs = append(fs, f)
	}
	for range 200 {
		fs = append(fs, float64(rng.Int64N(1<<62)-1<<61))
	}
	return fs
}

// testStrs returns strings mixing every kind of character.
func testStrs(rng *rand.Rand) []Str {
	pools := [][]rune{
		{'a', 'z', 'A', '0', ' ', '~', '!', '#', '%', '{'},
		{0, 1, 7, 8, 9, 10, 11, 12, 13, 27, 31, 0x7f},
		{'\'', '"', '\\'},
		{0x80, 0x85, 0x9f, 0xa0, 0xa1, 0xad, 0xe9, 0xff},
		{0x100, 0x300, 0x378, 0x3b1, 0x61c, 0x200b, 0x200e, 0x2028, 0x2029, 0x3000, 0x4e2d, 0xfeff, 0xfffd, 0xfffe, 0xffff},
		{0xd800, 0xdbff, 0xdc00, 0xdfff, 0xd83d, 0xde00},
		{0xe000, 0xf8ff, 0xf0000, 0x10fffd, 0x10ffff},
		{0x1f600, 0x10000, 0x1d11e, 0xe0001, 0xe0080, 0x2ebf0, 0x2ee5d, 0x31ef, 0x2ffc, 0x30000, 0x3134f},
	}
	var ss []Str
	for _, s := range []string{"", "a", "'", "\"", "'\"", "it's", "say \"hi\"", "\\", "\t\n\r", "é", "日本", "😀"} {
		ss = append(ss, Str(s))
	}
	ss = append(ss, StrFromRunes([]rune{0xd83d, 0xde00}), StrFromRunes([]rune{0xd800}))
	for range 1200 {
		n := rng.IntN(14)
		rs := make([]rune, n)
		for i := range rs {
			if rng.IntN(8) == 0 {
				rs[i] = rune(rng.IntN(0x110000))
			} else {
				p := pools[rng.IntN(len(pools))]
				rs[i] = p[rng.IntN(len(p))]
			}
		}
		ss = append(ss, StrFromRunes(rs))
	}
	for r := rune(0); r < 0x110000; r += 1 + rune(rng.IntN(600)) {
		ss = append(ss, StrFromRunes([]rune{r}))
	}
	for range 50 { // longer strings, for SipHash's block loop
		rs := make([]rune, 8+rng.IntN(60))
		for i := range rs {
			p := pools[rng.IntN(len(pools))]
			rs[i] = p[rng.IntN(len(p))]
		}
		ss = append(ss, StrFromRunes(rs))
	}
	return ss
}

func testBytes(rng *rand.Rand) []Bytes {
	var bs []Bytes
	for c := range 256 {
		bs = append(bs, Bytes([]byte{byte(c)}))
	}
	for _, s := range []string{"", "'", "\"", "'\"", "it's", "\\'", "abc", "12345678", "123456789abcdefgh"} {
		bs = append(bs, Bytes(s))
	}
	for range 300 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		bs = append(bs, Bytes(b))
	}
	return bs
}

// ---- the batch ----

type valueCase struct {
	v      Value
	origin string
}

type litCase struct {
	kind, text string
}

type opCase struct {
	op   string
	a, b Int
}

type batch struct {
	values []valueCase
	lits   []litCase
	ops    []opCase
	resp   *oracleResponse
}

var (
	batchOnce sync.Once
	theBatch  *batch
)

// getBatch builds every input, runs the oracle once on all of them and
// returns the inputs with the oracle's answers.
func getBatch(t *testing.T) *batch {
	t.Helper()
	oracle.Require(t)
	batchOnce.Do(func() {
		b := buildBatch()
		req := &oracleRequest{Printable: true}
		for _, c := range b.values {
			req.Values = append(req.Values, encode(c.v))
		}
		for _, c := range b.lits {
			req.Lits = append(req.Lits, [2]string{c.kind, c.text})
		}
		for _, c := range b.ops {
			req.Ops = append(req.Ops, [3]string{c.op, intHex(c.a), intHex(c.b)})
		}
		b.resp = runOracle(t, req, 0)
		if len(b.resp.Values) != len(b.values) || len(b.resp.Lits) != len(b.lits) || len(b.resp.Ops) != len(b.ops) {
			t.Fatalf("oracle answered %d/%d/%d items for %d/%d/%d", len(b.resp.Values), len(b.resp.Lits),
				len(b.resp.Ops), len(b.values), len(b.lits), len(b.ops))
		}
		theBatch = b
	})
	if theBatch == nil {
		t.Fatal("the oracle batch failed in an earlier test")
	}
	return theBatch
}

// fsItems remembers the items each test FrozenSet was built from (keyed by
// its first element's address), so that the oracle builds it from the same
// sequence.
var (
	fsItemsMu sync.Mutex
	fsItems   = map[*Value][]Value{}
)

// makeFrozenSet builds a FrozenSet with h and remembers its items.
func makeFrozenSet(h *Hasher, items []Value) FrozenSet {
	fs := h.NewFrozenSet(items)
	if len(fs.elems) > 0 {
		fsItemsMu.Lock()
		fsItems[&fs.elems[0]] = items
		fsItemsMu.Unlock()
	}
	return fs
}

func encodeFrozenSet(fs FrozenSet) any {
	items := fs.elems
	if len(items) > 0 {
		fsItemsMu.Lock()
		if it, ok := fsItems[&fs.elems[0]]; ok {
			items = it
		}
		fsItemsMu.Unlock()
	}
	elems := []any{}
	for _, e := range items {
		elems = append(elems, encode(e))
	}
	return []any{"fs", elems}
}

func buildBatch() *batch {
	rng := newRand()
	b := &batch{}
	add := func(origin string, v Value) { b.values = append(b.values, valueCase{v, origin}) }

	add("none", None)
	add("ellipsis", Ellipsis)
	add("bool", True)
	add("bool", False)
	ints := testInts(rng)
	for _, x := range ints {
		add("int", x)
	}
	floats := testFloats(rng)
	for _, f := range floats {
		add("float", Float(f))
	}
	special := []float64{0, math.Copysign(0, -1), 1, -1, 1.5, -2.5, math.Inf(1), math.Inf(-1), math.NaN(),
		math.Float64frombits(0xfff8000000000000), 1e16, 1e-5, 2.5e-300, 1e300, 123456.789}
	for _, re := range special {
		for _, im := range special {
			add("complex", Complex{re, im})
		}
	}
	for range 300 {
		add("complex", Complex{floats[rng.IntN(len(floats))], floats[rng.IntN(len(floats))]})
	}
	strs := testStrs(rng)
	for _, s := range strs {
		add("str", s)
	}
	bs := testBytes(rng)
	for _, x := range bs {
		add("bytes", x)
	}

	// Tuples and frozensets.
	scalars := []Value{None, True, False, IntFromInt64(1), IntFromInt64(-1), IntFromInt64(0), Float(1),
		Float(0.5), Complex{0, 1}, Complex{1, 0}, Str("a"), Str("it's"), Bytes("b"), IntFromBig(pow10(30)),
		Float(math.Copysign(0, -1)), Float(math.Inf(1))}
	var randomValue func(depth int) Value
	randomValue = func(depth int) Value {
		switch k := rng.IntN(10); {
		case k < 2:
			return ints[rng.IntN(len(ints))]
		case k < 3:
			f := floats[rng.IntN(len(floats))]
			if math.IsNaN(f) {
				f = 2.5
			}
			return Float(f)
		case k < 5:
			return strs[rng.IntN(len(strs))]
		case k < 6:
			return bs[rng.IntN(len(bs))]
		case k < 8 || depth > 2:
			return scalars[rng.IntN(len(scalars))]
		case k < 9:
			t := make(Tuple, rng.IntN(4))
			for i := range t {
				t[i] = randomValue(depth + 1)
			}
			return t
		default:
			items := make([]Value, rng.IntN(6))
			for i := range items {
				items[i] = randomValue(depth + 1)
			}
			return makeFrozenSet(defaultHasher, items)
		}
	}
	add("tuple", Tuple{})
	add("tuple", Tuple{IntFromInt64(1)})
	add("tuple", Tuple{Tuple{}})
	add("tuple", Tuple{Ellipsis, Float(math.NaN())})
	add("tuple", Tuple{IntFromBig(pow10(5000))})
	for range 400 {
		t := make(Tuple, rng.IntN(6))
		for i := range t {
			t[i] = randomValue(0)
		}
		add("tuple", t)
	}
	fsAdd := func(items []Value) { add("frozenset", makeFrozenSet(defaultHasher, items)) }
	fsAdd(nil)
	fsAdd([]Value{IntFromInt64(1), Float(1), True, Complex{1, 0}, IntFromInt64(2), Float(2.0)})
	fsAdd([]Value{True, IntFromInt64(1)})
	fsAdd([]Value{Float(math.Copysign(0, -1)), IntFromInt64(0), False})
	fsAdd([]Value{Str("a"), Bytes("a"), Str("b"), Str("a")})
	fsAdd([]Value{IntFromInt64(-1), IntFromInt64(-2)})
	fsAdd([]Value{IntFromBig(pow10(20)), Float(1e20), Float(1e22), IntFromBig(pow10(22)), Float(1e23), IntFromBig(pow10(23))})
	for _, n := range []int{1, 4, 5, 6, 7, 8, 9, 17, 18, 19, 20, 50, 77, 78, 200, 1000} {
		for _, kind := range []string{"seq", "stride8", "neg", "str", "mixed"} {
			items := make([]Value, n)
			for i := range items {
				switch kind {
				case "seq":
					items[i] = IntFromInt64(int64(n - i))
				case "stride8":
					items[i] = IntFromInt64(int64(i) * 8)
				case "neg":
					items[i] = IntFromInt64(-int64(i) * 3)
				case "str":
					items[i] = Str("s" + strconv.Itoa(i))
				default:
					items[i] = randomValue(1)
				}
			}
			fsAdd(items)
		}
	}
	{ // large enough for the growth rule of tables above 50000 elements
		items := make([]Value, 80000)
		for i := range items {
			items[i] = IntFromInt64(int64(i) * 37)
		}
		fsAdd(items)
	}
	for range 300 {
		items := make([]Value, rng.IntN(12))
		for i := range items {
			items[i] = randomValue(0)
		}
		fsAdd(items)
	}
	for range 50 { // duplicates and collisions on a small table
		items := make([]Value, 3+rng.IntN(30))
		for i := range items {
			items[i] = IntFromInt64(rng.Int64N(64) * []int64{1, 8, 32, 1 << 20}[rng.IntN(4)])
		}
		fsAdd(items)
	}

	b.lits = buildLits(rng)
	b.ops = buildOps(rng, ints)
	return b
}

// withUnderscores inserts underscores between some digits of s.
func withUnderscores(rng *rand.Rand, s string) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if i > 0 && rng.IntN(5) == 0 {
			sb.WriteByte('_')
		}
		sb.WriteByte(s[i])
	}
	return sb.String()
}

func buildLits(rng *rand.Rand) []litCase {
	var ls []litCase
	addInt := func(s string) { ls = append(ls, litCase{"int", s}) }
	addFloat := func(s string) { ls = append(ls, litCase{"float", s}) }
	addImag := func(s string) { ls = append(ls, litCase{"imag", s}) }
	for _, s := range []string{"0", "00", "0_0", "000_000", "1", "9", "10", "1_000", "9223372036854775807",
		"9223372036854775808", "18446744073709551615", "18446744073709551616", "0x0", "0X_ff", "0xDEAD_beef",
		"0o17", "0O_7", "0b101", "0B_1_0", "0x7fffffffffffffff", "0x8000000000000000", "0b" + strings.Repeat("1", 200),
		strings.Repeat("1", 4300), strings.Repeat("1", 4301), strings.Repeat("1_", 4300) + "1", strings.Repeat("9", 5000),
		strings.Repeat("0", 5000), "0x" + strings.Repeat("f", 5000), "1" + strings.Repeat("0", 4300),
		// Malformed.
		"", "_", "_1", "1_", "1__0", "0_1", "09", "00_1", "0x", "0x_", "0x__1", "0b2", "0o8", "0xg", "1a", "1.0", "1e5",
		"0b1_", "-1", "+1", " 1", "1 ", "0_", "0x1_", "١٢"} {
		addInt(s)
	}
	for range 200 {
		var s string
		switch rng.IntN(4) {
		case 0:
			s = strconv.FormatUint(rng.Uint64()>>uint(rng.IntN(64)), 10)
		case 1:
			s = "0x" + strconv.FormatUint(rng.Uint64(), 16) + strconv.FormatUint(rng.Uint64(), 16)
		case 2:
			s = "0o" + strconv.FormatUint(rng.Uint64(), 8)
		default:
			s = "0b" + strconv.FormatUint(rng.Uint64()>>uint(rng.IntN(64)), 2)
		}
		if len(s) > 2 && s[0] == '0' && s[1] > '9' {
			s = s[:2] + withUnderscores(rng, s[2:])
		} else {
			s = withUnderscores(rng, s)
		}
		addInt(s)
	}
	floatTexts := []string{"1.5", ".5", "5.", "0.0", "00.5", "01e1", "1e5", "1E-5", "1e+5", "1_000.5e1_0", "1e400",
		"1e-400", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623157e308",
		"1.7976931348623158e308", "1.7976931348623159e308", "0.1", "0." + strings.Repeat("0", 400) + "1",
		"1" + strings.Repeat("0", 400) + ".", "9007199254740993.0", "9007199254740993" + strings.Repeat("0", 900) + "1e-900",
		"0.5" + strings.Repeat("0", 1000) + "1", "2.22507385850720138309e-308", "0e0", "0_0.0_0e0_0",
		// Malformed.
		"", ".", "e5", "1e", "1e+", "1._5", "1_.5", "1.5_", "_1.5", "1.5e_5", "1.5e+_5", "1__0.5", "1.5.5", "1", "inf",
		"nan", "0x1p3", "1.5j", "1,5", "1e5.0", "..5"}
	for _, s := range floatTexts {
		addFloat(s)
		addImag(s + "j")
	}
	for _, s := range []string{"1j", "0j", "1J", "010j", "1_0e3j", "00j", "j", "1_j", "1jj", "0x1j", "1"} {
		addImag(s)
	}
	for range 300 {
		var s string
		switch rng.IntN(3) {
		case 0:
			s = strconv.FormatFloat(math.Float64frombits(rng.Uint64()&^(1<<63)), 'g', -1, 64)
		case 1:
			s = fmt.Sprintf("%d.%de%d", rng.IntN(100000), rng.IntN(1000000), rng.IntN(700)-350)
		default:
			s = fmt.Sprintf("%d.%d", rng.Uint64(), rng.Uint64())
		}
		if strings.ContainsAny(s, "NI") { // NaN, Inf
			continue
		}
		if !strings.ContainsAny(s, ".e") {
			s += "."
		}
		s = strings.Replace(s, "e+", "e", 1)
		mant, exp, _ := strings.Cut(s, "e")
		a, bb, _ := strings.Cut(mant, ".")
		s = withUnderscores(rng, a) + "." + withUnderscores(rng, bb)
		if exp != "" {
			s += "e" + exp
		}
		addFloat(s)
		if rng.IntN(3) == 0 {
			addImag(s + "j")
		}
	}
	return ls
}

func buildOps(rng *rand.Rand, ints []Int) []opCase {
	// A pool of ints of every size, small ones over-represented.
	var pool []Int
	for _, v := range []int64{0, 1, -1, 2, -2, 3, -3, 7, -7, 64, 63, -64, math.MaxInt64, math.MinInt64,
		math.MaxInt32, math.MinInt32, 1 << 32, -1 << 32, 3037000499, 3037000500, -3037000500} {
		pool = append(pool, IntFromInt64(v))
	}
	pool = append(pool, IntFromBig(mustBig("0x8000000000000000")), IntFromBig(mustBig("-0x8000000000000001")),
		IntFromBig(mustBig("0x10000000000000000")))
	for len(pool) < 60 {
		x := ints[rng.IntN(len(ints))]
		if x.BitLen() < 400 {
			pool = append(pool, x)
		}
	}
	var ops []opCase
	small := func(x Int, m int64) Int {
		v, ok := x.Int64()
		if !ok {
			v = int64(x.BitLen())
		}
		v %= m
		if v < 0 {
			v = -v
		}
		return IntFromInt64(v)
	}
	for _, a := range pool {
		ops = append(ops, opCase{"neg", a, Int{}}, opCase{"invert", a, Int{}}, opCase{"bitlen", a, Int{}},
			opCase{"float", a, Int{}})
		for _, b := range pool {
			for _, op := range []string{"add", "sub", "mul", "floordiv", "mod", "and", "or", "xor", "cmp"} {
				ops = append(ops, opCase{op, a, b})
			}
			ops = append(ops, opCase{"pow", a, small(b, 40)}, opCase{"lshift", a, small(b, 200)},
				opCase{"rshift", a, small(b, 500)})
		}
		ops = append(ops, opCase{"pow", a, IntFromInt64(-1)}, opCase{"lshift", a, IntFromInt64(-1)},
			opCase{"rshift", a, IntFromInt64(-5)}, opCase{"rshift", a, IntFromBig(pow10(30))},
			opCase{"lshift", IntFromInt64(0), IntFromBig(pow10(30))})
	}
	for _, s := range []string{"0x1fffffffffffff", "0x20000000000001", "0x20000000000003",
		"0xfffffffffffff800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
		"0xfffffffffffffc00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"} {
		ops = append(ops, opCase{"float", IntFromBig(mustBig(s)), Int{}})
	}
	return ops
}

// ---- the tests ----

// answer returns the oracle's repr (or "!message") and hash of value i.
func (b *batch) answer(t *testing.T, i int) (repr string, hash int64, extra []any) {
	a := b.resp.Values[i]
	repr, _ = a[0].(string)
	h, err := a[1].(json.Number).Int64()
	if err != nil {
		t.Fatalf("oracle hash %v: %v", a[1], err)
	}
	return repr, h, a[2:]
}

func TestValuesAgainstOracle(t *testing.T) {
	b := getBatch(t)
	counts := map[string]int{}
	fails := 0
	for i, c := range b.values {
		counts[c.origin]++
		v := c.v
		wantRepr, wantHash, extra := b.answer(t, i)
		gotRepr, err := v.Repr()
		if err != nil {
			if !errors.As(err, new(*DigitLimitError)) {
				t.Errorf("%s %d: Repr error of type %T", c.origin, i, err)
			}
			gotRepr = "!" + err.Error()
		}
		bad := false
		if gotRepr != wantRepr {
			t.Errorf("%s %d (%s): repr\n got %.300q\nwant %.300q", c.origin, i, encodeJSON(encode(c.v)), gotRepr, wantRepr)
			bad = true
		}
		if !hashIsIdentity(v) && v.Hash() != wantHash {
			t.Errorf("%s %d: hash of %.200s = %d, want %d", c.origin, i, gotRepr, v.Hash(), wantHash)
			bad = true
		}
		if s, ok := v.(Str); ok {
			n, _ := extra[0].(json.Number).Int64()
			if int64(s.Len()) != n {
				t.Errorf("str %d: Len() of %s = %d, want %d", i, gotRepr, s.Len(), n)
				bad = true
			}
		}
		if bad {
			if fails++; fails > 30 {
				t.Fatal("too many failures")
			}
		}
	}
	t.Logf("checked against the oracle: %v", counts)
}

func encodeJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestLiteralsAgainstOracle(t *testing.T) {
	b := getBatch(t)
	fails := 0
	for i, c := range b.lits {
		want := b.resp.Lits[i]
		var got []string
		var err error
		switch c.kind {
		case "int":
			var v Int
			if v, err = ParseIntLiteral(c.text); err == nil {
				got = []string{"i", intHex(v)}
			}
		case "float":
			var v Float
			if v, err = ParseFloatLiteral(c.text); err == nil {
				got = []string{"f", floatHex(float64(v))}
			}
		case "imag":
			var v Complex
			if v, err = ParseImaginaryLiteral(c.text); err == nil {
				got = []string{"c", floatHex(v.Real), floatHex(v.Imag)}
			}
		}
		if err != nil {
			var lim *DigitLimitError
			switch {
			case errors.As(err, &lim):
				got = []string{"!", "SyntaxError", err.Error() + LiteralLimitHint}
			case len(want) == 3 && want[0] == "!" && strings.HasPrefix(want[2], "leading zeros"):
				got = []string{"!", "SyntaxError", err.Error()}
			default:
				got = []string{"bad"}
			}
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s literal %.80q: got %.200q (err %v), want %.200q", c.kind, c.text, got, err, want)
			if fails++; fails > 30 {
				t.Fatal("too many failures")
			}
		}
	}
	t.Logf("checked %d literals against the oracle", len(b.lits))
}

func TestIntOpsAgainstOracle(t *testing.T) {
	b := getBatch(t)
	fails := 0
	for i, c := range b.ops {
		want := b.resp.Ops[i]
		var r Int
		var err error
		var got []string
		switch c.op {
		case "add":
			r = c.a.Add(c.b)
		case "sub":
			r = c.a.Sub(c.b)
		case "mul":
			r = c.a.Mul(c.b)
		case "floordiv":
			r, err = c.a.FloorDiv(c.b)
		case "mod":
			r, err = c.a.Mod(c.b)
		case "pow":
			r, err = c.a.Pow(c.b)
		case "lshift":
			r, err = c.a.LShift(c.b)
		case "rshift":
			r, err = c.a.RShift(c.b)
		case "and":
			r = c.a.And(c.b)
		case "or":
			r = c.a.Or(c.b)
		case "xor":
			r = c.a.Xor(c.b)
		case "neg":
			r = c.a.Neg()
		case "invert":
			r = c.a.Invert()
		case "cmp":
			r = IntFromInt64(int64(c.a.Cmp(c.b)))
		case "bitlen":
			r = IntFromInt64(int64(c.a.BitLen()))
		case "float":
			var f float64
			if f, err = c.a.Float64(); err == nil {
				got = []string{"f", floatHex(f)}
			}
		}
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("%s: error of type %T", c.op, err)
			}
			got = []string{"!", pe.Type, pe.Msg}
		} else if got == nil {
			got = []string{"i", intHex(r)}
			if r.big != nil && r.big.IsInt64() {
				t.Errorf("%s(%s, %s): result not normalized to the int64 form", c.op, intHex(c.a), intHex(c.b))
			}
		}
		if c.op == "pow" && c.b.Sign() < 0 && err != nil {
			continue // Python gives a float; Pow is documented to refuse.
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s(%.60s, %.60s): got %.100q, want %.100q", c.op, intHex(c.a), intHex(c.b), got, want)
			if fails++; fails > 30 {
				t.Fatal("too many failures")
			}
		}
	}
	t.Logf("checked %d int operations against the oracle", len(b.ops))
}

func TestPrintableAgainstOracle(t *testing.T) {
	b := getBatch(t)
	bm, err := hex.DecodeString(b.resp.Printable)
	if err != nil || len(bm) != 0x110000/8 {
		t.Fatalf("bad printable bitmap from the oracle (%d bytes, %v)", len(bm), err)
	}
	fails := 0
	for r := rune(0); r < 0x110000; r++ {
		want := bm[r>>3]&(1<<(r&7)) != 0
		if IsPrintable(r) != want {
			t.Errorf("IsPrintable(U+%04X) = %v, want %v", r, !want, want)
			if fails++; fails > 30 {
				t.Fatal("too many failures")
			}
		}
	}
}

// TestHashSeeds checks Hasher against CPythons started with other
// PYTHONHASHSEED values: str and bytes hashes and frozenset order.
func TestHashSeeds(t *testing.T) {
	oracle.Require(t)
	rng := newRand()
	var vals []Value
	for _, s := range testStrs(rng)[:300] {
		vals = append(vals, s)
	}
	for _, x := range testBytes(rng)[250:400] {
		vals = append(vals, x)
	}
	vals = append(vals, Tuple{Str("a"), Bytes("b"), IntFromInt64(3)})
	for _, seed := range []uint32{1, 12345, 4294967295} {
		h := NewHasher(seed)
		req := &oracleRequest{}
		var sets []FrozenSet
		for range 20 {
			items := make([]Value, 1+rng.IntN(25))
			for i := range items {
				items[i] = Str(fmt.Sprintf("k%d", rng.IntN(40)))
			}
			sets = append(sets, makeFrozenSet(h, items))
		}
		for _, v := range vals {
			req.Values = append(req.Values, encode(v))
		}
		for _, s := range sets {
			req.Values = append(req.Values, encode(s))
		}
		resp := runOracle(t, req, seed)
		for i, a := range resp.Values {
			var v Value
			if i < len(vals) {
				v = vals[i]
			} else {
				v = sets[i-len(vals)]
			}
			want, _ := a[1].(json.Number).Int64()
			if got := h.Hash(v); got != want {
				t.Errorf("seed %d: hash of %s = %d, want %d", seed, mustRepr(v), got, want)
			}
			if got := mustRepr(v); got != a[0].(string) {
				t.Errorf("seed %d: repr %s, want %s", seed, got, a[0])
			}
		}
	}
}

func mustRepr(v Value) string {
	s, err := v.Repr()
	if err != nil {
		return "!" + err.Error()
	}
	return s
}
