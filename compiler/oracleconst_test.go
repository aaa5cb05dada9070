package compiler

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// pyConstEncoder is Python source defining enc(v), which turns a constant
// of a code object into JSON that decodeOracleConst reads back exactly:
// ints in hex (no digit limit), floats with float.hex (every bit), str as
// its UTF-8 with surrogates passed through, frozensets in iteration order,
// and code objects as a stand-in naming the object. Test scripts that talk
// to the oracle include it.
const pyConstEncoder = `
import types as _types
def enc(v):
    t = type(v)
    if v is None: return ["None"]
    if v is Ellipsis: return ["Ellipsis"]
    if t is bool: return ["bool", v]
    if t is int: return ["int", hex(v)]
    if t is float: return ["float", v.hex()]
    if t is complex: return ["complex", v.real.hex(), v.imag.hex()]
    if t is str: return ["str", v.encode("utf-8", "surrogatepass").hex()]
    if t is bytes: return ["bytes", v.hex()]
    if t is tuple: return ["tuple", [enc(x) for x in v]]
    if t is frozenset: return ["frozenset", [enc(x) for x in v]]
    if t is _types.CodeType: return ["code", v.co_name, v.co_qualname, v.co_firstlineno]
    raise TypeError("unexpected constant type %s" % t.__name__)
`

// decodeOracleConst decodes what pyConstEncoder's enc wrote. A code object
// becomes a *Code that carries only its names and first line.
func decodeOracleConst(raw json.RawMessage) (Const, error) {
	var parts []json.RawMessage
	if err := json.Unmarshal(raw, &parts); err != nil || len(parts) == 0 {
		return nil, fmt.Errorf("bad constant %s", raw)
	}
	var tag string
	if err := json.Unmarshal(parts[0], &tag); err != nil {
		return nil, err
	}
	str := func(i int) string {
		var s string
		if i < len(parts) {
			json.Unmarshal(parts[i], &s)
		}
		return s
	}
	float := func(s string) (float64, error) {
		switch s {
		case "inf":
			s = "+Inf"
		case "-inf":
			s = "-Inf"
		case "nan":
			s = "NaN"
		}
		return strconv.ParseFloat(s, 64)
	}
	items := func() ([]pyconst.Value, error) {
		var elems []json.RawMessage
		if err := json.Unmarshal(parts[1], &elems); err != nil {
			return nil, err
		}
		var out []pyconst.Value
		for _, e := range elems {
			c, err := decodeOracleConst(e)
			if err != nil {
				return nil, err
			}
			v, ok := c.(pyconst.Value)
			if !ok {
				return nil, fmt.Errorf("code object inside a container")
			}
			out = append(out, v)
		}
		return out, nil
	}
	switch tag {
	case "None":
		return pyconst.None, nil
	case "Ellipsis":
		return pyconst.Ellipsis, nil
	case "bool":
		var b bool
		err := json.Unmarshal(parts[1], &b)
		return pyconst.Bool(b), err
	case "int":
		n, ok := new(big.Int).SetString(str(1), 0)
		if !ok {
			return nil, fmt.Errorf("bad int %s", str(1))
		}
		return pyconst.IntFromBig(n), nil
	case "float":
		f, err := float(str(1))
		return pyconst.Float(f), err
	case "complex":
		re, err := float(str(1))
		if err != nil {
			return nil, err
		}
		im, err := float(str(2))
		return pyconst.Complex{Real: re, Imag: im}, err
	case "str":
		b, err := hex.DecodeString(str(1))
		return pyconst.Str(b), err
	case "bytes":
		b, err := hex.DecodeString(str(1))
		return pyconst.Bytes(b), err
	case "tuple":
		vs, err := items()
		return pyconst.Tuple(vs), err
	case "frozenset":
		vs, err := items()
		return pyconst.NewFrozenSet(vs), err
	case "code":
		var line int
		json.Unmarshal(parts[3], &line)
		return &Code{Name: str(1), QualName: str(2), FirstLineno: line}, nil
	}
	return nil, fmt.Errorf("unknown constant tag %q", tag)
}

// TestOracleConstRoundTrip checks the test helper itself: constants of
// every kind go through enc and decodeOracleConst and come back with
// CPython's repr.
func TestOracleConstRoundTrip(t *testing.T) {
	script := pyConstEncoder + `
import json
vals = [None, ..., True, False, 0, -1, 2**100, -(2**70), 10**5000, 0.0, -0.0, 1.5, 1e300,
        float("inf"), -float("inf"), 2j, complex(-0.0, 1.5), "", "abc", "é\ud800😀", b"", b"\x00\xff",
        (), (1, ("a", 2.5)), frozenset({1, 2, "x"}), frozenset()]
print(json.dumps([[enc(v), repr(v) if not (type(v) is int and abs(v) > 10**4000) else None] for v in vals]))
`
	r := oracle.Run(t, nil, "-c", script)
	if r.ExitCode != 0 {
		t.Fatalf("oracle: %s", r.Stderr)
	}
	var rows [][2]json.RawMessage
	if err := json.Unmarshal(r.Stdout, &rows); err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		var want *string
		json.Unmarshal(row[1], &want)
		c, err := decodeOracleConst(row[0])
		if err != nil {
			t.Errorf("%s: %v", row[0], err)
			continue
		}
		v := c.(pyconst.Value)
		got, err := v.Repr()
		if want == nil {
			if err == nil {
				t.Errorf("%s: repr of a huge int should fail, got %.20s…", row[0], got)
			}
			continue
		}
		if err != nil || got != *want {
			t.Errorf("%s: repr %q (%v), oracle %q", row[0], got, err, *want)
		}
	}
}
