package vm_test

import "testing"

// TestSetMethods holds set and frozenset methods, operators and their
// errors against CPython, orders included (PYTHONHASHSEED=0).
func TestSetMethods(t *testing.T) {
	for _, src := range []string{`
s = {1,2}
fs = frozenset(s)
class S(set): pass
class F(frozenset): pass
tests = [
 lambda: s.add(), lambda: s.add(1,2), lambda: s.add([]), lambda: s.remove(5), lambda: s.remove([]), lambda: s.remove((1,2)),
 lambda: s.discard([]), lambda: s.pop(1), lambda: set().pop(), lambda: s.clear(1), lambda: s.copy(1),
 lambda: s.update(1), lambda: s.update([1],2), lambda: s.union(1), lambda: s.intersection(1), lambda: s.difference(1),
 lambda: s.symmetric_difference(), lambda: s.symmetric_difference(1), lambda: s.isdisjoint(1), lambda: s.issubset(1), lambda: s.issuperset(1),
 lambda: s.issubset(), lambda: s | [1], lambda: s & [1], lambda: s - [1], lambda: s ^ [1], lambda: s < [1], lambda: s <= 1,
 lambda: set(1), lambda: set([],[]), lambda: set(a=1), lambda: frozenset(a=1), lambda: frozenset(1,2), lambda: frozenset(1),
 lambda: hash(s), lambda: [] in s, lambda: s.add(x=1), lambda: s.update(x=1), lambda: s.union(x=1),
 lambda: set.add(fs, 1), lambda: set.union(1), lambda: frozenset.union(s, [3]), lambda: s.__init__(1,2), lambda: s.__init__(x=1),
 lambda: s.symmetric_difference_update(1, 2), lambda: s.intersection_update(1), lambda: s.difference_update(None),
 lambda: {[]}, lambda: {1, []}, lambda: s.__contains__(), lambda: s.__len__(1), lambda: s.__iand__([]), lambda: s.__or__([]),
 lambda: s.__sizeof__(1), lambda: s.__class_getitem__(), lambda: fs.__class_getitem__(int), lambda: set[int],
 lambda: fs.union(x=1), lambda: fs.copy(1), lambda: fs.isdisjoint(), lambda: fs.symmetric_difference(),
 lambda: fs.__contains__(), lambda: fs.__sizeof__(1), lambda: S(1,2), lambda: F(1,2), lambda: S(a=1), lambda: F(a=1),
 lambda: S([1]).__init__(1,2), lambda: repr(S([1,2])), lambda: repr(F([1,2])), lambda: repr(S()), lambda: repr(F()),
 lambda: type(S([1]) | {2}), lambda: type(F([1]) | {2}), lambda: type({2} | F([1])), lambda: type(S([1]).copy()), lambda: type(F([1]).copy()),
 lambda: type(fs.copy()) , lambda: fs.copy() is fs, lambda: frozenset(fs) is fs, lambda: F(fs) is fs,
 lambda: type(S([1]) - {2}), lambda: type(F([1]) ^ {2}), lambda: type(F([1]) & {2}), lambda: type({1} & F([1])),
 lambda: hash(frozenset()), lambda: hash(frozenset([1,2,3])), lambda: hash(frozenset(["a","b"])), lambda: hash(F([1])),
 lambda: hash(frozenset([frozenset([1]), frozenset([2, 3])])), lambda: hash(frozenset(range(100))) == hash(frozenset(range(99, -1, -1))),
 lambda: fs.__reduce__(), lambda: S([1]).__reduce__(), lambda: set.__hash__, lambda: frozenset.__doc__,
]
for f in tests:
    try: print(f())
    except KeyError as e: print("KeyError", e.args)
    except Exception as e: print(type(e).__name__, e)
`, `
s = {1}
s.add(frozenset({2}))
print(frozenset({2}) in s, {2} in s)
s.discard({2}); print(s)
s.add(frozenset()); s.remove(set()); print(s)
it = iter({1,2,3}); print(type(it).__name__, it.__length_hint__()); next(it); print(it.__length_hint__())
s = {1,2,3}
it = iter(s); next(it); s.add(9)
for i in range(2):
    try: next(it)
    except Exception as e: print(type(e).__name__, e)
print(it.__length_hint__())
s = {1, 2, 3}
it = iter(s); s.add(4); s.discard(1)
print(list(it))
s = set(range(20))
while s: print(s.pop(), end=' ')
print()
s = set(range(100, 120)); s.discard(105); s.add(105); print(s); s.add(1000); print(s)
print({'a','b','c','d','e','f','g','hello','world'})
print(set('abracadabra'), frozenset('xyz'), set(), frozenset(), {()})
class R:
    def __hash__(self): return 1
    def __repr__(self): return repr(s3)
s3 = {R()}
print(s3)
s = set(); s.add(42); print(s, len(s))
`, `
words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu']
a = set(words[:8]); b = set(words[4:]); c = frozenset(words[::2])
print(a | b, a & b, a - b, b - a, a ^ b, b ^ a)
print(a.union(b, c), a.intersection(b, c), a.difference(b, c), a.symmetric_difference(c))
print(a.union(), a.intersection(), a.difference(), a.union(words, 'xy'), a.intersection(words[3:6]))
print(c | a, c & a, c - a, c ^ a, type(c | a))
print(a <= b, a < a | b, a | b > b, a >= a, a == set(a), c == set(c), a != c, frozenset(a) == a)
print(a.issubset(words), a.issuperset(words[:3]), a.isdisjoint(['x']), a.isdisjoint(words), c.isdisjoint(iter(['zeta'])))
d = dict.fromkeys(words[5:])
print(a - d.keys() if False else a.difference(d), a.symmetric_difference(d), a.union(d), a.intersection(d))
x = set(a); x |= b; print(x); x &= c; print(x); x -= {'alpha'}; print(x); x ^= a; print(x)
y = x; y |= {'q'}; print(y is x)
x = set(a); x.update(b, ['z1', 'z2'], d); print(x)
x = set(a); x.intersection_update(words[2:9], c); print(x)
x = set(a); x.difference_update(words[:2], iter(['gamma'])); print(x)
x = set(a); x.symmetric_difference_update(words[6:]); print(x)
x = set(a); x.symmetric_difference_update(d); print(x)
x = set(a); x -= x; print(x); x = set(a); x ^= x; print(x); x = set(a); x &= x; print(x)
big = set(range(1000)); small = {3, 5, 999}
print(small - big, len(big - small), small & big, (big - set(range(10, 1000))))
x = set(range(64)); x.difference_update(range(0, 64, 2)); print(x, len(x))
x.add(100); print(x)
e = {*a, *b}; print(e)
print({w for w in words if 'e' in w}, {*range(10), *'ab'} - {*range(5)})
fz = frozenset({1, 2}); t = fz; t |= {3}; print(fz, t, t is fz)
print(sorted(frozenset(words)) == sorted(words), sum({1, 2, 3}), max({4, 8, 1}), list(reversed(sorted({5, 1, 3}))))
print(set([1, 1.0, True]), {0, False, 0.0}, {1.5, 2.5, -0.0, 0.0})
print(set(range(1, 200, 7)))
print({-1, -2, 10**20, 2**61 - 1, 2**61, -2**61})
`, `
class Weird:
    def __init__(self, v): self.v = v
    def __hash__(self): return 7
    def __eq__(self, other):
        print('eq', self.v, getattr(other, 'v', other))
        return isinstance(other, Weird) and self.v == other.v
    def __repr__(self): return 'W%d' % self.v if False else f'W{self.v}'
s = {Weird(1), Weird(2), Weird(3)}
print(s)
print(Weird(2) in s, Weird(9) in s)
s.discard(Weird(2)); print(s)
s.add(Weird(4)); print(s)
class Bad:
    def __hash__(self): return 1
    def __eq__(self, other): raise ValueError('nope')
s = {Bad()}
try: Bad() in s
except ValueError as e: print('ValueError', e)
class Mut:
    def __hash__(self): return 1
    def __eq__(self, other):
        g.clear()
        return False
g = {Mut()}
g.add(Mut()); print(len(g))
class NoHash:
    __hash__ = None
try: {NoHash()}
except TypeError as e: print(e)
class H:
    def __hash__(self): return -1
print(hash(H()), len({H(), H()}))
class SS(set):
    def __init__(self, *a):
        print('init', a)
        super().__init__(*a)
x = SS([1, 2]); print(x, type(x | {3}), type(x.union()), x == {1, 2})
class FF(frozenset):
    def __new__(cls, *a):
        print('new', a)
        return super().__new__(cls, *a)
y = FF([3]); print(y, hash(y) == hash(frozenset([3])), y.copy(), type(y.copy()))
print(set.__or__({1}, {2}), set.__ror__({1}, {2}), set.__contains__({1}, 1), frozenset.__len__(frozenset('ab')))
print({1, 2} == {1, 2, 3} - {3}, {1} != {1}, {1} < {1}, {1} > set(), frozenset() <= set(), set() == frozenset())
print({1} == [1], {1} != (1,))
for i in range(3):
    s = set()
    for j in range(i * 7):
        s.add(j * 37 % 101)
    print(s)
    while len(s) > 2:
        s.pop()
    print(s)
`} {
		checkProgram(t, src)
	}
}
