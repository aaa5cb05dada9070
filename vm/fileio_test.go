package vm_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/vm"
)

// TestOpen holds open() and its file objects against CPython: modes and
// their errors, reprs and attributes, the newline modes, text and binary
// reading and writing, seek/tell, the codecs and error handlers, closed
// files, and where a write after a read lands.
func TestOpen(t *testing.T) {
	checkProgram(t, `P = __file__[:-7]
def latin(b):
    with open(P + 'tmp.bin', 'wb') as f: f.write(b)
    with open(P + 'tmp.bin', encoding='latin-1', newline='') as f: return repr(f.read())

def reset():
    with open(P + 'a.txt', 'w', newline='') as f: f.write('héllo\nworld\r\nx\ry\n\nlast')
reset()
f = open(P + 'a.txt', 'w'); print(repr(f), f.mode, f.encoding, f.errors, f.name, f.closed, f.newlines, f.line_buffering, f.readable(), f.writable(), f.seekable())
print(f.write('héllo\nworld\r\nx\ry'), f.tell()); f.close(); print(f.closed, repr(f))
reset()
for m in ['r', 'rb', 'r+', 'rb+', 'a', 'ab', 'rt', 'r+b', 'a+']:
    g = open(P + 'a.txt', m); print(m, repr(g), g.mode); g.close()
f = open(P + 'a.txt'); print(repr(f.read())); f.close()
f = open(P + 'a.txt', newline=''); print(repr(f.read())); f.close()
for nl in ['\n', '\r', '\r\n', '', None]:
    f = open(P + 'a.txt', newline=nl); print(repr(nl), repr(f.readlines()), f.newlines); f.close()
f = open(P + 'a.txt'); print(f.readline(), f.newlines, f.readline(), f.newlines, f.read(), f.newlines); f.close()
f = open(P + 'a.txt', 'rb'); print(latin(f.read()), repr(f)); f.close()
f = open(P + 'a.txt', 'rb', buffering=0); print(repr(f), latin(f.read(3)), latin(f.readall())); f.close(); print(repr(f))
f = open(P + 'a.txt'); print(repr(f.read(3)), f.tell(), repr(f.readline()), f.tell(), repr(f.read(4)), f.tell(), list(f)); f.close()
with open(P + 'a.txt') as f:
    for line in f: print(repr(line))
print(f.closed)
f = open(P + 'a.txt')
next(f)
try: f.tell()
except OSError as e: print(e)
print(list(f), f.tell())
f.close()
with open(P + 'a.txt', 'rb') as f: print([latin(x) for x in f]); f.seek(2); print(latin(f.readline(3)), f.tell(), latin(f.read1(2)), latin(f.peek()), f.tell())
tests = [lambda: open(P + 'nope.txt'), lambda: open(P), lambda: open(P + 'a.txt', 'q'), lambda: open(P + 'a.txt', 'rr'), lambda: open(P + 'a.txt', 'rw'),
  lambda: open(P + 'a.txt', 'rtb'), lambda: open(P + 'a.txt', 'b'), lambda: open(P + 'a.txt', '+'), lambda: open(P + 'a.txt', 't'), lambda: open(P + 'a.txt', 'rb', encoding='utf-8'),
  lambda: open(P + 'a.txt', 'rb', errors='x'), lambda: open(P + 'a.txt', 'rb', newline=''), lambda: open(P + 'a.txt', 'r', buffering=0), lambda: open(P + 'a.txt', newline='x'),
  lambda: open(['x']), lambda: open(3.5), lambda: open(P + 'a.txt', encoding='nope'), lambda: open(P + 'a.txt', 'x'), lambda: open(), lambda: open(P + 'a.txt', foo=1),
  lambda: open(P + 'a.txt', mode=1), lambda: open(P + 'a.txt', encoding=1),  lambda: open(P + 'a.txt').read(-5)[:2], lambda: open(P + 'a.txt').read(None)[:2],
  lambda: open(P + 'a.txt').read('x'), lambda: open(P + 'a.txt').write('x'), lambda: open(P + 'a.txt', 'a').write(b'x'), lambda: open(P + 'a.txt', 'ab').write('x'),
  lambda: latin(open(P + 'a.txt','rb').readline(2)), lambda: open(P + 'a.txt').readline(3), lambda: open(P + 'a.txt').readlines(2), lambda: open(P + 'a.txt').seek(1, 1), lambda: open(P + 'a.txt').seek(0, 2),
  lambda: open(P + 'a.txt').seek(-1), lambda: open(P + 'a.txt').seek(0, 5), lambda: open(P + 'a.txt', 'rb').seek(-2, 2), lambda: open(P + 'a.txt').fileno() > 2, lambda: open(P + 'a.txt').isatty(),
  lambda: open(P + 'a.txt', closefd=False), lambda: open(P + 'a.txt', 'w').read(),
]
for t in tests:
    try: print(t())
    except OSError as e: print(type(e).__name__, e.args, "")
    except Exception as e: print(type(e).__name__, e)
f = open(P + 'a.txt'); f.close()
for t in [lambda: f.read(), lambda: f.write('x'), lambda: f.readline(), lambda: next(f), lambda: f.tell(), lambda: f.seek(0), lambda: f.fileno(), lambda: f.flush(), lambda: f.__enter__(), lambda: f.close(), lambda: f.readable(), lambda: f.name, lambda: f.mode, lambda: iter(f)]:
    try: print(t())
    except OSError as e: print(type(e).__name__, e.args, "")
    except Exception as e: print(type(e).__name__, e)
with open(P + 'b.bin', 'wb') as f: print(f.write(b'\x00\xff\xfe'), f.write(b'ab'), f.tell())
try: open(P + 'b.bin').read()
except UnicodeDecodeError as e: print(type(e).__name__, e.args[0], e.args[2:])
print(repr(open(P + 'b.bin', errors='replace').read()), repr(open(P + 'b.bin', errors='ignore').read()), repr(open(P + 'b.bin', encoding='latin-1').read()), repr(open(P + 'b.bin', errors='surrogateescape').read()), repr(open(P + 'b.bin', errors='backslashreplace').read()))
with open(P + 'c.txt', 'w', encoding='latin-1') as f: f.write('é\n')
print(latin(open(P + 'c.txt', 'rb').read()), repr(open(P + 'c.txt', encoding='latin-1')))
try:
    with open(P + 'd.txt', 'w', encoding='ascii') as f: f.write('aé')
except UnicodeEncodeError as e: print(type(e).__name__, e.args)
with open(P + 'd.txt', 'w', encoding='ascii', errors='replace') as f: f.write('aé\n')
print(open(P + 'd.txt').read())
with open(P + 'a.txt', 'w') as f: f.write('line1\nline2\n')
with open(P + 'a.txt', 'a') as f: f.write('line3\n'); print(f.tell())
with open(P + 'a.txt', 'r+') as f: print(f.readline()); f.write('XX'); f.seek(0); print(repr(f.read()))
with open(P + 'a.txt', 'r+b') as f: print(latin(f.readline())); f.write(b'YY'); f.seek(0); print(latin(f.read()))
with open(P + 'a.txt', 'w+') as f: f.write('abc'); f.seek(0); print(f.read())
print(open(P + 'a.txt').__enter__().__exit__(None, None, None))
f = open(P + 'a.txt'); print(f.__iter__() is f, next(f)); f.close()
with open(P + 'e.txt', 'w', newline='\r\n') as f: f.write('a\nb\n')
print(latin(open(P + 'e.txt', 'rb').read()), repr(open(P + 'e.txt').read()))
with open(P + 'e.txt', 'w') as f: f.writelines(['x\n', 'y\n']); print(f.truncate(1))
print(open(P + 'e.txt').read())
big = 'ab\n' * 5000
with open(P + 'big.txt', 'w') as f: f.write(big)
with open(P + 'big.txt') as f: print(len(f.read(10000)), f.tell(), len(f.readline()), len(f.readlines()), f.tell())
with open(P + 'big.txt', 'r+') as f: f.readline(); f.write('ZZ'); print(f.tell())
with open(P + 'big.txt', 'rb') as f: f.seek(8190); print(latin(f.read(6)))
print(sorted(n for n in dir(open(P + 'a.txt')) if n[0] != '_'))

`)
}

