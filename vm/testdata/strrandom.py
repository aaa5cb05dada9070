# strrandom.py SEED N prints N random expressions on str and bytes methods,
# codecs and formatting, one a line, for TestStrRandomized to evaluate
# under the VM and under CPython.
import random
import sys
random.seed(int(sys.argv[1]))
alpha = ['a', 'b', 'A', ' ', '\t', '\n', '\r', 'é', 'É', 'ß', 'Σ', 'σ', '😀', '\u2028', '\x1c', '\u3000', '0', '٣', '_', '-', ',', '\ud800', 'ǅ', 'İ', 'ﬁ', '\u0301', '.', "'"]
def rs(k=None):
    n = random.choice([random.randint(0, 12), random.randint(0, 12), random.randint(30, 140)]) if k is None else k
    return ''.join(random.choice(alpha) for _ in range(n))
def rb(k=None):
    n = random.randint(0, 10) if k is None else k
    return bytes(random.choice(b'abAB \t\n\r\x0b\x0c,.0\x80\xff') for _ in range(n))
def ri():
    return random.choice([None, -100, -3, -1, 0, 1, 2, 3, 5, 100, random.randint(-140, 140), random.randint(0, 140)])
lines = []
for _ in range(int(sys.argv[2])):
    s = rs(); sub = rs(random.randint(0, 2)); b = rb(); bsub = rb(random.randint(0, 2))
    i, j = ri(), ri()
    m = random.choice([
        f"{s!r}.find({sub!r}, {i}, {j})", f"{s!r}.rfind({sub!r}, {i}, {j})", f"{s!r}.count({sub!r}, {i}, {j})",
        f"{s!r}.startswith({sub!r}, {i}, {j})", f"{s!r}.endswith(({sub!r}, 'a'), {i}, {j})",
        f"{s!r}.split({sub!r} or None, {j if j is not None else -1})", f"{s!r}.rsplit({sub!r} or None, {j if j is not None else -1})",
        f"{s!r}.split()", f"{s!r}.rsplit()", f"{s!r}.splitlines()", f"{s!r}.splitlines(True)",
        f"{s!r}.strip({sub!r})", f"{s!r}.lstrip()", f"{s!r}.rstrip({sub!r})",
        f"{s!r}.partition({sub!r} or 'a')", f"{s!r}.rpartition({sub!r} or 'a')",
        f"{s!r}.replace({sub!r}, {rs(2)!r}, {j if j is not None else -1})",
        f"{s!r}.center({abs(i or 0) % 20}, {rs(1) or 'x'!r})", f"{s!r}.ljust({abs(i or 0) % 20})", f"{s!r}.rjust({abs(i or 0) % 20}, 'é')", f"{s!r}.zfill({abs(i or 0) % 20})",
        f"{s!r}.expandtabs({abs(i or 0) % 9})", f"{s!r}.upper()", f"{s!r}.lower()", f"{s!r}.title()", f"{s!r}.capitalize()", f"{s!r}.swapcase()", f"{s!r}.casefold()",
        f"({s!r}.isalpha(), {s!r}.isdigit(), {s!r}.isspace(), {s!r}.istitle(), {s!r}.islower(), {s!r}.isupper(), {s!r}.isidentifier(), {s!r}.isprintable())",
        f"{s!r}[{i}:{j}:{random.choice([None, 1, 2, -1, -2, 3])}]", f"{s!r}.removeprefix({sub!r})", f"{s!r}.removesuffix({sub!r})",
        f"{s!r}.encode('utf-8', 'surrogatepass')", f"{s!r}.encode('ascii', 'backslashreplace')", f"{s!r}.encode('latin-1', 'replace')", f"{s!r}.encode('utf-16', 'surrogatepass')",
        f"{b!r}.decode('utf-8', 'replace')", f"{b!r}.decode('ascii', 'backslashreplace')", f"{b!r}.decode('utf-16-le', 'replace')", f"{b!r}.decode('utf-8', 'surrogateescape')",
        f"{b!r}.split({bsub!r} or None)", f"{b!r}.strip()", f"{b!r}.title()", f"{b!r}.replace({bsub!r}, b'XY')", f"{b!r}.find({bsub!r}, {i}, {j})", f"{b!r}.count({bsub!r})",
        f"{b!r}.splitlines(True)", f"{b!r}.hex(':', {random.choice([1, 2, -2, 3])})", f"{b!r}.expandtabs(4)", f"bytearray({b!r}).rsplit(None, 1)",
        f"{s!r} % ()" if '%' not in s else "0", f"'%5.2s|%-4r|%a' % ({s!r}, {sub!r}, {s!r})", f"'{{:}}{{!r}}{{!a}}'.format({s!r}, {sub!r}, {s!r})",
        f"{s!r}.translate({{ord('a'): 'Q', ord('é'): None, ord('😀'): 0x1F601}})", f"{s!r} < {sub!r}", f"{sub!r} in {s!r}", f"hash({s!r})",
    ])
    lines.append(m)
print('\n'.join(lines))
