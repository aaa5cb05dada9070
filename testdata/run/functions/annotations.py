# Annotations: module, class and function __annotations__, evaluated eagerly in 3.13.
x: int = 1
y: "forward ref"
z: list[str] = []
print(__annotations__)
log = []


def ann(label):
    log.append(label)
    return label


class Config:
    host: str = "localhost"
    port: int
    tags: ann("class annotation")

    def method(self, a: ann("param"), *args: ann("star"), b: int = 2, **kw: ann("kw")) -> ann("return"):
        return a


print(Config.__annotations__, Config.host, hasattr(Config, "port"))
print(Config.method.__annotations__)
print(log)


def local_annotations():
    local: ann("local var annotation") = 5
    unset: int
    return local


print(local_annotations(), log[-1], "unset" in local_annotations.__code__.co_varnames)
print(Config().method(7), y if "y" in globals() else "y is not bound")


def f(a, b: int):
    pass


f.__annotations__["a"] = float
print(f.__annotations__)
lam = lambda q: q
print(lam.__annotations__)
