// End-to-end test of the VS Code extension: code-server (VS Code 1.100 in a
// browser) with the packaged .vsix installed, driven by Playwright in
// headless Chromium. scripts/editors-test starts code-server and passes,
// in the environment:
//   CS_URL        code-server's address (http://127.0.0.1:PORT)
//   WS            the workspace folder (holds FILE)
//   FILE          the example file's name, relative to WS
//   EXPECTED      a file with CPython 3.13's stdout for FILE
//   ARTIFACTS     where screenshots go
//   CHROMIUM      the browser (default /usr/bin/chromium)
//   SCENARIO      "trusted" (the default) or "untrusted" (Restricted Mode)
// It prints one "ok"/"not ok" line per check and exits non-zero when one fails.

"use strict";
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");
const { Checks, lineOf } = require("./checks");

const env = (k, d) => process.env[k] || d;
const CS_URL = env("CS_URL");
const WS = env("WS");
const FILE = env("FILE", "seeds.py");
const SCENARIO = env("SCENARIO", "trusted");
const ARTIFACTS = env("ARTIFACTS", path.join(__dirname, "artifacts"));
const source = fs.readFileSync(path.join(WS, FILE), "utf8");
const expected = env("EXPECTED") ? fs.readFileSync(env("EXPECTED"), "utf8") : null;

const t = new Checks(SCENARIO === "untrusted" ? "vscode-untrusted" : "vscode");

async function shot(page, name) {
  const file = path.join(ARTIFACTS, `vscode-${name}.png`);
  await page.screenshot({ path: file });
  t.note(`screenshot ${file}`);
}

/** Puts the cursor at a 1-based line and column with Go to Line. */
async function gotoPos(page, line, col) {
  await page.keyboard.press("Control+G");
  await page.waitForSelector(".quick-input-widget input >> visible=true");
  await page.keyboard.type(`${line}:${col}`);
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    ([l, c]) => [...document.querySelectorAll(".statusbar-item")].some((e) => e.textContent.includes(`Ln ${l}, Col ${c}`)),
    [line, col],
    { timeout: 5000 },
  );
}

/** Runs a command from the command palette by its title. */
async function palette(page, title) {
  await page.keyboard.press("F1");
  const input = await page.waitForSelector(".quick-input-widget input >> visible=true");
  await input.fill(`>${title}`);
  // The palette lists matches as the title's words arrive; choose the exact one.
  const row = await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"] >> visible=true`, { timeout: 10000 });
  await row.click();
}

/** Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text. */
async function hoverAt(page, line, col, want) {
  let text = "";
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.keyboard.press("Escape");
    await gotoPos(page, line, col);
    await page.keyboard.press("Control+K");
    await page.keyboard.press("Control+I");
    try {
      const h = await page.waitForSelector(".monaco-hover:not(.hidden) .monaco-hover-content >> visible=true", { timeout: 3000 });
      await page.waitForTimeout(200);
      text = await h.innerText();
      if (want.test(text)) {
        return text;
      }
    } catch {
      // The server may not be up yet: try again.
    }
    await page.waitForTimeout(500);
  }
  return text;
}

/** The screen position of the middle of a word on a 1-based line of the editor, or null. */
async function wordPoint(page, line, word) {
  return page.evaluate(
    ([line, word]) => {
      const editor = document.querySelector(".editor-group-container .monaco-editor");
      const num = [...editor.querySelectorAll(".margin-view-overlays .line-numbers")].find((e) => e.textContent.trim() === String(line));
      if (!num) return null;
      const top = num.getBoundingClientRect().top;
      const row = [...editor.querySelectorAll(".view-lines .view-line")].find((e) => Math.abs(e.getBoundingClientRect().top - top) < 3);
      if (!row) return null;
      // The text nodes of the line, in order (spaces are rendered as U+00A0).
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let text = "";
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ n, start: text.length });
        text += n.textContent;
      }
      const m = new RegExp(`\\b${word}\\b`).exec(text.replace(/\u00a0/g, " "));
      if (!m) return null;
      const at = (i) => {
        const k = nodes.filter((x) => x.start <= i).pop();
        return [k.n, i - k.start];
      };
      const r = document.createRange();
      r.setStart(...at(m.index));
      r.setEnd(...at(m.index + word.length - 1));
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    },
    [line, word],
  );
}

