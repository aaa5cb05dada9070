@property
def a(): pass

@x.y.z
def b(): pass

@x[0]
def c(): pass

@(lambda f: f)
def d(): pass

@x if y else z
def e(): pass

@a or b
class F: pass

@x := y
def g(): pass

@f(1)(2)[3].attr
def h(): pass

@  spaced  
def i(): pass

@a
@b
@c
class J:
    @staticmethod
    def k(): pass

    @classmethod
    @functools.cache
    def l(cls): pass

@dec
async def m(): pass

@dec
def generic[T](x: T): pass

@dec
class K[T]: pass
