# bytes and bytearray: literals, methods, mutation and errors.
b = b"Hello, bytes"
print(b, b[0], b[-1], b[1:5], b[::-1], len(b), list(b[:3]), b.upper(), b.split(b", "))
print(b + b"!", b * 2, b"ll" in b, 108 in b, b.find(b"l"), b.count(b"l"), b.replace(b"l", b"L"))
print(bytes(5), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes(range(250, 256)), bytes.fromhex("de ad be ef"))
print(b.hex(), b.hex(":"), b.hex("-", 4), b"\x00\x10".hex(), b"abc".isalpha(), b"a1".isalnum(), b" ".isspace())
print(repr(b"\t\n\r\x00\x7f\x80'\\"), b"%d-%s-%r" % (5, b"x", "y"))
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
ba[1:3] = b"XYZ"
del ba[-1]
print(ba, len(ba), ba.pop(), ba, bytes(ba), ba.decode())
ba.insert(0, 33)
ba.reverse()
print(ba, ba * 2, ba + b"!", ba == bytes(ba), bytearray(3))
for expr in ['b"a" + "b"', 'b"a"[5]', 'bytes([256])', 'bytes("x")', 'bytearray(b"a").append(300)', 'b"a" < "a"', 'bytes(-1)']:
    try:
        print(eval(expr))
    except (TypeError, ValueError, IndexError) as e:
        print(expr, "->", type(e).__name__, e)
print(b"a" == "a", b"abc".startswith(b"ab"), b"  x ".strip(), b"a,b".partition(b","), b"%05.1f" % 2.25)
mv = memoryview(b"abcdef")
print(mv[1], mv[1:3].tobytes(), mv.tolist()[:3], len(mv), bytes(mv[::2]), mv.nbytes, mv.readonly)
m2 = memoryview(bytearray(b"xyz"))
m2[0] = 88
print(m2.tobytes(), m2.obj)
