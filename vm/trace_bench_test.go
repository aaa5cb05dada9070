package vm_test

import (
	"io"
	"testing"

	"github.com/peephole-lsp/peephole/vm"
)

// benchLoopSource is a program that spends its time in the interpreter
// loop: integer arithmetic, comparisons, jumps, calls and attribute
// reads. BenchmarkLoop measures the cost of the loop's per-instruction
// work, the trace hook's check included.
const benchLoopSource = `
class P:
    def __init__(self, x):
        self.x = x
def f(a, b):
    return a + b
def run():
    total = 0
    p = P(3)
    i = 0
    while i < 200000:
        total = f(total, i % 7) + p.x
        if total > 1000000:
            total -= 1000000
        i += 1
    return total
run()
`

func BenchmarkLoop(b *testing.B) {
	for i := 0; i < b.N; i++ {
		in := vm.NewInterp(vm.Config{Stdout: io.Discard, Stderr: io.Discard})
		if code, err := in.RunMain(vm.Program{Filename: "bench.py", Source: []byte(benchLoopSource)}); code != 0 || err != nil {
			b.Fatal(code, err)
		}
	}
}
