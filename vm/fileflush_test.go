package vm_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/vm"
)

// TestUnclosedFilesFlushedAtExit checks that files a program writes and
// never closes hold what CPython leaves in them when the run ends: a file
// kept in a global, one dropped at once, one in a list, one ended by an
// uncaught exception's run, and more of them than the VM keeps unflushed
// at a time (fileio.go's maxUnflushed).
func TestUnclosedFilesFlushedAtExit(t *testing.T) {
	oracle.Require(t)
	const prog = `import sys
DIR = sys.argv[1]
kept = open(DIR + '/kept.txt', 'w'); kept.write('kept\n')
open(DIR + '/dropped.txt', 'w').write('dropped\n')
files = [open(DIR + '/inlist.bin', 'wb')]
files[0].write(b'in a list\n')
for i in range(100):
    open(DIR + '/many%d.txt' % i, 'w').write('n' * i)
app = open(DIR + '/kept.txt', 'a')
app.write('appended\n')
if len(sys.argv) > 2:
    raise ValueError('uncaught')
print('end')
`
	for _, fail := range []bool{false, true} {
		want, got := t.TempDir(), t.TempDir()
		path := filepath.Join(t.TempDir(), "prog.py")
		if err := os.WriteFile(path, []byte(prog), 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{path, want}
		if fail {
			args = append(args, "fail")
		}
		oracle.Run(t, nil, args...)
		vmArgs := []string{got}
		if fail {
			vmArgs = append(vmArgs, "fail")
		}
		runVMArgs(t, path, []byte(prog), vmArgs)
		wantFiles, gotFiles := readDir(t, want), readDir(t, got)
		if len(wantFiles) != 103 {
			t.Fatalf("CPython wrote %d files, want 103", len(wantFiles))
		}
		for name, w := range wantFiles {
			if g, ok := gotFiles[name]; !ok || g != w {
				t.Errorf("fail=%v: %s holds %q, CPython's %q", fail, name, g, w)
			}
		}
	}
}

func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = string(b)
	}
	return m
}

// runVMArgs runs the program at path with argv[1:] = args.
func runVMArgs(t *testing.T, path string, src []byte, args []string) {
	t.Helper()
	var out strings.Builder
	in := vm.NewInterp(vm.Config{
		Stdout: &out, Stderr: &out,
		Argv: append([]string{path}, args...), Path: []string{vm.ScriptPath(path)},
	})
	if _, err := in.RunMain(vm.Program{Filename: path, Source: src, IsFile: true}); err != nil {
		t.Fatalf("the run was stopped: %v\n%s", err, out.String())
	}
}
