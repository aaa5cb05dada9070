package vm

import (
	"runtime"
	"weak"
)

// Buffer exports for the objects whose size cannot change while a
// memoryview of them lives: BytesIO (through getbuffer) and array.array.
//
// CPython counts the views of a buffer and lets one go when the view is
// released or freed, which reference counting does the moment the last
// reference goes. The VM has no reference counts, so a viewTracker holds
// weak pointers to the views: a released view or one the Go collector has
// freed no longer counts. When a resize finds views that look alive, a
// collection runs first (only then, so the cost falls on the rare
// programs that resize a buffer they have viewed), and only the views
// still reachable afterwards — those the program can still use, as in
// CPython — make the resize fail with BufferError.

// viewTracker tracks the memoryviews of one exporter.
type viewTracker struct {
	views []weak.Pointer[MemoryView]
}

// add registers a new view.
func (vt *viewTracker) add(m *MemoryView) {
	vt.views = append(vt.views, weak.Make(m))
}

// prune drops the views that are released or freed, and reports whether
// any remain.
func (vt *viewTracker) prune() bool {
	live := vt.views[:0]
	for _, p := range vt.views {
		if m := p.Value(); m != nil && !m.released {
			live = append(live, p)
		}
	}
	clear(vt.views[len(live):])
	vt.views = live
	return len(live) > 0
}

// busy reports whether a view of the buffer is still usable.
func (vt *viewTracker) busy() bool {
	if len(vt.views) == 0 || !vt.prune() {
		return false
	}
	runtime.GC()
	return vt.prune()
}
