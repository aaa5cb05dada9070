package compiler

// Tests of the flowgraph that need no oracle: malformed input is an
// error, never a panic or a hang.

import (
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

func seqOf(instrs ...Instr) *Seq {
	s := &Seq{}
	for _, in := range instrs {
		in.Except = NoHandler
		s.Instrs = append(s.Instrs, in)
	}
	return s
}

func ins(op Opcode, arg, line int) Instr {
	loc := NoLoc
	if line >= 0 {
		loc = Loc{line, line, 0, 1}
	}
	return Instr{Op: op, Arg: arg, Loc: loc}
}

// runFlowgraph runs every stage and returns the first error.
func runFlowgraph(seq *Seq, consts []Const, nlocals int, meta *unitMeta, flags CodeFlags) (*Seq, error) {
	g, err := buildCFG(seq)
	if err != nil {
		return nil, err
	}
	if err := g.optimizeCodeUnit(&consts, nlocals, 0, 1); err != nil {
		return nil, err
	}
	out, _, _, err := g.optimizedToSeq(meta, flags)
	return out, err
}

func TestFlowgraphMalformed(t *testing.T) {
	none := []Const{pyconst.None}
	meta := &unitMeta{FirstLineno: 1}
	tests := []struct {
		name string
		seq  *Seq
		want string
	}{
		{"unknown opcode", seqOf(ins(Opcode(230), 0, 1)), "unknown opcode"},
		{"negative argument", seqOf(ins(LOAD_CONST, -1, 1), ins(RETURN_VALUE, 0, 1)), "out of range"},
		{"jump past the end", seqOf(ins(JUMP, 5, 1)), "past the end"},
		{"constant out of range", seqOf(ins(LOAD_CONST, 3, 1), ins(RETURN_VALUE, 0, 1)), "constant index"},
		{"POP_BLOCK alone", seqOf(ins(POP_BLOCK, 0, 1), ins(RETURN_CONST, 0, 1)), "POP_BLOCK"},
		{"underflow", seqOf(ins(POP_TOP, 0, 1), ins(RETURN_CONST, 0, 1)), "underflow"},
		{"inconsistent depth", seqOf(
			ins(LOAD_NAME, 0, 1), ins(POP_JUMP_IF_FALSE, 4, 1),
			ins(LOAD_NAME, 0, 2), ins(LOAD_NAME, 0, 2),
			ins(NOP, 0, 3), ins(RETURN_CONST, 0, 3)), "inconsistent stackdepth"},
		{"no such cell", seqOf(ins(LOAD_DEREF, 2, 1), ins(RETURN_VALUE, 0, 1)), "no such cell"},
		{"specialized opcode", seqOf(ins(Opcode(150), 0, 1), ins(RETURN_CONST, 0, 1)), "unknown opcode"},
		{"no stack effect", seqOf(ins(INSTRUMENTED_LINE, 0, 1), ins(RETURN_CONST, 0, 1)), "stack effect"},
	}
	for _, tt := range tests {
		_, err := runFlowgraph(tt.seq, append([]Const(nil), none...), 0, meta, 0)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one with %q", tt.name, err, tt.want)
		}
	}
	// A Seq that still has labels is accepted, its labels applied.
	s := &Seq{}
	l := s.NewLabel()
	s.Add(LOAD_NAME, 0, Loc{1, 1, 0, 1})
	s.Add(POP_JUMP_IF_FALSE, int(l), Loc{1, 1, 0, 1})
	s.Add(NOP, 0, Loc{2, 2, 0, 1})
	s.UseLabel(l)
	s.Add(RETURN_CONST, 0, Loc{3, 3, 0, 1})
	if _, err := runFlowgraph(s, append([]Const(nil), none...), 0, meta, 0); err != nil {
		t.Errorf("labelled sequence: %v", err)
	}
	if s.labels == nil {
		t.Errorf("buildCFG changed its input")
	}
	// An empty sequence does not panic.
	if _, err := runFlowgraph(&Seq{}, nil, 0, meta, 0); err != nil {
		t.Logf("empty sequence: %v", err)
	}
}

// TestFlowgraphCycles feeds graphs on which CPython would loop forever: a
// line-less jump to itself (inlined into itself) and a cycle of jumps to
// jumps (threaded around it). The Go passes must stop.
func TestFlowgraphCycles(t *testing.T) {
	meta := &unitMeta{FirstLineno: 1}
	seqs := []*Seq{
		seqOf(ins(RESUME, 0, 1), ins(JUMP, 1, -1)),
		seqOf(ins(RESUME, 0, 1), ins(LOAD_NAME, 0, 1), ins(POP_JUMP_IF_TRUE, 4, 1),
			ins(JUMP, 5, 2), ins(JUMP, 5, 3), ins(JUMP, 4, 4)),
		seqOf(ins(RESUME, 0, 1), ins(JUMP, 2, -1), ins(JUMP, 3, -1), ins(JUMP, 2, -1)),
	}
	for i, s := range seqs {
		done := make(chan error, 1)
		go func() {
			_, err := runFlowgraph(s, []Const{pyconst.None}, 0, meta, 0)
			done <- err
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("sequence %d: the flowgraph does not stop", i)
		}
	}
}

