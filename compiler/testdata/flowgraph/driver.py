# Oracle side of compiler/flowgraph_test.go (run by CPython 3.13).
#
# Reads a JSON request on stdin: {"sources": [[name, text], ...], "raw": bool}
# and prints one JSON line per code unit it builds:
#
#   name, variant   where the unit comes from
#   in              the instruction sequence fed to the flowgraph, as
#                   [opcode, oparg, line, end_line, col, end_col] with jump
#                   targets as instruction indices
#   consts          the unit's constants (enc), nlocals, meta (names)
#   opt, opt_consts what _testinternalcapi.optimize_cfg made of it
#   asm             what assemble_code_object makes of opt: the final
#                   instructions, co_stacksize and the localsplus count
#   compiled        for the unmodified module unit: the same facts about
#                   compile(text)
#   *_error         the message of a stage that raised
#
# Variants rewrite the module unit so that the passes specific to fast
# locals and cells run: "fastN" turns LOAD/STORE/DELETE_NAME into FAST
# instructions on locals numbered from N up, "deref" turns them into DEREF
# instructions on cells and free variables.
import ast, dis, json, os, sys, opcode, types
import _testinternalcapi

HAS_TARGET = set(dis.hasjrel + dis.hasjabs + dis.hasexc)
NAME_TO = {
    "fast": {opcode.opmap["LOAD_NAME"]: opcode.opmap["LOAD_FAST"],
             opcode.opmap["STORE_NAME"]: opcode.opmap["STORE_FAST"],
             opcode.opmap["DELETE_NAME"]: opcode.opmap["DELETE_FAST"]},
    "deref": {opcode.opmap["LOAD_NAME"]: opcode.opmap["LOAD_DEREF"],
              opcode.opmap["STORE_NAME"]: opcode.opmap["STORE_DEREF"],
              opcode.opmap["DELETE_NAME"]: opcode.opmap["DELETE_DEREF"]},
}
LOAD_CLOSURE = opcode.opmap["LOAD_CLOSURE"]
SETUPS = set(dis.hasexc)
LOAD_DEREF = opcode.opmap["LOAD_DEREF"]
EXTENDED_ARG = opcode.opmap["EXTENDED_ARG"]
TRACE = os.environ.get("FLOWGRAPH_DRIVER_TRACE")


def to_seq(instrs):
    targets = {ins[1] for ins in instrs if ins[0] in HAS_TARGET}
    seq = _testinternalcapi.new_instruction_sequence()
    for i, (op, arg, *loc) in enumerate(instrs):
        if i in targets:
            seq.use_label(i)
        seq.addop(op, arg, *loc)
    return seq


def plain(seq):
    return [[ins[0], ins[1] if ins[1] is not None else 0, *ins[2:]] for ins in seq.get_instructions()]


def code_facts(co):
    """The final instructions of co, without EXTENDED_ARG, as
    [opcode, arg, target, line, end_line, col, end_col, handler, depth, lasti]."""
    ins = [i for i in dis.get_instructions(co) if i.opcode != EXTENDED_ARG]
    index = {i.offset: n for n, i in enumerate(ins)}
    # an EXTENDED_ARG prefix belongs to the instruction after it
    for i in dis.get_instructions(co):
        if i.offset not in index:
            index[i.offset] = None
    pending = []
    for i in sorted(index):
        if index[i] is None:
            pending.append(i)
        else:
            for p in pending:
                index[p] = index[i]
            pending = []
    entries = dis.Bytecode(co).exception_entries
    out = []
    for n, i in enumerate(ins):
        target = -1
        if i.opcode in dis.hasjump:
            target = index[i.argval]
        h = [-1, 0, 0]
        for e in entries:
            if e.start <= i.offset < e.end:
                h = [index[e.target], e.depth, int(e.lasti)]
                break
        p = i.positions
        loc = [-1 if v is None else v for v in (p.lineno, p.end_lineno, p.col_offset, p.end_col_offset)]
        out.append([i.opcode, i.arg or 0, target, *loc, *h])
    cells = [c for c in co.co_cellvars if c not in co.co_varnames]
    return {"instrs": out, "stacksize": co.co_stacksize,
            "nlocalsplus": co.co_nlocals + len(cells) + len(co.co_freevars),
            "consts": [enc(c) for c in co.co_consts]}


