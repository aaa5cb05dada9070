package vm

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"weak"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// TestFinalizeRunReleased checks that a finished run's objects are
// freed even when finalizable ones sit on reference cycles: Go never
// frees an object with a finalizer on a cycle, so the VM must take the
// Go finalizers off as it finalizes objects and as the run ends (an
// interpreter inside the language server runs many programs).
func TestFinalizeRunReleased(t *testing.T) {
	var out bytes.Buffer
	in := NewInterp(Config{Stdout: &out, Stderr: &out, Argv: []string{"prog.py"}})
	src := `class D:
    def __del__(self): print("del", self.name)
a = D(); a.name = "a"; a.me = a
b = D(); b.name = "b"; b.other = [b]
def gen(box):
    try:
        yield box
    finally:
        print("finally")
box = []
g = gen(box); box.append(g); next(g)
print("end")
`
	code, err := in.RunMain(Program{Filename: "prog.py", Source: []byte(src)})
	if err != nil || code != 0 {
		t.Fatalf("run: exit %d, err %v\n%s", code, err, out.String())
	}
	mainMod, _ := in.Modules.getStr(Intern("__main__"))
	md := mainMod.o.(*Module).dict
	var ptrs []weak.Pointer[Instance]
	for _, name := range []string{"a", "b"} {
		v, _ := md.getStr(Intern(name))
		ptrs = append(ptrs, weak.Make(v.o.(*Instance)))
	}
	gv, _ := md.getStr(Intern("g"))
	gp := weak.Make(gv.o.(*Generator))
	path := filepath.Join(t.TempDir(), "prog.py")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if want := oracle.Run(t, nil, path); out.String() != string(want.Stdout) {
		t.Errorf("output %q, CPython's %q", out.String(), want.Stdout)
	}
	in, mainMod, md, gv = nil, Value{}, nil, Value{}
	_, _, _ = in, mainMod, md
	for range 4 {
		runtime.GC()
	}
	for i, p := range ptrs {
		if p.Value() != nil {
			t.Errorf("object %d of the ended run is still alive", i)
		}
	}
	if gp.Value() != nil {
		t.Errorf("the generator of the ended run is still alive")
	}
}
