package vm_test

import "testing"

// TestDictViews holds dict views (set operations, comparisons, reversed, mapping), dict iterators and dict methods' messages against CPython.
func TestDictViews(t *testing.T) {
	for _, src := range []string{
		`d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
tests = [
 lambda: list(reversed(d)), lambda: list(reversed(k)), lambda: list(reversed(v)), lambda: list(reversed(it)),
 lambda: type(reversed(d)).__name__, lambda: type(iter(k)).__name__, lambda: type(iter(v)).__name__, lambda: type(iter(it)).__name__,
 lambda: k & {'a', 'x'}, lambda: k | ['z'], lambda: k - {'a'}, lambda: k ^ {'a', 'q'}, lambda: ['a', 'q'] & k, lambda: {'a'} | k, lambda: ('a',) - k,
 lambda: it & {('a', 1)}, lambda: it | {('z', 9)}, lambda: it - {('a', 1)}, lambda: it ^ {('a', 1), ('x', 0)},
 lambda: k == {'a', 'b', 'c'}, lambda: k == ['a', 'b', 'c'], lambda: k < {'a', 'b', 'c', 'd'}, lambda: k <= k, lambda: k > {'a'}, lambda: k >= set(), lambda: k != {'a'},
 lambda: it == {('a', 1), ('b', 2), ('c', 3)}, lambda: v == v, lambda: v == d.values(), lambda: k & 1, lambda: k | 1, lambda: v & {1}, lambda: k < [1],
 lambda: k.isdisjoint(['x']), lambda: k.isdisjoint('a'), lambda: it.isdisjoint([('a', 1)]), lambda: k.isdisjoint(1),
 lambda: k.mapping, lambda: v.mapping['a'], lambda: type(it.mapping).__name__, lambda: repr(k), lambda: repr(v), lambda: repr(it), lambda: len(k), lambda: len(v),
 lambda: 'a' in k, lambda: ('a', 1) in it, lambda: ('a', 2) in it, lambda: ['a', 1] in it, lambda: 1 in v, lambda: [] in k, lambda: ([], 1) in it,
 lambda: hash(k), lambda: d.keys(1), lambda: d.get(), lambda: d.get(1, 2, 3), lambda: d.pop(), lambda: d.setdefault(), lambda: d.popitem(1), lambda: d.copy(1), lambda: d.clear(1),
 lambda: d.update(1, 2), lambda: d.update(1), lambda: d.update([1]), lambda: d.update([(1, 2, 3)]), lambda: dict.fromkeys(), lambda: dict.fromkeys(1), lambda: dict(1), lambda: dict([1]), lambda: dict([], []),
 lambda: d | {'z': 0}, lambda: d | [('z', 0)], lambda: {'z': 0} | d, lambda: d < d, lambda: d.__or__([]), lambda: d.__ror__({'q': 1}), lambda: type(d.__reversed__()).__name__, lambda: iter(d).__length_hint__(),
 lambda: iter(k).__length_hint__(), lambda: reversed(d).__length_hint__(), lambda: d.__contains__(), lambda: d.__contains__('a'), lambda: d.__getitem__('zz'), lambda: d.__sizeof__(1),
 lambda: dict.__hash__, lambda: {[]: 1}, lambda: d[[]], lambda: d['zz'], lambda: {}.popitem(), lambda: d.__class_getitem__(int), lambda: dict.__doc__,
 lambda: sorted(k), lambda: sorted(it, reverse=True), lambda: type(k.__reversed__).__name__, lambda: d.__len__(1), lambda: dict(a=1, **{'b': 2}), lambda: dict({'a': 1}, a=2),
 lambda: type(k).__name__, lambda: type(v).__name__, lambda: type(it).__name__, lambda: list(iter(it)), lambda: repr({}.keys()), lambda: repr({'x': d.keys()}),
]
for f in tests:
    try: print(f())
    except KeyError as e: print('KeyError', e.args)
    except Exception as e: print(type(e).__name__, e)
d2 = {i: i for i in range(5)}
for i in range(2):
    try:
        for x in d2: d2[x + 10] = 1
    except RuntimeError as e: print(e)
d3 = {1: 1, 2: 2}
try:
    for x in d3: del d3[x]; d3[x + 5] = 1
except RuntimeError as e: print(e)
d4 = {1: 1}
it = iter(d4); d4[2] = 2
try: next(it)
except RuntimeError as e: print(e)
it = iter(d4.items()); d4.pop(1)
try: next(it)
except RuntimeError as e: print(e)
try: print(list(it))
except RuntimeError as e: print(e)
d5 = dict.fromkeys('abc'); r = reversed(d5); d5['q'] = 1
try: next(r)
except RuntimeError as e: print(e)
d = {'x': 1}; d |= [('y', 2)]; d |= {'z': 3}; print(d)
try: d |= 1
except TypeError as e: print(e)
class D(dict):
    def __missing__(self, k): return k * 2
dd = D(a=1); print(dd['zz'], dd | {'b': 2}, type(dd | {}), type({} | dd), dd.copy(), type(dd.copy()))
print(dict.fromkeys('ab', 0), D.fromkeys('cd'), type(D.fromkeys('cd')))
`,
		`d = {'a': 1}
for f in [lambda: d.setdefault(), lambda: d.setdefault(1,2,3), lambda: dict.fromkeys(1,2,3), lambda: d.update(x=1) or d, lambda: dict.__init__(d, 1, 2),
          lambda: d.__getitem__(), lambda: d.pop(1,2,3), lambda: d.get(x=1), lambda: d.pop('zz'), lambda: d.items(1), lambda: d.values(1), lambda: d.__reversed__(1),
          lambda: d.fromkeys(), lambda: d.__class_getitem__(), lambda: {}.__or__(1), lambda: d.__ior__(1)]:
    try: print(f())
    except KeyError as e: print('KeyError', e.args)
    except Exception as e: print(type(e).__name__, e)
`,
		`class D(dict): pass
for f in [lambda: D(1,2), lambda: D([1]), lambda: D.fromkeys(1,2,3), lambda: D().update(1,2), lambda: D().__class_getitem__(),
          lambda: list.__class_getitem__(), lambda: type('L', (list,), {}).__class_getitem__(), lambda: ().__class_getitem__(), lambda: enumerate.__class_getitem__(),
          lambda: {}.__sizeof__(), lambda: {'a': 1}.__sizeof__(), lambda: [].__sizeof__(), lambda: ().__sizeof__(), lambda: (1,2).__sizeof__(), lambda: set().__sizeof__(), lambda: set(range(10)).__sizeof__()]:
    try: print(f())
    except KeyError as e: print('KeyError', e.args)
    except Exception as e: print(type(e).__name__, e)
`,
	} {
		checkProgram(t, src)
	}
}

