package compiler

import (
	"encoding/hex"
	"encoding/json"
	"math/rand"
	"slices"
	"testing"
)

// flatPositions flattens locations as the oracle scripts print them.
func flatPositions(ps []Loc) []int {
	out := make([]int, 0, 4*len(ps))
	for _, p := range ps {
		out = append(out, p.Line, p.EndLine, p.Col, p.EndCol)
	}
	return out
}

func flatLines(ls []LineRange) []int {
	out := make([]int, 0, 3*len(ls))
	for _, l := range ls {
		out = append(out, l.Start, l.End, l.Line)
	}
	return out
}

func flatEntries(es []ExceptionEntry) []int {
	out := make([]int, 0, 5*len(es))
	for _, e := range es {
		lasti := 0
		if e.Lasti {
			lasti = 1
		}
		out = append(out, e.Start, e.End, e.Target, e.Depth, lasti)
	}
	return out
}

// pyTables is Python source defining tables(co): co_positions(),
// co_lines() and dis._parse_exception_table(co), flattened with -1 for
// None.
const pyTables = `
import dis
def _n(x): return -1 if x is None else x
def tables(co):
    return [[_n(x) for p in co.co_positions() for x in p],
            [_n(x) for t in co.co_lines() for x in t],
            [x for e in dis._parse_exception_table(co) for x in (e.start, e.end, e.target, e.depth, int(e.lasti))]]
`

// TestPositionsStdlib holds Positions, Lines and ExceptionEntries against
// co_positions(), co_lines() and dis._parse_exception_table for every
// code object of a sample of the standard library (all of it under
// PEEPHOLE_STDLIB_ALL=1).
func TestPositionsStdlib(t *testing.T) {
	files, _ := stdlibSample(t, 12)
	byPath := map[string]string{}
	var jobs [][2]string
	for _, f := range files {
		byPath[f.Src] = f.Pyc
		jobs = append(jobs, [2]string{f.Src, f.Pyc})
	}
	script := pyWalkCode + pyTables + `
import json, marshal, sys
for src, pyc in json.load(sys.stdin):
    with open(pyc, "rb") as f:
        co = marshal.loads(f.read()[16:])
    print(json.dumps([src, [tables(c) for c in walk(co)]]))
`
	nfiles, ncodes := 0, 0
	bad := [3]int{}
	streamOracle(t, script, jobs, func(raw json.RawMessage) {
		var row struct {
			src   string
			codes [][3][]int
		}
		var pair []json.RawMessage
		if err := json.Unmarshal(raw, &pair); err != nil || len(pair) != 2 {
			t.Fatalf("bad oracle row %.100s", raw)
		}
		json.Unmarshal(pair[0], &row.src)
		if err := json.Unmarshal(pair[1], &row.codes); err != nil {
			t.Fatal(err)
		}
		co, _, err := readPycFile(t, byPath[row.src])
		if err != nil {
			t.Errorf("%s: %v", row.src, err)
			return
		}
		nfiles++
		i := 0
		walkCode(co, func(c *Code) {
			if i >= len(row.codes) {
				t.Errorf("%s: more code objects than the oracle's", row.src)
				i++
				return
			}
			want := row.codes[i]
			i++
			ncodes++
			got := [3][]int{flatPositions(c.Positions()), flatLines(c.Lines()), flatEntries(c.ExceptionEntries())}
			for k, what := range []string{"Positions", "Lines", "ExceptionEntries"} {
				if !slices.Equal(got[k], want[k]) {
					bad[k]++
					if bad[k] <= 3 {
						t.Errorf("%s: %s of %s differ", row.src, what, c.QualName)
					}
				}
			}
		})
		if i != len(row.codes) {
			t.Errorf("%s: %d code objects, oracle %d", row.src, i, len(row.codes))
		}
	})
	t.Logf("tables: %d files, %d code objects: positions differ in %d, lines in %d, exception tables in %d",
		nfiles, ncodes, bad[0], bad[1], bad[2])
}

