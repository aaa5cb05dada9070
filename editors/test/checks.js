// A small check recorder for the end-to-end scripts: one "ok"/"not ok" line
// per check (TAP-like), details of a failure indented under it, and a
// closing count.

"use strict";

class Checks {
  constructor(name) {
    this.name = name;
    this.passed = 0;
    this.failed = 0;
    this.skipped = 0;
  }
  check(what, ok, detail) {
    if (ok) {
      this.passed++;
      console.log(`ok - ${this.name}: ${what}`);
    } else {
      this.failed++;
      console.log(`not ok - ${this.name}: ${what}`);
      if (detail !== undefined) {
        console.log(String(detail).replace(/^/gm, "    # "));
      }
    }
    return ok;
  }
  skip(what, why) {
    this.skipped++;
    console.log(`ok - ${this.name}: ${what} # SKIP ${why}`);
  }
  note(msg) {
    console.log(`# ${this.name}: ${msg}`);
  }
  /** Prints the count and returns the exit status. */
  finish() {
    console.log(`# ${this.name}: ${this.passed} passed, ${this.failed} failed, ${this.skipped} skipped`);
    return this.failed > 0 || this.passed === 0 ? 1 : 0;
  }
}

/** The 1-based line of the first line of source that starts with text. */
function lineOf(source, text) {
  const i = source.indexOf(text);
  if (i < 0) {
    throw new Error(`the example has no ${JSON.stringify(text)}`);
  }
  return source.slice(0, i).split("\n").length;
}

module.exports = { Checks, lineOf };
