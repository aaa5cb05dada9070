# Every string prefix, in every case, with every quote.
'text'
''
R"text"
R""
r'''text'''
r''
U"""text"""
U""
u'text'
u''
B"text"
B""
b'''text'''
b''
BR"""text"""
BR""
Br'text'
Br''
bR"text"
bR""
br'''text'''
br''
RB"""text"""
RB""
Rb'text'
Rb''
rB"text"
rB""
rb'''text'''
rb''
F"""x{1}y"""
F""
f'x{1}y'
f''
FR"x{1}y"
FR""
Fr'''x{1}y'''
Fr''
fR"""x{1}y"""
fR""
fr'x{1}y'
fr''
RF"x{1}y"
RF""
Rf'''x{1}y'''
Rf''
rF"""x{1}y"""
rF""
rf'x{1}y'
rf''
v = """a\tb
second line
"""
v = R"""a\tb
second line
"""
v = r"""a\tb
second line
"""
v = U"""a\tb
second line
"""
v = u"""a\tb
second line
"""
v = B"""a\tb
second line
"""
v = b"""a\tb
second line
"""
v = BR"""a\tb
second line
"""
v = Br"""a\tb
second line
"""
v = bR"""a\tb
second line
"""
v = br"""a\tb
second line
"""
v = RB"""a\tb
second line
"""
v = Rb"""a\tb
second line
"""
v = rB"""a\tb
second line
"""
v = rb"""a\tb
second line
"""
v = F"""a{x!r:>{w}}
second line
"""
v = f"""a{x!r:>{w}}
second line
"""
v = FR"""a{x!r:>{w}}
second line
"""
v = Fr"""a{x!r:>{w}}
second line
"""
v = fR"""a{x!r:>{w}}
second line
"""
v = fr"""a{x!r:>{w}}
second line
"""
v = RF"""a{x!r:>{w}}
second line
"""
v = Rf"""a{x!r:>{w}}
second line
"""
v = rF"""a{x!r:>{w}}
second line
"""
v = rf"""a{x!r:>{w}}
second line
"""
