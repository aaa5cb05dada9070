package ast_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
)

func TestPathEnclosing(t *testing.T) {
	src := "@dec\ndef f(a, b=1):\n    return [x * a for x in b]\n"
	tree := parser.Parse([]byte(src), parser.Options{}).Tree
	cases := []struct {
		pos  ast.Pos
		want string
	}{
		{ast.Pos{Line: 1, Col: 1}, "Module FunctionDef Name"},
		{ast.Pos{Line: 2, Col: 6}, "Module FunctionDef Arguments Arg"},
		{ast.Pos{Line: 2, Col: 11}, "Module FunctionDef Arguments Constant"},
		{ast.Pos{Line: 3, Col: 12}, "Module FunctionDef Return ListComp BinOp Name"},
		{ast.Pos{Line: 3, Col: 27}, "Module FunctionDef Return ListComp Comprehension Name"},
		{ast.Pos{Line: 9, Col: 0}, "Module"},
	}
	for _, c := range cases {
		var names []string
		for _, n := range ast.PathEnclosing(tree, c.pos) {
			names = append(names, strings.TrimPrefix(fmt.Sprintf("%T", n), "*ast."))
		}
		if got := strings.Join(names, " "); got != c.want {
			t.Errorf("PathEnclosing(%v) = %s, want %s", c.pos, got, c.want)
		}
	}
	if n, ok := ast.NodeAt(tree, ast.Pos{Line: 3, Col: 12}).(*ast.Name); !ok || n.ID != "x" {
		t.Errorf("NodeAt = %#v, want the Name x", ast.NodeAt(tree, ast.Pos{Line: 3, Col: 12}))
	}
}

func TestInspectAndChildren(t *testing.T) {
	tree := parser.Parse([]byte("x = f(1, *y, k=2)\n"), parser.Options{}).Tree
	var kinds []string
	ast.Inspect(tree, func(n ast.Node) bool {
		if n != nil {
			kinds = append(kinds, strings.TrimPrefix(fmt.Sprintf("%T", n), "*ast."))
		}
		return true
	})
	want := "Module Assign Name Call Name Constant Starred Name Keyword Constant"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("Inspect order %s, want %s", got, want)
	}
	call := tree.(*ast.Module).Body[0].(*ast.Assign).Value
	if got := len(ast.Children(call)); got != 4 {
		t.Errorf("Children(call) has %d nodes, want 4", got)
	}
}
