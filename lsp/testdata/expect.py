# The oracle's side of the language server's tests: run by CPython 3.13
# (internal/oracle), never by peephole. For each Python source it computes,
# from CPython's own ast, symtable and code objects, what the server must
# answer:
#
#   names     every name occurrence (Name nodes, parameters, def and class
#             names, simple import aliases) with its binding kind, DESIGN
#             §8's translation of the symtable module's classification, and
#             the instructions CPython emits for it, found through
#             co_positions by the rule of analysis.instructionsFor;
#   codes     for each def, class and lambda, what dis.dis prints for its
#             code object (the hover on it);
#   sections  for each code object, its section of `python3.13 -m dis`
#             with the fields of dis.get_instructions (peephole/bytecode);
#   queries   answers for the positions the test's markers point at.
#
# Positions are the core's: 1-based lines, 0-based UTF-8 byte columns.
# Input (stdin): {"files": [{"path": P, "queries": [{"line", "col", "what"}]}]}
# Output (stdout): {"files": {P: {...}}}

import ast
import builtins
import dis
import io
import json
import re
import symtable
import sys

import _symtable as S

BUILTINS = set(dir(builtins))
DEF_COMP_CELL = 2 << 10
DEF_BOUND = S.DEF_LOCAL | S.DEF_PARAM | S.DEF_IMPORT


def mangle(cls, name):
    if cls is None or not name.startswith('__') or name.endswith('__') or '.' in name:
        return name
    stripped = cls.lstrip('_')
    if not stripped:
        return name
    return '_' + stripped + name


def scope_of(flags):
    return (flags >> S.SCOPE_OFF) & S.SCOPE_MASK


def flags_in(table, name):
    try:
        return table.lookup(name)._Symbol__flags
    except KeyError:
        return None


def translate(ttype, flags, name, top):
    """DESIGN §8: a block's type and a symbol's flags give the kind."""
    sc = scope_of(flags)
    if sc == S.FREE:
        return 'free'
    if sc in (S.GLOBAL_EXPLICIT, S.GLOBAL_IMPLICIT):
        mf = flags_in(top, name) or 0
        if mf & DEF_BOUND or mf & S.DEF_GLOBAL:
            return 'global'
        if name in BUILTINS:
            return 'builtin'
        return 'global'
    if sc == S.CELL:
        return 'typeParameter' if ttype == 'type parameters' else 'cell'
    if ttype == 'type parameters':
        return 'typeParameter'
    if ttype == 'module':
        return 'global'
    if ttype == 'class':
        return 'classBody'
    return 'local'


