# complex: arithmetic, repr, attributes and errors.
z = 3 + 4j
w = complex(1, -2)
print(z, w, z + w, z - w, z * w, z / w, -z, +z)
print(abs(z), z.real, z.imag, z.conjugate(), z == complex("3+4j"))
print(complex(), complex(2), complex(0, -0.0), complex(-0.0, 0), 1j * 1j, 1j ** 2)
print(complex("1j"), complex("-1.5e3-2J"), complex(" (1+2j) "), complex("inf+nanj"))
print(repr(1e20j), repr(1e16 + 1j), repr(complex(1, float("inf"))), repr(-(0j)))
print((1 + 2j) ** 2, (2 + 0j) ** 0.5, pow(1j, 3))
for bad in ["1+", "j1", "1+2", "(1+2j", ""]:
    try:
        complex(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    z / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    z // 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    z % 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(z)
except TypeError as e:
    print(type(e).__name__, e)
print(hash(1 + 0j) == hash(1), hash(2.0) == hash(2), bool(0j), bool(1e-300j))
print(sum([1j, 2, 3.5]), type(1 + 1.0).__name__, type(1 + 1j).__name__, type(True + 1.5).__name__)
print(f"{z:.2f}", f"{w:>20}", format(1.5 + 2.25j, "^30.3e"))
