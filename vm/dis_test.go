package vm_test

import "testing"

// The dis and opcode modules over the VM's code objects, against the
// oracle. The programs print dis output through a filter that hides
// object addresses (the only part that differs by design).

const disPrelude = `
import dis, io, re, sys, warnings, opcode
def out(x, **kw):
    s = io.StringIO()
    dis.dis(x, file=s, **kw)
    print(re.sub(r'0x[0-9a-f]+', '0x?', s.getvalue()))
def show(f):
    try:
        print(re.sub(r'0x[0-9a-f]+', '0x?', str(f())))
    except Exception as e:
        print(type(e).__name__, e)
`

// TestDisFunctions disassembles functions, classes, modules and strings
// in the modes dis offers.
func TestDisFunctions(t *testing.T) {
	progs := []string{`
def f(x, *a, k=1, **kw):
    y = [i*2 for i in range(x) if i]
    def g():
        nonlocal y
        return y, x
    try:
        z = x / 0
    except ZeroDivisionError as e:
        z = None
    finally:
        pass
    with open('x') as fh:
        pass
    for i in range(3):
        if i: continue
        break
    return g
out(f)
out(f, show_caches=True)
out(f, adaptive=False, show_offsets=True)
out(f, depth=0)
`, `
class C:
    a = 1
    def m(self): return super().m()
    @property
    def p(self): return self.a
out(C)
async def co():
    async with x as y:
        await y
    async for q in y: pass
    return [z async for z in q]
out(co)
def gen():
    yield 1
    yield from range(3)
out(gen, show_caches=True)
out(lambda: (yield))
`, `
out("a = b + c[1:2]; print(f'{a!r:>10}')")
out("lambda: 0")
out(compile("x = 1\nif x:\n  print(x)\n", "<s>", "exec"))
out("import os.path as p\nfrom . import q\nglobal g\ndel g")
out("try:\n  pass\nexcept* ValueError:\n  pass")
def m(p):
    match p:
        case [1, *r]: return r
        case {"a": b, **kw}: return b
        case C(a=3) | None: return 0
        case (x, y) if x > y: return 1
        case str() as s: return s
        case _: return -1
out(m)
out(sys.modules[__name__])
`}
	for _, p := range progs {
		checkLibProgram(t, disPrelude+p)
	}
}

// TestDisAdaptive shows the quickened code of functions that have not
// run (CPython specializes them once they run; peephole never rewrites
// its code).
func TestDisAdaptive(t *testing.T) {
	checkLibProgram(t, disPrelude+`
def f(a, b):
    if a: b = 1
    if a is None: b = 2
    while b: b -= 1
    for i in range(a):
        b += i * a.x
    x = [i for i in a if i is not None]
    a.y = len(x)
    return b[0], a.m(1)
out(f, adaptive=True)
out(f, adaptive=True, show_caches=True)
class K:
    def m(self):
        return super().m() + self.z
out(K, adaptive=True, show_caches=True)
print(f.__code__._co_code_adaptive.hex(' ', 2))
`)
}

// TestDisAPI checks the programmatic interface: Instruction, Bytecode,
// code_info, findlinestarts and the code object's tables.
func TestDisAPI(t *testing.T) {
	checkLibProgram(t, disPrelude+`
def f(a, b=2):
    c = a + b
    try:
        return c / a
    except ZeroDivisionError:
        return None
for ins in dis.get_instructions(f):
    print(ins)
for ins in dis.get_instructions(f, show_caches=True):
    print(ins.opname, ins.opcode, ins.arg, ins.argval, ins.argrepr, ins.offset, ins.start_offset,
          ins.starts_line, ins.line_number, ins.label, ins.positions, ins.is_jump_target, ins.jump_target,
          ins.cache_info, ins.baseopname, ins.baseopcode)
bc = dis.Bytecode(f)
print(bc.dis())
print(bc.info())
print(bc.first_line, bc.current_offset)
print([i.opname for i in bc][:5])
show(lambda: dis.code_info(f))
show(lambda: dis.code_info("x = 1"))
s = io.StringIO(); dis.show_code(f, file=s); print(s.getvalue())
print(list(dis.findlinestarts(f.__code__)))
print(list(dis.findlabels(f.__code__.co_code)))
co = f.__code__
print(list(co.co_lines()))
print(list(co.co_positions()))
print(co.co_exceptiontable, co.co_linetable)
print(co.co_varnames, co.co_names, co.co_consts, co.co_argcount, co.co_nlocals, co.co_stacksize, co.co_flags)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(co.co_lnotab)
    print([(x.category.__name__, str(x.message)) for x in w])
c2 = co.replace(co_name="zz", co_consts=co.co_consts)
print(c2.co_name, c2 == co, c2.co_qualname)
show(lambda: co.replace(co_name=3))
show(lambda: co.replace(bogus=1))
print(co._varname_from_oparg(0), co._varname_from_oparg(oparg=1))
show(lambda: co._varname_from_oparg(99))
show(lambda: co._varname_from_oparg())
print(repr(co).split(" at ")[0], repr(co).split(",", 1)[1])
print(dis.stack_effect(dis.opmap['LOAD_CONST'], 0), dis.stack_effect(dis.opmap['POP_JUMP_IF_TRUE'], 1, jump=True))
show(lambda: dis.stack_effect(dis.opmap['LOAD_CONST']))
show(lambda: dis.stack_effect(9999, 0))
print(opcode.opname[:12], opcode.hasjrel, opcode.hasconst, opcode.hasfree, opcode.hasexc)
print(len(opcode.opmap), opcode.HAVE_ARGUMENT, opcode.EXTENDED_ARG, opcode.cmp_op)
print(opcode._nb_ops[:4], opcode._intrinsic1_descs[:3], opcode._intrinsic2_descs)
print(opcode._inline_cache_entries, opcode._specializations['LOAD_ATTR'])
print(dis.Positions(1, 2, 3, 4), dis.COMPILER_FLAG_NAMES)
print(dis.pretty_flags(co.co_flags))
`)
}