class Walker:
    """Walks the ast alongside the symtable module's tables, in the order
    CPython's symtable visits nodes, and records every name occurrence with
    its kind."""

    def __init__(self, src, top, future_annotations):
        self.lines = src.split('\n')
        self.top = top
        self.table = top
        self.cls = None          # the class whose names are mangled
        self.comps = []          # inlined comprehensions: (bound names, in class)
        self.used = set()
        self.occs = []
        self.future = future_annotations

    def child(self, ttype, name, lineno):
        for c in self.table.get_children():
            if c.get_id() in self.used:
                continue
            if str(c.get_type()) == ttype and c.get_name() == name and c.get_lineno() == lineno:
                self.used.add(c.get_id())
                return c
        return None

    def kind(self, name):
        table = self.table
        flags = flags_in(table, name)
        for bound, captured in reversed(self.comps):
            if name in bound:
                # The merged flags say that some inlined comprehension of
                # the block has the name as a cell; this one does if a
                # scope nested in it uses the name.
                if flags is not None and flags & DEF_COMP_CELL and name in captured:
                    return 'cell'
                return 'local'
        if flags is None:
            return None
        if self.comps and str(table.get_type()) == 'class':
            # A comprehension inlined in a class body does not see the
            # class's names.
            if scope_of(flags) == S.FREE or flags & S.DEF_FREE_CLASS:
                return 'free'
            return translate('function', (S.GLOBAL_IMPLICIT << S.SCOPE_OFF), name, self.top)
        return translate(str(table.get_type()), flags, name, self.top)

    def add(self, line, col, end, name, role):
        mangled = mangle(self.cls, name)
        self.occs.append({'line': line, 'col': col, 'endCol': end, 'name': name,
                          'mangled': mangled, 'role': role, 'kind': self.kind(mangled)})

    # -- helpers ---------------------------------------------------------

    def visit_list(self, nodes):
        for n in nodes:
            if n is not None:
                self.visit(n)

    def name_after_keyword(self, node, keyword, name):
        """The position of a def's or class's name on its header line."""
        line = self.lines[node.lineno - 1].encode()
        m = re.compile(rb'\b' + keyword.encode() + rb'\s+(' + re.escape(name.encode()) + rb')\b').search(line, node.col_offset)
        if not m:
            return None
        return node.lineno, m.start(1), m.end(1)

    def in_block(self, table, fn, cls=None, keep_cls=False):
        saved = (self.table, self.cls, self.comps)
        self.table = table
        if not keep_cls:
            self.cls = cls
        self.comps = []
        try:
            fn()
        finally:
            self.table, self.cls, self.comps = saved

    def annotation(self, node):
        if node is not None and not self.future:
            self.visit(node)

    def arguments(self, a):
        for arg in a.posonlyargs + a.args + ([a.vararg] if a.vararg else []) + a.kwonlyargs + ([a.kwarg] if a.kwarg else []):
            self.add(arg.lineno, arg.col_offset, arg.col_offset + len(arg.arg.encode()), arg.arg, 'param')

    def arg_annotations(self, a, returns):
        for arg in a.posonlyargs + a.args + ([a.vararg] if a.vararg else []) + a.kwonlyargs + ([a.kwarg] if a.kwarg else []):
            self.annotation(arg.annotation)
        self.annotation(returns)

    def type_params(self, params):
        for p in params:
            self.add(p.lineno, p.col_offset + (2 if isinstance(p, ast.ParamSpec) else 1 if isinstance(p, ast.TypeVarTuple) else 0),
                     p.col_offset + (2 if isinstance(p, ast.ParamSpec) else 1 if isinstance(p, ast.TypeVarTuple) else 0) + len(p.name.encode()),
                     p.name, 'typeparam')
            bound = getattr(p, 'bound', None)
            if bound is not None:
                t = self.child('type variable', p.name, p.lineno)
                if t is not None:
                    self.in_block(t, lambda: self.visit(bound), keep_cls=True)
            default = getattr(p, 'default_value', None)
            if default is not None:
                t = self.child('type variable', p.name, p.lineno)
                if t is not None:
                    self.in_block(t, lambda: self.visit(default), keep_cls=True)

    # -- the visitor -----------------------------------------------------

    def visit(self, node):
        m = getattr(self, 'visit_' + type(node).__name__, None)
        if m is not None:
            m(node)
        else:
            self.generic(node)

    def generic(self, node):
        for _, value in ast.iter_fields(node):
            if isinstance(value, list):
                for v in value:
                    if isinstance(v, ast.AST):
                        self.visit(v)
            elif isinstance(value, ast.AST):
                self.visit(value)

    def visit_Name(self, node):
        role = {ast.Load: 'load', ast.Store: 'store', ast.Del: 'del'}[type(node.ctx)]
        self.add(node.lineno, node.col_offset, node.end_col_offset, node.id, role)

    def visit_FunctionDef(self, node):
        a = node.args
        self.visit_list(a.defaults)
        self.visit_list(a.kw_defaults)
        self.visit_list(node.decorator_list)
        pos = self.name_after_keyword(node, 'def', node.name)
        if pos:
            self.add(pos[0], pos[1], pos[2], node.name, 'def')

        def body():
            self.arguments(a)
            self.visit_list(node.body)

        def func_in(parent_table):
            ft = self.child('function', node.name, node.lineno)
            if ft is not None:
                self.in_block(ft, body, self.cls, keep_cls=True)

        if node.type_params:
            tp = self.child('type parameters', node.name, node.lineno)
            if tp is None:
                return

            def generic():
                self.type_params(node.type_params)
                self.arg_annotations(a, node.returns)
                func_in(tp)
            self.in_block(tp, generic, keep_cls=True)
        else:
            self.arg_annotations(a, node.returns)
            func_in(self.table)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self.visit_list(node.decorator_list)
        pos = self.name_after_keyword(node, 'class', node.name)
        if pos:
            self.add(pos[0], pos[1], pos[2], node.name, 'def')

        def body():
            ct = self.child('class', node.name, node.lineno)
            if ct is not None:
                self.in_block(ct, lambda: self.visit_list(node.body), node.name)

        if node.type_params:
            tp = self.child('type parameters', node.name, node.lineno)
            if tp is None:
                return

            def generic():
                self.type_params(node.type_params)
                self.visit_list(node.bases)
                self.visit_list(node.keywords)
                body()
            self.in_block(tp, generic, keep_cls=True)
        else:
            self.visit_list(node.bases)
            self.visit_list(node.keywords)
            body()

    def visit_TypeAlias(self, node):
        self.visit(node.name)

        def value():
            t = self.child('type alias', node.name.id, node.lineno)
            if t is not None:
                self.in_block(t, lambda: self.visit(node.value), keep_cls=True)
        if node.type_params:
            tp = self.child('type parameters', node.name.id, node.lineno)
            if tp is None:
                return

            def generic():
                self.type_params(node.type_params)
                value()
            self.in_block(tp, generic, keep_cls=True)
        else:
            value()

    def visit_Lambda(self, node):
        a = node.args
        self.visit_list(a.defaults)
        self.visit_list(a.kw_defaults)
        t = self.child('function', 'lambda', node.lineno)
        if t is None:
            return

        def body():
            self.arguments(a)
            self.visit(node.body)
        self.in_block(t, body, keep_cls=True)

    def comprehension(self, node, name, elts):
        gens = node.generators
        self.visit(gens[0].iter)
        t = self.child('function', name, node.lineno)

        def inside():
            for i, g in enumerate(gens):
                self.visit(g.target)
                if i > 0:
                    self.visit(g.iter)
                self.visit_list(g.ifs)
            self.visit_list(elts)
        if t is not None:
            self.in_block(t, inside, keep_cls=True)
            return
        # Inlined (PEP 709): the names the comprehension binds are its own.
        bound = set()
        for g in gens:
            for n in ast.walk(g.target):
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                    bound.add(mangle(self.cls, n.id))
        captured = set()
        for n in ast.walk(node):
            if n is not node and isinstance(n, (ast.Lambda, ast.GeneratorExp, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                for m in ast.walk(n):
                    if isinstance(m, ast.Name):
                        captured.add(mangle(self.cls, m.id))
        self.comps.append((bound, captured))
        try:
            inside()
        finally:
            self.comps.pop()

    def visit_ListComp(self, node):
        self.comprehension(node, 'listcomp', [node.elt])

    def visit_SetComp(self, node):
        self.comprehension(node, 'setcomp', [node.elt])

    def visit_GeneratorExp(self, node):
        self.comprehension(node, 'genexpr', [node.elt])

    def visit_DictComp(self, node):
        self.comprehension(node, 'dictcomp', [node.key, node.value])

    def visit_AnnAssign(self, node):
        self.visit(node.target)
        if not (self.future):
            self.visit(node.annotation)
        if node.value is not None:
            self.visit(node.value)

    def visit_alias(self, node):
        if node.name == '*':
            return
        line = self.lines[node.lineno - 1].encode()
        if node.asname:
            seg = line[node.col_offset:node.end_col_offset]
            i = seg.rfind(node.asname.encode())
            if i >= 0:
                c = node.col_offset + i
                self.add(node.lineno, c, c + len(node.asname.encode()), node.asname, 'import')
        else:
            first = node.name.split('.')[0]
            self.add(node.lineno, node.col_offset, node.col_offset + len(first.encode()), first, 'import')

    # Names without positions of their own are not checked here.
    def visit_Global(self, node):
        pass

    visit_Nonlocal = visit_Global


# ---------------------------------------------------------------------------
# Instructions.

LOADS = {'LOAD_FAST', 'LOAD_FAST_CHECK', 'LOAD_NAME', 'LOAD_GLOBAL', 'LOAD_DEREF',
         'LOAD_FROM_DICT_OR_DEREF', 'LOAD_FROM_DICT_OR_GLOBALS'}
STORES = {'STORE_FAST', 'STORE_NAME', 'STORE_GLOBAL', 'STORE_DEREF'}
UNCONDITIONAL_JUMPS = {'JUMP_FORWARD', 'JUMP_BACKWARD', 'JUMP_BACKWARD_NO_INTERRUPT'}
DELETES = {'DELETE_FAST', 'DELETE_NAME', 'DELETE_GLOBAL', 'DELETE_DEREF'}


def names_of(i):
    """(loads, stores, deletes) of an instruction."""
    v = i.argval
    if i.opname == 'LOAD_FAST_LOAD_FAST':
        return list(v), [], []
    if i.opname == 'STORE_FAST_LOAD_FAST':
        return [v[1]], [v[0]], []
    if i.opname == 'STORE_FAST_STORE_FAST':
        return [], list(v), []
    if not isinstance(v, str):
        return [], [], []
    if i.opname in LOADS:
        return [v], [], []
    if i.opname in STORES:
        return [], [v], []
    if i.opname in DELETES:
        return [], [], [v]
    return [], [], []


def acts_on(i, name, role):
    loads, stores, dels = names_of(i)
    if role == 'load':
        return name in loads
    if role in ('store', 'def', 'import'):
        return name in stores
    if role == 'del':
        return name in dels
    return False


def second_slot_acts(i, role):
    if i.opname in ('LOAD_FAST_LOAD_FAST', 'STORE_FAST_LOAD_FAST'):
        return role == 'load'
    if i.opname == 'STORE_FAST_STORE_FAST':
        return role in ('store', 'def', 'import')
    return False


def text(i):
    s = i.opname
    if i.arg is not None:
        s += ' ' + str(i.arg)
        if i.argrepr:
            s += ' (' + i.argrepr + ')'
    return s


def all_codes(co):
    out = [co]
    for k in co.co_consts:
        if hasattr(k, 'co_code'):
            out.extend(all_codes(k))
    return out


class Instrs:
    def __init__(self, module):
        self.codes = all_codes(module)
        self.all = []  # (code index, instruction)
        for ci, co in enumerate(self.codes):
            for i in dis.Bytecode(co):
                self.all.append((ci, i))

    def on_line(self, line):
        if not hasattr(self, 'by_line'):
            self.by_line = {}
            for ci, i in self.all:
                p = i.positions
                if p.lineno is None:
                    continue
                for l in range(p.lineno, (p.end_lineno or p.lineno) + 1):
                    self.by_line.setdefault(l, []).append((ci, i))
        return self.by_line.get(line, [])

    def for_occurrence(self, o):
        """analysis.instructionsFor, on CPython's code objects."""
        role, name = o['role'], o['mangled']
        if role not in ('load', 'store', 'def', 'import', 'del'):
            return []
        line, col, end = o['line'], o['col'], o['endCol']
        cands = self.on_line(line)

        def same(p):
            return p.lineno == line and p.end_lineno == line and p.col_offset == col and p.end_col_offset == end

        def contains(p):
            if None in (p.lineno, p.end_lineno, p.col_offset, p.end_col_offset):
                return False
            return (p.lineno, p.col_offset) <= (line, col) and (line, end) <= (p.end_lineno, p.end_col_offset)

        exact = [(ci, i) for ci, i in cands if same(i.positions) and i.opname not in UNCONDITIONAL_JUMPS]
        if any(acts_on(i, name, role) for _, i in exact):
            return [text(i) for _, i in exact]
        within, same_line, pair, pair_dist = [], [], None, 0
        for ci, i in cands:
            if not acts_on(i, name, role):
                continue
            if contains(i.positions):
                within.append(i)
                continue
            same_line.append(i)
            if isinstance(i.argval, tuple) and i.argval[1] == name and second_slot_acts(i, role):
                p = i.positions
                if p.lineno == line and p.end_lineno == line and p.col_offset is not None:
                    d = abs(p.col_offset - col)
                    if pair is None or d < pair_dist:
                        pair, pair_dist = [i], d
                    elif d == pair_dist:
                        pair.append(i)
        if within:
            return [text(i) for i in within]
        if pair is not None:
            return [text(i) for i in pair]
        return [text(i) for i in same_line]

    def at_node(self, node):
        """The instructions located exactly at a node."""
        return [text(i) for _, i in self.all
                if i.positions.lineno == node.lineno and i.positions.end_lineno == node.end_lineno
                and i.positions.col_offset == node.col_offset and i.positions.end_col_offset == node.end_col_offset]


ADDR = re.compile(r' at 0x[0-9a-f]+')


def dis_text(co, recursive):
    f = io.StringIO()
    if recursive:
        dis.dis(co, file=f)
    else:
        dis.disassemble(co, file=f)
    return ADDR.sub(' at 0x?', f.getvalue())


def section(co):
    instrs = []
    for i in dis.Bytecode(co):  # labels numbered as the listing numbers them
        p = i.positions
        rng = None
        if None not in (p.lineno, p.end_lineno, p.col_offset, p.end_col_offset):
            rng = [p.lineno, p.col_offset, p.end_lineno, p.end_col_offset]
        instrs.append({'offset': i.offset, 'opname': i.opname, 'opcode': i.opcode, 'arg': i.arg,
                       'argrepr': i.argrepr, 'line': i.line_number, 'range': rng,
                       'isJumpTarget': i.is_jump_target})
    children = [{'name': k.co_name, 'qualname': k.co_qualname, 'firstLine': k.co_firstlineno}
                for k in co.co_consts if hasattr(k, 'co_code')]
    return {'name': co.co_name, 'qualname': co.co_qualname, 'firstLine': co.co_firstlineno,
            'text': dis_text(co, False), 'instructions': instrs, 'children': children}


def code_nodes(tree):
    """The nodes that own a code object, with the code's name and first line."""
    out = []
    for n in ast.walk(tree):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first = min([n.lineno] + [d.lineno for d in n.decorator_list])
            out.append((n, n.name, first))
        elif isinstance(n, ast.Lambda):
            out.append((n, '<lambda>', n.lineno))
        elif isinstance(n, ast.GeneratorExp):
            out.append((n, '<genexpr>', n.lineno))
    return out


def contains_pos(n, line, col):
    return (n.lineno, n.col_offset) <= (line, col) < (n.end_lineno, n.end_col_offset)


def main():
    req = json.load(sys.stdin)
    out = {}
    for f in req['files']:
        path = f['path']
        try:
            src = open(path, 'rb').read().decode('utf-8')
            tree = ast.parse(src, path)
            module = compile(src, path, 'exec')
        except (SyntaxError, UnicodeDecodeError, ValueError) as e:
            out[path] = {'error': str(e)}
            continue
        top = symtable.symtable(src, path, 'exec')
        future = any(isinstance(s, ast.ImportFrom) and s.module == '__future__' and any(a.name == 'annotations' for a in s.names)
                     for s in tree.body)
        w = Walker(src, top, future)
        w.visit_list(tree.body)
        if f.get('namesOnly'):
            out[path] = {'names': w.occs, 'codes': [], 'sections': [], 'queries': []}
            continue
        ix = Instrs(module)
        for o in w.occs:
            o['instructions'] = ix.for_occurrence(o)
        codes_by_key = {}
        for co in ix.codes[1:]:
            codes_by_key.setdefault((co.co_name, co.co_firstlineno), []).append(co)
        res = {'names': w.occs, 'codes': [], 'sections': [section(co) for co in ix.codes], 'queries': []}
        owners = []
        for n, name, first in code_nodes(tree):
            cos = codes_by_key.get((name, first), [])
            if len(cos) != 1:
                continue
            co = cos[0]
            owners.append((n, co))
            if isinstance(n, ast.GeneratorExp):
                continue
            kw = 'lambda' if isinstance(n, ast.Lambda) else 'class' if isinstance(n, ast.ClassDef) else 'def'
            if kw == 'lambda':
                line, col = n.lineno, n.col_offset
            else:
                p = w.name_after_keyword(n, kw, n.name)
                if not p:
                    continue
                line, col = p[0], p[1]
            res['codes'].append({'line': line, 'col': col, 'qualname': co.co_qualname, 'text': dis_text(co, True)})
        queries = list(f.get('queries', []))
        if f.get('all'):
            queries += [{'line': c['line'], 'col': c['col'], 'what': 'bytecode'} for c in res['codes']]
        for q in queries:
            line, col, what = q['line'], q['col'], q['what']
            a = {'line': line, 'col': col, 'what': what}
            if what == 'bytecode':
                best = None
                for n, co in owners:
                    if contains_pos(n, line, col) and (best is None or contains_pos(best[0], n.lineno, n.col_offset)):
                        best = (n, co)
                a['section'] = section(best[1] if best else module)
            elif what == 'code':
                best = None
                for n, co in owners:
                    if not isinstance(n, ast.GeneratorExp) and contains_pos(n, line, col) and (best is None or contains_pos(best[0], n.lineno, n.col_offset)):
                        best = (n, co)
                a['text'] = dis_text(best[1], True) if best else None
                a['qualname'] = best[1].co_qualname if best else None
            elif what == 'instr':
                best = None
                for n in ast.walk(tree):
                    if hasattr(n, "end_col_offset") and contains_pos(n, line, col) and ix.at_node(n):
                        if best is None or contains_pos(best, n.lineno, n.col_offset):
                            best = n
                a['instructions'] = ix.at_node(best) if best else []
            res['queries'].append(a)
        out[path] = res
    json.dump({'files': out}, sys.stdout)


main()
