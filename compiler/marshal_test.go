package compiler

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// pyDescribe is Python source defining desc(v): a JSON form of any value
// marshal can hold that says everything marshal stores (float bits, str
// code points, iteration order, every field of a code object, localsplus
// kinds included), and that describe builds from the Go value. A value
// that contains itself raises Cycle.
const pyDescribe = pyMemLimit + `
import marshal, struct, sys, types
sys.setrecursionlimit(20000)
class Cycle(Exception): pass
def _lpkinds(co):
    # co_localspluskinds is not exposed in 3.13, but marshal writes it.
    data = marshal.dumps(co)
    pos = 0
    refs = []
    def rd(n):
        nonlocal pos
        b = data[pos:pos + n]; pos += n; return b
    def rl(): return struct.unpack("<i", rd(4))[0]
    def obj():
        nonlocal pos
        c = data[pos]; pos += 1
        t, flag = chr(c & 0x7f), c & 0x80
        if t == "r": return refs[rl()]
        if flag and t not in "NFT.S0": refs.append(None); i = len(refs) - 1
        v = None
        if t in "NFT.S0": pass
        elif t == "i": rl()
        elif t == "l": rd(2 * abs(rl()))
        elif t == "g": rd(8)
        elif t == "y": rd(16)
        elif t in "zZ": rd(data[pos] + 1)
        elif t in "aAut": rd(rl())
        elif t == "s": v = rd(rl())
        elif t == ")": n = data[pos]; pos += 1; [obj() for _ in range(n)]
        elif t in "([<>": [obj() for _ in range(rl())]
        elif t == "{":
            while data[pos] != ord("0"): obj(); obj()
            pos += 1
        elif t == "c":
            [rl() for _ in range(5)]
            v = [obj() for _ in range(5)][4]
            [obj() for _ in range(3)]; rl(); obj(); obj()
        else: raise ValueError("marshal type %r" % t)
        if flag and t not in "NFT.S0": refs[i] = v
        return v
    return obj()
def _h(s): return s.encode("utf-8", "surrogatepass").hex()
def _f(x): return struct.pack("<d", x).hex()
def desc(v, stack=()):
    t = type(v)
    if v is None: return ["None"]
    if v is Ellipsis: return ["Ellipsis"]
    if v is StopIteration: return ["StopIteration"]
    if t is bool: return ["bool", v]
    if t is int: return ["int", hex(v)]
    if t is float: return ["float", _f(v)]
    if t is complex: return ["complex", _f(v.real), _f(v.imag)]
    if t is str: return ["str", _h(v)]
    if t is bytes: return ["bytes", v.hex()]
    if id(v) in stack: raise Cycle()
    s = stack + (id(v),)
    if t in (tuple, list, set, frozenset): return [t.__name__, [desc(x, s) for x in v]]
    if t is dict: return ["dict", [[desc(k, s), desc(x, s)] for k, x in v.items()]]
    if t is types.CodeType:
        names = []
        while True:
            try: names.append(v._varname_from_oparg(len(names)))
            except IndexError: break
        return ["code", {
            "argcount": v.co_argcount, "posonlyargcount": v.co_posonlyargcount,
            "kwonlyargcount": v.co_kwonlyargcount, "stacksize": v.co_stacksize, "flags": v.co_flags,
            "code": v.co_code.hex(), "consts": [desc(x, s) for x in v.co_consts],
            "names": [_h(n) for n in v.co_names], "localsplusnames": [_h(n) for n in names],
            "localspluskinds": _lpkinds(v).hex(), "filename": _h(v.co_filename), "name": _h(v.co_name),
            "qualname": _h(v.co_qualname), "firstlineno": v.co_firstlineno,
            "linetable": v.co_linetable.hex(), "exceptiontable": v.co_exceptiontable.hex()}]
    raise TypeError(t.__name__)
`

// pyMemLimit caps the oracle's address space, so that marshal data
// announcing a huge object makes marshal.loads raise MemoryError at once
// instead of allocating gigabytes before it finds the data too short.
const pyMemLimit = `
import resource
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
`

func hexStr(s string) string { return hex.EncodeToString([]byte(s)) }

func floatHex(f float64) string {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], math.Float64bits(f))
	return hex.EncodeToString(b[:])
}

