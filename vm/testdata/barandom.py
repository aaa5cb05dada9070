# barandom.py SEED N prints a program of N random sequences of bytearray
# mutations and queries, for TestByteArrayRandomized.
import random, sys
random.seed(int(sys.argv[1]))
def rb():
    return bytes(random.choice(b'abc\x00\xff') for _ in range(random.randint(0, 5)))
def ri():
    return random.choice([None, -10, -2, -1, 0, 1, 2, 3, 8, random.randint(-12, 12)])
print("def run(ops):\n    b = bytearray(b'abcdefgh')\n    for op in ops:\n        try:\n            op(b)\n        except Exception as e:\n            print(type(e).__name__, e)\n        print(b)\n")
for k in range(int(sys.argv[2])):
    ops = []
    for _ in range(6):
        i, j, st = ri(), ri(), random.choice([None, 1, 2, -1, -2, 3])
        ops.append(random.choice([
            f"lambda b: b.__setitem__(slice({i}, {j}, {st}), {rb()!r})",
            f"lambda b: b.__delitem__(slice({i}, {j}, {st}))",
            f"lambda b: b.__setitem__({i or 0}, {random.choice([0, 65, 255, 256, -1])})",
            f"lambda b: b.__delitem__({i or 0})",
            f"lambda b: b.append({random.choice([0, 97, 255, 300])})",
            f"lambda b: b.extend({rb()!r})", f"lambda b: b.extend({list(rb())!r})",
            f"lambda b: print(b.pop({'' if i is None else i}))",
            f"lambda b: b.insert({i or 0}, 120)", f"lambda b: b.remove({random.choice([97, 98, 0, 120])})",
            "lambda b: b.reverse()", f"lambda b: b.__iadd__({rb()!r})", f"lambda b: b.__imul__({random.choice([0, 1, 2])})",
            f"lambda b: print(b.find({rb()!r}, {i}, {j}), b.count({rb()!r}), b.startswith({rb()!r}))",
            f"lambda b: print(b[{i}:{j}:{st}], b.hex(), b.split({rb()!r} or None))",
            f"lambda b: print(b.replace({rb()!r}, b'Z'), b.strip({rb()!r}), b.upper(), b.decode('latin-1'))",
        ]))
    print(f"run([{', '.join(ops)}])")
