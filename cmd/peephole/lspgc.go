package main

// The language server's garbage-collector policy: a floor under the heap
// goal.
//
// Go collects when the heap has grown by GOGC% (100) over what the last
// collection found live, and never below 4 MB. A cold server's live heap
// is small — the chunks of a freshly opened buffer are parsed, resolved
// and compiled one by one and almost all of it is garbage at once — so the
// first diagnostics of a 5,000-line file ran about a hundred collections,
// a third of their CPU (GODEBUG=gctrace=1). Under this policy the heap goal is at least
// lspMinHeap: after each collection GOGC is set so that the next goal is
// max(lspMinHeap, twice the live heap). Once the live heap passes half
// the floor (a large buffer analysed whole), GOGC is back at 100 and the
// server's memory is what it would be without the policy; below that, it
// never exceeds the floor.
//
// The policy is skipped when GOGC or GOMEMLIMIT is set in the environment:
// the user's choice stands.

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// lspMinHeap is the floor under the heap goal.
const lspMinHeap = 32 << 20

// maxGCPercent bounds GOGC when the live heap is tiny: Go's smallest
// heap goal is 4 MB×GOGC/100, which this keeps at the floor.
const maxGCPercent = lspMinHeap * 100 / (4 << 20)

// tuneLSPGC installs the policy.
func tuneLSPGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	adjust := func() {
		metrics.Read(sample)
		live := uint64(0)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			live = sample[0].Value.Uint64()
		}
		debug.SetGCPercent(gcPercentFor(live))
	}
	adjust()
	armGCHook(adjust)
}

// gcPercentFor is the GOGC that puts the heap goal at max(lspMinHeap,
// 2×live).
func gcPercentFor(live uint64) int {
	if live == 0 {
		return maxGCPercent
	}
	if 2*live >= lspMinHeap {
		return 100
	}
	return int(min((lspMinHeap-live)*100/live, maxGCPercent))
}

// gcSentinel is an object that nothing references: its finalizer runs
// after each garbage collection. (It has a pointer so that it is not
// packed with other small objects.)
type gcSentinel struct{ _ *byte }

// armGCHook calls fn after every garbage collection, on the finalizer
// goroutine.
func armGCHook(fn func()) {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		fn()
		armGCHook(fn)
	})
}