/** Hovers a word with the mouse, as a person does, and returns the hover's text. */
async function mouseHover(page, line, word, want) {
  let text = "";
  for (let attempt = 0; attempt < 15; attempt++) {
    await page.keyboard.press("Escape");
    await page.mouse.move(5, 5);
    await gotoPos(page, line, 1); // scroll it into view
    // Semantic colouring re-splits the line's spans: measure just before moving.
    const pt = await wordPoint(page, line, word);
    if (pt) {
      await page.mouse.move(pt.x - 2, pt.y);
      await page.mouse.move(pt.x, pt.y, { steps: 3 });
      try {
        const h = await page.waitForSelector(".monaco-hover:not(.hidden) .monaco-hover-content >> visible=true", { timeout: 3000 });
        await page.waitForTimeout(200);
        text = await h.innerText();
        if (want.test(text)) return text;
      } catch {
        // Not yet: try again.
      }
    }
    await page.waitForTimeout(400);
  }
  return text;
}

/** The frame of the bytecode view, once it shows something. */
async function bytecodeFrame(page) {
  for (let i = 0; i < 100; i++) {
    for (const f of page.frames()) {
      try {
        if (await f.$("#peephole-bytecode tr.instr")) {
          return f;
        }
      } catch {
        // A frame that went away.
      }
    }
    await page.waitForTimeout(200);
  }
  throw new Error("the bytecode view did not appear");
}

/** What the bytecode view shows: its title, the current line and the current rows. */
async function viewState(frame) {
  return frame.evaluate(() => ({
    title: document.querySelector("#head .title")?.textContent ?? "",
    line: document.body.dataset.currentLine,
    current: [...document.querySelectorAll("tr.instr.current")].map((r) => ({
      line: r.dataset.line,
      opname: r.querySelector(".opname").textContent,
      argrepr: r.querySelector(".argrepr").textContent,
    })),
    rows: document.querySelectorAll("tr.instr").length,
    labels: [...document.querySelectorAll("tr.instr.target td.label")].map((e) => e.textContent),
    jumps: [...document.querySelectorAll("a.jump")].map((e) => e.textContent),
  }));
}

async function waitView(frame, pred, what) {
  let last;
  for (let i = 0; i < 50; i++) {
    last = await viewState(frame);
    if (pred(last)) {
      return last;
    }
    await frame.page().waitForTimeout(200);
  }
  throw new Error(`${what}; the view shows ${JSON.stringify(last)}`);
}

/** The text of the output channel "Peephole". */
async function outputText(page) {
  return page.evaluate(() => {
    const ed = document.querySelector(".panel .output-view .monaco-editor .view-lines, .panel .monaco-editor .view-lines");
    if (!ed) return "";
    const lines = [...ed.querySelectorAll(".view-line")]
      .map((l) => ({ top: parseFloat(l.style.top) || 0, text: l.textContent.replace(/\u00a0/g, " ") }))
      .sort((a, b) => a.top - b.top);
    return lines.map((l) => l.text).join("\n");
  });
}

/** The extension's default colours for a theme key, as CSS colours. */
function themeRules(key) {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "vscode", "package.json"), "utf8"));
  const rules = pkg.contributes.configurationDefaults["editor.semanticTokenColorCustomizations"][key].rules;
  const out = {};
  for (const kind of ["local", "global", "builtin", "free"]) {
    const r = rules[`*.${kind}:python`];
    const hex = typeof r === "string" ? r : r.foreground;
    const n = parseInt(hex.slice(1), 16);
    out[kind] = { color: `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`, italic: typeof r === "object" && !!r.italic };
  }
  return out;
}

/** The rendered style of a name of each kind in the example. */
async function tokenStyles(page) {
  // total: a local of add_many; factorial: a global; range: a builtin; x in inner: free.
  const want = { total: "local", factorial: "global", range: "builtin" };
  const styles = await page.evaluate((want) => {
    const out = {};
    for (const line of document.querySelectorAll(".editor-group-container .view-line")) {
      const text = line.textContent.replace(/\u00a0/g, " ");
      for (const s of line.querySelectorAll("span > span")) {
        const w = s.textContent;
        let kind = want[w];
        if (w === "x" && /^\s*return x\b/.test(text)) kind = "free";
        if (kind && !(kind in out)) {
          const cs = getComputedStyle(s);
          out[kind] = { color: cs.color, italic: cs.fontStyle === "italic" };
        }
      }
    }
    return out;
  }, want);
  return styles;
}

