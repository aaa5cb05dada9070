package vm_test

import "testing"

// TestBlake2 checks the _blake2 module against CPython: digests of many
// lengths (whole and in chunks, keyed), every parameter of the parameter
// block, copy, the constants, the argument errors, and hashlib's use of it.
func TestBlake2(t *testing.T) {
	checkLibProgram(t, `import _blake2, hashlib
def p(f):
    try: r=f(); print(type(r).__name__ if type(r).__name__.startswith('blake') else repr(r))
    except Exception as e: print(type(e).__name__, e)
print(sorted(x for x in dir(_blake2) if not x.startswith('__')))
for c in (_blake2.blake2b, _blake2.blake2s):
    print(c.__name__, c.SALT_SIZE, c.PERSON_SIZE, c.MAX_KEY_SIZE, c.MAX_DIGEST_SIZE)
    h = c(b'abc'); print(h.name, h.digest_size, h.block_size, h.hexdigest())
    print(c().hexdigest())
    print(c(b'x'*200, digest_size=20, key=b'k'*7, salt=b's'*8, person=b'p'*3).hexdigest())
    print(c(b'x'*64).hexdigest(), c(b'x'*128).hexdigest(), c(b'x'*129).hexdigest())
    print(c(b'hi', fanout=2, depth=3, leaf_size=5, node_offset=7, node_depth=2, inner_size=9, last_node=True).hexdigest())
    h2 = h.copy(); h2.update(b'def'); print(h.hexdigest()[:16], h2.hexdigest()[:16], c(b'abcdef').hexdigest()[:16])
    print(c(key=b'x'*c.MAX_KEY_SIZE).hexdigest()[:10], c(b'a', usedforsecurity=False).hexdigest()[:8])
    p(lambda: c(digest_size=0))
    p(lambda: c(digest_size=c.MAX_DIGEST_SIZE+1))
    p(lambda: c(key=b'x'*(c.MAX_KEY_SIZE+1)))
    p(lambda: c(salt=b'x'*(c.SALT_SIZE+1)))
    p(lambda: c(person=b'x'*(c.PERSON_SIZE+1)))
    p(lambda: c(fanout=256))
    p(lambda: c(fanout=-1))
    p(lambda: c(depth=0))
    p(lambda: c(leaf_size=2**32))
    p(lambda: c(leaf_size=-1))
    p(lambda: c(node_offset=2**64))
    p(lambda: c(node_offset=2**48))
    p(lambda: c(node_offset=-1))
    p(lambda: c(node_depth=256))
    p(lambda: c(inner_size=65))
    p(lambda: c(inner_size=-1))
    p(lambda: c('abc'))
    p(lambda: c(5))
    p(lambda: c(b'a', b'b'))
    p(lambda: c(foo=1))
    p(lambda: c(digest_size='a'))
    p(lambda: h.update('x'))
    p(lambda: h.update())
    p(lambda: c(bytearray(b'abc')).hexdigest() == c(memoryview(b'abc')).hexdigest())
    p(lambda: type(c.digest_size))
print(hashlib.blake2b(b'z').hexdigest()[:20], hashlib.new('blake2s', b'z').hexdigest()[:20])
print(hashlib.sha256(b'abc').hexdigest()[:20], hashlib.algorithms_available >= {'blake2b'})
data = bytes(range(256)) * 3
for c in (_blake2.blake2b, _blake2.blake2s):
    for n in (0, 1, 63, 64, 65, 127, 128, 129, 255, 256, 257, 700):
        h = c(key=b'key', digest_size=16)
        for i in range(0, n, 50):
            h.update(data[i:min(n, i + 50)])
        print(n, h.hexdigest(), c(data[:n]).hexdigest()[:24])
`)
}
