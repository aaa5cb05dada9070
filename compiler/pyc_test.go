package compiler

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// TestSourceHash holds SourceHash against importlib.util.source_hash for
// inputs of every length up to three SipHash blocks and a few bigger ones.
func TestSourceHash(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	var inputs [][]byte
	for n := 0; n < 40; n++ {
		b := make([]byte, n)
		rng.Read(b)
		inputs = append(inputs, b)
	}
	inputs = append(inputs, []byte("print('hello')\n"), bytes.Repeat([]byte("x = 1\n"), 5000))
	var hexes []string
	for _, b := range inputs {
		hexes = append(hexes, hex.EncodeToString(b))
	}
	script := `
import importlib.util, json, sys
for h in json.load(sys.stdin):
    print(json.dumps(importlib.util.source_hash(bytes.fromhex(h)).hex()))
`
	i := 0
	streamOracle(t, script, hexes, func(raw json.RawMessage) {
		var want string
		json.Unmarshal(raw, &want)
		got := SourceHash(inputs[i])
		if hex.EncodeToString(got[:]) != want {
			t.Errorf("source_hash of %d bytes: %x, oracle %s", len(inputs[i]), got, want)
		}
		i++
	})
	if i != len(inputs) {
		t.Fatalf("oracle answered %d of %d", i, len(inputs))
	}
}

const pycProgram = `
import sys
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
class C:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"C({self.x!r})"
print(fib(30), [C(i) for i in range(3)], {1.5, "a"} >= {"a"}, 2**100, -0.0, "é\u20ac")
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
print(__name__, sys.version_info[:2])
`

// TestWritePyc writes .pyc files of every invalidation mode for a code
// object the oracle compiled (read back through Unmarshal) and checks
// that CPython's importlib accepts each header for the source, that the
// header is byte for byte the one py_compile writes, and that python3.13
// runs the file with the output of the source.
func TestWritePyc(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "prog.py")
	if err := os.WriteFile(src, []byte(pycProgram), 0o644); err != nil {
		t.Fatal(err)
	}
	r := oracle.Run(t, nil, "-c", `
import marshal, os, sys
src = sys.argv[1]
with open(src, "rb") as f:
    code = compile(f.read(), src, "exec")
print(marshal.dumps(code).hex())
print(int(os.stat(src).st_mtime))
`, src)
	if r.ExitCode != 0 {
		t.Fatalf("oracle: %s", r.Stderr)
	}
	lines := strings.Fields(string(r.Stdout))
	body, _ := hex.DecodeString(lines[0])
	v, err := Unmarshal(body)
	if err != nil {
		t.Fatal(err)
	}
	code := v.(*Code)
	var mtime int64
	json.Unmarshal([]byte(lines[1]), &mtime)

	want := oracle.Run(t, nil, src)
	if want.ExitCode != 0 {
		t.Fatalf("running the source: %s", want.Stderr)
	}
	modes := []struct {
		name string
		inv  PycInvalidation
		py   string
	}{
		{"timestamp", PycTimestamp, "TIMESTAMP"},
		{"checked", PycCheckedHash, "CHECKED_HASH"},
		{"unchecked", PycUncheckedHash, "UNCHECKED_HASH"},
	}
	for _, m := range modes {
		var buf bytes.Buffer
		if err := WritePyc(&buf, code, []byte(pycProgram), PycOptions{Invalidation: m.inv, Mtime: mtime}); err != nil {
			t.Fatal(err)
		}
		pyc := filepath.Join(dir, m.name+".pyc")
		if err := os.WriteFile(pyc, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		check := oracle.Run(t, nil, "-c", `
import importlib.util, os, py_compile, sys
import importlib._bootstrap_external as be
src, pyc, mode = sys.argv[1:]
with open(pyc, "rb") as f: data = f.read()
with open(src, "rb") as f: source = f.read()
flags = be._classify_pyc(data, "prog", {})
if flags & 1:
    be._validate_hash_pyc(data, importlib.util.source_hash(source), "prog", {})
else:
    st = os.stat(src)
    be._validate_timestamp_pyc(data, int(st.st_mtime), st.st_size, "prog", {})
ref = pyc + ".ref"
py_compile.compile(src, cfile=ref, invalidation_mode=py_compile.PycInvalidationMode[mode])
with open(ref, "rb") as f: ref_header = f.read()[:16]
print("header", "same" if ref_header == data[:16] else "different: %s %s" % (ref_header.hex(), data[:16].hex()))
`, src, pyc, m.py)
		if check.ExitCode != 0 {
			t.Errorf("%s: importlib rejects the header: %s", m.name, check.Stderr)
			continue
		}
		if got := strings.TrimSpace(string(check.Stdout)); got != "header same" {
			t.Errorf("%s: %s", m.name, got)
		}
		run := oracle.Run(t, nil, pyc)
		if run.ExitCode != 0 || !bytes.Equal(run.Stdout, want.Stdout) {
			t.Errorf("%s: python3.13 %s: exit %d\n%s%s\nwant\n%s", m.name, pyc, run.ExitCode, run.Stdout, run.Stderr, want.Stdout)
		}
		back, h, err := ReadPyc(buf.Bytes())
		if err != nil {
			t.Fatalf("%s: ReadPyc: %v", m.name, err)
		}
		if canonJSON(t, describe(back)) != canonJSON(t, describe(code)) {
			t.Errorf("%s: ReadPyc does not give the code object back", m.name)
		}
		switch m.inv {
		case PycTimestamp:
			if h.Flags != 0 || int64(h.Mtime) != mtime || h.SourceSize != uint32(len(pycProgram)) {
				t.Errorf("timestamp header %+v", h)
			}
		default:
			if h.Flags&PycHashBased == 0 || (h.Flags&PycCheckSource != 0) != (m.inv == PycCheckedHash) ||
				h.SourceHash != SourceHash([]byte(pycProgram)) {
				t.Errorf("%s header %+v", m.name, h)
			}
		}
	}
}

// TestReadPycErrors checks that malformed .pyc files give errors.
func TestReadPycErrors(t *testing.T) {
	good := append(append([]byte{}, MagicNumber[:]...), make([]byte, 12)...)
	cases := map[string][]byte{
		"empty":      nil,
		"short":      MagicNumber[:3],
		"bad magic":  append([]byte{0x55, 0x0d, 0x0d, 0x0a}, make([]byte, 20)...),
		"no header":  append([]byte{}, MagicNumber[:]...),
		"bad flags":  append(append(append([]byte{}, MagicNumber[:]...), 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 'N'),
		"no body":    good,
		"not code":   append(append([]byte{}, good...), 'N'),
		"cut body":   append(append([]byte{}, good...), 'c', 0, 0),
		"tuple body": append(append([]byte{}, good...), ')', 0),
	}
	for name, data := range cases {
		if _, _, err := ReadPyc(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
