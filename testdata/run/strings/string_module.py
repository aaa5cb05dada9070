# needs: stdlib
# The string module's constants, Template and capwords.
import string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
t = string.Template("$who likes $what, ${who}s too; $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="ann"))
try:
    t.substitute(who="x")
except KeyError as e:
    print(type(e).__name__, e)
try:
    string.Template("$").substitute()
except ValueError as e:
    print(type(e).__name__, e)
print(string.capwords(" hello   world  again "), string.capwords("a-b-c", "-"))
f = string.Formatter()
print(f.format("{0}-{x}", 1, x=2), list(f.parse("a{0}b{x!r:>3}c")))
