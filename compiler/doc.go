// Package compiler turns a Python 3.13 syntax tree and its symbol table
// into the code objects CPython 3.13 makes of it, byte for byte: co_code,
// co_consts, co_linetable, co_exceptiontable and every other field. It also
// owns what describes code objects: opcodes, marshal and .pyc files, and
// the dis printer. The VM imports this package, never the reverse.
//
// # The pipeline
//
// [Compile] runs CPython's stages in CPython's order, and each can be held
// against CPython's own output for the same input:
//
//  1. The AST optimizer (astopt.go; Python/ast_opt.c) folds constants with
//     pyconst's operators within CPython's size limits, rewrites
//     `'%s' % (a,)` into an f-string, `not (a is b)` into `a is not b`,
//     list and set iterables into tuples and frozensets and __debug__ into
//     a bool, and fails with CPython's RecursionError past 10,000 levels.
//     It runs before the symbol table.
//  2. Codegen (codegen*.go; Python/compile.c) walks the tree one unit
//     (module, class body, function, lambda, comprehension, annotation
//     scope) at a time and writes a [Seq] of real and pseudo instructions
//     (JUMP, SETUP_FINALLY, POP_BLOCK, LOAD_CLOSURE, …) with labels. It
//     follows compile.c function for function, because what CPython emits
//     depends on the order in which it visits nodes (constants, names and
//     locals are numbered in order of first use) and on the location of
//     each instruction; a module unit's Seq matches what
//     _testinternalcapi.compiler_codegen returns. Under `from __future__
//     import annotations` annotations are stored as strings that
//     unparse.go rebuilds exactly as CPython's C unparser
//     (Python/ast_unparse.c) does, which differs from ast.unparse.
//  3. The flowgraph (flowgraph*.go; Python/flowgraph.c) cuts the Seq into
//     basic blocks and runs CPython's passes in CPython's order: exception
//     labelling, inlining of small exits, dead code, line numbers, constant
//     branches, jump threading, superinstructions, LOAD_FAST_CHECK, cold
//     blocks. It keeps CPython's block layout and quirks (which NOPs
//     survive to carry a line, which exits are duplicated, where threaded
//     jumps take their location and lose their handler) because they show
//     in co_code, co_linetable and co_exceptiontable. It then computes the
//     stack depth, inserts the prefix (COPY_FREE_VARS, MAKE_CELL,
//     RETURN_GENERATOR), lowers pseudo-instructions and turns backward
//     conditional jumps around.
//  4. The assembler (assemble.go, linetable.go, exctable.go;
//     Python/assemble.c) encodes instructions with EXTENDED_ARG prefixes
//     and inline CACHE entries, resolves jump offsets, writes the location
//     and exception tables and builds the [Code]. Input CPython would only
//     assert on is returned as an error.
//
// Constants are keyed as CPython's _PyCode_ConstantKey keys them (consts.go),
// and merged as its constant cache merges them: code objects compare by
// value, and a frozenset constant is rebuilt from its own iteration order
// when first registered and again when interning replaces one of its
// strings, which can reorder it (interned_gen.go lists the strings
// `python3.13 -m dis` has interned, generated from the oracle).
//
// Opcodes are generated from the oracle's opcode module (opcode_gen.go,
// `go generate ./compiler`); [StackEffect] is checked against
// dis.stack_effect.
//
// # Code objects in and out
//
// marshal.go reads and writes CPython's marshal format (version 4) and
// pyc.go the .pyc header, so code objects go to and from CPython's own
// files: [Unmarshal] returns pyconst values and *Code, never panics, and
// bounds depth and size on hostile data; [Marshal] writes what CPython
// loads to an equal object, set elements in CPython's order. positions.go
// decodes co_linetable and co_exceptiontable as co_positions(), co_lines()
// and dis do, and dis.go describes each instruction as dis does
// ([Code.Instructions]) and prints exactly what `python3.13 -m dis` prints
// ([Dis]).
//
// # For editors
//
// [Code.InstructionsAt] and [Code.InstructionsInRange] (editor.go) answer,
// across nested code objects, which instructions CPython runs for the
// source under the cursor or in a selection.
//
// Code objects hold no runtime objects: constants are pyconst values or
// nested *Code.
package compiler
