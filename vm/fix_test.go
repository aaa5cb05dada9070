package vm_test

import "testing"

// TestNaNIdentity probes NaN identity: every NaN CPython computes is a
// new object, and PyObject_RichCompareBool's identity shortcut makes a NaN
// equal to itself (the same object) but not to another NaN, in
// containment, list.index/count/remove, sequence comparisons and dict and
// set lookups.
func TestNaNIdentity(t *testing.T) {
	for _, src := range []string{
		`nan = float("nan")
print(nan in [nan], float("nan") in [float("nan")], nan in [float("nan")], nan == nan, nan is nan)
print([nan] == [nan], [nan] == [float("nan")], (nan, 1) == (nan, 1), (float("nan"),) == (float("nan"),))
print([nan, 1].index(nan), [nan, nan, float("nan")].count(nan), {nan: 1}.get(nan), {nan: 1}.get(float("nan"), "miss"))
print(len({nan, nan}), len({float("nan"), float("nan")}), len({nan, float("nan")}), nan in {nan}, float("nan") in {float("nan")})
l = [nan, float("nan")]
l.remove(nan)
print(len(l), l[0] is nan, l)
try:
    [float("nan")].index(nan)
except ValueError as e:
    print(type(e).__name__, e)
`,
		`import math
a = math.nan
print(a is math.nan, math.nan in [math.nan], math.inf - math.inf in [math.inf - math.inf])
x = float("inf") * 0
y = x
print(x is y, x in (y,), x + 0 in [x], -x in [x], abs(x) in [x], float(x) is x, float(x) in [x])
d = {}
for v in [x, y, float("nan"), x * 1, a, a]:
    d[v] = d.get(v, 0) + 1
print(sorted(d.values()), len(d))
print({x: 1} == {x: 1}, {x: 1} == {float("nan"): 1}, [x] != [x], [x] != [float("nan")])
print(max([x]) is x, min(x, 1) is x, sorted([x])[0] is x, list(map(lambda v: v, [x]))[0] in [x])
`,
		`import struct
for v in [float("nan"), -float("nan"), float("inf") - float("inf"), struct.unpack("d", struct.pack("d", float("nan")))[0]]:
    print(struct.pack(">d", v).hex(), struct.pack(">f", v).hex(), struct.pack(">e", v).hex(), repr(v), v != v)
n = float("nan")
print(struct.pack("<dd", n, n).hex(), float.hex(n), n.hex(), str(n), format(n, ".3f"), round(-n, 2))
import math
print(math.copysign(1, n), math.copysign(1, -n), math.isnan(n + 1), hash(n) == hash(n))
`,
	} {
		checkLibProgram(t, src)
	}
}
