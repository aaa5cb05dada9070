# Metaclasses: __new__, __init__, __call__ and the order they run in.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print(f"  Meta.__new__({name}, bases={[b.__name__ for b in bases]}, keys={sorted(k for k in ns if not k.startswith('__'))}, kw={kw})")
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        print(f"  Meta.__init__({name})")
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kw):
        print(f"  Meta.__call__({cls.__name__}, {args})")
        inst = super().__call__(*args, **kw)
        print(f"  instance ready")
        return inst


class Base(metaclass=Meta):
    def __init__(self, v):
        print(f"  Base.__init__({v})")
        self.v = v


class Derived(Base, flag=True):
    extra = 1


print(type(Base).__name__, type(Derived).__name__, isinstance(Base, Meta), Derived(5).v)
print(Meta.__mro__, type(Meta))


def func_meta(name, bases, ns):
    print(f"  func_meta({name})")
    ns["injected"] = "by function"
    return type(name, bases, ns)


class UsesFunc(metaclass=func_meta):
    pass


print(UsesFunc.injected, type(UsesFunc).__name__)


class Registry(type):
    classes = []

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls

    def __repr__(cls):
        return f"<registered class {cls.__name__}>"

    def __len__(cls):
        return len(cls.__dict__)

    def __getitem__(cls, key):
        return f"{cls.__name__}[{key}]"


class A(metaclass=Registry):
    pass


class B(A):
    x = 1


print(Registry.classes, A, B, [B], B[3], len(A) > 0)
