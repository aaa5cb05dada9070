# needs: stdlib
# tokenize: the token stream CPython's tokenizer produces (comments, NL vs NEWLINE, INDENT/DEDENT, f-string parts, operators' exact types) and its errors.
import io
import token
import tokenize

src = '''def greet(name):  # say hi
    msg = f"Hello, {name!r:>10}!"
    if name:
        return msg + \\
            "?"

    return (1,
            2)
'''

for tok in tokenize.generate_tokens(io.StringIO(src).readline):
    exact = token.tok_name[tok.exact_type] if tok.type == token.OP else ""
    print(f"{token.tok_name[tok.type]:<15}{tok.string!r:<22}{tok.start}-{tok.end} {exact}")

print(tokenize.untokenize(tokenize.generate_tokens(io.StringIO("x=1+  2 # c\n").readline)))

for tok in tokenize.tokenize(io.BytesIO("# coding: utf-8\nnom = 'café'".encode()).readline):
    print(tok.type, repr(tok.string), tok.start, tok.end, repr(tok.line))

for bad in ("x = (1,\n", "s = 'open\n", "if x:\n    a\n  b\n", "t = '''never closed\n"):
    try:
        list(tokenize.generate_tokens(io.StringIO(bad).readline))
    except (tokenize.TokenError, SyntaxError) as e:
        print(type(e).__name__, e.args)
