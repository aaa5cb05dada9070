package vm_test

import "testing"

// TestRandomHashes checks _random's Mersenne Twister (seeds, draws,
// state) and the _md5, _sha1, _sha2 and _sha3 hash objects.
func TestRandomHashes(t *testing.T) {
	checkProgram(t, `
import _random, _sha2, _md5, _sha1, _sha3
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
r = _random.Random(5)
print(r.random(), r.getrandbits(40), r.getrandbits(0), r.getrandbits(32), r.getrandbits(100))
for seed in [0, 1, -3, 3, 2**64 + 5, 123456789012345678901234567890, 'ab', 1.5, (1, 2)]:
    r.seed(seed)
    print(repr(seed), r.random(), r.getrandbits(7))
s = r.getstate()
print(len(s), s[-1], s[:3])
a = r.random()
r.setstate(s)
print(r.random() == a)
show(lambda: r.getrandbits(-1))
show(lambda: _random.Random(x=1))
show(lambda: r.setstate((1, 2)))
show(lambda: r.setstate(5))
show(lambda: r.setstate(s[:-1] + (625,)))
show(lambda: r.seed(1, 2))
show(lambda: r.getrandbits('a'))
class R(_random.Random):
    def __init__(self, x, y=0):
        self.y = y
print(R(7, 3).random(), R(7, 3).y)
h = _sha2.sha512(b'abc')
print(h.name, h.digest_size, h.block_size, h.hexdigest(), type(h).__name__)
print(_sha2.sha256(b'a').hexdigest(), _sha2.sha224().hexdigest(), _sha2.sha384(b'x').digest() is not None)
h2 = h.copy(); h2.update(b'd'); print(h.hexdigest()[:10], h2.hexdigest()[:10])
print(_md5.md5(b'abc').hexdigest(), _sha1.sha1(b'abc').hexdigest(), _md5.md5(string=b'x').hexdigest())
print(_sha3.sha3_256(b'a').hexdigest(), _sha3.shake_128(b'a').hexdigest(5), _sha3.shake_256().digest(3) is not None)
show(lambda: _sha2.sha256('a'))
show(lambda: _sha2.sha256(1))
show(lambda: _sha2.sha256(b'a', b'b'))
show(lambda: _sha2.sha256(data=b's'))
show(lambda: h.update())
class R2(_random.Random):
    pass
print(R2(3).random() == _random.Random(3).random())
show(lambda: R2(x=1))
show(lambda: R2(1, 2))
show(lambda: _random.Random(1, 2))
print(_random.Random.__new__(_random.Random).random())
`)
}