// TestOpenPolicy checks that the file-system policy refuses what it
// forbids with PermissionError (peephole's own behaviour: CPython has no
// such policy).
func TestOpenPolicy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "data.txt")
	if err := os.WriteFile(path, []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := `P = __file__[:-7]
for mode in ['r', 'rb', 'w', 'a', 'r+', 'x', 'wb']:
    try:
        with open(P + 'data.txt', mode) as f:
            print(mode, 'ok', f.read() if 'r' in mode and '+' not in mode else '')
    except PermissionError as e:
        print(mode, type(e).__name__, e.args)
`
	for _, c := range []struct {
		fs   vm.FSPolicy
		want string
	}{
		{vm.FSReadOnly, "r ok hello\n\nrb ok"},
		{vm.FSNone, "r PermissionError (1, 'Operation not permitted')"},
	} {
		var out, errb bytes.Buffer
		prog := filepath.Join(dir, "prog.py")
		in := vm.NewInterp(vm.Config{Stdout: &out, Stderr: &errb, Argv: []string{prog},
			Limits: vm.Limits{FS: c.fs}})
		if _, err := in.RunMain(vm.Program{Filename: prog, Source: []byte(src), IsFile: true}); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		if !strings.HasPrefix(got, c.want) || errb.Len() > 0 {
			t.Errorf("policy %v: got\n%s\nstderr:\n%s", c.fs, got, errb.String())
		}
		for _, mode := range []string{"w", "a", "r+", "x", "wb"} {
			if !strings.Contains(got, mode+" PermissionError (1, 'Operation not permitted')") {
				t.Errorf("policy %v: mode %s was not refused:\n%s", c.fs, mode, got)
			}
		}
	}
	if b, _ := os.ReadFile(path); string(b) != "hello\n" {
		t.Errorf("the file changed: %q", b)
	}
}
