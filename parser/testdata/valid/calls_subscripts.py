f()
f(a)
f(a, b)
f(a, b,)
f(*args)
f(**kwargs)
f(a, *args, b, *more, key=1, **kw, other=2, **kw2)
f(key=1, *args)
f(**a, **b)
f(a)(b)(c)
f(x for x in y)
f(a=lambda: 1)
f(*a or b)
f(*[1, 2], *(3,))
f(**{'a': 1})
f(a := 1)
obj.method(1).attr[2]
a[0]
a[-1]
a[1:]
a[:2]
a[::]
a[:]
a[::2]
a[1:2:3]
a[x:y, z]
a[1:2, ::3]
a[...]
a[..., 0]
a[()]
a[(1, 2)]
a[1, 2]
a[1,]
a[*b]
a[*b, c]
a[b, *c]
a[lambda: 0]
a[b if c else d]
a[b:c if d else e]
a[a:=1]
a[:, None]
a.b.c.d.e
a . b
(a
 .b
 .c)
print("hello", end="", sep=" ", file=sys.stderr)