// TestFlowgraphRandom runs random instruction sequences through every
// stage: each may fail, none may panic.
func TestFlowgraphRandom(t *testing.T) {
	var ops []Opcode
	for op := Opcode(0); int(op) < len(opcodeNames); op++ {
		if opcodeNames[op] != "" && op.facts().flags&isInstrumented == 0 {
			ops = append(ops, op)
		}
	}
	common := []Opcode{LOAD_CONST, LOAD_FAST, STORE_FAST, LOAD_NAME, POP_TOP, NOP, SWAP, COPY, TO_BOOL,
		POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, JUMP, JUMP_NO_INTERRUPT, SETUP_FINALLY, POP_BLOCK, BUILD_TUPLE,
		UNPACK_SEQUENCE, RETURN_VALUE, RETURN_CONST, LOAD_DEREF, STORE_FAST_MAYBE_NULL, LOAD_FAST_AND_CLEAR,
		YIELD_VALUE, RESUME, IS_OP, COMPARE_OP, LOAD_GLOBAL, PUSH_NULL, DELETE_FAST, FOR_ITER, END_FOR}
	consts := []Const{pyconst.None, pyconst.IntFromInt64(0), pyconst.IntFromInt64(1), pyconst.Str("s"),
		pyconst.Tuple{}, pyconst.Bool(true)}
	meta := &unitMeta{FirstLineno: 1, CellVars: nameTableOf([]string{"c"}), FreeVars: nameTableOf([]string{"f"}),
		VarNames: nameTableOf([]string{"a", "b", "c"})}
	r := rand.New(rand.NewSource(1))
	stages := map[string]int{}
	n := 3000
	if testing.Short() {
		n = 300
	}
	for k := 0; k < n; k++ {
		size := 1 + r.Intn(40)
		s := &Seq{}
		for i := 0; i < size; i++ {
			op := common[r.Intn(len(common))]
			if r.Intn(4) == 0 {
				op = ops[r.Intn(len(ops))]
			}
			arg := r.Intn(4)
			switch {
			case op.HasJump() || op.HasExc():
				arg = r.Intn(size)
			case r.Intn(20) == 0:
				arg = r.Intn(100)
			}
			line := r.Intn(5) - 1
			s.Instrs = append(s.Instrs, Instr{Op: op, Arg: arg, Loc: Loc{line, line, 0, 1}, Except: NoHandler})
		}
		func() {
			defer func() {
				if p := recover(); p != nil {
					var b strings.Builder
					for i, in := range s.Instrs {
						b.WriteString("\n  ")
						b.WriteString(itoa(i))
						b.WriteString(" ")
						b.WriteString(fmtInstr(in))
					}
					t.Fatalf("panic %v on%s", p, b.String())
				}
			}()
			_, err := runFlowgraph(s, append([]Const(nil), consts...), r.Intn(70), meta, CodeFlags(r.Intn(2))*CoGenerator)
			msg := "ok"
			if err != nil {
				msg = strings.SplitN(err.Error(), " ", 2)[0]
			}
			stages[msg]++
		}()
	}
	t.Logf("outcomes: %v", stages)
	if stages["ok"] < n/10 {
		t.Errorf("only %d of %d random sequences went through every stage", stages["ok"], n)
	}
}

// TestFlowgraphLarge runs a long chain of blocks and deeply nested
// handlers through every stage, to catch quadratic passes and deep
// recursion.
func TestFlowgraphLarge(t *testing.T) {
	s := &Seq{}
	s.Add(RESUME, 0, Loc{1, 1, 0, 0})
	const n = 20000
	// n tests: LOAD_NAME; POP_JUMP_IF_FALSE next; LOAD_CONST; STORE_NAME
	for i := 0; i < n; i++ {
		base := len(s.Instrs)
		line := 2 + i
		s.Add(LOAD_NAME, 0, Loc{line, line, 0, 1})
		s.Add(POP_JUMP_IF_FALSE, base+4, Loc{line, line, 0, 1})
		s.Add(LOAD_CONST, 1, Loc{line, line, 0, 1})
		s.Add(STORE_NAME, 1, Loc{line, line, 0, 1})
	}
	// 500 nested try blocks
	const depth = 500
	var setups []int
	for i := 0; i < depth; i++ {
		setups = append(setups, len(s.Instrs))
		s.Add(SETUP_FINALLY, 0, NoLoc)
		s.Add(NOP, 0, Loc{n + 2 + i, n + 2 + i, 0, 1})
	}
	for i := 0; i < depth; i++ {
		s.Add(POP_BLOCK, 0, NoLoc)
	}
	s.Add(RETURN_CONST, 0, NoLoc)
	for i := depth - 1; i >= 0; i-- {
		s.Instrs[setups[i]].Arg = len(s.Instrs)
		s.Add(POP_TOP, 0, NoLoc)
		s.Add(RETURN_CONST, 0, NoLoc)
	}
	for i := range s.Instrs {
		s.Instrs[i].Except = NoHandler
	}
	start := time.Now()
	out, err := runFlowgraph(s, []Const{pyconst.None, pyconst.IntFromInt64(1)}, 0, &unitMeta{FirstLineno: 1}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("%d instructions took %v", len(s.Instrs), d)
	}
	if len(out.Instrs) < 4*n {
		t.Errorf("only %d instructions out", len(out.Instrs))
	}
}
