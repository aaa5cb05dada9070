package compiler

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// TestInstructionsAtMatchesOracle asks, for the start of every name and
// every statement of some programs (and for every statement's range),
// which instructions CPython runs there:
// the oracle walks its own code objects with dis.Bytecode (whose labels are
// the listing's) and
// keeps those whose positions contain the point, and InstructionsAt must
// give the same (code object, offset, opname, argrepr) list.
func TestInstructionsAtMatchesOracle(t *testing.T) {
	files, _ := filepath.Glob("../testdata/programs/*.py")
	more, _ := filepath.Glob("testdata/codegen/*.py")
	files = append(files, more...)
	if len(files) < 5 {
		t.Fatalf("too few programs: %v", files)
	}
	type job struct {
		Path   string   `json:"path"`
		Points [][2]int `json:"points"`
		Ranges [][4]int `json:"ranges"`
	}
	var jobs []job
	codes := map[string]*Code{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pr := parser.Parse(src, parser.Options{Filename: f, IsFile: true})
		if pr.Err != nil {
			t.Fatalf("%s: %v", f, pr.Err)
		}
		seen := map[[2]int]bool{}
		var points [][2]int
		var ranges [][4]int
		ast.Inspect(pr.Tree, func(n ast.Node) bool {
			var p ast.Pos
			switch x := n.(type) {
			case *ast.Name:
				p = x.Start()
			case ast.Stmt:
				r := x.Range()
				p = r.Start()
				ranges = append(ranges, [4]int{r.Lineno, r.ColOffset, r.EndLineno, r.EndColOffset})
			default:
				return true
			}
			k := [2]int{p.Line, p.Col}
			if !seen[k] {
				seen[k] = true
				points = append(points, k)
			}
			return true
		})
		res, err := Compile(pr.Tree, Options{Filename: f, Source: src, IsFile: true})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		codes[f] = res.Code
		jobs = append(jobs, job{f, points, ranges})
	}
	const script = `
import dis, json, sys, types, warnings
warnings.simplefilter("ignore")
def walk(co):
    yield co
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            yield from walk(c)
out = {}
for job in json.load(sys.stdin):
    with open(job["path"], "rb") as f:
        co = compile(f.read(), job["path"], "exec")
    instrs = [(c, list(dis.Bytecode(c))) for c in walk(co)]
    res = []
    for line, col in job["points"]:
        hits = []
        for c, ins in instrs:
            for i in ins:
                p = i.positions
                if p is None or p.lineno is None:
                    continue
                end = p.end_lineno if p.end_lineno is not None else p.lineno
                if p.col_offset is None or p.end_col_offset is None:
                    ok = p.lineno <= line <= end
                else:
                    ok = (p.lineno, p.col_offset) <= (line, col) < (end, p.end_col_offset)
                if ok:
                    hits.append("%s %d %s %s" % (c.co_qualname, i.offset, i.opname, i.argrepr))
        res.append(hits)
    for l1, c1, l2, c2 in job["ranges"]:
        hits = []
        for c, ins in instrs:
            for i in ins:
                p = i.positions
                if p is None or p.lineno is None:
                    continue
                end = p.end_lineno if p.end_lineno is not None else p.lineno
                if p.col_offset is None or p.end_col_offset is None:
                    ok = l1 <= p.lineno and end <= l2
                else:
                    ok = (l1, c1) <= (p.lineno, p.col_offset) and (end, p.end_col_offset) <= (l2, c2)
                if ok:
                    hits.append("%s %d %s %s" % (c.co_qualname, i.offset, i.opname, i.argrepr))
        res.append(hits)
    out[job["path"]] = res
json.dump(out, sys.stdout)
`
	in, _ := json.Marshal(jobs)
	r := oracle.Run(t, in, "-c", script)
	if r.ExitCode != 0 {
		t.Fatalf("oracle: %s", r.Stderr)
	}
	var want map[string][][]string
	if err := json.Unmarshal(r.Stdout, &want); err != nil {
		t.Fatal(err)
	}
	addr := regexp.MustCompile(` at 0x[0-9a-f]+`)
	norm := func(ss []string) string {
		sort.Strings(ss)
		return addr.ReplaceAllString(strings.Join(ss, "\n"), " at 0x")
	}
	points, hits := 0, 0
	for _, j := range jobs {
		for i, p := range j.Points {
			var got []string
			for _, ci := range codes[j.Path].InstructionsAt(ast.Pos{Line: p[0], Col: p[1]}) {
				got = append(got, fmt.Sprintf("%s %d %s %s", ci.Code.QualName, ci.Offset, ci.Opname(), ci.ArgRepr))
			}
			w := want[j.Path][i]
			if norm(got) != norm(w) {
				t.Errorf("%s:%d:%d:\n got %q\nwant %q", j.Path, p[0], p[1], got, w)
			}
			points++
			hits += len(w)
		}
		for i, rg := range j.Ranges {
			var got []string
			for _, ci := range codes[j.Path].InstructionsInRange(ast.Pos{Line: rg[0], Col: rg[1]}, ast.Pos{Line: rg[2], Col: rg[3]}) {
				got = append(got, fmt.Sprintf("%s %d %s %s", ci.Code.QualName, ci.Offset, ci.Opname(), ci.ArgRepr))
			}
			w := want[j.Path][len(j.Points)+i]
			if norm(got) != norm(w) {
				t.Errorf("%s: range %v:\n got %q\nwant %q", j.Path, rg, got, w)
			}
			points++
			hits += len(w)
		}
	}
	if hits == 0 {
		t.Fatal("no instruction found at any point")
	}
	t.Logf("%d points, %d instructions, all as CPython's positions say", points, hits)
}
