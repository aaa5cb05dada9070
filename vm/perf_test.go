package vm_test

import (
	"io"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/vm"
)

// benchPrograms are small hot loops for profiling the interpreter; the
// side-by-side comparison with CPython is bench/vm's.
var benchPrograms = map[string]string{
	"fib": `
def fib(n):
    return n if n < 2 else fib(n-1) + fib(n-2)
fib(22)
`,
	"loop": `
def loop(n):
    t = 0
    for i in range(n):
        t += i * 2 % 7
    return t
loop(300000)
`,
	"attrs": `
class P:
    def __init__(self, x): self.x = x
    def get(self): return self.x
def attrs(n):
    p = P(3); s = 0
    for i in range(n):
        s += p.get() + p.x
    return s
attrs(100000)
`,
}

func BenchmarkPrograms(b *testing.B) {
	for name, src := range benchPrograms {
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				in := vm.NewInterp(vm.Config{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard})
				code, err := in.RunMain(vm.Program{Filename: name + ".py", Source: []byte(src)})
				if err != nil || code != 0 {
					b.Fatalf("%s: exit %d, %v", name, code, err)
				}
			}
		})
	}
}
