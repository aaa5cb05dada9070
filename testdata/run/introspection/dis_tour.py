# needs: stdlib
# dis: the bytecode CPython compiles functions, classes, comprehensions, try/with and match to; Instructions, Bytecode, code_info and the code object's tables.
import dis


def add_nums(a, b):
    c = a + b
    return c


def classify(n):
    if n % 2 == 0 and n % 3 == 0:
        return "both"
    while n > 10:
        n -= 3
    return [i * i for i in range(n) if i % 2]


def guarded(path):
    try:
        with open(path) as fh:
            return fh.read()
    except OSError as e:
        return str(e)
    finally:
        print("done")


def shape(p):
    match p:
        case (x, y):
            return x + y
        case {"r": r}:
            return r
        case _:
            return None


def counter():
    total = 0

    def bump(k=1):
        nonlocal total
        total += k
        return total
    return bump


for f in (add_nums, classify, guarded, shape, counter()):
    print("==", f.__name__)
    dis.dis(f, depth=0)

print("== show_caches")
dis.dis(add_nums, show_caches=True)
print("== offsets")
dis.dis(classify, show_offsets=True, depth=0)
print("== a string")
dis.dis("x = [y ** 2 for y in data]\nprint(x[-1])")

for ins in dis.get_instructions(add_nums):
    print(ins.opname, ins.arg, repr(ins.argval), ins.argrepr, ins.offset, ins.line_number, ins.positions)

bc = dis.Bytecode(classify)
print(bc.first_line, [i.opname for i in bc][:6])
print(dis.code_info(add_nums).replace(hex(id(add_nums.__code__)), "0x?"))
co = classify.__code__
print(co.co_varnames, co.co_consts[:3], co.co_names, co.co_stacksize, co.co_flags)
print(dis.pretty_flags(co.co_flags), dis.pretty_flags(counter().__code__.co_flags))
print(list(co.co_lines())[:6])
print(list(co.co_positions())[:6])
print(list(dis.findlinestarts(co)))
print(guarded.__code__.co_exceptiontable.hex())
print(counter.__code__.co_cellvars, counter().__code__.co_freevars)
renamed = add_nums.__code__.replace(co_name="renamed")
print(renamed.co_name, renamed == add_nums.__code__, add_nums.__code__._varname_from_oparg(2))
print(dis.opname[dis.opmap["BINARY_OP"]], dis.opmap["LOAD_FAST"], dis.HAVE_ARGUMENT, dis.cmp_op)
print(dis.stack_effect(dis.opmap["BUILD_LIST"], 3), dis.stack_effect(dis.opmap["POP_JUMP_IF_TRUE"], 4, jump=True))