// TestListTuple holds list and tuple methods, wrappers, comparisons and iterators against CPython.
// TestDictMutation holds what iterating a dict sees when the loop changes
// it against CPython.
func TestDictMutation(t *testing.T) {
	checkProgram(t, `d = {1: 1}
try:
    for k in d:
        del d[k]
        d[k + 1] = 1
except RuntimeError as e: print(e)
print(d)
d = {i: i for i in range(3)}
try:
    for k in d:
        del d[k]
        d[k + 10] = 1
        print('iter', k)
except RuntimeError as e: print(e)
print(d)
d = {1: 1, 2: 2}
d.pop(1); d.pop(2); d[3] = 3
print(list(d), d)
`)
}

func TestListTuple(t *testing.T) {
	for _, src := range []string{
		`l = [3, 1, 2]
t = (1, 2)
tests = [
 lambda: l.__iadd__([4]), lambda: l.__iadd__(5), lambda: l.__imul__(2), lambda: l.__imul__('a'), lambda: type(l.__reversed__()).__name__, lambda: list(l.__reversed__()),
 lambda: reversed(l).__length_hint__(), lambda: iter(l).__length_hint__(), lambda: iter(t).__length_hint__(), lambda: type(iter(t)).__name__,
 lambda: [1] < [1, 2], lambda: [1] < (1,), lambda: [1] < 1, lambda: (1,) <= [1], lambda: [1, 'a'] < [1, 2], lambda: (1, 2) > (1, 'a'), lambda: [[]] < [[1]],
 lambda: l.sort(1), lambda: l.sort(key=1), lambda: l.sort(foo=1), lambda: l.sort(reverse=None), lambda: [1, 'a'].sort(), lambda: l.sort(key=len),
 lambda: l.index(), lambda: l.index(99), lambda: l.index(1, 'a'), lambda: l.index(1, 5), lambda: l.index(1, -100, 100), lambda: t.index(9), lambda: t.index(), lambda: t.count(),
 lambda: l.count(), lambda: l.append(), lambda: l.append(1, 2), lambda: l.extend(), lambda: l.extend(1), lambda: l.insert(1), lambda: l.insert('a', 1), lambda: l.pop(1, 2), lambda: l.pop('a'),
 lambda: [].pop(), lambda: [1].pop(5), lambda: l.remove(), lambda: l.remove(99), lambda: l.reverse(1), lambda: l.copy(1), lambda: l.clear(1), lambda: l.__sizeof__(1),
 lambda: list(1), lambda: list([], []), lambda: list(x=1), lambda: tuple(1), lambda: tuple(x=1), lambda: tuple([], []), lambda: [] + (), lambda: () + [], lambda: [] * 'a', lambda: [1] * -1,
 lambda: l[1.0], lambda: l['a'], lambda: t['a'], lambda: l[10], lambda: t[10], lambda: l.__getitem__(), lambda: hash(l), lambda: hash((1, [])), lambda: hash((1, 2)), lambda: hash(()),
 lambda: l.__class_getitem__(int), lambda: list[int], lambda: tuple[int, ...], lambda: l.__contains__(), lambda: t.__getnewargs__(), lambda: l.__len__(),
 lambda: [1, 2, 3][::-1], lambda: l.__doc__[:30], lambda: list.__doc__, lambda: tuple.__doc__, lambda: repr([[...]]),
]
for f in tests:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class L(list): pass
x = L([1]); x += [2]; print(x, type(x)); x *= 2; print(x, type(x), type(x + x), type(x[:]), type(x * 2))
a = [1]; b = a; b += (2, 3); print(a, b is a); b *= 0; print(a)
a = [1, 2]; a[1:1] = 'xy'; print(a); a[::2] = 'pq'; print(a)
try: a[::2] = 'abc'
except ValueError as e: print(e)
try: a[0:1] = 5
except TypeError as e: print(e)
a = [1, 2, 3, 4]; del a[::2]; print(a)
r = [1]; r.append(r); print(r, repr(r))
it = reversed([1, 2, 3]); print(next(it), it.__length_hint__())
z = [5, 4, 3]; it = iter(z); next(it); z.clear(); print(list(it), it.__length_hint__())
`,
	} {
		checkProgram(t, src)
	}
}
