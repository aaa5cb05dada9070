// The bytecode view: a webview beside the Python editor that shows the code
// object under the cursor (peephole/bytecode), follows the cursor, and
// highlights the instructions of the cursor's line. Choosing an instruction
// selects its source range in the editor; pointing at one outlines that
// range; jump targets carry dis's labels (L1, L2, …) and a jump's "to L2"
// leads to its target.
//
// The view keeps the last Python editor it followed, so it stays put when
// the focus moves into the view itself or to another kind of editor.
// Requests are debounced and numbered: an answer older than the newest
// request is dropped, so a fast-moving cursor never shows a stale code object.

import * as vscode from "vscode";
import { LanguageClient, State } from "vscode-languageclient/node";
import { Bytecode, LspRange } from "./protocol";

const DEBOUNCE_MS = 60;

export class BytecodeView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private editor: vscode.TextEditor | undefined;
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private disposables: vscode.Disposable[] = [];
  /** The selection the view itself made (choosing an instruction), which it does not follow. */
  private own: vscode.Selection | undefined;
  /** The position of the last request. */
  private lastPos: vscode.Position | undefined;
  /** What the page shows (sent again when the page (re)loads: a message posted before its script runs is lost). */
  private shown: unknown;
  private readonly outline: vscode.TextEditorDecorationType;
  private readonly lineMark: vscode.TextEditorDecorationType;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
  ) {
    this.outline = vscode.window.createTextEditorDecorationType({
      borderWidth: "1px",
      borderStyle: "solid",
      borderColor: new vscode.ThemeColor("editor.findMatchBorder"),
      backgroundColor: new vscode.ThemeColor("editor.findMatchHighlightBackground"),
    });
    this.lineMark = vscode.window.createTextEditorDecorationType({
      isWholeLine: true,
      overviewRulerColor: new vscode.ThemeColor("editorOverviewRuler.findMatchForeground"),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
    });
    this.disposables.push(
      this.outline,
      this.lineMark,
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.own && !(e.textEditor === this.editor && e.selections[0]?.isEqual(this.own))) {
          this.own = undefined; // the user moved: follow the cursor again
        }
        if (this.follows(e.textEditor)) {
          this.editor = e.textEditor;
          this.schedule();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor((ed) => {
        if (ed && this.follows(ed)) {
          this.editor = ed;
          this.schedule();
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && this.editor && e.document === this.editor.document) {
          this.schedule();
        }
      }),
    );
  }

  /** The Python editor the view last followed. */
  lastEditor(): vscode.TextEditor | undefined {
    return this.editor;
  }

  private follows(ed: vscode.TextEditor): boolean {
    if (!this.panel || ed.document.languageId !== "python") {
      return false;
    }
    if (ed === this.editor) {
      return true;
    }
    return vscode.workspace.getConfiguration("peephole").get<boolean>("bytecode.followCursor", true);
  }

  /** Opens the view (or brings it forward) for an editor. */
  async show(ed: vscode.TextEditor): Promise<void> {
    this.editor = ed;
    if (!this.panel) {
      const column = ed.viewColumn === vscode.ViewColumn.One || ed.viewColumn === undefined ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
      this.panel = vscode.window.createWebviewPanel(
        "peephole.bytecode",
        "Bytecode",
        { viewColumn: column, preserveFocus: true },
        { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, "media")] },
      );
      this.panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, "media", "bytecode.svg");
      this.panel.webview.html = this.html(this.panel.webview);
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = undefined;
        this.clearMarks();
      }, null, this.disposables);
      this.panel.webview.onDidReceiveMessage((m) => this.onMessage(m), null, this.disposables);
    } else {
      this.panel.reveal(undefined, true);
    }
    await this.update();
  }

  /** Asks again (after the server (re)starts). */
  refresh(): void {
    if (this.panel) {
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, DEBOUNCE_MS);
  }

  private async update(): Promise<void> {
    const ed = this.editor;
    const c = this.client();
    const panel = this.panel;
    if (!ed || !panel) {
      return;
    }
    const n = ++this.seq;
    // While the selection is the one the view made, keep the code object
    // shown (the instruction's range may start in another one, as a
    // MAKE_FUNCTION's does); only the current line moves.
    const pinned = this.own !== undefined && ed.selection.isEqual(this.own) && this.lastPos !== undefined;
    const cursor = ed.selection.active;
    const pos = pinned ? this.lastPos! : cursor;
    this.lastPos = pos;
    if (!c || c.state !== State.Running) {
      this.post({ type: "error", message: "The peephole language server is not running." });
      return;
    }
    try {
      const bc = (await c.sendRequest("peephole/bytecode", {
        textDocument: { uri: ed.document.uri.toString() },
        position: c.code2ProtocolConverter.asPosition(pos),
      })) as Bytecode;
      if (n !== this.seq || this.panel !== panel) {
        return; // a newer request is on its way
      }
      const line = cursor.line + 1;
      panel.title = `Bytecode: ${bc.qualname}`;
      this.post({ type: "bytecode", bytecode: bc, line, file: vscode.workspace.asRelativePath(ed.document.uri) });
      this.markLines(ed, bc, line);
    } catch (err: any) {
      if (n === this.seq) {
        this.post({ type: "error", message: String(err?.message ?? err) });
      }
    }
  }

  /** Marks, in the overview ruler, the lines of the shown code object that have instructions. */
  private markLines(ed: vscode.TextEditor, bc: Bytecode, line: number): void {
    const ranges: vscode.Range[] = [];
    if (bc.instructions.some((i) => i.line === line)) {
      ranges.push(new vscode.Range(line - 1, 0, line - 1, 0));
    }
    ed.setDecorations(this.lineMark, ranges);
  }

  private clearMarks(): void {
    for (const ed of vscode.window.visibleTextEditors) {
      ed.setDecorations(this.outline, []);
      ed.setDecorations(this.lineMark, []);
    }
  }

  private post(m: unknown): void {
    this.shown = m;
    void this.panel?.webview.postMessage(m);
  }

  private async onMessage(m: any): Promise<void> {
    if (m?.type === "ready") {
      if (this.shown !== undefined) {
        void this.panel?.webview.postMessage(this.shown);
      }
      return;
    }
    const ed = this.editor;
    const c = this.client();
    if (!ed || !c || !m || typeof m !== "object") {
      return;
    }
    const range: vscode.Range | undefined = m.range ? c.protocol2CodeConverter.asRange(m.range as LspRange) : undefined;
    switch (m.type) {
      case "reveal":
        if (range) {
          const shown = await vscode.window.showTextDocument(ed.document, { viewColumn: ed.viewColumn, preserveFocus: false });
          // Select the range (the cursor at its start); the view keeps
          // showing the code object the instruction belongs to.
          const sel = new vscode.Selection(range.end, range.start);
          this.own = sel;
          shown.selection = sel;
          shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
          shown.setDecorations(this.outline, [range]);
        }
        break;
      case "point":
        ed.setDecorations(this.outline, range ? [range] : []);
        break;
    }
  }

  private html(webview: vscode.Webview): string {
    const media = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, "media", f));
    const nonce = Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join("");
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${media("bytecode.css")}" rel="stylesheet">
<title>Bytecode</title>
</head>
<body>
<div id="peephole-bytecode">
  <header id="head"><span class="muted">Move the cursor in a Python file.</span></header>
  <table id="instrs" aria-label="instructions"><tbody></tbody></table>
  <section id="children"></section>
</div>
<script nonce="${nonce}" src="${media("bytecode.js")}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.panel?.dispose();
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
