# needs: stdlib
# gzip, zipfile and tarfile reading archives (made by CPython, embedded), and zlib's streaming decompressors
import base64, gzip, io, tarfile, zipfile, zlib

GZ = base64.b64decode('H4sIAAAAAAAC/8tIzcnJV0gsSs7ILEsFAGkaXEgNAAAA')
ZIP = base64.b64decode('UEsDBBQAAAAIAAAAIVgKBMANFwAAAGgBAAAJAAAAbm90ZXMudHh0y8nMS1XIz0vlygExSsrzIYxRESqLAABQSwMEFAAAAAAAAAAhWIp+JpEgAAAAIAAAAAcAAAByYXcuYmluAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh9QSwECFAMUAAAACAAAACFYCgTADRcAAABoAQAACQAAAAAAAAAAAAAAgAEAAAAAbm90ZXMudHh0UEsBAhQDFAAAAAAAAAAhWIp+JpEgAAAAIAAAAAcAAAAAAAAAAAAAAIABPgAAAHJhdy5iaW5QSwUGAAAAAAIAAgBsAAAAgwAAAAAA')
TGZ = base64.b64decode('H4sIAFLGAWsC/+3TQQqDMBCF4Vn3FJ7ATlDb80QMIqKITcHjG4VScZOVLvT/Nm9IFrMY3tDWz9HZqnOpn7wcQoNXnq8Z7FO12MzLu9HCvCVROcH34+0Y1ss9LbdPOveIpeCShtD/ynqblk1/1I5Y/83/79d/kyn9BwAAAAAAAAAAAAAAAGJmCoLNYwAoAAA=')
DEFL = base64.b64decode('C8lIVSgszUzOVkgqyi/PU0jLr1DIKs0tKFbIL0stUigBSuckVlUqpOSn6ymEjCoeSYoZGJmYWVjZ2Dk4ubh5ePn4BQSFhEVExcQlJKWkZWTl5BUUlZRVVNXUNTS1tHV09fQNDI2MTUzNzC0sraxtbO3sHRydnF1c3dw9PL28fXz9/AMCg4JDQsPCIyKjomNi4+ITEpOSU1LT0jMys7JzcvPyCwqLiktKy8orKquqa2rr6hsam5pbWtvaOzq7unt6+/onTJw0ecrUadNnzJw1e87cefMXLFy0eMnSZctXrFy1es3ades3bNy0ecvWbdt37Ny1e8/effsPHDx0+MjRY8dPnDx1+szZc+cvXLx0+crVa9dv3Lx1+87de/cfPHz0+MnTZ89fvHz1+s3bd+8/fPz0+cvXb99//Pz1+8/ff/8B')

print(gzip.decompress(GZ))
with gzip.GzipFile(fileobj=io.BytesIO(GZ + GZ)) as g:
    print(g.read(), g.tell())
with zipfile.ZipFile(io.BytesIO(ZIP)) as z:
    for info in z.infolist():
        print(info.filename, info.compress_type, info.file_size, z.read(info).splitlines()[:2])
with tarfile.open(fileobj=io.BytesIO(TGZ)) as tf:
    for m in tf.getmembers():
        print(m.name, m.size, m.isdir(), tf.extractfile(m).read()[:20] if m.isfile() else None)

# The same deflate stream fed one byte at a time, then with a small output limit.
d = zlib.decompressobj(-15)
pieces = [d.decompress(DEFL[i:i + 1]) for i in range(len(DEFL))]
print(len(b''.join(pieces)), sum(1 for p in pieces if p), d.eof, d.flush())
d = zlib.decompressobj(-15)
data, total, steps = DEFL + b'extra', b'', 0
while not d.eof:
    chunk = d.decompress(data, 64)
    total += chunk
    data = d.unconsumed_tail
    steps += 1
print(steps, len(total), total[:40], d.unused_data)
z = zlib._ZlibDecompressor(-15)
out = [z.decompress(DEFL[:50], 10)]
while not z.needs_input:
    out.append(z.decompress(b'', 10))
print([len(o) for o in out], z.needs_input, z.eof)
out.append(z.decompress(DEFL[50:] + b'rest'))
print(len(b''.join(out)), z.eof, z.unused_data)
for bad in [b'x\x9c\xff\xff', b'\x1f\x8b\x09', b'x\x9cKLJ\x06\x00\x00\x00\x00\x00']:
    try:
        zlib.decompressobj(47).decompress(bad)
    except zlib.error as e:
        print(e)
