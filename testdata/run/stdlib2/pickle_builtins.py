# needs: stdlib
# pickle and copy of builtin functions and methods, namespaces, ranges, slices, bytearrays and PickleBuffer, in every protocol
import pickle, copy, types, math, operator, codecs, collections

ns = types.SimpleNamespace(name='ns', items=[1, 2])
data = [len, max, math.gcd, codecs.encode, operator.add, dict.fromkeys, [].append, ns, range(3, 30, 4), slice(1, None, 2),
        bytearray(b'mutable'), b'bytes', frozenset({1}), collections.OrderedDict(a=1), 2 ** 100, -1.5, 3j]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    blob = pickle.dumps(data, proto)
    back = pickle.loads(blob)
    same = [a == b if i not in (6, 7) else type(a) is type(b) for i, (a, b) in enumerate(zip(data, back))]
    print(proto, len(blob), all(same), back[0]([1, 2]), back[5]('ab'), back[7], back[8][-1], back[10])
print(pickle.dumps(len, 0), pickle.dumps(math.sqrt, 2), pickle.dumps(b'ab', 2), pickle.dumps(bytearray(b'ab'), 5))
print(len.__reduce__(), [].append.__reduce__()[0] is getattr, ns.__reduce__(), range(1, 9).__reduce__(), slice(2).__reduce__())
for p in (0, 2, 3, 5):
    print(p, bytearray(b'xy').__reduce_ex__(p), bytearray().__reduce_ex__(p))
buf = pickle.PickleBuffer(bytearray(b'abcdef'))
print(bytes(buf.raw()), memoryview(buf).readonly, pickle.loads(pickle.dumps(buf, 5)))
buffers = []
blob = pickle.dumps([pickle.PickleBuffer(b'out of band')], 5, buffer_callback=buffers.append)
print(blob, len(buffers), [bytes(b) for b in pickle.loads(blob, buffers=buffers)])
try:
    pickle.dumps(buf, 4)
except pickle.PicklingError as e:
    print(e)
print(copy.deepcopy(ns), copy.copy(range(5)), copy.deepcopy([slice(1, 2), math.floor]), copy.copy(print) is print)
