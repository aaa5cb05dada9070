# needs: stdlib
# tempfile, fileinput, shutil and open() on descriptors: named/spooled temporary files, the raw layer, encoding='locale'
import tempfile, os, shutil, fileinput, io

with tempfile.TemporaryDirectory() as d:
    paths = []
    for i, text in enumerate(['alpha\nbeta\n', 'gamma\n', '']):
        p = os.path.join(d, f'f{i}.txt')
        with open(p, 'w', encoding='locale') as f:
            f.write(text)
        paths.append(p)
    with fileinput.input(paths) as fi:
        print([(os.path.basename(fi.filename()), fi.filelineno(), line.rstrip()) for line in fi])
    with tempfile.NamedTemporaryFile('w+', dir=d, suffix='.log', delete=False) as f:
        f.write('log line'); f.seek(0)
        print(f.read(), f.name.endswith('.log'), os.path.dirname(f.name) == d, type(f.file.buffer.raw).__name__)
    with tempfile.SpooledTemporaryFile(max_size=8, mode='w+') as f:
        f.write('tiny'); print(f._rolled)
        f.write(' and now larger'); print(f._rolled); f.seek(0); print(f.read())
    fd, name = tempfile.mkstemp(dir=d, text=True)
    with open(fd, 'w') as f:
        f.write('via descriptor')
    with open(name) as f:
        print(f.read(), f.encoding)
    src = os.path.join(d, 'tree')
    os.makedirs(os.path.join(src, 'sub'))
    with open(os.path.join(src, 'sub', 'x.txt'), 'w') as f:
        f.write('x')
    shutil.copytree(src, os.path.join(d, 'copy'))
    print(sorted(os.path.relpath(os.path.join(r, n), d) for r, ds, fs in os.walk(d) for n in ds + fs if 'tmp' not in n))
    print(shutil.disk_usage(d).total > 0, os.statvfs(d).f_namemax)
    shutil.rmtree(src)
    print(os.path.exists(src), len(os.listdir(d)))
print(os.path.exists(d))
r, w = os.pipe()
os.write(w, b'through a pipe'); os.close(w)
with open(r, 'rb') as f:
    print(f.read())
