package analysis

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

// benchSource is a 5,000-line module like bench/lsp's.
func benchSource() []byte {
	var b strings.Builder
	b.WriteString("import os\nimport sys\nfrom collections import OrderedDict, defaultdict\n\n")
	for i := 0; i < 99; i++ {
		fmt.Fprintf(&b, benchBlock, i)
		b.WriteString("\n\n\n")
	}
	return []byte(b.String())
}

const benchBlock = `class Record%[1]d:
    """A record with a few fields."""
    limit = %[1]d

    def __init__(self, name, values):
        self.name = name
        self.values = list(values)

    def total(self):
        total = 0
        for v in self.values:
            if v > self.limit:
                total += v
        return total

    def scaled(self, factor=2):
        return [v * factor for v in self.values if v]


def helper_%[1]d(items, key=None):
    seen = defaultdict(list)
    for n, item in enumerate(items):
        k = key(item) if key else item
        seen[k].append(n)
    return OrderedDict(seen)


def make_counter_%[1]d(start):
    count = start

    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump


def process_%[1]d(data):
    rec = Record%[1]d("r%[1]d", data)
    counter = make_counter_%[1]d(len(data))
    groups = helper_%[1]d(data, key=lambda x: x %% 3)
    result = rec.total() + counter()
    while result > %[1]d * 10:
        result //= 2
    try:
        ratio = result / len(groups)
    except ZeroDivisionError:
        ratio = 0.0
    return {"result": result, "ratio": ratio, "groups": sorted(groups), "env": os.sep, "argv": sys.argv}
`

func BenchmarkStages(b *testing.B) {
	src := benchSource()
	b.Run("ParseEditor", func(b *testing.B) {
		for b.Loop() {
			parser.ParseEditor(src, parser.Options{Filename: "x.py"})
		}
	})
	b.Run("Parse", func(b *testing.B) {
		for b.Loop() {
			parser.Parse(src, parser.Options{Filename: "x.py"})
		}
	})
	tree := parser.ParseEditor(src, parser.Options{Filename: "x.py"}).Tree
	b.Run("BuildEditor", func(b *testing.B) {
		for b.Loop() {
			m, _ := symtab.BuildEditor(tree, symtab.Options{Filename: "x.py"})
			m.AllOccurrences()
		}
	})
	b.Run("Compile", func(b *testing.B) {
		for b.Loop() {
			t := parser.Parse(src, parser.Options{Filename: "x.py"}).Tree
			compiler.Compile(t, compiler.Options{Filename: "x.py"})
		}
	})
	b.Run("Analyze", func(b *testing.B) {
		for b.Loop() {
			Analyze(src, Options{Filename: "x.py"})
		}
	})
	b.Run("AnalyzeDiagnostics", func(b *testing.B) {
		for b.Loop() {
			Analyze(src, Options{Filename: "x.py"}).Diagnostics()
		}
	})
	f := Analyze(src, Options{Filename: "x.py"})
	f.Diagnostics()
	b.Run("Hover", func(b *testing.B) {
		for b.Loop() {
			f.Hover(ast.Pos{Line: 2500, Col: 8})
		}
	})
	b.Run("SemanticTokens", func(b *testing.B) {
		for b.Loop() {
			f.SemanticTokens(nil)
		}
	})
}

// cpuNow is the process's CPU time (user and system, all threads).
func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkDiagnostics compares, on the 5,000-line module, the whole
// analysis with the incremental Diagnoser, cold and after a one-line edit.
// It reports CPU time per operation too (cpu-ms/op), the steadier figure
// on a busy machine.
func BenchmarkDiagnostics(b *testing.B) {
	src := benchSource()
	run := func(name string, setup func() func(i int)) {
		b.Run(name, func(b *testing.B) {
			fn := setup()
			runtime.GC()
			c0 := cpuNow()
			i := 0
			for b.Loop() {
				i++
				fn(i)
			}
			b.ReportMetric(float64(cpuNow()-c0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
	run("Whole", func() func(int) {
		return func(int) { Analyze(src, Options{Filename: "x.py"}).Diagnostics() }
	})
	run("DiagnoserCold", func() func(int) {
		return func(int) { NewDiagnoser().Diagnostics(src, Options{Filename: "x.py"}) }
	})
	run("DiagnoserBrokenEdit", func() func(int) {
		d := NewDiagnoser()
		d.Diagnostics(src, Options{Filename: "x.py"})
		return func(i int) {
			e := bytes.Replace(src, []byte("        total = 0\n"), []byte(fmt.Sprintf("        total = = %d\n", i)), 1)
			d.Diagnostics(e, Options{Filename: "x.py"})
		}
	})
	run("DiagnoserEdit", func() func(int) {
		d := NewDiagnoser()
		d.Diagnostics(src, Options{Filename: "x.py"})
		return func(i int) {
			e := bytes.Replace(src, []byte("        total = 0\n"), []byte(fmt.Sprintf("        total = %d\n", i)), 1)
			d.Diagnostics(e, Options{Filename: "x.py"})
		}
	})
}

// BenchmarkViewHoverAfterEdit measures what a hover right after an edit
// costs through a View (bench/lsp's "hover right after an edit"): the
// edited text's view (the edited chunk's analysis), then the hover two
// lines below the edit, in the edited chunk analysed at its line.
func BenchmarkViewHoverAfterEdit(b *testing.B) {
	src := benchSource()
	d := NewDiagnoser()
	d.View(src, Options{Filename: "x.py"})
	edit := bytes.Index(src, []byte("        total = 0\n"))
	line := 1 + bytes.Count(src[:edit], []byte("\n"))
	i := 0
	for b.Loop() {
		i++
		e := bytes.Replace(src, []byte("        total = 0\n"), []byte(fmt.Sprintf("        total = %d\n", i)), 1)
		v := d.View(e, Options{Filename: "x.py"})
		if _, ok := v.Hover(ast.Pos{Line: line + 2, Col: 16}); !ok {
			b.Fatal("the view declined")
		}
	}
}
