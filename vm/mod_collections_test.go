package vm_test

import "testing"

// TestCollectionsNative checks _collections: deque, its iterators,
// defaultdict, _count_elements and _tuplegetter.
func TestCollectionsNative(t *testing.T) {
	checkProgram(t, `
from _collections import deque, defaultdict, _count_elements, _tuplegetter
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: deque())
show(lambda: deque([1, 2], 3))
show(lambda: deque('abc', maxlen=2))
show(lambda: deque(maxlen=-1))
show(lambda: deque(maxlen='a'))
show(lambda: deque(1))
show(lambda: deque([], 2, 3))
show(lambda: deque(x=1))
show(lambda: deque(iterable=[1]))
d = deque([1, 2, 3])
d.append(4); d.appendleft(0); print(d)
print(d.pop(), d.popleft(), d)
show(lambda: deque().pop())
show(lambda: deque().popleft())
d.extend('ab'); d.extendleft('xy'); print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(); print(d)
show(lambda: d.rotate('a'))
print(d.count('a'), d.index('a'), d.index('a', 3), d.index('a', -100, 100))
show(lambda: d.index('zz'))
d.insert(1, 'q'); print(d)
d.remove('q'); print(d)
show(lambda: d.remove('zz'))
d.reverse(); print(d)
print(d.copy(), d.__copy__(), d.maxlen is None, deque([1], 5).maxlen)
d.clear(); print(d, len(d))
show(lambda: deque([1, 2, 3], 3).insert(0, 9))
print(deque(range(10), 3))
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) == [1], deque([2]) >= deque([1, 5]))
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, 2 * deque([1]), deque([1, 2, 3], 4) * 3)
show(lambda: deque([1, 2]) + [3])
print(deque([1, 2])[0], deque([1, 2])[-1])
show(lambda: deque([1, 2])[5])
show(lambda: deque([1, 2])['a'])
show(lambda: deque([1, 2])[0:1])
show(lambda: hash(deque()))
print(3 in deque([3]), 4 in deque([3]), list(deque([1, 2, 3]).__reversed__()))
print(deque.__class_getitem__(int), type(iter(deque())), type(deque().__reversed__()))
print(iter(deque([1, 2])).__length_hint__())
d = deque([1, 2, 3])
d.append(d); print(d)
d = deque([1, 2]); it = iter(d); d.append(3)
show(lambda: next(it))
d = deque(); d += [1, 2]; d *= 2; print(d)
d = deque([1, 2, 3, 4]); del d[1]; print(d); d[0] = 9; print(d)
show(lambda: d.__setitem__(10, 1))
class D(deque):
    pass
print(D([1, 2]), D([1], 3), D([1]) + D([2]), type(D([1]).copy()).__name__)
print(deque.__module__, deque.__name__, deque.__qualname__)
print(defaultdict(), defaultdict(list), defaultdict(list, {'a': 1}), defaultdict(list, a=1))
show(lambda: defaultdict(1))
print(defaultdict(list)['x'])
try:
    defaultdict()['x']
except KeyError as e:
    print('KeyError', e.args)
print(defaultdict(list).default_factory, defaultdict(int).copy(), type(defaultdict(int).copy()).__name__)
print(defaultdict(list).__missing__(3), defaultdict(list) | {1: 2}, {1: 2} | defaultdict(list))
try:
    defaultdict().__missing__(3)
except KeyError as e:
    print('KeyError', e.args)
dd = defaultdict(list); dd['a'].append(1); dd['b']; print(dd, dict(dd), len(dd))
dd.default_factory = dict; print(dd['z'], dd)
class DD(defaultdict):
    pass
print(DD(list))
m = {}
_count_elements(m, 'abcab'); print(m)
g = _tuplegetter(1, 'the doc')
print(g, g.__doc__)
class P(tuple):
    x = g
print(P((1, 2)).x, P.x is g)
show(lambda: P((1,)).x)
show(lambda: setattr(P((1, 2)), 'x', 3))
`)
}