def rewrite(instrs, meta, kind, offset):
    """Rewrite the NAME instructions of a module unit; return the new
    instructions and the names tables."""
    names = {v: k for k, v in meta["names"].items()}
    varnames = dict(meta["varnames"])
    # the cells of inlined comprehensions stay; a module has no free variables
    cellvars, freevars = dict(meta["cellvars"]), {}
    order = []
    for op, arg, *_ in instrs:
        if op in NAME_TO["fast"] and names[arg] not in order:
            if kind == "deref" and names[arg] in varnames:
                continue  # a hidden comprehension local stays a name
            order.append(names[arg])
    if kind == "fast":
        for k in range(offset):
            varnames["$pad%d" % k] = len(varnames)
        for n in order:
            varnames[n + "$"] = len(varnames)
        slot = {n: varnames[n + "$"] for n in order}
    else:
        order = [n for n in order if n not in cellvars]
        cells = [n for j, n in enumerate(order) if j % 3 != 1]
        frees = [n for j, n in enumerate(order) if j % 3 == 1]
        for n in cells:
            cellvars[n] = len(cellvars)
        for n in frees:
            # codegen numbers free variables after the cells
            freevars[n] = len(cellvars) + len(freevars)
        if cells:
            # a cell that is also a local keeps the local's slot
            varnames[cells[0]] = len(varnames)
        slot = {n: cellvars[n] for n in cells}
        slot.update({n: freevars[n] for n in frees})
    out = []
    loads = 0
    for op, arg, *loc in instrs:
        if op in NAME_TO["fast"] and names[arg] in slot:
            new = NAME_TO[kind][op]
            if new == LOAD_DEREF:
                loads += 1
                if loads % 4 == 0:
                    new = LOAD_CLOSURE
            out.append([new, slot[names[arg]], *loc])
        else:
            out.append([op, arg, *loc])
    return out, varnames, cellvars, freevars


def run_unit(name, variant, instrs, consts, meta, varnames, cellvars, freevars, src=None):
    if TRACE:
        print(name, variant, file=sys.stderr, flush=True)
    rec = {"name": name, "variant": variant, "in": instrs, "consts": [enc(c) for c in consts],
           "nlocals": len(varnames),
           "meta": {"varnames": list(varnames), "cellvars": list(cellvars), "freevars": list(freevars)}}
    try:
        out_consts = list(consts)
        opt = _testinternalcapi.optimize_cfg(to_seq(instrs), out_consts, len(varnames))
        rec["opt"] = plain(opt)
        rec["opt_consts"] = [enc(c) for c in out_consts]
    except Exception as e:
        rec["opt_error"] = "%s: %s" % (type(e).__name__, e)
        return rec
    # assemble_code_object labels the handlers again, but optimize_cfg has
    # removed the POP_BLOCKs: every SETUP_* now nests, and CPython's
    # fixed-size handler stack overflows (and crashes) past about 20.
    if sum(1 for ins in rec["opt"] if ins[0] in SETUPS) <= 16:
        try:
            md = dict(name="n", qualname="q", consts={(i, c): i for i, c in enumerate(out_consts)},
                      names=meta["names"], varnames=varnames, cellvars=cellvars, freevars=freevars,
                      fasthidden={}, argcount=0, posonlyargcount=0, kwonlyargcount=0, firstlineno=1)
            co = _testinternalcapi.assemble_code_object("x.py", to_seq(rec["opt"]), md)
            rec["asm"] = code_facts(co)
        except Exception as e:
            rec["asm_error"] = "%s: %s" % (type(e).__name__, e)
    if src is not None:
        try:
            rec["compiled"] = code_facts(compile(src, name, "exec", dont_inherit=True, optimize=0))
        except Exception as e:
            rec["compiled_error"] = "%s: %s" % (type(e).__name__, e)
    return rec


