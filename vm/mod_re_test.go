package vm_test

import (
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// TestStdlibRe checks re over _sre: patterns, matches, groups, spans,
// findall/finditer/sub/subn/split, flags, reprs and errors.
func TestStdlibRe(t *testing.T) {
	checkLibProgram(t, `
import re
def show(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
p = re.compile(r'(?P<a>\w+) (\d+)?', re.I)
m = p.search('xx Hello 42 yy')
show(lambda: p)
show(lambda: m)
show(lambda: (m.group(), m.group(0), m.group(1), m.group('a'), m.group(2), m.group(1, 2), m.groups(), m.groupdict()))
show(lambda: (m.start(), m.end(), m.span(), m.span(2), m.start('a'), m.pos, m.endpos, m.lastindex, m.lastgroup, m.re is p, m.string, m.regs))
show(lambda: m.group(3))
show(lambda: m.group('zz'))
show(lambda: m.start(5))
show(lambda: m[0])
show(lambda: m['a'])
show(lambda: re.match('a', 'b'))
show(lambda: re.match('(a)|b', 'b').groups())
show(lambda: re.match('(a)|b', 'b').groups('X'))
show(lambda: re.match('(a)|b', 'b').span(1))
show(lambda: re.match('(?P<q>a)|b', 'b').groupdict('D'))
show(lambda: p.pattern)
show(lambda: (p.flags, p.groups, p.groupindex))
show(lambda: re.compile('a', re.M | re.S))
show(lambda: re.compile('a'))
show(lambda: re.compile(b'a'))
show(lambda: re.compile('a' * 300))
show(lambda: re.compile('a', re.X | re.A))
show(lambda: re.findall(r'\d+', 'a1b22c333'))
show(lambda: re.findall(r'(\w)(\d)', 'a1b2c'))
show(lambda: re.findall(r'(\w)\d', 'a1b2c'))
show(lambda: [m.span() for m in re.finditer(r'\d*', 'a12b')])
show(lambda: re.sub(r'\d', '#', 'a1b22'))
show(lambda: re.sub(r'(\w)(\d)', r'\2\1', 'a1b2'))
show(lambda: re.sub(r'(?P<x>\d)', r'<\g<x>>', 'a1b2'))
show(lambda: re.subn(r'\d', lambda m: str(int(m.group()) * 2), 'a1b9'))
show(lambda: re.sub('x*', '-', 'abc'))
show(lambda: re.split(r'\W+', 'a, b,c'))
show(lambda: re.split(r'(\W+)', 'a, b,c'))
show(lambda: re.split(r'x*', 'abc'))
show(lambda: re.split(r',', 'a,b,c', maxsplit=1))
show(lambda: re.fullmatch(r'a+', 'aaa'))
show(lambda: re.fullmatch(r'a+', 'aaab'))
show(lambda: re.match(r'(a+)+b', 'aaab').group(1))
show(lambda: re.match(r'(?:a|ab)(c|bcd)(d*)', 'abcd').groups())
show(lambda: re.search(r'(?<=abc)def', 'abcdef'))
show(lambda: re.search(r'(?<!abc)def', 'abcdef'))
show(lambda: re.search(r'(a)(?(1)b|c)', 'ab'))
show(lambda: re.search(r'(?>a+)b', 'aaab'))
show(lambda: re.search(r'a++b', 'aaab'))
show(lambda: re.search(r'(\w+)\s\1', 'hello hello world'))
show(lambda: re.search(r'(?i)HELLO', 'say hello'))
show(lambda: re.search(r'^b', 'a\nb', re.M))
show(lambda: re.search(r'a.c', 'a\nc', re.S))
show(lambda: re.search(r'\bfoo\b', 'a foo b'))
show(lambda: re.match(r'[a-z]+', 'héllo'))
show(lambda: re.match(r'\w+', 'héllo wörld'))
show(lambda: re.match(r'(?a)\w+', 'héllo'))
show(lambda: re.match(r'a{2,3}', 'aaaa'))
show(lambda: re.match(r'a{2,3}?', 'aaaa'))
show(lambda: re.match(r'(ab)*?c', 'ababc').groups())
show(lambda: re.match(r'(a|b)*', 'abba').groups())
show(lambda: re.match(r'(?:(a)|b)*', 'ab').groups())
show(lambda: re.search('x', 'axbx', 2))
show(lambda: p.search('  ab 1', 2, 5))
show(lambda: p.match(1))
show(lambda: re.match(b'a', 'a'))
show(lambda: re.match('a', b'a'))
show(lambda: re.compile('(').pattern)
show(lambda: re.match(r'\d+', '١٢٣'))
show(lambda: re.escape('a.b*c'))
show(lambda: re.match('(?i)straße', 'STRASSE'))
show(lambda: re.match('(?i)[k]', '\u212a'))
show(lambda: re.sub('a', r'\n', 'bab'))
show(lambda: m.expand(r'\2-\1-\g<a>'))
show(lambda: re.Match)
show(lambda: re.Pattern)
show(lambda: type(p.scanner('a')))
show(lambda: p.scanner('ab 1 cd 2').search().span())
show(lambda: p == re.compile(r'(?P<a>\w+) (\d+)?', re.I))
show(lambda: hash(p) == hash(re.compile(r'(?P<a>\w+) (\d+)?', re.I)))
show(lambda: re.match(r'(?s:.)', '\n'))
show(lambda: re.findall(r'[^\W\d_]+', 'ab12_cd'))
show(lambda: re.findall(r'(?m)^\s*(\w+)$', 'one\n  two\nthree'))
show(lambda: re.match(r'(a)(b)?', 'a').lastindex)
show(lambda: re.match(r'((a)b)', 'ab').lastindex)
show(lambda: re.search(r'[\u0100-\u0200]', 'xxĂ'))
`)
}

// reFuzzGenerator writes a program that tries random patterns (nested
// groups, alternations, lookarounds, atomic groups, greedy, lazy and
// possessive repeats, backreferences) on random subjects with every
// Pattern method, from the seed and count in argv.
const reFuzzGenerator = `
import random, sys
seed = int(sys.argv[1]); n = int(sys.argv[2])
rnd = random.Random(seed)
atoms = ['a', 'b', 'c', '.', r'\w', r'\d', r'\s', '[ab]', '[^a]', '[a-c]', r'\b', '^', '$', 'x', '(?:ab)', r'\B', '[.]', '[\\d_]']
def gen(depth=0):
    k = rnd.randint(1, 3)
    parts = []
    for _ in range(k):
        r = rnd.random()
        if r < 0.45 or depth > 2:
            a = rnd.choice(atoms)
        elif r < 0.6:
            a = '(' + gen(depth+1) + ')'
        elif r < 0.7:
            a = '(?:' + gen(depth+1) + '|' + gen(depth+1) + ')'
        elif r < 0.78:
            a = '(' + gen(depth+1) + '|' + gen(depth+1) + ')'
        elif r < 0.83:
            a = '(?=' + gen(depth+1) + ')'
        elif r < 0.87:
            a = '(?!' + gen(depth+1) + ')'
        elif r < 0.9:
            a = '(?>' + gen(depth+1) + ')'
        elif r < 0.93:
            a = '(?<=' + rnd.choice(['a', 'b', 'ab', '[ab]', 'c']) + ')'
        else:
            a = '(?<!' + rnd.choice(['a', 'b', 'ab', '[ab]']) + ')'
        q = rnd.random()
        if q < 0.15: a += '*'
        elif q < 0.25: a += '+'
        elif q < 0.32: a += '?'
        elif q < 0.37: a += '*?'
        elif q < 0.42: a += '+?'
        elif q < 0.46: a += '{1,2}'
        elif q < 0.49: a += '{2}?'
        elif q < 0.52: a += '*+'
        elif q < 0.54: a += '++'
        parts.append(a)
    return ''.join(parts)
print('import re')
print('def t(p, s, f=0):')
print('    try:')
print('        r = re.compile(p, f)')
print('    except Exception as e:')
print('        print("ERR", p, type(e).__name__); return')
print('    m = r.search(s)')
print('    print(repr(p), repr(s), m and m.span(), m and m.groups(), m and m.lastindex, r.findall(s), [x.span() for x in r.finditer(s)], repr(r.sub("-", s)), r.split(s), bool(r.fullmatch(s)), r.match(s) and r.match(s).span())')
for _ in range(n):
    p = gen()
    if rnd.random() < 0.1:
        i = rnd.randint(1, 2)
        p += '\\%d' % i if p.count('(') - p.count('(?') >= i else ''
    s = ''.join(rnd.choice('abcx_1 \n') for _ in range(rnd.randint(0, 12)))
    f = rnd.choice([0, 0, 0, 2, 8, 16, 256])
    print('t(%r, %r, %d)' % (p, s, f))
`

// TestStdlibReFuzz compares the engine with CPython's on generated
// patterns (deterministic: fixed seeds).
func TestStdlibReFuzz(t *testing.T) {
	oracle.Require(t)
	dir := t.TempDir()
	gen := writeFile(t, dir, "gen.py", reFuzzGenerator)
	for _, seed := range []string{"1", "2"} {
		r := oracle.Run(t, nil, gen, seed, "150")
		if r.ExitCode != 0 {
			t.Fatalf("generator: %s", r.Stderr)
		}
		checkLibProgram(t, string(r.Stdout))
	}
}
