package compiler

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// checkLoaded exercises everything that reads a value Unmarshal returned:
// none of it may panic, and Marshal must write it back to data that
// Unmarshal reads to the same value.
func checkLoaded(t *testing.T, v Const) {
	constRepr(v)
	out, err := Marshal(v)
	if err != nil {
		t.Fatalf("Marshal of an unmarshalled value: %v", err)
	}
	back, err := Unmarshal(out)
	if err != nil {
		t.Fatalf("Unmarshal of Marshal's output: %v\n%x", err, out)
	}
	if g, w := canonJSON(t, describeSorted(back)), canonJSON(t, describeSorted(v)); g != w {
		t.Fatalf("Unmarshal(Marshal(v)) != v:\n%s\n%s", g, w)
	}
	if co, ok := v.(*Code); ok {
		walkCode(co, func(c *Code) {
			c.Positions()
			c.Lines()
			c.ExceptionEntries()
			c.Instructions()
		})
		for _, f := range disFlags {
			Dis(io.Discard, co, f.opts)
		}
	}
}

// FuzzUnmarshal feeds Unmarshal arbitrary data: it must never panic, and
// what it accepts must survive Marshal, Dis and the table decoders. The
// seed corpus (testdata/fuzz/FuzzUnmarshal) is marshal.dumps output for
// values of every kind, code objects included.
func FuzzUnmarshal(f *testing.F) {
	f.Add([]byte("N"))
	f.Add([]byte(")\x02\xe9\x07\x00\x00\x00r\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := Unmarshal(data)
		if err != nil {
			return
		}
		checkLoaded(t, v)
	})
}

// FuzzReadPyc feeds ReadPyc arbitrary data: it must never panic, and a
// code object it accepts must survive Dis and WritePyc.
func FuzzReadPyc(f *testing.F) {
	f.Add(append(MagicNumber[:], make([]byte, 12)...))
	f.Fuzz(func(t *testing.T, data []byte) {
		co, h, err := ReadPyc(data)
		if err != nil {
			return
		}
		checkLoaded(t, co)
		var buf bytes.Buffer
		inv := PycTimestamp
		if h.Flags&PycHashBased != 0 {
			inv = PycUncheckedHash
		}
		if err := WritePyc(&buf, co, nil, PycOptions{Invalidation: inv}); err != nil {
			t.Fatalf("WritePyc: %v", err)
		}
		if _, _, err := ReadPyc(buf.Bytes()); err != nil {
			t.Fatalf("ReadPyc of WritePyc's output: %v", err)
		}
	})
}

// TestWriteFuzzSeeds writes the seed corpora of FuzzUnmarshal and
// FuzzReadPyc from the oracle's output: run it with
// PEEPHOLE_WRITE_FUZZ_SEEDS=1 to regenerate testdata/fuzz.
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("PEEPHOLE_WRITE_FUZZ_SEEDS") != "1" {
		t.Skip("set PEEPHOLE_WRITE_FUZZ_SEEDS=1 to write the fuzz seed corpora")
	}
	write := func(target string, data []byte) {
		dir := filepath.Join("testdata", "fuzz", target)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		body := "go test fuzz v1\n[]byte(" + strconv.Quote(string(data)) + ")\n"
		name := filepath.Join(dir, "seed-"+hex.EncodeToString(sum[:8]))
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	for _, c := range oracleCases(t) {
		data, _ := hex.DecodeString(c.Data)
		if len(data) > 2048 || c.Version != 4 && c.Version != 0 {
			continue
		}
		write("FuzzUnmarshal", data)
		n++
	}
	dir := t.TempDir()
	srcs := map[string]string{
		"a.py": "x = 1\n",
		"b.py": "def f(a, *b, **c):\n    try:\n        return [i for i in b if i > a]\n    except E as e:\n        raise\n",
		"c.py": "class C:\n    def m(self):\n        return super().m()\nasync def g():\n    async with a as b:\n        yield b\n",
	}
	var jobs [][2]string
	for name, src := range srcs {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(src), 0o644)
		jobs = append(jobs, [2]string{p, p + "c"})
	}
	script := `
import json, py_compile, sys
for src, pyc in json.load(sys.stdin):
    py_compile.compile(src, cfile=pyc, dfile="x.py", doraise=True,
                       invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
print(json.dumps("ok"))
`
	streamOracle(t, script, jobs, func(json.RawMessage) {})
	for _, j := range jobs {
		data, err := os.ReadFile(j[1])
		if err != nil {
			t.Fatal(err)
		}
		write("FuzzReadPyc", data)
		n++
	}
	t.Log(fmt.Sprintf("wrote %d seeds", n))
}
