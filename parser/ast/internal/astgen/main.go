// Command astgen generates parser/ast/nodes.go from CPython 3.13's own
// description of its abstract syntax: the ASDL signatures that the oracle's
// ast module carries in each class's docstring (ast.stmt.__doc__ and so on).
//
// Run it with `go generate ./parser/ast`; it needs the oracle (see
// internal/oracle). The generated file holds the node types, their marker
// methods, the field-by-field dump used by [ast.Dump] and the child walk used
// by [ast.Inspect]. Fields that peephole adds for editors (positions of names
// that CPython keeps as bare strings) come from the extras table below.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"os/exec"
	"regexp"
	"strings"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// types lists the ASDL types in the order of CPython's Python.asdl.
var types = []string{
	"mod", "stmt", "expr", "expr_context", "boolop", "operator", "unaryop", "cmpop",
	"comprehension", "excepthandler", "arguments", "arg", "keyword", "alias",
	"withitem", "match_case", "pattern", "type_ignore", "type_param",
}

// extras are peephole's own fields, not dumped: positions of identifiers that
// CPython's AST stores as plain strings, so that editors can find every name.
var extras = map[string][]string{
	"FunctionDef":      {"NamePos Pos // position of the function's name"},
	"AsyncFunctionDef": {"NamePos Pos // position of the function's name"},
	"ClassDef":         {"NamePos Pos // position of the class's name"},
	"Global":           {"NamePos []Pos // position of each name, parallel to Names"},
	"Nonlocal":         {"NamePos []Pos // position of each name, parallel to Names"},
	"ExceptHandler":    {"NamePos Pos // position of the bound name; zero when Name is \"\""},
	"ImportFrom":       {"ModulePos Pos // position of the module name; zero when Module is \"\""},
	"Alias":            {"AsnamePos Pos // position of the asname; zero when Asname is \"\""},
	"MatchAs":          {"NamePos Pos // position of the captured name; zero when Name is \"\""},
	"MatchStar":        {"NamePos Pos // position of the captured name; zero when Name is \"\""},
	"MatchMapping":     {"RestPos Pos // position of the **rest name; zero when Rest is \"\""},
	"MatchClass":       {"KwdAttrPos []Pos // position of each keyword name, parallel to KwdAttrs"},
	"TypeVar":          {"NamePos Pos // position of the parameter's name"},
	"ParamSpec":        {"NamePos Pos // position of the parameter's name"},
	"TypeVarTuple":     {"NamePos Pos // position of the parameter's name"},
}

type field struct {
	typ, quant, name string // quant is "", "?" or "*"
}

type ctor struct {
	name   string
	fields []field
	attrs  bool
	sig    string
}

type asdlType struct {
	name   string
	ctors  []ctor // a product type has one ctor named like the type
	simple bool   // every ctor has no fields (an enum)
	attrs  bool
	prod   bool
}

