package vm_test

import "testing"

// TestSingletons holds None, NotImplemented and Ellipsis against CPython.
func TestSingletons(t *testing.T) {
	checkProgram(t, `
print(None, NotImplemented, ..., repr(None), repr(...), f"{NotImplemented}")
print(hash(None), hash(NotImplemented) == hash(NotImplemented), hash(...) == hash(Ellipsis))
print(type(None)(), type(NotImplemented)(), type(...)())
for T in (type(None), type(NotImplemented), type(...)):
    try: T(1)
    except Exception as e: print(type(e).__name__, e)
    try: T(a=1)
    except Exception as e: print(type(e).__name__, e)
    print(T.__name__, T.__qualname__, T.__module__, repr(T), T.__doc__)
    try:
        class X(T): pass
    except Exception as e: print(type(e).__name__, e)
print(not None, not ..., None.__bool__(), None.__repr__(), ....__reduce__(), NotImplemented.__reduce__())
print(None == None, None != None, None is None)
try: None < None
except Exception as e: print(type(e).__name__, e)
print(f"{None}", format(None), [None, ..., NotImplemented], {None: ...})
print(None.__class__, NotImplemented.__class__, Ellipsis.__class__)
for i in range(2):
    print(not NotImplemented)
print(not NotImplemented)
`)
}
