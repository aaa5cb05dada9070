#!/bin/sh
# Runs the VM benchmark: every program of bench/vm/programs under `peephole run`
# and under CPython 3.13 in the same run, checks their outputs are equal, and
# prints per-program times, the ratios peephole/CPython and their geometric mean.
# Flags go to the Go program (go run ./bench/vm -h lists them), e.g.
#   bench/vm/run.sh -rounds 5 -run 'fib|nbody'
# It fails with a clear message while `peephole run` does not exist yet.
set -e
cd "$(dirname "$0")/../.."
exec go run ./bench/vm "$@"
