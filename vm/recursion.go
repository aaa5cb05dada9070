package vm

// CPython 3.13 has two recursion limits. Python frames count against
// sys.getrecursionlimit() (Thread.enter), with the message "maximum
// recursion depth exceeded". Native operations that can recurse without
// a Python frame, repr() and str() of containers, comparisons, calls of
// objects through their type's __call__, count against a fixed limit of
// 10000 (Py_C_RECURSION_LIMIT), each with its own ending of the message
// ("... while getting the repr of an object", "... in comparison").
// Raising sys.setrecursionlimit does not raise the second limit, so a list
// nested 20000 deep cannot be printed, as in CPython.

// cRecursionLimit is Py_C_RECURSION_LIMIT of CPython 3.13.
const cRecursionLimit = 10000

// enterC counts a nested native operation; where completes the message
// of the RecursionError raised past the limit.
func (t *Thread) enterC(where string) error {
	t.cdepth++
	if t.cdepth > cRecursionLimit {
		t.cdepth--
		return t.raise(RecursionErrorType, "maximum recursion depth exceeded"+where)
	}
	return nil
}

// leaveC ends what enterC counted.
func (t *Thread) leaveC() { t.cdepth-- }
