// The bytecode view's page: renders a peephole/bytecode answer as dis lays
// it out (line, label, offset, opname, argument), highlights the current
// line's instructions, and tells the extension which instruction was chosen
// or pointed at.
(function () {
  "use strict";
  const vscode = acquireVsCodeApi();
  const head = document.getElementById("head");
  const tbody = document.querySelector("#instrs tbody");
  const children = document.getElementById("children");
  let current = null; // the last bytecode shown

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // dis numbers its labels L1, L2, … in the order of the targets' offsets.
  function labels(instrs) {
    const byOffset = new Map();
    let n = 0;
    for (const i of instrs) {
      if (i.isJumpTarget) byOffset.set(i.offset, "L" + ++n);
    }
    return byOffset;
  }

  function render(bc, line, file) {
    current = bc;
    head.textContent = "";
    const title = el("span", "title", bc.qualname);
    const where = el("span", "muted", "  " + file + ", line " + bc.firstLine);
    head.append(title, where);
    tbody.textContent = "";
    const labelOf = labels(bc.instructions);
    const labelRow = new Map();
    let prevLine = undefined;
    bc.instructions.forEach((ins, idx) => {
      const tr = el("tr", "instr");
      tr.dataset.index = String(idx);
      tr.dataset.offset = String(ins.offset);
      if (ins.line !== null) tr.dataset.line = String(ins.line);
      const newLine = ins.line !== prevLine;
      if (newLine && idx > 0) tr.classList.add("newline");
      prevLine = ins.line;
      tr.append(el("td", "line", newLine ? (ins.line === null ? "--" : String(ins.line)) : ""));
      const label = labelOf.get(ins.offset);
      const lab = el("td", "label", label ? label + ":" : "");
      if (label) {
        tr.classList.add("target");
        tr.id = "label-" + label;
        lab.title = "jump target";
      }
      tr.append(lab);
      tr.append(el("td", "offset", String(ins.offset)));
      tr.append(el("td", "opname", ins.opname));
      tr.append(el("td", "arg", ins.arg === null ? "" : String(ins.arg)));
      const rep = el("td", "argrepr");
      const m = /^to (L\d+)$/.exec(ins.argrepr);
      if (m) {
        const a = el("a", "jump", ins.argrepr);
        a.href = "#label-" + m[1];
        a.title = "go to " + m[1];
        a.addEventListener("click", (ev) => {
          ev.preventDefault();
          ev.stopPropagation();
          const t = document.getElementById("label-" + m[1]);
          if (t) {
            t.scrollIntoView({ block: "center" });
            t.classList.remove("flash");
            void t.offsetWidth;
            t.classList.add("flash");
          }
        });
        rep.append("(", a, ")");
        tr.classList.add("jump");
      } else if (ins.argrepr) {
        rep.textContent = "(" + ins.argrepr + ")";
      }
      tr.append(rep);
      if (ins.range) {
        tr.classList.add("has-range");
        tr.title = "line " + (ins.range.start.line + 1) + ", column " + (ins.range.start.character + 1) + ": click to select the source";
      }
      tr.addEventListener("click", () => {
        if (ins.range) vscode.postMessage({ type: "reveal", range: ins.range });
        for (const r of tbody.querySelectorAll("tr.chosen")) r.classList.remove("chosen");
        tr.classList.add("chosen");
      });
      tr.addEventListener("mouseenter", () => vscode.postMessage({ type: "point", range: ins.range }));
      tr.addEventListener("mouseleave", () => vscode.postMessage({ type: "point", range: null }));
      tbody.append(tr);
      if (label) labelRow.set(label, tr);
    });
    children.textContent = "";
    if (bc.children.length > 0) {
      children.append(el("div", "muted", "Nested code objects:"));
      const ul = el("ul");
      for (const ch of bc.children) {
        const li = el("li");
        const a = el("a", "child", ch.qualname);
        a.href = "#";
        a.title = "line " + ch.firstLine;
        a.addEventListener("click", (ev) => {
          ev.preventDefault();
          vscode.postMessage({ type: "reveal", range: { start: ch.range.start, end: ch.range.start } });
        });
        li.append(a, el("span", "muted", " line " + ch.firstLine));
        ul.append(li);
      }
      children.append(ul);
    }
    highlight(line);
  }

  function highlight(line) {
    let first = null;
    let count = 0;
    for (const tr of tbody.querySelectorAll("tr.instr")) {
      const on = tr.dataset.line === String(line);
      tr.classList.toggle("current", on);
      if (on) {
        count++;
        if (!first) first = tr;
      }
    }
    document.body.dataset.currentLine = String(line);
    document.body.dataset.currentCount = String(count);
    if (first) first.scrollIntoView({ block: "nearest" });
  }

  window.addEventListener("message", (ev) => {
    const m = ev.data;
    if (!m || typeof m !== "object") return;
    if (m.type === "bytecode") {
      render(m.bytecode, m.line, m.file);
      vscode.setState({ bytecode: m.bytecode, line: m.line, file: m.file });
    } else if (m.type === "line" && current) {
      highlight(m.line);
    } else if (m.type === "error") {
      head.textContent = "";
      head.append(el("span", "error", m.message));
    }
  });

  const state = vscode.getState();
  if (state && state.bytecode) render(state.bytecode, state.line, state.file);
  // Messages posted before this script ran are lost: ask for the current one.
  vscode.postMessage({ type: "ready" });
})();
