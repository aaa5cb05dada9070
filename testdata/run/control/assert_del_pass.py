# assert, del and pass.
def check(v):
    assert v > 0, f"expected positive, got {v}"
    return v


print(check(3))
for v in [0, -2]:
    try:
        check(v)
    except AssertionError as e:
        print(type(e).__name__, e, e.args)
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print(repr(e), e.args)
a = [1, 2, 3, 4]
del a[0], a[-1]
print(a)
d = {"k": 1, "j": 2}
del d["k"]
print(d)
x, y = 1, 2
del x, y
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
try:
    del d["missing"]
except KeyError as e:
    print(type(e).__name__, e)


class O:
    attr = 1


o = O()
o.inst = 2
del o.inst
try:
    del o.inst
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del o.attr
except AttributeError as e:
    print(type(e).__name__, e)
del O.attr
print(hasattr(O, "attr"))


def empty():
    pass


class Empty:
    pass


print(empty(), Empty.__name__, [Empty.__doc__])
if True:
    pass
for _ in range(2):
    pass
print("done")