function sameStyles(got, want) {
  return Object.keys(want).every((k) => got[k] && got[k].color === want[k].color && got[k].italic === want[k].italic);
}

/** The n-th run section of the output channel, once it has ended: {body, end}. */
async function lastRun(page, n) {
  let secs = [];
  for (let i = 0; i < 150; i++) {
    const out = await outputText(page);
    secs = [...out.matchAll(/▶ [^\n]*\n(?:([\s\S]*?)\n)?■ ([^\n]*)/g)].map((m) => ({ body: m[1] ?? "", end: m[2] }));
    if (secs.length >= n) return secs[n - 1];
    await page.waitForTimeout(200);
  }
  return secs[n - 1];
}

/** The main scenario, in a trusted workspace. */
async function trusted(page) {
  // A local and a global: the hover says the kind and the instruction.
  const local = lineOf(source, "    return c\n");
  const hl = await hoverAt(page, local, 12, /LOAD_FAST/);
  await shot(page, "hover-local");
  t.check("hover on a local says its kind", /local variable, in function add_nums/.test(hl), hl);
  t.check("hover on a local shows LOAD_FAST 2 (c)", /LOAD_FAST\s+2 \(c\)/.test(hl), hl);
  const glob = lineOf(source, "    return n * factorial(n - 1)\n");
  const hg = await mouseHover(page, glob, "factorial", /LOAD_GLOBAL/); // with the mouse, this one
  await shot(page, "hover-global");
  t.check("hover on a global says its kind", /global name, in function factorial/.test(hg), hg);
  t.check("hover on a global shows LOAD_GLOBAL (factorial + NULL)", /LOAD_GLOBAL\s+\d+ \(factorial \+ NULL\)/.test(hg), hg);
  const free = lineOf(source, "        return x");
  const hf = await hoverAt(page, free, 16, /LOAD_DEREF/);
  t.check("hover on a free variable shows LOAD_DEREF", /free variable/.test(hf) && /LOAD_DEREF\s+0 \(x\)/.test(hf), hf);
  await page.keyboard.press("Escape");

  // The scope modifiers have the extension's default colours.
  const dark = await tokenStyles(page);
  t.check("names are coloured by binding kind (dark theme)", sameStyles(dark, themeRules("[*Dark*]")), JSON.stringify(dark));

  // The bytecode view follows the cursor.
  const fLine = lineOf(source, "    c = a + b\n");
  await gotoPos(page, fLine, 5);
  await palette(page, "Peephole: Show Bytecode");
  const frame = await bytecodeFrame(page);
  let v = await waitView(frame, (s) => s.title === "add_nums" && s.line === String(fLine) && s.current.length > 0, "the view should show add_nums with line " + fLine + " highlighted");
  t.check("bytecode view shows the function under the cursor", v.title === "add_nums", JSON.stringify(v));
  t.check(
    "bytecode view highlights the current line's instructions",
    v.current.every((r) => r.line === String(fLine)) && v.current.map((r) => r.opname).join(" ") === "LOAD_FAST_LOAD_FAST BINARY_OP STORE_FAST",
    JSON.stringify(v.current),
  );
  await page.waitForTimeout(300);
  await shot(page, "bytecode-add_nums");

  const loop = lineOf(source, "        total = add_nums(total, i)\n");
  await page.click(".editor-group-container .monaco-editor .view-lines");
  await gotoPos(page, loop, 17);
  v = await waitView(frame, (s) => s.title === "add_many" && s.line === String(loop), "the view should follow the cursor to add_many");
  t.check("bytecode view follows the cursor into another function", v.title === "add_many" && v.current.length > 0, JSON.stringify(v));
  t.check("bytecode view shows jump targets and jumps", v.labels.length >= 2 && v.jumps.some((j) => /^to L\d+$/.test(j)), JSON.stringify({ labels: v.labels, jumps: v.jumps }));
  await page.waitForTimeout(300);
  await shot(page, "bytecode-add_many");

  // The overview (the README's picture): a hover with the binding kind,
  // and the bytecode view beside the source with the line highlighted.
  const ho = await hoverAt(page, loop, 9, /STORE_FAST\s+1 \(total\)/);
  await waitView(frame, (s) => s.title === "add_many" && s.line === String(loop), "the view should stay on add_many");
  await page.waitForTimeout(300);
  await shot(page, "overview");
  t.check("hover beside the view shows a store's kind and STORE_FAST", /local variable/.test(ho) && /STORE_FAST\s+1 \(total\)/.test(ho), ho);
  await page.keyboard.press("Escape");

  // Choosing an instruction selects its source range.
  const row = await frame.waitForSelector('tr.instr.current:has(td.opname:text-is("LOAD_GLOBAL"))');
  await row.click();
  await page.waitForFunction(
    (l) => [...document.querySelectorAll(".statusbar-item")].some((e) => new RegExp(`Ln ${l}, Col 17 \\(8 selected\\)`).test(e.textContent)),
    loop,
    { timeout: 5000 },
  ).then(
    () => t.check("choosing an instruction selects its source", true),
    async () => t.check("choosing an instruction selects its source", false, await page.innerText(".statusbar")),
  );

  // Run the file: the output channel shows what CPython prints.
  await page.keyboard.press("Control+1"); // back to the editor, the cursor where it was
  await palette(page, "Peephole: Run File");
  const sec = await lastRun(page, 1);
  await shot(page, "run");
  let ranOK = false;
  if (expected === null) {
    t.skip("run output equals CPython's", "no oracle (EXPECTED) to compare with");
  } else if (sec && /is not available|this peephole has no VM/i.test(sec.end) && process.env.PEEPHOLE_EDITORS_ALLOW_NO_RUNNER === "1") {
    t.skip("run output equals CPython's", "the server has no runner: " + sec.end);
  } else {
    ranOK = t.check("run output equals CPython's", sec && sec.body === expected.replace(/\n$/, ""), `output channel:\n${await outputText(page)}\nexpected:\n${expected}`);
    t.check("run reports exit code 0", sec && /exit code 0/.test(sec.end), JSON.stringify(sec));
  }

  // Run Selection: a line of the module, in the session Run File left.
  if (ranOK) {
    const sel = lineOf(source, "print(add_nums(10, 20))");
    await gotoPos(page, sel, 1);
    await page.keyboard.press("Shift+End");
    await palette(page, "Peephole: Run Selection");
    const sec = await lastRun(page, 2);
    t.check("a selection runs in the file's session", sec && sec.body === "30" && /exit code 0/.test(sec.end), JSON.stringify(sec));

    // Cancel: a run that would not end is stopped from the progress notification.
    await page.keyboard.press("Control+1");
    await page.keyboard.press("Control+End"); // the empty line after the last newline
    await page.keyboard.type("while True:\n", { delay: 5 }); // the editor indents the next line
    await page.keyboard.type("pass", { delay: 5 });
    const spin = source.split("\n").length;
    await gotoPos(page, spin, 1);
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+End");
    await palette(page, "Peephole: Run Selection");
    const cancel = await page.waitForSelector('.notifications-toasts .monaco-button:has-text("Cancel") >> visible=true', { timeout: 10000 });
    await shot(page, "progress");
    await page.waitForTimeout(500);
    await cancel.click();
    const sec2 = await lastRun(page, 3);
    t.check("Cancel in the progress notification stops a run", sec2 && /cancelled|stopped/.test(sec2.end), JSON.stringify(sec2));
  } else {
    t.skip("selection runs and Cancel", "the server cannot run");
  }

  // The "bytecode" code lens above a def shows that function.
  const facDef = lineOf(source, "def factorial(n):");
  await page.keyboard.press("Control+1");
  await gotoPos(page, fLine, 5); // in add_nums, with factorial's def in view too
  await waitView(frame, (x) => x.title === "add_nums", "the view should be back on add_nums");
  const lensAt = await page.evaluate((line) => {
    const editor = document.querySelector(".editor-group-container .monaco-editor");
    const num = [...editor.querySelectorAll(".margin-view-overlays .line-numbers")].find((e) => e.textContent.trim() === String(line));
    if (!num) return null;
    const top = num.getBoundingClientRect().top;
    // The lens sits in the zone just above its line.
    const lenses = [...editor.querySelectorAll(".codelens-decoration a")].filter((a) => a.textContent.trim() === "bytecode");
    const above = lenses.map((a) => ({ a, r: a.getBoundingClientRect() })).filter((x) => x.r.bottom <= top + 2 && top - x.r.bottom < 30);
    if (above.length === 0) return null;
    const r = above[0].r;
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, facDef);
  if (lensAt) {
    await page.mouse.click(lensAt.x, lensAt.y);
    const fv = await waitView(frame, (x) => x.title === "factorial", "").catch((e) => String(e));
    t.check("the bytecode code lens above a def shows its code object", typeof fv === "object", fv);
  } else {
    t.check("the bytecode code lens above a def shows its code object", false, "no lens above line " + facDef);
  }

  // A light theme gets its own colours.
  await palette(page, "Preferences: Color Theme");
  await page.waitForSelector(".quick-input-widget input >> visible=true");
  await page.keyboard.type("Light Modern");
  await page.waitForTimeout(300);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+1");
  let light;
  for (let i = 0; i < 25; i++) {
    await gotoPos(page, free, 16); // x of inner() in view
    const seen = await tokenStyles(page);
    await gotoPos(page, lineOf(source, "    for i in range(n):"), 14); // and range
    light = Object.assign(seen, await tokenStyles(page));
    if (sameStyles(light, themeRules("[*Light*]"))) break;
    await page.waitForTimeout(200);
  }
  const lv = await waitView(frame, (x) => x.title === "add_many" && x.current.length > 0, "").catch((e) => String(e));
  t.check("the bytecode view follows the cursor in the light theme", typeof lv === "object", lv);
  await shot(page, "light-theme");
  t.check("names are coloured by binding kind (light theme)", sameStyles(light, themeRules("[*Light*]")), JSON.stringify(light));
}

/**
 * In an untrusted workspace (Restricted Mode) hovers work, but nothing runs:
 * Run File is not in the palette, its key does nothing, and the "▶ Run"
 * code lens says why.
 */
async function untrusted(page) {
  const local = lineOf(source, "    return c\n");
  const hl = await hoverAt(page, local, 12, /LOAD_FAST/);
  t.check("restricted mode: hovers work", /LOAD_FAST\s+2 \(c\)/.test(hl), hl);
  await page.keyboard.press("Escape");

  await page.keyboard.press("F1");
  const input = await page.waitForSelector(".quick-input-widget input >> visible=true");
  await input.fill(">Peephole:");
  await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="Peephole: Show Bytecode"] >> visible=true');
  const titles = await page.$$eval(".quick-input-list .monaco-list-row", (rows) => rows.map((r) => r.getAttribute("aria-label") || ""));
  await shot(page, "untrusted-palette");
  await page.keyboard.press("Escape");
  t.check(
    "restricted mode: the palette offers Show Bytecode but no run",
    titles.some((x) => x.includes("Show Bytecode")) && !titles.some((x) => /Peephole: Run (File|Selection)/.test(x)),
    titles.join("\n"),
  );

  await page.keyboard.press("Control+1");
  await page.keyboard.press("Control+Alt+R");
  await page.waitForTimeout(1000);
  t.check("restricted mode: the Run File key does nothing", !/▶ Running/.test(await outputText(page)), await outputText(page));

  // The lens is still drawn; choosing it explains instead of running.
  await page.keyboard.press("Control+Home");
  const lens = await page.waitForSelector('.contentWidgets .codelens-decoration a:has-text("Run") >> visible=true');
  await lens.click();
  const toast = await page
    .waitForSelector('.notifications-toasts :text("does not run code in an untrusted workspace") >> visible=true', { timeout: 10000 })
    .catch(() => null);
  await shot(page, "untrusted-lens");
  t.check("restricted mode: the Run lens says it does not run", toast !== null && !/▶ Running/.test(await outputText(page)), await outputText(page));
}

async function main() {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: env("CHROMIUM", "/usr/bin/chromium"),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.setDefaultTimeout(20000);
  try {
    await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS)}`);
    await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
    await page.click(`.explorer-folders-view .monaco-list-row[aria-label^="${FILE}"]`);
    await page.waitForSelector(".monaco-editor .view-lines");
    await page.click(".editor-group-container .monaco-editor .view-lines");
    await page.keyboard.press("Control+B"); // hide the side bar: room for the editor and the view
    if (SCENARIO === "untrusted") {
      await untrusted(page);
    } else {
      await trusted(page);
    }
  } catch (err) {
    t.check("scenario completed", false, String(err && err.stack ? err.stack : err));
    await shot(page, "failure").catch(() => {});
  } finally {
    await browser.close();
  }
  process.exit(t.finish());
}

main();
