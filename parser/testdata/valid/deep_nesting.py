# Deeply nested but valid constructs (kept small enough to dump).
a = ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
b = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
c = f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(x))))))))))))))))))))))))))))))
d = {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: 2}}}}}}}}}}}}}}}}}}}}
e = x[x[x[x[x[x[x[x[x[x[x[x[x[x[x[x[x[x[x[x[0]]]]]]]]]]]]]]]]]]]]
g = lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: x
h = not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not x
i = ------------------------------x
j = x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x ** x
k = x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
l = x if c else x if c else x if c else x if c else x if c else x if c else x if c else x if c else x if c else x if c else x if c else x if c else x if c else x if c else x if c else x if c else x if c else x if c else x if c else x
m = f"{f"{f"{f"{f"{f"{f"{f"{f"{f"{f"{f"{f"{f"{f"{f"{f"{f"{f"{f"{x}"}"}"}"}"}"}"}"}"}"}"}"}"}"}"}"}"}"}"}"
n = (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, (1, ))))))))))))))))))))))))))))))
o = a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b and a or b
p = [x for x in [x for x in [x for x in [x for x in [x for x in [x for x in [x for x in [x for x in [x for x in [x for x in [x for x in [x for x in [x for x in [x for x in [x for x in y]]]]]]]]]]]]]]]
q = x.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr.attr
r = x()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()()
if x0:
    if x1:
        if x2:
            if x3:
                if x4:
                    if x5:
                        if x6:
                            if x7:
                                if x8:
                                    if x9:
                                        if x10:
                                            if x11:
                                                if x12:
                                                    if x13:
                                                        if x14:
                                                            if x15:
                                                                if x16:
                                                                    if x17:
                                                                        if x18:
                                                                            if x19:
                                                                                if x20:
                                                                                    if x21:
                                                                                        if x22:
                                                                                            if x23:
                                                                                                if x24:
                                                                                                    if x25:
                                                                                                        if x26:
                                                                                                            if x27:
                                                                                                                if x28:
                                                                                                                    if x29:
                                                                                                                        if x30:
                                                                                                                            if x31:
                                                                                                                                if x32:
                                                                                                                                    if x33:
                                                                                                                                        if x34:
                                                                                                                                            if x35:
                                                                                                                                                if x36:
                                                                                                                                                    if x37:
                                                                                                                                                        if x38:
                                                                                                                                                            if x39:
                                                                                                                                                                pass
def f0():
    def f1():
        def f2():
            def f3():
                def f4():
                    def f5():
                        def f6():
                            def f7():
                                def f8():
                                    def f9():
                                        def f10():
                                            def f11():
                                                def f12():
                                                    def f13():
                                                        def f14():
                                                            return (
                                                                1)
if a:
    pass
elif b0:
    pass
elif b1:
    pass
elif b2:
    pass
elif b3:
    pass
elif b4:
    pass
elif b5:
    pass
elif b6:
    pass
elif b7:
    pass
elif b8:
    pass
elif b9:
    pass
elif b10:
    pass
elif b11:
    pass
elif b12:
    pass
elif b13:
    pass
elif b14:
    pass
elif b15:
    pass
elif b16:
    pass
elif b17:
    pass
elif b18:
    pass
elif b19:
    pass
elif b20:
    pass
elif b21:
    pass
elif b22:
    pass
elif b23:
    pass
elif b24:
    pass
elif b25:
    pass
elif b26:
    pass
elif b27:
    pass
elif b28:
    pass
elif b29:
    pass
elif b30:
    pass
elif b31:
    pass
elif b32:
    pass
elif b33:
    pass
elif b34:
    pass
elif b35:
    pass
elif b36:
    pass
elif b37:
    pass
elif b38:
    pass
elif b39:
    pass
elif b40:
    pass
elif b41:
    pass
elif b42:
    pass
elif b43:
    pass
elif b44:
    pass
elif b45:
    pass
elif b46:
    pass
elif b47:
    pass
elif b48:
    pass
elif b49:
    pass
elif b50:
    pass
elif b51:
    pass
elif b52:
    pass
elif b53:
    pass
elif b54:
    pass
elif b55:
    pass
elif b56:
    pass
elif b57:
    pass
elif b58:
    pass
elif b59:
    pass
elif b60:
    pass
elif b61:
    pass
elif b62:
    pass
elif b63:
    pass
elif b64:
    pass
elif b65:
    pass
elif b66:
    pass
elif b67:
    pass
elif b68:
    pass
elif b69:
    pass
elif b70:
    pass
elif b71:
    pass
elif b72:
    pass
elif b73:
    pass
elif b74:
    pass
elif b75:
    pass
elif b76:
    pass
elif b77:
    pass
elif b78:
    pass
elif b79:
    pass
elif b80:
    pass
elif b81:
    pass
elif b82:
    pass
elif b83:
    pass
elif b84:
    pass
elif b85:
    pass
elif b86:
    pass
elif b87:
    pass
elif b88:
    pass
elif b89:
    pass
elif b90:
    pass
elif b91:
    pass
elif b92:
    pass
elif b93:
    pass
elif b94:
    pass
elif b95:
    pass
elif b96:
    pass
elif b97:
    pass
elif b98:
    pass
elif b99:
    pass
else:
    pass