// randomLineTable writes a well-formed co_linetable of random entries of
// every kind covering units code units, and returns it.
func randomLineTable(rng *rand.Rand, units int) []byte {
	var out []byte
	varint := func(v int) {
		for v >= 64 {
			out = append(out, byte(0x40|v&63))
			v >>= 6
		}
		out = append(out, byte(v))
	}
	svarint := func(v int) {
		if v < 0 {
			varint(-v<<1 | 1)
		} else {
			varint(v << 1)
		}
	}
	for units > 0 {
		n := min(units, 1+rng.Intn(8))
		units -= n
		head := byte(0x80 | (n - 1))
		switch k := rng.Intn(6); k {
		case 0: // none
			out = append(out, head|15<<3)
		case 1: // no columns
			out = append(out, head|13<<3)
			svarint(rng.Intn(200) - 100)
		case 2: // long
			out = append(out, head|14<<3)
			svarint(rng.Intn(20000) - 10000)
			varint(rng.Intn(300))
			varint(rng.Intn(5000))
			varint(rng.Intn(5000))
		case 3: // one line
			out = append(out, head|byte(10+rng.Intn(3))<<3, byte(rng.Intn(128)), byte(rng.Intn(128)))
		default: // short
			col := rng.Intn(80)
			out = append(out, head|byte(col>>3)<<3, byte((col&7)<<4|rng.Intn(16)))
		}
	}
	return out
}

// TestTablesRandom holds the decoders against CPython on random tables:
// well-formed line tables with entries of every kind (set on a code
// object with code.replace), and exception tables of random bytes,
// truncated ones included.
func TestTablesRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	type job struct {
		Units     int    `json:"units"`
		First     int    `json:"first"`
		LineTable string `json:"lt"`
		ExcTable  string `json:"et"`
	}
	var jobs []job
	var codes []*Code
	for i := 0; i < 400; i++ {
		units := 1 + rng.Intn(60)
		first := 1 + rng.Intn(3000)
		lt := randomLineTable(rng, units)
		et := make([]byte, rng.Intn(40))
		rng.Read(et)
		for j := 4; j < len(et); j += 5 {
			// Varints of at most five groups, so that every value fits
			// in an int (longer ones saturate; CPython's grow forever).
			et[j] &^= 0x40
		}
		if i%2 == 0 {
			// Mostly valid entries: start bytes with the high bit, then
			// continuation groups.
			for j := range et {
				et[j] &= 0x7f
				if j%4 == 0 {
					et[j] |= 0x80
				}
			}
		}
		jobs = append(jobs, job{units, first, hex.EncodeToString(lt), hex.EncodeToString(et)})
		codes = append(codes, &Code{Code: make([]byte, 2*units), FirstLineno: first, LineTable: lt, ExceptionTable: et})
	}
	script := pyTables + `
import json, sys
base = compile("pass", "x", "exec")
for j in json.load(sys.stdin):
    co = base.replace(co_code=bytes([30, 0]) * j["units"], co_firstlineno=j["first"],
                      co_linetable=bytes.fromhex(j["lt"]), co_exceptiontable=bytes.fromhex(j["et"]))
    print(json.dumps(tables(co)))
`
	i := 0
	streamOracle(t, script, jobs, func(raw json.RawMessage) {
		var want [3][]int
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		c := codes[i]
		i++
		got := [3][]int{flatPositions(c.Positions()), flatLines(c.Lines()), flatEntries(c.ExceptionEntries())}
		for k, what := range []string{"Positions", "Lines", "ExceptionEntries"} {
			if !slices.Equal(got[k], want[k]) {
				t.Errorf("table %d: %s %v, oracle %v (linetable %x, exceptiontable %x, firstlineno %d)",
					i-1, what, got[k], want[k], c.LineTable, c.ExceptionTable, c.FirstLineno)
			}
		}
	})
	if i != len(codes) {
		t.Fatalf("oracle answered %d of %d", i, len(codes))
	}
}

// TestTablesMalformed feeds the decoders tables cut short or full of
// garbage: they must not panic, and must not report more locations than
// there are code units.
func TestTablesMalformed(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 2000; i++ {
		lt := make([]byte, rng.Intn(30))
		rng.Read(lt)
		et := make([]byte, rng.Intn(30))
		rng.Read(et)
		c := &Code{Code: make([]byte, 2*rng.Intn(20)), FirstLineno: rng.Intn(100), LineTable: lt, ExceptionTable: et}
		if n := len(c.Positions()); n > len(c.Code)/2 {
			t.Fatalf("%d positions for %d code units", n, len(c.Code)/2)
		}
		c.Lines()
		c.ExceptionEntries()
		c.Instructions()
	}
}
