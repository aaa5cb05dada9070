package vm_test

import "testing"

// TestListSort holds list.sort against CPython comparison by comparison:
// for lists of many shapes and sizes it checks the number of __lt__ calls
// and a checksum of their operands in order, then NaN orders, the partial
// order left by a failing comparison, key errors, "list modified during
// sort", and a __lt__ that returns NotImplemented.
func TestListSort(t *testing.T) {
	checkProgram(t, `seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
class K:
    __slots__ = ('v',)
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        global ncmp, acc
        ncmp += 1
        acc = (acc * 31 + self.v * 7 + o.v) % 1000000007
        return self.v < o.v
def gen(kind, n):
    if kind == 0: return [rnd(1000) for _ in range(n)]
    if kind == 1: return [rnd(5) for _ in range(n)]
    if kind == 2: return list(range(n))
    if kind == 3: return list(range(n, 0, -1))
    if kind == 4:
        l = list(range(n)); 
        for _ in range(n // 10 + 1):
            i, j = rnd(n or 1), rnd(n or 1)
            if n: l[i], l[j] = l[j], l[i]
        return l
    if kind == 5: return [ (i // 7) if (i // 50) % 2 else -(i // 3) for i in range(n)]
    if kind == 6: return [rnd(3) - (i // 20) for i in range(n)]
for n in list(range(0, 70)) + [100, 127, 128, 129, 200, 255, 256, 300, 513, 1000, 2049]:
    for kind in range(7):
        data = gen(kind, n)
        ks = [K(v) for v in data]
        ncmp = 0; acc = 0
        r = sorted(ks)
        ok = [k.v for k in r] == sorted(data)
        ncmp2 = ncmp; acc2 = acc
        ncmp = 0; acc = 0
        ks.sort(reverse=True)
        print(n, kind, ok, ncmp2, acc2, ncmp, acc)
nan = 1e400 - 1e400
vals = [3.0, nan, 1.0, 2.0, nan, 0.5, 7.0, -1.0, nan, 4.0]
print(sorted(vals))
print(sorted(vals * 7))
print(sorted(vals, reverse=True))
class Boom:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        if self.v == 13 or o.v == 13: raise ValueError('boom')
        return self.v < o.v
    def __repr__(self): return f'B{self.v}'
l = [Boom(rnd(30)) for _ in range(80)] + [Boom(13)] + [Boom(rnd(30)) for _ in range(80)]
try: l.sort()
except ValueError as e: print('err', e)
print(l)
l = [Boom(rnd(30)) for _ in range(40)]
l.append(Boom(13))
try: l.sort(key=lambda b: b, reverse=True)
except ValueError as e: print('err', e)
print(l)
def kf(x):
    if x == 5: raise KeyError(x)
    return -x
l = [1, 2, 5, 3]
try: l.sort(key=kf)
except KeyError as e: print('kf', e.args)
print(l)
l = [3, 1, 2]
def mut(x):
    return x
class M:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        ml.append(1)
        return self.v < o.v
ml = [M(2), M(1)]
try: ml.sort()
except ValueError as e: print(e)
print(len(ml))
print(sorted(['b', 'a', 'c', 'B', 'é', 'A']), sorted([(1, 'b'), (1, 'a'), (0, 'z')]), sorted([3, 1, 2], key=lambda x: -x))
print(sorted([1, 2**70, -2**80, 5]), sorted([(2, 1), (1, 2, 3), (1, 2)]))
words = ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'the', 'lazy', 'dog']
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
class NI:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print('lt', self.v, o.v)
        return NotImplemented
    def __gt__(self, o):
        print('gt', self.v, o.v)
        return self.v > o.v
print([x.v for x in sorted([NI(2), NI(1), NI(3)])])
`)
}
