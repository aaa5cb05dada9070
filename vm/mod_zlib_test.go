package vm_test

import "testing"

// TestZlib checks zlib's crc32 and adler32 (with start values, masked as
// unsigned ints), decompress of zlib, raw deflate and gzip streams and its
// errors, and the constants.
func TestZlib(t *testing.T) {
	checkProgram(t, `import zlib
def p(f):
    try: r=f(); print(repr(r))
    except Exception as e: print(type(e).__name__, e)
print(zlib.crc32(b'abc'), zlib.crc32(b'abc', 5), zlib.crc32(b''), zlib.crc32(b'def', zlib.crc32(b'abc')) == zlib.crc32(b'abcdef'))
print(zlib.adler32(b'abc'), zlib.adler32(b'abc', 5), zlib.adler32(b''), zlib.adler32(b'x' * 10000))
print(zlib.crc32(bytearray(b'q')), zlib.crc32(memoryview(b'qq')), zlib.crc32(b'a', -1), zlib.crc32(b'a', 2**40))
p(lambda: zlib.crc32('abc'))
p(lambda: zlib.crc32())
p(lambda: zlib.adler32(b'a', 'x'))
z = b"x\x9cKLJ\x06\x00\x02M\x01'"
print(zlib.decompress(z), zlib.decompress(z, 15), zlib.decompress(z, bufsize=1))
print(zlib.decompress(b'KLJ\x06\x00', -15))
print(zlib.decompress(b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xffKLJ\x06\x00\xc2A$5\x03\x00\x00\x00', 31))
print(zlib.decompress(z, 47), zlib.decompress(b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xffKLJ\x06\x00\xc2A$5\x03\x00\x00\x00', 47))
p(lambda: zlib.decompress(b'abc'))
p(lambda: zlib.decompress(z[:-2]))
p(lambda: zlib.decompress(z[:5]))
p(lambda: zlib.decompress('abc'))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_BUF_SIZE, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION, zlib.Z_FINISH, issubclass(zlib.error, Exception))
`)
}
