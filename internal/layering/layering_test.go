package layering

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportDirection walks the module and fails on any import that points
// the wrong way.
func TestImportDirection(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	vs, err := Walk(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		t.Error(v)
	}
}

// TestCheckRejects makes sure the rules reject what they must, so that
// TestImportDirection can fail.
func TestCheckRejects(t *testing.T) {
	bad := [][2]string{
		{"parser", Module + "/symtab"},
		{"parser/ast", Module + "/parser"},
		{"compiler", Module + "/vm"},
		{"internal/pyconst", Module + "/parser"},
		{"symtab", Module + "/compiler"},
		{"analysis", Module + "/lsp"},
		{"vm", Module + "/analysis"},
		{"parser", Module + "/internal/oracle"},
		{"cmd/peephole", Module + "/internal/oracle"},
		{"parser", "github.com/some/other"},
	}
	for _, b := range bad {
		if _, ok := Check(b[0], b[1]); ok {
			t.Errorf("Check(%q, %q) accepted a bad import", b[0], b[1])
		}
	}
	good := [][2]string{
		{"parser", Module + "/parser/ast"},
		{"parser", Module + "/internal/pyconst"},
		{"symtab", Module + "/parser"},
		{"compiler", Module + "/symtab"},
		{"vm", Module + "/compiler"},
		{"analysis", Module + "/vm"},
		{"lsp", Module + "/analysis"},
		{"cmd/peephole", Module + "/lsp"},
		{"parser/ast/internal/astgen", Module + "/internal/oracle"},
		{"parser", "golang.org/x/text/unicode/norm"},
		{"parser", "fmt"},
	}
	for _, g := range good {
		if why, ok := Check(g[0], g[1]); !ok {
			t.Errorf("Check(%q, %q) rejected a good import: %s", g[0], g[1], why)
		}
	}
}

// TestBinaryRunsNoPython checks that nothing the peephole binary is built
// from can find or run a Python interpreter: none of the tool-only packages
// (oracle, corpus and bench helpers), and no os/exec at all.
func TestBinaryRunsNoPython(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", Module+"/cmd/peephole").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "os/exec" {
			// No package of the binary can start a process at all, so it
			// cannot start CPython either.
			t.Errorf("the peephole binary depends on os/exec")
		}
		for _, t2 := range toolOnly {
			if dep == Module+"/"+t2 {
				t.Errorf("the peephole binary depends on %s, which runs CPython", dep)
			}
		}
	}
}
