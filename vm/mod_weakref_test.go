package vm_test

import "testing"

// TestWeakrefThread checks _weakref and _thread (locks, threads, local
// data).
func TestWeakrefThread(t *testing.T) {
	checkProgram(t, `
import _weakref, _thread
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class A:
    pass
a = A()
r = _weakref.ref(a)
print(r() is a, hash(r) == hash(a), r == _weakref.ref(a), r is _weakref.ref(a))
print(_weakref.getweakrefcount(a), len(_weakref.getweakrefs(a)), _weakref.getweakrefcount(1))
print(type(r), _weakref.ReferenceType is type(r), r.__callback__ is None)
show(lambda: _weakref.ref(1))
show(lambda: _weakref.ref())
show(lambda: _weakref.ref(a, 1, 2))
show(lambda: _weakref.ref(a, x=1))
show(lambda: r(1))
show(lambda: _weakref.ref(a) < _weakref.ref(a))
r2 = _weakref.ref(a, len)
print(r2 is r, r2 == r, r2.__callback__, _weakref.getweakrefs(a)[0] is r)
p = _weakref.proxy(a)
p.x = 3
print(a.x, p.x, type(p).__name__, type(_weakref.proxy(show)).__name__)
show(lambda: hash(p))
print(p == a, p.__str__() == a.__str__())
class Sl:
    __slots__ = ('a',)
class Sl2:
    __slots__ = ('a', '__weakref__')
class T(tuple):
    pass
for o in [Sl(), Sl2(), T(), show, {1}, A, [], {}, object()]:
    try:
        _weakref.ref(o)
        print(type(o).__name__, 'yes')
    except TypeError as e:
        print(type(o).__name__, 'no', e)
class R(_weakref.ref):
    __slots__ = ('key',)
    def __new__(cls, ob, key):
        self = _weakref.ref.__new__(cls, ob)
        self.key = key
        return self
    def __init__(self, ob, key):
        super().__init__(ob)
rr = R(a, 'k')
print(rr.key, rr() is a, type(rr).__name__)
l = _thread.allocate_lock()
print(l.acquire(), l.locked(), l.acquire(False), l.acquire(timeout=0.01))
l.release()
show(lambda: l.release())
show(lambda: l.acquire(False, 1))
show(lambda: l.acquire(timeout=-2))
with l:
    print(l.locked())
print(l.locked(), type(l).__name__, _thread.LockType is type(l), _thread.error is RuntimeError)
rl = _thread.RLock()
print(rl.acquire(), rl.acquire(), rl._is_owned(), rl._recursion_count())
rl.release(); rl.release()
show(lambda: rl.release())
print(_thread.get_ident() == _thread.get_ident(), _thread.TIMEOUT_MAX)
out = []
locks = [_thread.allocate_lock(), _thread.allocate_lock()]
def worker(n):
    out.append(n)
    locks[n].release()
for n in range(2):
    locks[n].acquire()
    _thread.start_new_thread(worker, (n,))
locks[0].acquire()
locks[1].acquire()
print(len(out), 0 in out, 1 in out)
loc = _thread._local()
loc.x = 5
print(loc.x, loc.__dict__)
`)
}
