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
	s, _, err := DumpDepth(n, opts)
	return s, err
}

// DumpDepth is Dump that also returns how deeply ast.dump's recursive
// helper (_format) nests to format the tree, in Python frames: 1 for the
// root node, one more for each field value below it, and two more for a
// list's items (the list's _format call and the generator expression that
// formats the items). It is what decides whether ast.dump exhausts
// Python's recursion limit.
func DumpDepth(n Node, opts DumpOptions) (string, int, error) {
	d := &dumper{attrs: opts.IncludeAttributes, indent: -1}
	if opts.Indent >= 0 {
		d.indent = opts.Indent
	}
	v, _ := d.format(n, 0)
	var b strings.Builder
	v.write(&b)
	return b.String(), d.maxDepth, d.err
}

// dumper holds the state of one Dump.
//
// Formatted values are kept as a tree of pieces (dumped) and written out
// once at the end, so that the cost is linear in the size of the output:
// building each node's text by concatenating its children's text would
// copy every piece once per enclosing node, which is quadratic in depth.
type dumper struct {
	indent   int // -1 for the single-line form
	attrs    bool
	err      error
	depth    int // the _format depth of the node being formatted
	maxDepth int
	seps     []string // seps[level] is ",\n" and indent*level spaces
}

// dumped is a formatted value: a leaf's text, or open, then the items
// separated by sep, then close. A field's value carries its name (label),
// written before it as "name=".
type dumped struct {
	label string
	text  string
	open  string
	items []dumped
	sep   string
	close string
}

func (v *dumped) write(b *strings.Builder) {
	if v.label != "" {
		b.WriteString(v.label)
		b.WriteByte('=')
	}
	if v.items == nil {
		b.WriteString(v.text)
		return
	}
	b.WriteString(v.open)
	for i := range v.items {
		if i > 0 {
			b.WriteString(v.sep)
		}
		v.items[i].write(b)
	}
	b.WriteString(v.close)
}

// format formats a node at the given nesting level, returning the text and
// whether it is "simple" in ast.dump's sense (it has no fields to show).
func (d *dumper) format(n Node, level int) (dumped, bool) {
	if n == nil {
		return dumped{text: "None"}, true
	}
	d.depth++
	d.noteDepth(d.depth)
	v, simple := d.dumpNode(n, level)
	d.depth--
	return v, simple
}

func (d *dumper) noteDepth(depth int) {
	if depth > d.maxDepth {
		d.maxDepth = depth
	}
}

// sep returns ast.dump's separator for a container at the given (already
// incremented) level; its prefix is the same without the comma.
func (d *dumper) sep(level int) string {
	if d.indent < 0 {
		return ", "
	}
	for len(d.seps) <= level {
		d.seps = append(d.seps, ",\n"+strings.Repeat(" ", d.indent*len(d.seps)))
	}
	return d.seps[level]
}

func (d *dumper) prefix(level int) string {
	if d.indent < 0 {
		return ""
	}
	return d.sep(level)[1:]
}

// fieldList collects the formatted fields of one node.
type fieldList struct {
	d       *dumper
	level   int  // the node's own level
	special bool // Constant and MatchSingleton show None values
	args    []dumped
	simple  bool
}

func (d *dumper) fields(level int, special bool) *fieldList {
	if d.indent >= 0 {
		level++
	}
	return &fieldList{d: d, level: level, special: special, simple: true}
}

// add records a field. Every shown field value is one more _format call
// below the node's.
func (f *fieldList) add(name string, value dumped, simple bool) {
	f.d.noteDepth(f.d.depth + 1)
	value.label = name
	f.args = append(f.args, value)
	f.simple = f.simple && simple
}

func (f *fieldList) addText(name, text string) {
	f.add(name, dumped{text: text}, true)
}

// none records a field whose value is None: ast.dump leaves out the
// optional fields that are None.
func (f *fieldList) none(name string) {}

func (f *fieldList) attrs(l *Loc) {
	if !f.d.attrs {
		return
	}
	f.addText("lineno", strconv.Itoa(l.Lineno))
	f.addText("col_offset", strconv.Itoa(l.ColOffset))
	f.addText("end_lineno", strconv.Itoa(l.EndLineno))
	f.addText("end_col_offset", strconv.Itoa(l.EndColOffset))
}

func (f *fieldList) finish(name string) (dumped, bool) {
	if len(f.args) == 0 {
		return dumped{text: name + "()"}, true
	}
	if f.simple && len(f.args) <= 3 {
		return dumped{open: name + "(", items: f.args, sep: ", ", close: ")"}, false
	}
	return dumped{open: name + "(" + f.d.prefix(f.level), items: f.args, sep: f.d.sep(f.level), close: ")"}, false
}

// list formats a list field's items, already formatted at the list's
// level. ast.dump formats the items in a generator expression inside the
// list's _format call: they are three calls below the node's.
func (f *fieldList) list(name string, items []dumped) {
	lv := f.listLevel()
	f.d.noteDepth(f.d.depth + 3)
	f.add(name, dumped{open: "[" + f.d.prefix(lv), items: items, sep: f.d.sep(lv), close: "]"}, false)
}

// listLevel is the level at which a list field's items are formatted.
func (f *fieldList) listLevel() int {
	if f.d.indent >= 0 {
		return f.level + 1
	}
	return f.level
}

func dumpNodeField[T Node](f *fieldList, name string, x T) {
	v, simple := f.d.format(x, f.level) // one _format call below this node's
	f.add(name, v, simple)
}

func dumpList[T Node](f *fieldList, name string, xs []T) {
	if len(xs) == 0 {
		if f.special {
			f.addText(name, "[]")
		}
		return
	}
	lv := f.listLevel()
	items := make([]dumped, len(xs))
	f.d.depth += 2 // the list's own _format call, and its generator expression
	for i, x := range xs {
		if any(x) == nil {
			items[i] = dumped{text: "None"}
			continue
		}
		items[i], _ = f.d.format(x, lv)
	}
	f.d.depth -= 2
	f.list(name, items)
}

func dumpStr(f *fieldList, name, s string) {
	f.addText(name, pyconst.Str(s).String())
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
			f.addText(name, "[]")
		}
		return
	}
	items := make([]dumped, len(xs))
	for i, x := range xs {
		items[i] = dumped{text: pyconst.Str(x).String()}
	}
	f.list(name, items)
}

func dumpInt(f *fieldList, name string, v int) {
	f.addText(name, strconv.Itoa(v))
}

type enum interface {
	~uint8
	String() string
}

func dumpEnum[E enum](f *fieldList, name string, e E) {
	f.addText(name, e.String()+"()")
}

func dumpEnums[E enum](f *fieldList, name string, es []E) {
	if len(es) == 0 {
		return
	}
	items := make([]dumped, len(es))
	for i, e := range es {
		items[i] = dumped{text: e.String() + "()"}
	}
	f.list(name, items)
}

func dumpConst(f *fieldList, name string, v pyconst.Value) {
	if v == nil {
		f.addText(name, "None")
		return
	}
	s, err := v.Repr()
	if err != nil && f.d.err == nil {
		f.d.err = err
	}
	f.addText(name, s)
}
