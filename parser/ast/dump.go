package ast

import (
	"strconv"
	"strings"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// DumpOptions are the options of CPython's ast.dump that peephole supports.
type DumpOptions struct {
	// Indent is the indentation of nested nodes, in spaces; a negative
	// Indent selects the single-line form (ast.dump's indent=None).
	Indent int
	// IncludeAttributes adds each node's position attributes.
	IncludeAttributes bool
}

// Dump formats the tree rooted at n exactly as CPython 3.13's
// ast.dump(n, include_attributes=opts.IncludeAttributes, indent=opts.Indent)
// does (with show_empty=False, its default). It fails only where ast.dump
// raises, which is for an int constant too large to convert to decimal.
func Dump(n Node, opts DumpOptions) (string, error) {
	d := &dumper{attrs: opts.IncludeAttributes, indent: -1}
	if opts.Indent >= 0 {
		d.indent = opts.Indent
	}
	s, _ := d.format(n, 0)
	return s, d.err
}

// dumper holds the state of one Dump.
type dumper struct {
	indent int // -1 for the single-line form
	attrs  bool
	err    error
}

// format formats a node at the given nesting level, returning the text and
// whether it is "simple" in ast.dump's sense (it has no fields to show).
func (d *dumper) format(n Node, level int) (string, bool) {
	if n == nil {
		return "None", true
	}
	return d.dumpNode(n, level)
}

// prefix and sep return ast.dump's separators for a container at the given
// (already incremented) level.
func (d *dumper) prefix(level int) string {
	if d.indent < 0 {
		return ""
	}
	return "\n" + strings.Repeat(" ", d.indent*level)
}

func (d *dumper) sep(level int) string {
	if d.indent < 0 {
		return ", "
	}
	return ",\n" + strings.Repeat(" ", d.indent*level)
}

// fieldList collects the formatted fields of one node.
type fieldList struct {
	d       *dumper
	level   int  // the node's own level
	special bool // Constant and MatchSingleton show None values
	args    []string
	simple  bool
}

func (d *dumper) fields(level int, special bool) *fieldList {
	if d.indent >= 0 {
		level++
	}
	return &fieldList{d: d, level: level, special: special, simple: true}
}

func (f *fieldList) add(name, value string, simple bool) {
	f.args = append(f.args, name+"="+value)
	f.simple = f.simple && simple
}

// none records a field whose value is None: ast.dump leaves out the
// optional fields that are None.
func (f *fieldList) none(name string) {}

func (f *fieldList) attrs(l *Loc) {
	if !f.d.attrs {
		return
	}
	f.add("lineno", strconv.Itoa(l.Lineno), true)
	f.add("col_offset", strconv.Itoa(l.ColOffset), true)
	f.add("end_lineno", strconv.Itoa(l.EndLineno), true)
	f.add("end_col_offset", strconv.Itoa(l.EndColOffset), true)
}

func (f *fieldList) finish(name string) (string, bool) {
	if f.simple && len(f.args) <= 3 {
		return name + "(" + strings.Join(f.args, ", ") + ")", len(f.args) == 0
	}
	return name + "(" + f.d.prefix(f.level) + strings.Join(f.args, f.d.sep(f.level)) + ")", false
}

// list formats a list field's items, already formatted at the list's level.
func (f *fieldList) list(name string, items []string) {
	lv := f.level
	if f.d.indent >= 0 {
		lv++
	}
	f.add(name, "["+f.d.prefix(lv)+strings.Join(items, f.d.sep(lv))+"]", false)
}

// listLevel is the level at which a list field's items are formatted.
func (f *fieldList) listLevel() int {
	if f.d.indent >= 0 {
		return f.level + 1
	}
	return f.level
}

func dumpNodeField[T Node](f *fieldList, name string, x T) {
	s, simple := f.d.format(x, f.level)
	f.add(name, s, simple)
}

func dumpList[T Node](f *fieldList, name string, xs []T) {
	if len(xs) == 0 {
		if f.special {
			f.add(name, "[]", true)
		}
		return
	}
	lv := f.listLevel()
	items := make([]string, len(xs))
	for i, x := range xs {
		if any(x) == nil {
			items[i] = "None"
			continue
		}
		items[i], _ = f.d.format(x, lv)
	}
	f.list(name, items)
}

func dumpStr(f *fieldList, name, s string) {
	f.add(name, pyconst.Str(s).String(), true)
}

func dumpOptStr(f *fieldList, name, s string) {
	if s == "" {
		return // an optional string that is None
	}
	dumpStr(f, name, s)
}

func dumpStrs(f *fieldList, name string, xs []string) {
	if len(xs) == 0 {
		if f.special {
			f.add(name, "[]", true)
		}
		return
	}
	items := make([]string, len(xs))
	for i, x := range xs {
		items[i] = pyconst.Str(x).String()
	}
	f.list(name, items)
}

func dumpInt(f *fieldList, name string, v int) {
	f.add(name, strconv.Itoa(v), true)
}

type enum interface {
	~uint8
	String() string
}

func dumpEnum[E enum](f *fieldList, name string, e E) {
	f.add(name, e.String()+"()", true)
}

func dumpEnums[E enum](f *fieldList, name string, es []E) {
	if len(es) == 0 {
		return
	}
	items := make([]string, len(es))
	for i, e := range es {
		items[i] = e.String() + "()"
	}
	f.list(name, items)
}

func dumpConst(f *fieldList, name string, v pyconst.Value) {
	if v == nil {
		f.add(name, "None", true)
		return
	}
	s, err := v.Repr()
	if err != nil && f.d.err == nil {
		f.d.err = err
	}
	f.add(name, s, true)
}
