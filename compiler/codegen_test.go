package compiler

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/parser"
)

// The codegen stage is held against CPython's own: for the module unit of
// each source, _testinternalcapi.compiler_codegen returns the instruction
// sequence compile.c writes (after the implicit return, with labels
// resolved to instruction indexes) and the unit's constants and names.
// Nested code objects are compared by name, qualified name and first line.

const codegenScript = pyConstEncoder + `
import ast, json, sys, warnings, _testinternalcapi
warnings.simplefilter("ignore")
out = {}
for path in json.load(sys.stdin):
    try:
        with open(path, "rb") as f:
            src = f.read()
        tree = ast.parse(src, path)
        seq, meta = _testinternalcapi.compiler_codegen(tree, path, 0)
    except Exception as e:
        out[path] = {"error": "%s: %s" % (type(e).__name__, e)}
        continue
    consts = [None] * len(meta["consts"])
    for k, i in meta["consts"].items():
        consts[i] = enc(k[1] if type(k) is tuple else k)
    names = [None] * len(meta["names"])
    for k, i in meta["names"].items():
        names[i] = k
    out[path] = {"instrs": [list(i) for i in seq.get_instructions()],
                 "consts": consts, "names": names}
json.dump(out, sys.stdout)
`

type codegenOracle struct {
	Error  string            `json:"error"`
	Instrs [][]*int          `json:"instrs"`
	Consts []json.RawMessage `json:"consts"`
	Names  []string          `json:"names"`
}

func runCodegenOracle(t *testing.T, paths []string) map[string]codegenOracle {
	t.Helper()
	in, _ := json.Marshal(paths)
	r := oracle.Run(t, in, "-c", codegenScript)
	if r.ExitCode != 0 {
		t.Fatalf("oracle: %s", r.Stderr)
	}
	var out map[string]codegenOracle
	if err := json.Unmarshal(r.Stdout, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// codegenModuleUnit compiles src with a stand-in back end and returns the
// module unit as codegen left it.
func codegenModuleUnit(path string, src []byte) (*unit, error) {
	var mod *unit
	stub := func(c *compiler, u *unit, flags CodeFlags) (*Code, error) {
		if err := u.seq.ApplyLabelMap(); err != nil {
			return nil, err
		}
		if u.scopeType == scopeModule {
			mod = u
		}
		co := &Code{Name: u.meta.Name, QualName: u.meta.QualName, FirstLineno: u.meta.FirstLineno}
		for _, f := range u.meta.FreeVars.names {
			co.LocalsPlusNames = append(co.LocalsPlusNames, f)
			co.LocalsPlusKinds = append(co.LocalsPlusKinds, FastFree)
		}
		return co, nil
	}
	pr := parser.Parse(src, parser.Options{Filename: path, IsFile: true})
	if pr.Err != nil {
		return nil, pr.Err
	}
	_, err := compileWith(pr.Tree, Options{Filename: path, Source: src, IsFile: true}, stub)
	if err != nil {
		return nil, err
	}
	return mod, nil
}

func codegenInstr(op, arg int, loc Loc) string {
	name := Opcode(op).String()
	if Opcode(op).HasArg() || Opcode(op).HasJump() || Opcode(op).HasExc() {
		return fmt.Sprintf("%-24s %4d  %v", name, arg, loc)
	}
	return fmt.Sprintf("%-24s       %v", name, loc)
}

func constString(c Const) string {
	if co, ok := c.(*Code); ok {
		return fmt.Sprintf("<code %s %s line %d>", co.Name, co.QualName, co.FirstLineno)
	}
	return constKey(c)
}

// compareCodegen returns a description of the first difference, or "".
func compareCodegen(u *unit, want codegenOracle) string {
	var got, exp []string
	for _, in := range u.seq.Instrs {
		got = append(got, codegenInstr(int(in.Op), in.Arg, in.Loc))
	}
	for _, w := range want.Instrs {
		v := func(i int) int {
			if w[i] == nil {
				return 0
			}
			return *w[i]
		}
		exp = append(exp, codegenInstr(v(0), v(1), Loc{v(2), v(3), v(4), v(5)}))
	}
	if d := codegenDiff(got, exp); d != "" {
		return "instructions: " + d
	}
	if len(u.consts.list) != len(want.Consts) {
		return fmt.Sprintf("consts: %d, oracle %d", len(u.consts.list), len(want.Consts))
	}
	for i, raw := range want.Consts {
		w, err := decodeOracleConst(raw)
		if err != nil {
			return err.Error()
		}
		if g := constString(u.consts.list[i]); g != constString(w) {
			return fmt.Sprintf("const %d: %s, oracle %s", i, g, constString(w))
		}
	}
	if d := codegenDiff(u.meta.Names.names, want.Names); d != "" {
		return "names: " + d
	}
	return ""
}

func codegenDiff(got, want []string) string {
	n := len(got)
	if len(want) > n {
		n = len(want)
	}
	for i := 0; i < n; i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			lo, hi := i-3, i+3
			if lo < 0 {
				lo = 0
			}
			if os.Getenv("PEEPHOLE_CODEGEN_FILE") != "" {
				lo, hi = 0, n
			}
			var b strings.Builder
			fmt.Fprintf(&b, "at %d (of %d, oracle %d)\n", i, len(got), len(want))
			for j := lo; j < hi && j < n; j++ {
				var gj, wj string
				if j < len(got) {
					gj = got[j]
				}
				if j < len(want) {
					wj = want[j]
				}
				mark := "  "
				if gj != wj {
					mark = "! "
				}
				fmt.Fprintf(&b, "%s%-60s | %s\n", mark, gj, wj)
			}
			return b.String()
		}
	}
	return ""
}