// describe is the Go side of pyDescribe's desc.
func describe(c Const) any {
	list := func(tag string, items []Const) any {
		out := make([]any, len(items))
		for i, e := range items {
			out[i] = describe(e)
		}
		return []any{tag, out}
	}
	vals := func(vs []pyconst.Value) []Const {
		out := make([]Const, len(vs))
		for i, v := range vs {
			out[i] = v
		}
		return out
	}
	switch v := c.(type) {
	case pyconst.NoneType:
		return []any{"None"}
	case pyconst.EllipsisType:
		return []any{"Ellipsis"}
	case StopIterationType:
		return []any{"StopIteration"}
	case pyconst.Bool:
		return []any{"bool", bool(v)}
	case pyconst.Int:
		b := v.Big()
		sign := ""
		if b.Sign() < 0 {
			sign = "-"
			b.Neg(b)
		}
		return []any{"int", sign + "0x" + b.Text(16)}
	case pyconst.Float:
		return []any{"float", floatHex(float64(v))}
	case pyconst.Complex:
		return []any{"complex", floatHex(v.Real), floatHex(v.Imag)}
	case pyconst.Str:
		return []any{"str", hexStr(string(v))}
	case pyconst.Bytes:
		return []any{"bytes", hexStr(string(v))}
	case pyconst.Tuple:
		return list("tuple", vals(v))
	case AnyTuple:
		return list("tuple", v)
	case pyconst.FrozenSet:
		return list("frozenset", vals(v.Elems()))
	case AnyFrozenSet:
		return list("frozenset", v)
	case List:
		return list("list", v)
	case Set:
		return list("set", v)
	case Dict:
		out := make([]any, len(v))
		for i, it := range v {
			out[i] = []any{describe(it.Key), describe(it.Value)}
		}
		return []any{"dict", out}
	case *Code:
		names := func(ns []string) []any {
			out := make([]any, len(ns))
			for i, n := range ns {
				out[i] = hexStr(n)
			}
			return out
		}
		return []any{"code", map[string]any{
			"argcount": v.ArgCount, "posonlyargcount": v.PosOnlyArgCount,
			"kwonlyargcount": v.KwOnlyArgCount, "stacksize": v.StackSize, "flags": int(v.Flags),
			"code": hex.EncodeToString(v.Code), "consts": list("", v.Consts).([]any)[1],
			"names": names(v.Names), "localsplusnames": names(v.LocalsPlusNames),
			"localspluskinds": hex.EncodeToString(v.LocalsPlusKinds), "filename": hexStr(v.Filename),
			"name": hexStr(v.Name), "qualname": hexStr(v.QualName), "firstlineno": v.FirstLineno,
			"linetable": hex.EncodeToString(v.LineTable), "exceptiontable": hex.EncodeToString(v.ExceptionTable),
		}}
	}
	return []any{fmt.Sprintf("<%T>", c)}
}

// describeSorted is describe with the elements of sets and frozensets
// sorted, for comparisons that ignore their iteration order.
func describeSorted(c Const) any { return sortSets(describe(c)) }

// sortSets sorts the elements of the sets and frozensets in a describe
// tree (as built by describe, or decoded from the oracle's JSON).
func sortSets(d any) any {
	var sortSets func(x any) any
	sortSets = func(x any) any {
		switch x := x.(type) {
		case []any:
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = sortSets(e)
			}
			if len(out) == 2 && (out[0] == "set" || out[0] == "frozenset") {
				elems := out[1].([]any)
				keys := make([]string, len(elems))
				for i, e := range elems {
					b, _ := json.Marshal(e)
					keys[i] = string(b)
				}
				slices.Sort(keys)
				sorted := make([]any, len(keys))
				for i, k := range keys {
					sorted[i] = json.RawMessage(k)
				}
				out[1] = sorted
			}
			return out
		case map[string]any:
			out := map[string]any{}
			for k, e := range x {
				out[k] = sortSets(e)
			}
			return out
		}
		return x
	}
	return sortSets(d)
}

