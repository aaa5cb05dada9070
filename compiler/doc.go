// Package compiler turns a Python 3.13 syntax tree and its symbol table
// into the code objects CPython 3.13 makes of it, byte for byte: co_code,
// co_consts, co_linetable, co_exceptiontable and every other field.
//
// # The pipeline
//
// The stages are CPython's, in CPython's order, and each one can be held
// against CPython's own output for the same input:
//
//  1. The AST optimizer (astopt.go; Python/ast_opt.c) folds constants
//     within CPython's limits. It runs before the symbol table.
//  2. Codegen (codegen*.go; Python/compile.c) walks the tree one unit
//     (module, class body, function, lambda, comprehension, annotation
//     scope) at a time and writes a [Seq] of real and pseudo instructions
//     (JUMP, SETUP_FINALLY, POP_BLOCK, LOAD_CLOSURE, …) with labels. A
//     unit's Seq matches what _testinternalcapi.compiler_codegen returns.
//  3. The flowgraph (flowgraph*.go; Python/flowgraph.c) cuts the Seq into
//     basic blocks and runs CPython's passes in CPython's order: exception
//     labelling, inlining of small exits, dead code, line numbers, constant
//     branches, jump threading, superinstructions, LOAD_FAST_CHECK, cold
//     blocks. Its output matches _testinternalcapi.optimize_cfg. It then
//     computes the stack depth, inserts the prefix (COPY_FREE_VARS,
//     MAKE_CELL, RETURN_GENERATOR), lowers pseudo-instructions and turns
//     backward conditional jumps around.
//  4. The assembler (assemble.go; Python/assemble.c) encodes instructions
//     with EXTENDED_ARG prefixes and inline CACHE entries, resolves jump
//     offsets, writes the location and exception tables and builds the
//     [Code].
//
// Opcodes are generated from the oracle's opcode module (opcode_gen.go,
// `go generate ./compiler`); [StackEffect] is checked against
// dis.stack_effect.
//
// Code objects hold no runtime objects: constants are pyconst values or
// nested *Code, so the VM can depend on this package and never the
// reverse.
package compiler