// codegenCorpus returns the test sources: the files in testdata/codegen
// and a deterministic sample of the stdlib (all of it with
// PEEPHOLE_FULL=1).
func codegenCorpus(t *testing.T, sample int) []string {
	var paths []string
	local, _ := filepath.Glob("testdata/codegen/*.py")
	for _, p := range local {
		abs, _ := filepath.Abs(p)
		paths = append(paths, abs)
	}
	lib := oracle.Stdlib(t)
	var all []string
	filepath.WalkDir(lib, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
			all = append(all, p)
		}
		return nil
	})
	sort.Strings(all)
	if os.Getenv("PEEPHOLE_FULL") == "1" || sample >= len(all) {
		return append(paths, all...)
	}
	step := len(all) / sample
	for i := 0; i < len(all); i += step {
		paths = append(paths, all[i])
	}
	return paths
}

func TestCodegenMatchesOracle(t *testing.T) {
	paths := codegenCorpus(t, 150)
	if f := os.Getenv("PEEPHOLE_CODEGEN_FILE"); f != "" {
		paths = []string{f}
	}
	want := runCodegenOracle(t, paths)
	pass, fail := 0, 0
	for _, p := range paths {
		w, ok := want[p]
		if !ok {
			t.Errorf("%s: no oracle result", p)
			continue
		}
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		u, err := codegenModuleUnit(p, src)
		if w.Error != "" && strings.Contains(p, "testdata") {
			t.Errorf("%s: the oracle cannot compile a test file: %s", p, w.Error)
			fail++
			continue
		}
		if w.Error != "" {
			if err == nil {
				t.Errorf("%s: oracle failed (%s), peephole did not", p, w.Error)
				fail++
			} else {
				pass++
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", p, err)
			fail++
			continue
		}
		if d := compareCodegen(u, w); d != "" {
			fail++
			if fail <= 10 {
				t.Errorf("%s: %s", p, d)
			}
			continue
		}
		pass++
	}
	t.Logf("codegen: %d of %d module units match", pass, pass+fail)
	if fail > 0 {
		t.Errorf("%d module units differ", fail)
	}
}
