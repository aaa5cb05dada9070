// Package layering states the import direction of peephole's packages
// (DESIGN §3) and checks it: constants ← parser ← symtab ← compiler ← vm;
// analysis uses the core; lsp uses analysis; cmd uses everything; and no
// package that the peephole binary is built from may run or find a Python
// interpreter.
//
// Each package has a rank; a package may import only packages of a lower
// rank (and the standard library or an allowed third-party module). The
// test in this package walks every non-test .go file of the module.
package layering

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Module is the module path.
const Module = "github.com/peephole-lsp/peephole"

// ranks gives each layer's rank by package path prefix (relative to the
// module); the longest matching prefix wins.
var ranks = map[string]int{
	"internal/pyconst":   0,
	"internal/unitables": 0,
	"internal/layering":  0,
	"internal/oracle":    0,
	"internal":           0,
	"parser/ast":         1,
	"parser":             2,
	"symtab":             3,
	"compiler":           4,
	"vm":                 5,
	"analysis":           6,
	"lsp":                7,
	"cmd":                8,
	"bench":              9,
	"editors":            9,
}

// toolOnly are packages that only tests, generators and benchmarks may
// import: they run CPython.
var toolOnly = []string{"internal/oracle", "internal/syntaxcorpus"}

// thirdParty are the modules non-test code may import, by prefix.
var thirdParty = []string{"golang.org/x/text", "go.lsp.dev/", "go.uber.org/zap"}

func rank(rel string) (int, bool) {
	best, r, ok := -1, 0, false
	for prefix, v := range ranks {
		if rel == prefix || strings.HasPrefix(rel, prefix+"/") {
			if len(prefix) > best {
				best, r, ok = len(prefix), v, true
			}
		}
	}
	return r, ok
}

// isTool reports whether the package at rel is a program or helper that may
// run the oracle (a code generator under a gen or internal/*gen directory,
// or a benchmark).
func isTool(rel string) bool {
	if strings.HasPrefix(rel, "bench") {
		return true
	}
	base := filepath.Base(rel)
	return base == "gen" || strings.HasSuffix(base, "gen") || strings.HasPrefix(rel, "internal/syntaxcorpus")
}

// Violation is an import that breaks the rules.
type Violation struct {
	File, From, To, Why string
}

func (v Violation) String() string {
	return fmt.Sprintf("%s: %s imports %s: %s", v.File, v.From, v.To, v.Why)
}

// Check checks one import of package from (relative to the module) to the
// import path to.
func Check(from, to string) (string, bool) {
	if !strings.HasPrefix(to, Module+"/") {
		if !strings.Contains(strings.SplitN(to, "/", 2)[0], ".") {
			return "", true // the standard library
		}
		for _, tp := range thirdParty {
			if strings.HasPrefix(to, tp) {
				return "", true
			}
		}
		return "third-party module not on the allowed list", false
	}
	toRel := strings.TrimPrefix(to, Module+"/")
	for _, t := range toolOnly {
		if (toRel == t || strings.HasPrefix(toRel, t+"/")) && !isTool(from) && from != "internal/syntaxcorpus" {
			return "only tests and tools may use " + t + " (it runs CPython)", false
		}
	}
	rf, okf := rank(from)
	rt, okt := rank(toRel)
	if !okf || !okt {
		return "package has no rank in internal/layering", false
	}
	if isTool(from) {
		return "", true
	}
	if rt >= rf && !(toRel == from) {
		return fmt.Sprintf("imports point the wrong way (rank %d imports rank %d)", rf, rt), false
	}
	return "", true
}

// Walk checks every non-test Go file under root (the module's root
// directory) and returns the violations.
func Walk(root string) ([]Violation, error) {
	var out []Violation
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		relDir, _ := filepath.Rel(root, filepath.Dir(path))
		relDir = filepath.ToSlash(relDir)
		for _, imp := range f.Imports {
			to, _ := strconv.Unquote(imp.Path.Value)
			if why, ok := Check(relDir, to); !ok {
				rel, _ := filepath.Rel(root, path)
				out = append(out, Violation{File: rel, From: relDir, To: to, Why: why})
			}
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out, err
}

// ModuleRoot finds the module root from the working directory.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}
