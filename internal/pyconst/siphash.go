package pyconst

// SipHash13 returns SipHash-1-3 of data with the key (k0, k1), the 64-bit
// variant that CPython uses for str and bytes hashes and, with k0 set to the
// .pyc magic number, for importlib.util.source_hash.
func SipHash13(k0, k1 uint64, data []byte) uint64 { return siphash13(k0, k1, data) }
