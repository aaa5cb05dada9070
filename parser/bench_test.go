package parser_test

// Benchmarks of the parser on the oracle's standard library (DESIGN §10).
// They measure peephole alone; bench/parse runs the same work side by side
// with CPython's ast.parse and reports the ratio.
//
//	go test ./parser/ -run=XXX -bench=ParseStdlib -benchtime=5x
//	go test ./parser/ -run=XXX -bench=ParseStdlib -benchtime=5x -cpuprofile=cpu.out -memprofile=mem.out
//	go test ./parser/ -run=XXX -bench=ParseFile
//
// The corpus is $PEEPHOLE_STDLIB, else the stdlib of the oracle (see package
// oracle); without either the benchmarks are skipped.

import (
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/peephole-lsp/peephole/bench/corpus"
	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/parser"
)

var (
	benchStdlibOnce  sync.Once
	benchStdlibFiles []corpus.File
	benchStdlibWhy   string
)

// benchStdlib reads the corpus once per test binary, outside any timer.
func benchStdlib(b *testing.B) []corpus.File {
	b.Helper()
	benchStdlibOnce.Do(func() {
		dir, why := corpus.StdlibDir("")
		if dir == "" {
			benchStdlibWhy = why
			return
		}
		files, err := corpus.Load(dir)
		if err != nil {
			benchStdlibWhy = "reading the stdlib: " + err.Error()
			return
		}
		if len(files) == 0 {
			benchStdlibWhy = "no .py files under " + dir
			return
		}
		benchStdlibFiles = files
	})
	if benchStdlibFiles == nil {
		if oracle.Required() {
			b.Fatalf("PEEPHOLE_REQUIRE_ORACLE=1 but no standard library to parse: %s", benchStdlibWhy)
		}
		b.Skipf("skipped: no standard library to parse: %s", benchStdlibWhy)
	}
	return benchStdlibFiles
}

func benchOpts(f corpus.File) parser.Options {
	// What ast.parse(source, filename) does: exec mode, no type comments.
	return parser.Options{Filename: f.Path, Mode: parser.ModeExec}
}

var benchSink parser.Result

// BenchmarkParseStdlib parses every .py file of the standard library once per
// iteration. It reports the throughput in lines/s and MB/s (1 MB = 1e6 bytes).
func BenchmarkParseStdlib(b *testing.B) {
	files := benchStdlib(b)
	lines, size := corpus.Totals(files)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			benchSink = parser.Parse(f.Src, benchOpts(f))
		}
	}
	benchReport(b, lines, size)
}

// BenchmarkParseFile parses a few single files, for profiling: the three
// largest files of the standard library and one of median size.
func BenchmarkParseFile(b *testing.B) {
	files := benchStdlib(b)
	bySize := append([]corpus.File(nil), files...)
	sort.SliceStable(bySize, func(i, j int) bool { return len(bySize[i].Src) > len(bySize[j].Src) })
	picked := append(bySize[:min(3, len(bySize)):min(3, len(bySize))], bySize[len(bySize)/2])
	for _, f := range picked {
		b.Run(strings.ReplaceAll(f.Rel, "/", ":"), func(b *testing.B) {
			b.SetBytes(int64(len(f.Src)))
			b.ReportAllocs()
			for b.Loop() {
				benchSink = parser.Parse(f.Src, benchOpts(f))
			}
			benchReport(b, f.Lines, len(f.Src))
		})
	}
}

// benchReport reports lines/s and MB/s for b.N parses of lines lines and
// size bytes.
func benchReport(b *testing.B, lines, size int) {
	sec := b.Elapsed().Seconds()
	if sec <= 0 || b.N == 0 {
		return
	}
	b.ReportMetric(float64(lines)*float64(b.N)/sec, "lines/s")
	b.ReportMetric(float64(size)*float64(b.N)/sec/1e6, "MB/s")
}