def units_of_tree(name, tree, variants):
    try:
        seq, meta = _testinternalcapi.compiler_codegen(tree, name, 0)
    except Exception as e:
        yield {"name": name, "variant": "orig", "codegen_error": "%s: %s" % (type(e).__name__, e)}
        return
    instrs = plain(seq)
    consts = [k[1] if type(k) is tuple else k for k in sorted(meta["consts"], key=meta["consts"].get)]
    yield run_unit(name, "orig", instrs, consts, meta, meta["varnames"], meta["cellvars"], meta["freevars"], tree)
    for v in variants:
        kind = "deref" if v == "deref" else "fast"
        offset = 0 if kind == "deref" else int(v[4:] or 0)
        ins2, vn, cv, fv = rewrite(instrs, meta, kind, offset)
        if ins2 == instrs:
            continue
        yield run_unit(name, v, ins2, consts, meta, vn, cv, fv)


class ReturnToRaise(ast.NodeTransformer):
    """Turns the returns of a function body into raises, so that the body
    compiles as a module and still leaves the scope where it returned."""

    def visit_Return(self, node):
        exc = node.value if node.value is not None else ast.Constant(None)
        return ast.copy_location(ast.Raise(exc=exc, cause=None), node)

    def visit_FunctionDef(self, node):
        return node

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_ClassDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef


def bodies(name, tree, limit):
    """Module trees made of the bodies of the functions and classes in tree."""
    n = 0
    for node in ast.walk(tree):
        if n >= limit:
            return
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = [ReturnToRaise().visit(s) for s in node.body]
            mod = ast.Module(body=body, type_ignores=[])
            ast.fix_missing_locations(mod)
            yield "%s:%d:%s" % (name, node.lineno, node.name), mod
            n += 1


def code_units(name, src):
    """Every code object compile() makes of src, with what prepare_localsplus
    needs to know about it."""
    todo = [compile(src, name, "exec", dont_inherit=True)]
    while todo:
        co = todo.pop(0)
        todo.extend(k for k in co.co_consts if isinstance(k, types.CodeType))
        yield {"name": "%s:%s" % (name, co.co_qualname), "variant": "code", "code": code_facts(co),
               "flags": co.co_flags, "firstlineno": co.co_firstlineno,
               "meta": {"varnames": list(co.co_varnames), "cellvars": sorted(co.co_cellvars),
                        "freevars": list(co.co_freevars)}}


def main():
    req = json.load(sys.stdin)
    exec(req["encoder"], globals())
    variants = req.get("variants", [])
    for name, src in req.get("sources") or []:
        try:
            tree = ast.parse(src, name)
        except Exception as e:
            print(json.dumps({"name": name, "variant": "orig", "codegen_error": "%s: %s" % (type(e).__name__, e)}))
            continue
        for rec in units_of_tree(name, tree, variants):
            print(json.dumps(rec))
        if req.get("bodies"):
            for bname, btree in bodies(name, ast.parse(src, name), req.get("body_limit") or 1 << 30):
                for rec in units_of_tree(bname, btree, variants):
                    if "codegen_error" not in rec:
                        print(json.dumps(rec))
    for name, src in req.get("codes") or []:
        for rec in code_units(name, src):
            print(json.dumps(rec))
    for name, spec in req.get("raw") or []:
        consts = [eval(c) for c in spec["consts"]]
        names = {n: i for i, n in enumerate(spec.get("names", []))}
        varnames = {n: i for i, n in enumerate(spec.get("varnames", []))}
        meta = {"names": names}
        instrs = [[opcode.opmap[i[0]], *i[1:]] for i in spec["instrs"]]
        print(json.dumps(run_unit(name, "raw", instrs, consts, meta, varnames, {}, {})))


main()
