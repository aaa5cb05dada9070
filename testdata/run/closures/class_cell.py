# The implicit __class__ cell: zero-argument super() and __class__ in methods.
class Base:
    def who(self):
        return "Base"

    def cls_name(self):
        return __class__.__name__


class Child(Base):
    def who(self):
        return "Child>" + super().who()

    def cls_name(self):
        return __class__.__name__ + "/" + super().cls_name() + "/" + type(self).__name__


class GrandChild(Child):
    def who(self):
        return "GrandChild>" + super().who()


print(GrandChild().who(), GrandChild().cls_name(), Child().cls_name())
print("__class__" in Child.who.__code__.co_freevars, Child.who.__closure__[0].cell_contents is Child)


class Early:
    def get(self):
        return __class__

    captured = None


print(Early().get() is Early)


def super_outside():
    try:
        super()
    except RuntimeError as e:
        print(type(e).__name__, e)


super_outside()


class UsesLambda(Base):
    def who(self):
        f = lambda: super(UsesLambda, self).who()
        return "lambda>" + f()


print(UsesLambda().who())


class Meta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        print("created", name, "cell set:", "__classcell__" not in ns)
        return cls


class WithMeta(metaclass=Meta):
    def m(self):
        return __class__.__name__


print(WithMeta().m())
