# Assignment expressions (:=).
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 6], y)
it = iter(data)
while (v := next(it, None)) is not None:
    print("got", v)
print((a := 5) + a, a)
total = 0
print([total := total + x for x in data], total)


def f():
    print([(z := i) for i in range(3)])
    return z


print(f())
chunks = []
buf = "abcdefghij"
pos = 0
while chunk := buf[pos:pos + 3]:
    chunks.append(chunk)
    pos += 3
print(chunks)
print(any((hit := x) > 5 for x in data), hit)
print(all((miss := x) < 9 for x in data), miss)
stats = {"min": (lo := min(data)), "max": (hi := max(data)), "range": hi - lo}
print(stats)