// nanInSet reports whether c holds a set or frozenset with a NaN in it.
func nanInSet(c Const) bool {
	isNaN := func(e Const) bool {
		switch e := e.(type) {
		case pyconst.Float:
			return math.IsNaN(float64(e))
		case pyconst.Complex:
			return math.IsNaN(e.Real) || math.IsNaN(e.Imag)
		}
		return false
	}
	var elems []Const
	switch v := c.(type) {
	case pyconst.FrozenSet:
		for _, e := range v.Elems() {
			elems = append(elems, e)
		}
		if slices.ContainsFunc(elems, isNaN) {
			return true
		}
	case Set:
		if slices.ContainsFunc(v, isNaN) {
			return true
		}
		elems = v
	case AnyFrozenSet:
		elems = v
	case pyconst.Tuple:
		for _, e := range v {
			elems = append(elems, e)
		}
	case AnyTuple:
		elems = v
	case List:
		elems = v
	case Dict:
		for _, it := range v {
			elems = append(elems, it.Key, it.Value)
		}
	case *Code:
		elems = v.Consts
	}
	return slices.ContainsFunc(elems, nanInSet)
}

// canonJSON re-encodes a JSON value so that equal values compare equal as
// strings (object keys sorted).
func canonJSON(t *testing.T, v any) string {
	t.Helper()
	if raw, ok := v.(json.RawMessage); ok {
		var x any
		if err := json.Unmarshal(raw, &x); err != nil {
			t.Fatal(err)
		}
		v = x
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// oracleValues is Python source that builds values of every kind marshal
// holds, as a list vals of (label, value, versions).
const oracleValues = `
import sys
co = compile("""
def f(a, /, b, *c, d=1, **e):
    x = [i for i in c]
    def g(): return x, a
    return lambda: g
class C:
    def m(self): return __class__
async def h(): await f
""", "mod.py", "exec")
t = (1, 2); s = "shared text"; big = 2**100; fz = frozenset({1, 2})
selfref = []; selfref.append(selfref)
ALL = (0, 1, 2, 3, 4)
vals = [
    ("None", None, ALL), ("True", True, ALL), ("False", False, ALL), ("Ellipsis", ..., ALL),
    ("StopIteration", StopIteration, ALL),
    *[("int %d" % i, v, ALL) for i, v in enumerate([0, 1, -1, 255, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
        2**32, 2**62, 2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64, 2**15 - 1, 2**15, 2**30 - 1,
        2**30, 2**45, 10**100, -10**100, 3**1000])],
    *[("float %d" % i, v, ALL) for i, v in enumerate([0.0, -0.0, 1.5, -2.5e-300, 5e-324,
        1.7976931348623157e308, float("inf"), float("-inf"), float("nan"), -float("nan"), 0.1, 1e16, 1e22])],
    *[("complex %d" % i, v, ALL) for i, v in enumerate([0j, -0j, complex(-0.0, -0.0), 1 + 2j,
        complex(float("nan"), float("inf")), 1e300j])],
    *[("str %d" % i, v, ALL) for i, v in enumerate(["", "a", "abc", "a b", "x" * 255, "y" * 256,
        "z" * 1000, "\xe9", "\xff" * 300, "\u20ac", "\U0001f600", "\ud800", "\udc00\ud800",
        "a\ud83d\ude00b", "\xe9" * 300, sys.intern("interned_name"), "\x00\x7f"])],
    *[("bytes %d" % i, v, ALL) for i, v in enumerate([b"", b"\x00", bytes(range(256)), b"x" * 70000])],
    *[("tuple %d" % i, v, ALL) for i, v in enumerate([(), (1,), (1, "a", (2.5, (None,))),
        tuple(range(255)), tuple(range(256)), tuple(range(1000)), ((),) * 3])],
    *[("frozenset %d" % i, v, ALL) for i, v in enumerate([frozenset(), frozenset({1}),
        frozenset({1, 2, "a", "b", (1, 2), 2.5, None, b"x", 3j}), frozenset({frozenset({1, 2}), frozenset()}),
        frozenset(range(100)), frozenset(str(i) for i in range(50)), frozenset({1, True, 1.0}),
        frozenset({-1, -2, 2**64, float("inf")})])],
    *[("container %d" % i, v, ALL) for i, v in enumerate([[], [1, [2, [3]]], {}, {1: "a", "b": [1, 2], (1, 2): {3: 4}},
        set(), {1, 2, 3}, {"a", "b", "c", "d", "e"}, [frozenset({"x"}), {None}]])],
    ("code", co, (2, 3, 4)),
    ("code twice", (co, co), (3, 4)), ("code list", [co, co, "x", "x"], (3, 4)),
    ("shared", [t, t, s, s, big, big, fz, fz, t], (3, 4)),
    ("code in frozenset", frozenset({co}), (3, 4)),
]
`

// oracleCase is one value the oracle marshalled.
type oracleCase struct {
	Label   string          `json:"label"`
	Version int             `json:"version"`
	Data    string          `json:"data"`
	Desc    json.RawMessage `json:"desc"`
}

// oracleCases runs oracleValues and returns each value marshalled by
// marshal.dumps in each of its versions, with desc of marshal.loads of it.
func oracleCases(t *testing.T) []oracleCase {
	script := pyDescribe + oracleValues + `
import json
for label, v, versions in vals:
    for ver in versions:
        data = marshal.dumps(v, ver)
        print(json.dumps({"label": label, "version": ver, "data": data.hex(), "desc": desc(marshal.loads(data))}))
`
	var cases []oracleCase
	streamOracle(t, script, nil, func(raw json.RawMessage) {
		var c oracleCase
		if err := json.Unmarshal(raw, &c); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	})
	return cases
}

// TestUnmarshalOracleValues holds Unmarshal against marshal.loads on what
// marshal.dumps writes for values of every kind, in every format version
// (0 and 1 write text floats, 0 to 2 no references, 0 to 3 no short
// strings or small tuples), and Marshal against marshal.loads on what it
// writes back.
func TestUnmarshalOracleValues(t *testing.T) {
	cases := oracleCases(t)
	if len(cases) < 100 {
		t.Fatalf("only %d cases", len(cases))
	}
	var ours []string
	for _, c := range cases {
		data, _ := hex.DecodeString(c.Data)
		v, err := Unmarshal(data)
		if err != nil {
			t.Errorf("%s (version %d): %v", c.Label, c.Version, err)
			ours = append(ours, "")
			continue
		}
		if got, want := canonJSON(t, describe(v)), canonJSON(t, c.Desc); got != want {
			t.Errorf("%s (version %d):\n got  %.300s\n want %.300s", c.Label, c.Version, got, want)
		}
		out, err := Marshal(v)
		if err != nil {
			t.Errorf("%s: Marshal: %v", c.Label, err)
		}
		ours = append(ours, hex.EncodeToString(out))
	}
	// Marshal's output must load in CPython to the same value.
	script := pyDescribe + `
import json
for orig, ours in json.load(sys.stdin):
    if not ours:
        print(json.dumps(None)); continue
    a = marshal.loads(bytes.fromhex(orig))
    b = desc(marshal.loads(bytes.fromhex(ours)))
    if desc(a) == b:
        print(json.dumps("same"))
    elif desc(marshal.loads(marshal.dumps(a))) == b:
        # What CPython's own round trip gives: frozenset elements are
        # re-inserted when loaded, which can change their order, and the
        # order marshal writes them in depends on reference counts.
        print(json.dumps("same as CPython's round trip"))
    else:
        print(json.dumps("different"))
`
	var pairs [][2]string
	for i, c := range cases {
		pairs = append(pairs, [2]string{c.Data, ours[i]})
	}
	i, same, sameRT := 0, 0, 0
	streamOracle(t, script, pairs, func(raw json.RawMessage) {
		switch string(raw) {
		case `"same"`:
			same++
		case `"same as CPython's round trip"`:
			sameRT++
		case `"different"`:
			t.Errorf("%s (version %d): Marshal's output loads in CPython to another value", cases[i].Label, cases[i].Version)
		}
		i++
	})
	t.Logf("marshal values: %d marshal.dumps outputs read equal; written back, %d load in CPython equal to the original, %d equal to CPython's own dumps(loads(data))",
		len(cases), same, sameRT)
}

// TestUnmarshalRefs checks references the oracle does not write by itself:
// FLAG_REF on scalars, references to code objects, TYPE_INT64 and text
// floats, and values CPython accepts that Unmarshal rejects (a value that
// contains itself).
func TestUnmarshalRefs(t *testing.T) {
	i32 := func(n int) string { var b [4]byte; binary.LittleEndian.PutUint32(b[:], uint32(n)); return string(b[:]) }
	cases := []struct {
		name, data string
		want       string // the repr, or "error"
	}{
		{"int64", "I" + "\x00\x00\x00\x00\x00\x01\x00\x00", "1099511627776"},
		{"int ref", ")\x02\xe9" + i32(7) + "r" + i32(0), "(7, 7)"},
		{"float text", "f\x031.5", "1.5"},
		{"float text inf", "f\x03inf", "inf"},
		{"float text -nan", "f\x04-nan", "nan"},
		{"float text bad", "f\x03abc", "error"},
		{"float text space", "f\x04 1.5", "error"},
		{"float text hex", "f\x050x1p3", "error"},
		{"complex text", "x\x031.5\x02-2", "(1.5-2j)"},
		{"ref to tuple being read", "\xa9\x01r" + i32(0), "error"},
		{"ref to list being read", "\xdb" + i32(1) + "r" + i32(0), "error"},
		{"ref out of range", ")\x01r" + i32(0), "error"},
		{"negative ref", "r" + i32(-1), "error"},
		{"ref after None with flag", ")\x02\xcer" + i32(0), "error"},
		{"NULL", "0", "error"},
		{"NULL in tuple", ")\x010", "error"},
		{"dict value NULL", "{N0", "{}"},
		{"unhashable key", "{[" + i32(0) + "N0", "error"},
		{"unhashable element", ">" + i32(1) + "[" + i32(0), "error"},
		{"set dedup", "<" + i32(3) + "i" + i32(1) + "T" + "g" + "\x00\x00\x00\x00\x00\x00\xf0\x3f", "{1}"},
		{"latin1", "a" + i32(1) + "\xff", "'ÿ'"},
		{"short latin1", "z\x01\xe9", "'é'"},
		{"surrogate", "u" + i32(3) + "\xed\xa0\x80", "'\\ud800'"},
		{"bad utf8", "u" + i32(2) + "\xed\xa0", "error"},
		{"overlong utf8", "u" + i32(2) + "\xc0\x80", "error"},
		{"digit out of range", "l" + i32(1) + "\x00\x80", "error"},
		{"unnormalized long", "l" + i32(2) + "\x01\x00\x00\x00", "error"},
		{"long min size", "l" + i32(math.MinInt32), "error"},
		{"unknown code", ":", "error"},
		{"slice (3.14)", ":NNN", "error"},
		{"empty", "", "error"},
		{"huge tuple", "(" + i32(math.MaxInt32), "error"},
		{"negative tuple", "(" + i32(-1), "error"},
		{"huge bytes", "s" + i32(math.MaxInt32), "error"},
		{"trailing data", "N junk", "None"},
	}
	for _, c := range cases {
		v, err := Unmarshal([]byte(c.data))
		if c.want == "error" {
			if err == nil {
				r, _ := constRepr(v)
				t.Errorf("%s: got %s, want an error", c.name, r)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if r, _ := constRepr(v); r != c.want {
			t.Errorf("%s: got %s, want %s", c.name, r, c.want)
		}
	}
	// The same inputs through the oracle: CPython accepts exactly the
	// ones Unmarshal accepts, except the self-containing ones.
	var datas []string
	for _, c := range cases {
		datas = append(datas, hex.EncodeToString([]byte(c.data)))
	}
	script := pyMemLimit + `
import json, marshal, sys
for d in json.load(sys.stdin):
    try:
        v = marshal.loads(bytes.fromhex(d)); print(json.dumps(["ok", repr(v)]))
    except Exception as e:
        print(json.dumps(["error", type(e).__name__]))
`
	i := 0
	streamOracle(t, script, datas, func(raw json.RawMessage) {
		var row [2]string
		json.Unmarshal(raw, &row)
		c := cases[i]
		i++
		switch {
		case strings.Contains(c.name, "being read"):
			if row[0] != "ok" {
				t.Errorf("%s: CPython fails (%s); it should accept a self-containing value", c.name, row[1])
			}
		case c.want == "error":
			if row[0] != "error" {
				t.Errorf("%s: CPython loads it as %s", c.name, row[1])
			}
		case row[0] != "ok" || row[1] != c.want:
			t.Errorf("%s: CPython gives %v, the test expects %s", c.name, row, c.want)
		}
	})
}

// TestUnmarshalCodeRefs reads marshal data in which code objects are
// shared by reference, and a code object that refers to itself.
func TestUnmarshalCodeRefs(t *testing.T) {
	cases := oracleCases(t)
	for _, c := range cases {
		if c.Label != "code twice" || c.Version != 4 {
			continue
		}
		data, _ := hex.DecodeString(c.Data)
		v, err := Unmarshal(data)
		if err != nil {
			t.Fatal(err)
		}
		tup, ok := v.(AnyTuple)
		if !ok || len(tup) != 2 || tup[0] != tup[1] {
			t.Fatalf("(co, co) read as %T %v: want one *Code twice", v, v)
		}
		if !bytes.Contains(data, []byte{'r'}) {
			t.Errorf("the oracle wrote no reference")
		}
		// Point a constant of the code object at the code object itself.
		co := tup[0].(*Code)
		co.Consts = append(co.Consts, co)
		if _, err := Marshal(co); err == nil {
			t.Errorf("Marshal of a code object that contains itself succeeded")
		}
		return
	}
	t.Fatal("no code case")
}

// TestUnmarshalDepth holds the nesting limit against CPython's: 2000
// nested values load, 2001 do not.
func TestUnmarshalDepth(t *testing.T) {
	nest := func(n int) []byte {
		return append(bytes.Repeat([]byte(")\x01"), n-1), 'N')
	}
	for _, n := range []int{2000, 2001} {
		_, err := Unmarshal(nest(n))
		if (err == nil) != (n <= 2000) {
			t.Errorf("depth %d: error %v", n, err)
		}
		v, err := Unmarshal(nest(min(n, 2000)))
		if err == nil {
			if _, err := Marshal(v); err != nil {
				t.Errorf("Marshal of depth %d: %v", n, err)
			}
		}
	}
	script := `
import json, marshal, sys
out = []
for n in (2000, 2001):
    try: marshal.loads(b")\x01" * (n - 1) + b"N"); out.append(True)
    except ValueError: out.append(False)
print(json.dumps(out))
`
	streamOracle(t, script, nil, func(raw json.RawMessage) {
		if canonJSON(t, raw) != "[true,false]" {
			t.Errorf("CPython's depth limit: %s", raw)
		}
	})
	// Deeper than Go's stack could take were the reader not bounded.
	if _, err := Unmarshal(append(bytes.Repeat([]byte("[\x01\x00\x00\x00"), 1_000_000), 'N')); err == nil {
		t.Error("a million nested lists loaded")
	}
}

// TestUnmarshalBomb checks that references cannot make a value that is
// exponentially larger than its data.
func TestUnmarshalBomb(t *testing.T) {
	// A list of a 1000-byte string (reference 0) and 60 tuples, tuple k
	// holding reference k twice and itself reference k+1: written out, the
	// last tuple alone would take 2**60 kB.
	var d bytes.Buffer
	d.WriteByte('s' | 0x80) // ref 0
	binary.Write(&d, binary.LittleEndian, int32(1000))
	d.Write(make([]byte, 1000))
	var body bytes.Buffer
	body.WriteByte('[')
	binary.Write(&body, binary.LittleEndian, int32(61))
	body.Write(d.Bytes())
	for k := 0; k < 60; k++ {
		body.WriteByte(')' | 0x80)
		body.WriteByte(2)
		for j := 0; j < 2; j++ {
			body.WriteByte('r')
			binary.Write(&body, binary.LittleEndian, int32(k))
		}
	}
	_, err := Unmarshal(body.Bytes())
	if err == nil {
		t.Fatal("a reference bomb loaded")
	}
	if !strings.Contains(err.Error(), "expands") {
		t.Errorf("unexpected error %v", err)
	}
}

// TestMarshalStdlibRoundTrip unmarshals .pyc files of the standard
// library, marshals them again, and has CPython load both and compare
// every field of every code object. The default is a sample;
// PEEPHOLE_STDLIB_ALL=1 takes every file.
func TestMarshalStdlibRoundTrip(t *testing.T) {
	files, _ := stdlibSample(t, 16)
	dir := t.TempDir()
	var pairs [][3]string
	maxRatio := 0.0
	ncode := 0
	for i, f := range files {
		data, err := os.ReadFile(f.Pyc)
		if err != nil {
			t.Fatal(err)
		}
		v, size, err := unmarshalSize(data[16:])
		if err != nil {
			t.Errorf("%s: %v", f.Src, err)
			continue
		}
		maxRatio = max(maxRatio, float64(size)/float64(len(data)-16))
		walkCode(v.(*Code), func(*Code) { ncode++ })
		out, err := Marshal(v)
		if err != nil {
			t.Errorf("%s: Marshal: %v", f.Src, err)
			continue
		}
		back, err := Unmarshal(out)
		if err != nil {
			t.Errorf("%s: Unmarshal of Marshal's output: %v", f.Src, err)
			continue
		}
		if canonJSON(t, describeSorted(back)) != canonJSON(t, describeSorted(v)) {
			t.Errorf("%s: Unmarshal(Marshal(v)) != v", f.Src)
		}
		p := filepath.Join(dir, fmt.Sprintf("%04d.bin", i))
		if err := os.WriteFile(p, out, 0o644); err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, [3]string{f.Src, f.Pyc, p})
	}
	script := pyDescribe + pyWalkCode + `
import json
for src, pyc, ours in json.load(sys.stdin):
    with open(pyc, "rb") as f: data = f.read()[16:]
    a = marshal.loads(data)
    with open(ours, "rb") as f: b = marshal.loads(f.read())
    # == on code objects compares constants with ==, so a NaN constant
    # makes two loads of the very same data unequal: then only desc counts.
    eq = a == b or a != marshal.loads(data)
    print(json.dumps([src, desc(a) == desc(b), eq, sum(1 for _ in walk(a))]))
`
	same, codes := 0, 0
	streamOracle(t, script, pairs, func(raw json.RawMessage) {
		var row []any
		json.Unmarshal(raw, &row)
		if row[1] == true && row[2] == true {
			same++
			codes += int(row[3].(float64))
		} else {
			t.Errorf("%s: CPython loads Marshal's output to another value (fields equal: %v, == %v)", row[0], row[1], row[2])
		}
	})
	t.Logf("marshal round trip: %d .pyc files (%d code objects), %d loaded by CPython equal field by field (%d code objects); largest expansion through references %.2f×",
		len(files), ncode, same, codes, maxRatio)
}

// TestUnmarshalMutations is a differential test: marshal data of every
// kind, mutated at random (bytes changed, inserted, deleted, cut short),
// must be accepted by Unmarshal exactly when marshal.loads accepts it, and
// to the same value. The exceptions are values that contain themselves,
// which CPython builds and Unmarshal refuses.
func TestUnmarshalMutations(t *testing.T) {
	cases := oracleCases(t)
	rng := rand.New(rand.NewSource(3))
	typeCodes := []byte("0NFTS.iIlfgxysutaAzZ()[]{}<>cr?:")
	var inputs []string
	var codeCases []oracleCase
	for _, c := range cases {
		if strings.HasPrefix(c.Label, "code") {
			codeCases = append(codeCases, c)
		}
	}
	for len(inputs) < 4000 {
		c := cases[rng.Intn(len(cases))]
		if len(inputs)%2 == 0 {
			// Half the inputs are code objects, where most can go wrong.
			c = codeCases[rng.Intn(len(codeCases))]
		}
		data, _ := hex.DecodeString(c.Data)
		if len(data) > 5000 {
			continue
		}
		data = append([]byte(nil), data...)
		for n := 1 + rng.Intn(3); n > 0 && len(data) > 0; n-- {
			i := rng.Intn(len(data))
			switch rng.Intn(6) {
			case 0:
				data[i] = byte(rng.Intn(256))
			case 1:
				data[i] = typeCodes[rng.Intn(len(typeCodes))] | byte(rng.Intn(2)<<7)
			case 2:
				data[i] ^= 1 << rng.Intn(8)
			case 3:
				data = append(data[:i], append([]byte{byte(rng.Intn(256))}, data[i:]...)...)
			case 4:
				data = append(data[:i], data[i+1:]...)
			case 5:
				data = data[:i]
			}
		}
		inputs = append(inputs, hex.EncodeToString(data))
	}
	script := pyDescribe + `
import json
for d in json.load(sys.stdin):
    try:
        v = marshal.loads(bytes.fromhex(d))
    except BaseException as e:
        print(json.dumps(["error", type(e).__name__])); continue
    try:
        print(json.dumps(["ok", desc(v)]))
    except Cycle:
        print(json.dumps(["cycle"]))
    except Exception as e:
        print(json.dumps(["error", "desc: " + type(e).__name__]))
`
	agree, cycles, okBoth, crashes := 0, 0, 0, 0
	check := func(data []byte, raw json.RawMessage) {
		var row []json.RawMessage
		json.Unmarshal(raw, &row)
		var tag string
		json.Unmarshal(row[0], &tag)
		v, err := Unmarshal(data)
		switch {
		case tag == "cycle":
			cycles++
			if err == nil {
				t.Errorf("input %x: a self-containing value loaded", data)
			}
		case tag == "error":
			if err == nil {
				t.Errorf("input %x: CPython raises %s, Unmarshal gives %s", data, row[1], canonJSON(t, describe(v)))
			} else {
				agree++
			}
		case err != nil:
			t.Errorf("input %x: CPython loads %s, Unmarshal fails: %v", data, row[1], err)
		default:
			got, want := canonJSON(t, describe(v)), canonJSON(t, row[1])
			if got != want && nanInSet(v) {
				// CPython hashes a NaN by its address, so a set holding
				// one has an order no one can reproduce.
				var w any
				json.Unmarshal(row[1], &w)
				got, want = canonJSON(t, sortSets(describe(v))), canonJSON(t, sortSets(w))
			}
			if got != want {
				t.Errorf("input %x:\n%s", data, firstDiff(strings.ReplaceAll(got, ",", ",\n"), strings.ReplaceAll(want, ",", ",\n")))
			} else {
				agree++
				okBoth++
			}
		}
	}
	// CPython does not check bytecode, and some mutated code objects crash
	// it: run the rest again after a crash, and count the input it died on.
	for start := 0; start < len(inputs); {
		i := start
		err := tryStreamOracle(t, script, nil, inputs[start:], func(raw json.RawMessage) {
			data, _ := hex.DecodeString(inputs[i])
			i++
			check(data, raw)
		})
		if err == nil {
			break
		}
		if !strings.Contains(err.Error(), "signal") {
			t.Fatal(err)
		}
		data, _ := hex.DecodeString(inputs[i])
		if _, err := Unmarshal(data); err != nil {
			t.Logf("input %x crashed CPython and was rejected by Unmarshal", data)
		}
		crashes++
		start = i + 1
	}
	t.Logf("mutations: %d inputs, %d agree with marshal.loads (%d loaded to equal values, the rest rejected by both), %d self-containing values rejected, %d crashed CPython",
		len(inputs), agree, okBoth, cycles, crashes)
}

// TestDeoptMatchesOracle checks that Unmarshal gives co_code as CPython
// shows a loaded code object, for every byte at the head of the bytecode:
// specialized, instrumented and undefined opcodes replaced by their base,
// and inline caches zeroed. (ENTER_EXECUTOR, INSTRUMENTED_INSTRUCTION and
// INSTRUMENTED_LINE crash CPython's loader and are left out.)
func TestDeoptMatchesOracle(t *testing.T) {
	var datas []string
	var codes []string
	for b := 0; b < 256; b++ {
		if b == int(ENTER_EXECUTOR) || b == int(INSTRUMENTED_INSTRUCTION) || b == int(INSTRUMENTED_LINE) {
			continue
		}
		code := append([]byte{byte(b), 7}, bytes.Repeat([]byte{0x11, 0x22}, 12)...)
		code = append(code, byte(RESUME), 0, byte(RETURN_CONST), 0)
		co := &Code{Code: code, Consts: []Const{pyconst.None}, Filename: "f", Name: "m", QualName: "m", FirstLineno: 1}
		data, err := Marshal(co)
		if err != nil {
			t.Fatal(err)
		}
		v, err := Unmarshal(data)
		if err != nil {
			t.Fatalf("byte %d: %v", b, err)
		}
		datas = append(datas, hex.EncodeToString(data))
		codes = append(codes, hex.EncodeToString(v.(*Code).Code))
	}
	script := `
import json, marshal, sys
for d in json.load(sys.stdin):
    print(json.dumps(marshal.loads(bytes.fromhex(d)).co_code.hex()))
`
	i := 0
	streamOracle(t, script, datas, func(raw json.RawMessage) {
		var want string
		json.Unmarshal(raw, &want)
		if codes[i] != want {
			t.Errorf("co_code %s…: Unmarshal gives %.12s…, CPython %.12s…", datas[i][:0], codes[i], want)
		}
		i++
	})
}