func main() {
	out := flag.String("o", "nodes.go", "output file")
	flag.Parse()
	py, why := oracle.Path()
	if py == "" {
		log.Fatal(why)
	}
	script := `
import ast, sys
for t in sys.argv[1:]:
    c = getattr(ast, t)
    print("TYPE", t, "ATTRS" if c._attributes else "NOATTRS")
    print(c.__doc__.replace("\n", " "))
`
	cmd := exec.Command(py, append([]string{"-c", script}, types...)...)
	cmd.Env = oracle.Env()
	cmd.Stderr = os.Stderr
	text, err := cmd.Output()
	if err != nil {
		log.Fatalf("oracle: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(text)), "\n")
	var all []*asdlType
	for i := 0; i+1 < len(lines); i += 2 {
		hdr := strings.Fields(lines[i])
		t := parseType(hdr[1], lines[i+1])
		t.attrs = hdr[2] == "ATTRS"
		all = append(all, t)
	}
	src := generate(all)
	formatted, err := format.Source(src)
	if err != nil {
		os.WriteFile(*out, src, 0o644)
		log.Fatalf("gofmt: %v", err)
	}
	if err := os.WriteFile(*out, formatted, 0o644); err != nil {
		log.Fatal(err)
	}
}

var ctorRE = regexp.MustCompile(`^\s*([A-Za-z_]+)\s*(?:\((.*)\))?\s*$`)

func parseType(name, doc string) *asdlType {
	t := &asdlType{name: name}
	doc = strings.Join(strings.Fields(doc), " ")
	if strings.HasPrefix(doc, name+" = ") {
		for _, alt := range splitAlts(strings.TrimPrefix(doc, name+" = ")) {
			t.ctors = append(t.ctors, parseCtor(alt))
		}
	} else {
		t.prod = true
		t.ctors = []ctor{parseCtor(doc)}
	}
	t.simple = true
	for _, c := range t.ctors {
		if len(c.fields) > 0 {
			t.simple = false
		}
	}
	return t
}

// splitAlts splits "A(x) | B(y, z) | C" at the top-level bars.
func splitAlts(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i, c := range s {
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

func parseCtor(s string) ctor {
	m := ctorRE.FindStringSubmatch(s)
	if m == nil {
		log.Fatalf("cannot parse constructor %q", s)
	}
	c := ctor{name: m[1], sig: strings.TrimSpace(s)}
	if m[2] != "" {
		for _, f := range strings.Split(m[2], ",") {
			parts := strings.Fields(f)
			typ, quant := parts[0], ""
			if strings.HasSuffix(typ, "?") || strings.HasSuffix(typ, "*") {
				typ, quant = typ[:len(typ)-1], typ[len(typ)-1:]
			}
			c.fields = append(c.fields, field{typ: typ, quant: quant, name: parts[1]})
		}
	}
	return c
}

// goName turns a Python name into an exported Go name.
func goName(s string) string {
	switch s {
	case "mod":
		return "ModNode" // ast.Mod is the modulo operator
	case "Expr":
		return "ExprStmt" // ast.Expr is the expression interface
	case "id":
		return "ID"
	case "arg":
		return "Arg"
	case "withitem":
		return "WithItem"
	case "match_case":
		return "MatchCase"
	case "excepthandler":
		return "ExceptHandler"
	case "type_ignore":
		return "TypeIgnore"
	case "type_param":
		return "TypeParam"
	case "expr_context":
		return "ExprContext"
	case "boolop":
		return "BoolOpKind"
	case "operator":
		return "Operator"
	case "unaryop":
		return "UnaryOpKind"
	case "cmpop":
		return "CmpOp"
	}
	var b strings.Builder
	for _, part := range strings.Split(s, "_") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

func generate(all []*asdlType) []byte {
	byName := map[string]*asdlType{}
	for _, t := range all {
		byName[t.name] = t
	}
	// goType returns the Go type of a field.
	goType := func(f field) string {
		var base string
		switch f.typ {
		case "identifier", "string":
			base = "string"
		case "int":
			base = "int"
		case "constant":
			base = "pyconst.Value"
		default:
			t := byName[f.typ]
			if t == nil {
				log.Fatalf("unknown ASDL type %s", f.typ)
			}
			switch {
			case t.simple:
				base = goName(t.name)
			case t.prod || len(t.ctors) == 1:
				base = "*" + goName(t.ctors[0].name)
			default:
				base = goName(t.name)
			}
		}
		if f.quant == "*" {
			return "[]" + base
		}
		return base
	}

	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("// Code generated by astgen from CPython 3.13's ast module; DO NOT EDIT.\n\n")
	w("package ast\n\nimport \"github.com/peephole-lsp/peephole/internal/pyconst\"\n\n")

	// Sum-type interfaces and enums.
	for _, t := range all {
		switch {
		case t.simple:
			g := goName(t.name)
			var names []string
			for _, c := range t.ctors {
				names = append(names, c.name)
			}
			w("// %s is the ASDL enumeration %s = %s.\ntype %s uint8\n\n", g, t.name, strings.Join(names, " | "), g)
			w("// The values of %s, in ASDL order.\nconst (\n", g)
			for i, c := range t.ctors {
				if i == 0 {
					w("\t%s %s = iota + 1\n", c.name, g)
				} else {
					w("\t%s\n", c.name)
				}
			}
			w(")\n\n")
			w("var %sNames = [...]string{\"\"", lower(g))
			for _, c := range t.ctors {
				w(", %q", c.name)
			}
			w("}\n\n")
			w("// String returns the name of the ASDL constructor, as in %s().\nfunc (x %s) String() string {\n\tif int(x) < len(%sNames) {\n\t\treturn %sNames[x]\n\t}\n\treturn \"?\"\n}\n\n", t.ctors[0].name, g, lower(g), lower(g))
		case !t.prod && len(t.ctors) > 1:
			g := goName(t.name)
			w("// %s is the ASDL sum type %s: one of", g, t.name)
			for i, c := range t.ctors {
				if i > 0 {
					w(",")
				}
				w(" [%s]", c.name)
			}
			w(".\ntype %s interface {\n\tNode\n", g)
			if t.attrs {
				w("\tRange() Loc\n")
			}
			w("\t%sNode()\n}\n\n", t.name)
		}
	}

	// Node structs.
	for _, t := range all {
		if t.simple {
			continue
		}
		for _, c := range t.ctors {
			g := goName(c.name)
			w("// %s is the ASDL node %s.\ntype %s struct {\n", g, c.sig, g)
			if t.attrs {
				w("\tLoc\n")
			}
			for _, f := range c.fields {
				comment := ""
				switch {
				case f.quant == "?" && (f.typ == "identifier" || f.typ == "string"):
					comment = " // \"\" for None"
				case f.quant == "?":
					comment = " // or nil"
				}
				w("\t%s %s%s\n", goName(f.name), goType(f), comment)
			}
			for _, e := range extras[g] {
				w("\t%s\n", e)
			}
			w("}\n\n")
		}
	}

	// Marker methods.
	for _, t := range all {
		if t.simple {
			continue
		}
		for _, c := range t.ctors {
			g := goName(c.name)
			w("func (*%s) node() {}\n", g)
			if !t.prod && len(t.ctors) > 1 {
				w("func (*%s) %sNode() {}\n", g, t.name)
			}
		}
	}
	w("\n")

	// Dump.
	w("// dumpNode formats n's fields the way ast.dump does; see dump.go.\n")
	w("func (d *dumper) dumpNode(n Node, level int) (dumped, bool) {\n\tswitch n := n.(type) {\n")
	for _, t := range all {
		if t.simple {
			continue
		}
		for _, c := range t.ctors {
			g := goName(c.name)
			special := c.name == "Constant" || c.name == "MatchSingleton"
			w("\tcase *%s:\n\t\tf := d.fields(level, %v)\n", g, special)
			for _, f := range c.fields {
				fn := dumpFunc(f, byName)
				if fn == "dumpNodeField" {
					w("\t\tif n.%s != nil {\n\t\t\t%s(f, %q, n.%s)\n\t\t} else {\n\t\t\tf.none(%q)\n\t\t}\n",
						goName(f.name), fn, f.name, goName(f.name), f.name)
					continue
				}
				w("\t\t%s(f, %q, n.%s)\n", fn, f.name, goName(f.name))
			}
			if t.attrs {
				w("\t\tf.attrs(&n.Loc)\n")
			}
			w("\t\treturn f.finish(%q)\n", c.name)
		}
	}
	w("\tcase *BadExpr:\n\t\tf := d.fields(level, false)\n\t\tf.attrs(&n.Loc)\n\t\treturn f.finish(\"BadExpr\")\n")
	w("\tcase *BadStmt:\n\t\tf := d.fields(level, false)\n\t\tf.attrs(&n.Loc)\n\t\treturn f.finish(\"BadStmt\")\n")
	w("\t}\n\treturn dumped{text: \"?\"}, true\n}\n\n")

	// Walk.
	w("// walkChildren calls f for each child node of n, in field order.\n")
	w("func walkChildren(n Node, f func(Node) bool) {\n\tswitch n := n.(type) {\n")
	for _, t := range all {
		if t.simple {
			continue
		}
		for _, c := range t.ctors {
			var body []string
			for _, fl := range c.fields {
				bt := byName[fl.typ]
				if bt == nil || bt.simple {
					continue
				}
				fname := "n." + goName(fl.name)
				if fl.quant == "*" {
					body = append(body, fmt.Sprintf("\t\tfor _, x := range %s {\n\t\t\tif x != nil {\n\t\t\t\tInspect(x, f)\n\t\t\t}\n\t\t}\n", fname))
				} else {
					body = append(body, fmt.Sprintf("\t\tif %s != nil {\n\t\t\tInspect(%s, f)\n\t\t}\n", fname, fname))
				}
			}
			if len(body) == 0 {
				continue
			}
			w("\tcase *%s:\n%s", goName(c.name), strings.Join(body, ""))
		}
	}
	w("\t}\n}\n")
	return b.Bytes()
}

func lower(s string) string { return strings.ToLower(s[:1]) + s[1:] }

// dumpFunc names the dump helper for a field.
func dumpFunc(f field, byName map[string]*asdlType) string {
	switch f.typ {
	case "identifier", "string":
		switch f.quant {
		case "?":
			return "dumpOptStr"
		case "*":
			return "dumpStrs"
		}
		return "dumpStr"
	case "int":
		return "dumpInt"
	case "constant":
		return "dumpConst"
	}
	t := byName[f.typ]
	if t.simple {
		if f.quant == "*" {
			return "dumpEnums"
		}
		return "dumpEnum"
	}
	if f.quant == "*" {
		return "dumpList"
	}
	return "dumpNodeField"
}
