# Private name mangling: __name inside a class body becomes _ClassName__name.
class Account:
    __count = 0

    def __init__(self, owner):
        self.__owner = owner
        Account.__count += 1

    def owner(self):
        return self.__owner

    @classmethod
    def count(cls):
        return cls.__count

    def __secret(self):
        return "secret of " + self.__owner

    def reveal(self):
        return self.__secret()


a = Account("ann")
Account("bob")
print(a.owner(), Account.count(), a.reveal())
print(sorted(vars(a)), sorted(k for k in vars(Account) if "count" in k or "secret" in k))
try:
    a.__owner
except AttributeError as e:
    print(type(e).__name__, e)
print(a._Account__owner, a._Account__secret())


class Sub(Account):
    def __init__(self, owner):
        super().__init__(owner)
        self.__owner = "sub-" + owner

    def both(self):
        return self.__owner, self.owner()


s = Sub("cy")
print(s.both(), sorted(vars(s)))
print(getattr(s, "__owner", "getattr does not mangle"), hasattr(s, "_Sub__owner"))


class _Leading:
    def get(self):
        self.__x = 1
        return sorted(vars(self))


class __Dunder__:
    def get(self):
        self.__y = 2
        return sorted(vars(self))


print(_Leading().get(), __Dunder__().get())


class Names:
    def f(self):
        __local = 5
        return [__local, sorted(self.f.__code__.co_varnames)]


print(Names().f())
