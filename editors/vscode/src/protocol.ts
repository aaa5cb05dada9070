// The shapes of peephole's own protocol (DESIGN §8): run results and the
// answer to peephole/bytecode.

export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

export interface RunFrame {
  uri: string;
  line: number;
  name: string;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  durationMs: number;
  timedOut: boolean;
  exception: { type: string; message: string; frames: RunFrame[] } | null;
}

export interface Instruction {
  offset: number;
  opname: string;
  opcode: number;
  arg: number | null;
  argrepr: string;
  line: number | null;
  range: LspRange | null;
  isJumpTarget: boolean;
}

export interface CodeChild {
  name: string;
  qualname: string;
  firstLine: number;
  range: LspRange;
}

export interface Bytecode {
  name: string;
  qualname: string;
  firstLine: number;
  text: string;
  instructions: Instruction[];
  children: CodeChild[];
}

/** The closing line of a run in the output channel. */
export function describeExit(r: RunResult): string {
  const ms = `${r.durationMs} ms`;
  if (r.timedOut) {
    return `timed out after ${ms}`;
  }
  if (r.exitCode === null) {
    return `stopped after ${ms}`;
  }
  if (r.exception) {
    return `${r.exception.type} (exit code ${r.exitCode}) after ${ms}`;
  }
  return `exit code ${r.exitCode} after ${ms}`;
}
