# The descriptors CPython makes itself: slots members, __dict__, builtin methods, getset.
class S:
    __slots__ = ("a",)


member = S.__dict__["a"]
s = S()
member.__set__(s, 10)
print(type(member).__name__, member.__get__(s, S), s.a, member.__name__, member.__objclass__.__name__)
member.__delete__(s)
try:
    member.__get__(s, S)
except AttributeError as e:
    print(type(e).__name__, e)


class Plain:
    pass


dict_descr = Plain.__dict__["__dict__"]
p = Plain()
p.x = 1
print(type(dict_descr).__name__, dict_descr.__get__(p, Plain), dict_descr.__name__)
print(type(int.__dict__["real"]).__name__, int.real.__get__(5), type(int.__dict__["bit_length"]).__name__)
print(type(list.__dict__["append"]).__name__, list.append.__get__([1], list).__name__, type(dict.__dict__["fromkeys"]).__name__)
print(type(object.__dict__["__class__"]).__name__, object.__dict__["__class__"].__get__(3), type(type.__dict__["__name__"]).__name__)
print(hasattr(member, "__set__"), hasattr(int.real, "__set__"), hasattr(len, "__get__"), hasattr(lambda: 0, "__set__"))
try:
    (5).real = 6
except AttributeError as e:
    print(type(e).__name__, e)
try:
    int.real.__set__(5, 6)
except AttributeError as e:
    print(type(e).__name__, e)
