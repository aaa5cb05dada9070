package vm

// asyncGenInitHooks is CPython's async_gen_init_hooks: the first time an
// async generator's __anext__, asend, athrow or aclose is called (also
// through async for and anext()), sys's firstiter hook, if set, is called
// with it. asyncio's event loop registers its async generators this way
// so that asyncio.run's shutdown_asyncgens closes the unfinished ones.
// The finalizer hook is not called: the VM does not finalize objects
// when their last reference goes.
func (t *Thread) asyncGenInitHooks(g *Generator) error {
	if g.hooksInited {
		return nil
	}
	g.hooksInited = true
	st := t.interp.asyncgenHooks
	if st == nil || st.firstiter.IsNull() || st.firstiter.IsNone() {
		return nil
	}
	_, err := t.Call(st.firstiter, []Value{{o: g}}, nil)
	return err
}
