package vm_test

import "testing"

// TestObjectReduce checks object.__reduce_ex__ and __reduce__ (copyreg's
// __newobj__/__newobj_ex__, __getnewargs__ and __getnewargs_ex__ and
// their errors, the default state with __slots__, list and dict items,
// protocols 0 to 5) through copy and pickle.
func TestObjectReduce(t *testing.T) {
	checkLibProgram(t, `import copy, pickle, io, collections
def p(f):
    try: r=f(); print(repr(r))
    except Exception as e: print(type(e).__name__, e)
class A:
    def __init__(self): self.x = [1]
    def __repr__(self): return f'A({self.x})'
class S:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
    def __repr__(self): return f'S({self.a})'
class L(list): pass
class D(dict): pass
class N:
    def __getnewargs__(self): return (1, 2)
    def __new__(cls, *a): o = object.__new__(cls); o.a = a; return o
class NX:
    def __getnewargs_ex__(self): return ((1,), {'k': 2})
    def __new__(cls, *a, **k): o = object.__new__(cls); o.a = (a, k); return o
class Bad:
    def __getnewargs__(self): return [1]
class Bad2:
    def __getnewargs_ex__(self): return (1,)
class G:
    def __getstate__(self): return {'zz': 9}
class I(int): pass
a = A()
for proto in range(6):
    p(lambda: pickle.loads(pickle.dumps(a, proto)))
    p(lambda: pickle.loads(pickle.dumps(S(), proto)))
p(lambda: copy.deepcopy(a))
p(lambda: copy.copy(S()))
p(lambda: a.__reduce_ex__(2)[1:3])
p(lambda: a.__reduce_ex__(1)[1:])
p(lambda: a.__reduce__()[1:])
p(lambda: S().__reduce_ex__(4)[1:])
l = L([1,2]); l.z = 3
p(lambda: (list(l.__reduce_ex__(2)[3]), l.__reduce_ex__(2)[2]))
p(lambda: copy.deepcopy(l))
p(lambda: copy.deepcopy(D(a=1)))
p(lambda: copy.copy(N()).a)
p(lambda: N().__reduce_ex__(2)[1][1:])
p(lambda: copy.copy(NX()).a)
p(lambda: NX().__reduce_ex__(2)[1][1:])
p(lambda: Bad().__reduce_ex__(2))
p(lambda: Bad2().__reduce_ex__(2))
p(lambda: G().__reduce_ex__(2)[2])
p(lambda: copy.copy(I(5)))
p(lambda: object().__reduce_ex__(2)[1:])
p(lambda: object().__reduce_ex__('x'))
p(lambda: pickle.loads(pickle.dumps(collections.OrderedDict(a=1))))
b = io.BytesIO(b'abc'); b.read(1); b.x = 5
d = copy.deepcopy(b); print(d.getvalue(), d.tell(), d.x)
e = pickle.loads(pickle.dumps(b)); print(e.getvalue(), e.tell(), e.x)
`)
}
