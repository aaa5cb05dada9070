package vm_test

import "testing"

// TestPosix checks the posix module: files and folders, descriptors,
// stat_result, errors, constants.
func TestPosix(t *testing.T) {
	checkProgram(t, `
import posix
def show(f):
    try:
        print(f())
    except OSError as e:
        print(type(e).__name__)
    except Exception as e:
        print(type(e).__name__, e)
i = len(__file__) - 1
while __file__[i] != '/':
    i -= 1
base = __file__[:i] + '/pxdir'
def clean(d):
    for e in posix.scandir(d):
        p = d + '/' + e.name
        if e.is_dir(follow_symlinks=False):
            clean(p)
            posix.rmdir(p)
        else:
            posix.remove(p)
try:
    posix.mkdir(base)
except FileExistsError:
    clean(base)
posix.mkdir(base + '/sub')
fd = posix.open(base + '/f.txt', posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
print(posix.write(fd, b'hello\n'))
posix.close(fd)
fd = posix.open(base + '/f.txt', posix.O_RDONLY)
print(type(posix.read(fd, 3)).__name__)
posix.close(fd)
names = posix.listdir(base)
print(len(names), 'f.txt' in names, 'sub' in names)
for e in posix.scandir(base):
    if e.name == 'sub':
        print(e.is_dir(), e.is_file(), e.is_symlink(), e.path == base + '/sub')
st = posix.stat(base + '/f.txt')
print(st.st_size, st[6], len(st), type(st).__name__, st.st_mode & 0o170000 == 0o100000)
posix.rename(base + '/f.txt', base + '/g.txt')
print('g.txt' in posix.listdir(base), 'f.txt' in posix.listdir(base))
show(lambda: posix.stat(base + '/nope'))
show(lambda: posix.mkdir(base + '/sub'))
show(lambda: posix.rmdir(base + '/nope'))
show(lambda: posix.stat(3.5))
show(lambda: posix.listdir(5.5))
show(lambda: posix.mkdir())
show(lambda: posix.fspath(1))
show(lambda: posix.rename(base + '/x', base + '/y'))
print(posix.fspath('a'), posix.strerror(2), posix.strerror(13), posix._path_normpath('/a/b/../c/./d'), posix._path_normpath(''))
print(posix.stat_result(tuple(range(10))))
print(posix.stat_result(tuple(range(10))).st_atime, posix.stat_result(tuple(range(10))).st_atime_ns is None)
show(lambda: posix.stat_result((1, 2)))
print(type(posix.stat_result).__name__, posix.stat_result.n_fields, posix.stat_result.n_unnamed_fields, posix.stat_result.__match_args__)
print(posix.getpid() > 0, posix.cpu_count() > 0, posix.urandom(4) is not None, posix.F_OK, posix.O_CREAT, posix.SEEK_HOLE)
print(type(posix.environ).__name__, posix.uname().sysname, len(posix.times()))
clean(base)
posix.rmdir(base)
print(posix.access(base, posix.F_OK))
`)
}
