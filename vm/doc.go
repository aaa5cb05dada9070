// Package vm runs the code objects of package compiler with CPython
// 3.13's semantics: `peephole run`, and the runs of the language server.
//
// # Values
//
// A Value is two words: an Object interface and a uint64. Ints that fit
// in an int64, floats and bools are immediates (the interface holds one of
// three tag pointers and the word holds the bits), so the commonest
// arithmetic allocates nothing; every other value is a pointer to a heap
// object whose struct embeds ObjectBase (its class and instance dict).
// The zero Value is NULL: an unbound local, PUSH_NULL's marker, "no
// value" of the Go APIs. Values are compared with Is, never with ==.
//
// # Types and slots
//
// A Type carries Go functions for each operation (CPython's tp_* and
// nb_* slots: Call, GetAttr, Repr, Hash, Compare, Iter, Next, GetItem,
// Number.Add…). Builtin types fill them in Go, registered from each
// file's init through onSetup and finished once (finishTypes): bootstrap,
// the setups, slot inheritance from the base, then the wrapper methods
// that expose slots as dunders (int.__add__). A class statement makes a
// heap type whose slots call its dunder methods when it or a base defines
// them, recomputed when a dunder is assigned later (slots.go, as
// update_slot does), so `a + b` on builtin ints never looks anything up
// by name. Operators dispatch as abstract.c does (operators.go):
// reflected operands of subclasses first, NotImplemented passing the turn,
// the sequence fallbacks.
//
// # The loop
//
// Thread.run (eval.go) decodes the 3.13 instruction stream of a frame
// (EXTENDED_ARG, inline CACHE entries skipped) in one switch. An
// instruction that fails jumps to `raised`, which adds the frame to the
// exception's traceback; RERAISE and bare raise go to `unwind`, which
// looks the instruction up in the decoded exception table. Calls to Python
// functions recurse in Go, counted against the recursion limit (a limit
// far below what the Go stack holds). Generators own their suspended
// frame; send pushes the value into it and resumes; throw resumes it with
// the exception raised at the yield (generator.go).
//
// # Errors and limits
//
// Python exceptions are *Exception values returned as Go errors. An
// *Abort (a limit reached, a cancellation) is not catchable by Python
// code and unwinds every frame. Limits (steps, wall time, output bytes,
// memory, context cancellation, SIGINT) are checked every 64 RESUME and
// backward jumps, so no loop escapes them.
//
// # Modules
//
// Imports follow CPython's observable rules with a Go implementation
// (module.go): sys.modules, native modules written in Go, then the
// folders of sys.path for packages and modules compiled by package
// compiler; CPython's pure-Python standard library can be put on the path
// (Config.PyLib).
package vm
