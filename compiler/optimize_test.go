package compiler

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestOptimizeLevels compiles programs and a sample of the stdlib at
// optimize levels 0, 1 and 2 (python -O and -OO: asserts and __debug__
// blocks gone, then docstrings too) and holds every field of every code
// object against compile(source, path, "exec", optimize=N): the code object
// Marshal writes is loaded by the oracle and described field by field.
func TestOptimizeLevels(t *testing.T) {
	files, _ := filepath.Glob("../testdata/programs/*.py")
	more, _ := filepath.Glob("testdata/codegen/*.py")
	files = append(files, more...)
	files = append(files, codegenCorpus(t, 40)...)
	type job struct {
		Path     string `json:"path"`
		Optimize int    `json:"optimize"`
		Ours     string `json:"ours"`
	}
	var jobs []job
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for opt := 0; opt <= 2; opt++ {
			res, err := CompileSource(src, Options{Filename: f, Optimize: opt, Source: src, IsFile: true})
			ours := ""
			if err == nil {
				data, merr := Marshal(res.Code)
				if merr != nil {
					t.Fatalf("%s: Marshal: %v", f, merr)
				}
				ours = hex.EncodeToString(data)
			}
			jobs = append(jobs, job{f, opt, ours})
		}
	}
	script := pyDescribe + `
import json, warnings
warnings.simplefilter("ignore")
for job in json.load(sys.stdin):
    with open(job["path"], "rb") as f:
        src = f.read()
    try:
        a = compile(src, job["path"], "exec", optimize=job["optimize"])
    except SyntaxError:
        print(json.dumps("error" if not job["ours"] else "peephole compiled what CPython rejects"))
        continue
    if not job["ours"]:
        print(json.dumps("peephole rejected what CPython compiles"))
        continue
    b = desc(marshal.loads(bytes.fromhex(job["ours"])))
    if desc(a) == b or desc(marshal.loads(marshal.dumps(a))) == b:
        print(json.dumps("same"))
    else:
        print(json.dumps("different"))
`
	i, same := 0, 0
	streamOracle(t, script, jobs, func(raw json.RawMessage) {
		var verdict string
		json.Unmarshal(raw, &verdict)
		switch verdict {
		case "same", "error":
			same++
		default:
			t.Errorf("%s at optimize=%d: %s", jobs[i].Path, jobs[i].Optimize, verdict)
		}
		i++
	})
	if i != len(jobs) {
		t.Fatalf("oracle answered %d of %d jobs", i, len(jobs))
	}
	t.Logf("%d of %d compilations (%d files × optimize 0, 1, 2) give CPython's code objects", same, len(jobs), len(files))
}
