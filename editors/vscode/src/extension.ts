// The peephole extension: it starts `peephole lsp` for Python files and adds
// what a generic language client cannot — commands that run a file or a
// selection with progress, cancellation and an output channel, and a
// bytecode view beside the editor that follows the cursor.
//
// vscode-languageclient registers every command the server advertises
// (peephole.run, peephole.showBytecode, …) under the server's own IDs, so
// the palette commands here have IDs of their own (peephole.editor.*) and
// send workspace/executeCommand themselves. Code lenses that name the
// server's commands are rewritten to these, so a lens's "▶ Run" gets the
// same progress, output and trust check as the palette's Run File.

import * as vscode from "vscode";
import {
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
  WorkDoneProgress,
} from "vscode-languageclient/node";
import { BytecodeView } from "./bytecodeView";
import { findServer } from "./server";
import { RunResult, describeExit } from "./protocol";

const SERVER_RUN = "peephole.run";
const SERVER_RUN_SELECTION = "peephole.runSelection";
const SERVER_RESET = "peephole.resetSession";
const SERVER_SHOW_BYTECODE = "peephole.showBytecode";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let bytecodeView: BytecodeView;
let clientReady: Promise<void> | undefined;
let progressCounter = 0;

/** Text received through peephole/output per document, during its run. */
const streamed = new Map<string, number>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("Peephole");
  context.subscriptions.push(output);
  bytecodeView = new BytecodeView(context, () => client);
  context.subscriptions.push(bytecodeView);

  const reg = (id: string, fn: (...args: any[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  reg("peephole.editor.runFile", (uri?: unknown) => runFile(uri));
  reg("peephole.editor.runSelection", () => runSelection());
  reg("peephole.editor.showBytecode", (uri?: unknown, pos?: unknown) => showBytecode(uri, pos));
  reg("peephole.editor.resetSession", (uri?: unknown) => resetSession(uri));
  reg("peephole.editor.restartServer", async () => {
    await stopClient();
    await startClient(context);
  });

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("peephole.path")) {
        await stopClient();
        await startClient(context);
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      // peephole.path may now be read from the workspace's settings.
      await stopClient();
      await startClient(context);
    }),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const found = await findServer();
  if (!found.path) {
    const open = "Open Settings";
    vscode.window
      .showErrorMessage(`peephole: ${found.problem} Install peephole or set "peephole.path".`, open)
      .then((choice) => {
        if (choice === open) {
          vscode.commands.executeCommand("workbench.action.openSettings", "peephole.path");
        }
      });
    return;
  }
  // TransportKind.stdio appends --stdio, which `peephole lsp` accepts.
  const serverOptions: ServerOptions = {
    run: { command: found.path, args: ["lsp"], transport: TransportKind.stdio },
    debug: { command: found.path, args: ["lsp", "--log-level", "debug"], transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "python" },
      { scheme: "untitled", language: "python" },
    ],
    synchronize: { configurationSection: "peephole" },
    outputChannelName: "peephole language server",
    middleware: {
      provideCodeLenses: async (document, token, next) => {
        const lenses = await next(document, token);
        for (const lens of lenses ?? []) {
          const cmd = lens.command;
          if (cmd?.command === SERVER_RUN) {
            cmd.command = "peephole.editor.runFile";
          } else if (cmd?.command === SERVER_SHOW_BYTECODE) {
            cmd.command = "peephole.editor.showBytecode";
          }
        }
        return lenses;
      },
      executeCommand: async (command, args, next) => {
        if ((command === SERVER_RUN || command === SERVER_RUN_SELECTION) && !vscode.workspace.isTrusted) {
          vscode.window.showWarningMessage("peephole does not run code in an untrusted workspace.");
          return undefined;
        }
        return next(command, args);
      },
    },
  };
  const c = new LanguageClient("peephole", "peephole", serverOptions, clientOptions);
  client = c;
  clientReady = c.start().then(
    () => {
      c.onNotification("peephole/output", (p: { uri: string; stream: string; text: string }) => {
        streamed.set(p.uri, (streamed.get(p.uri) ?? 0) + p.text.length);
        output.append(p.text);
      });
      bytecodeView.refresh();
    },
    (err) => {
      vscode.window.showErrorMessage(`peephole: the language server did not start: ${err?.message ?? err}`);
    },
  );
  context.subscriptions.push({ dispose: () => void stopClient() });
  await clientReady;
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  clientReady = undefined;
  if (c && c.state !== State.Stopped) {
    try {
      await c.stop();
    } catch {
      // It is going away anyway.
    }
  }
}

/** The running client, or a message saying why there is none. */
async function readyClient(): Promise<LanguageClient | undefined> {
  if (clientReady) {
    await clientReady;
  }
  if (!client || client.state !== State.Running) {
    vscode.window.showErrorMessage("peephole: the language server is not running.");
    return undefined;
  }
  return client;
}

/** The Python editor a command applies to: the one showing uri, else the active one. */
function targetEditor(uri?: unknown): vscode.TextEditor | undefined {
  const want = typeof uri === "string" ? uri : uri instanceof vscode.Uri ? uri.toString() : undefined;
  if (want) {
    const ed = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === want);
    if (ed) {
      return ed;
    }
  }
  const ed = vscode.window.activeTextEditor ?? bytecodeView.lastEditor();
  if (!ed || ed.document.languageId !== "python") {
    vscode.window.showInformationMessage("peephole: open a Python file first.");
    return undefined;
  }
  return ed;
}

function checkTrust(): boolean {
  if (!vscode.workspace.isTrusted) {
    vscode.window.showWarningMessage("peephole does not run code in an untrusted workspace. Trust the workspace to run it.");
    return false;
  }
  return true;
}

async function runFile(uri?: unknown): Promise<RunResult | undefined> {
  if (!checkTrust()) {
    return undefined;
  }
  const ed = targetEditor(uri);
  if (!ed) {
    return undefined;
  }
  const name = vscode.workspace.asRelativePath(ed.document.uri);
  return execRun(ed.document, SERVER_RUN, [ed.document.uri.toString()], `Running ${name}`);
}

async function runSelection(): Promise<RunResult | undefined> {
  if (!checkTrust()) {
    return undefined;
  }
  const ed = targetEditor();
  if (!ed) {
    return undefined;
  }
  let sel: vscode.Range = ed.selection;
  if (sel.isEmpty) {
    sel = ed.document.lineAt(sel.start.line).range; // the cursor's line
  }
  const c = await readyClient();
  if (!c) {
    return undefined;
  }
  const range = c.code2ProtocolConverter.asRange(sel);
  const first = sel.start.line + 1;
  const last = sel.end.line + 1;
  const title = first === last ? `Running line ${first}` : `Running lines ${first}–${last}`;
  return execRun(ed.document, SERVER_RUN_SELECTION, [ed.document.uri.toString(), range], title);
}

/**
 * Runs a server command that executes code: a notification with progress
 * and a cancel button, output streamed to the output channel, and a closing
 * line with the exit status.
 */
async function execRun(
  doc: vscode.TextDocument,
  command: string,
  args: unknown[],
  title: string,
): Promise<RunResult | undefined> {
  const c = await readyClient();
  if (!c) {
    return undefined;
  }
  const uri = doc.uri.toString();
  output.show(true);
  output.appendLine(`▶ ${title}`);
  streamed.set(uri, 0);
  const token = `peephole-vscode-${++progressCounter}`;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `peephole: ${title}`, cancellable: true },
    async (progress, cancel) => {
      // The server reports its progress on our token instead of creating its own.
      const sub = c.onProgress(WorkDoneProgress.type, token, (v) => {
        if (v.kind !== "end" && v.message) {
          progress.report({ message: v.message });
        }
      });
      try {
        const res = (await c.sendRequest(
          ExecuteCommandRequest.type,
          { command, arguments: args, workDoneToken: token },
          cancel,
        )) as RunResult | null;
        if (!res) {
          return undefined;
        }
        if ((streamed.get(uri) ?? 0) === 0) {
          // Nothing streamed (a server that only answers): print the result.
          output.append(res.stdout ?? "");
          output.append(res.stderr ?? "");
        }
        const tail = res.stdout + res.stderr;
        if (tail.length > 0 && !tail.endsWith("\n")) {
          output.appendLine("");
        }
        output.appendLine(`■ ${describeExit(res)}`);
        output.appendLine("");
        if (res.exception) {
          const frames = res.exception.frames ?? [];
          const last = frames.length > 0 ? frames[frames.length - 1] : undefined;
          const where = last ? ` (line ${last.line})` : "";
          vscode.window.showErrorMessage(`${res.exception.type}: ${res.exception.message}${where}`);
        }
        return res;
      } catch (err: any) {
        if (cancel.isCancellationRequested) {
          output.appendLine("■ cancelled");
        } else {
          output.appendLine(`■ failed: ${err?.message ?? err}`);
          vscode.window.showErrorMessage(`peephole: ${err?.message ?? err}`);
        }
        output.appendLine("");
        return undefined;
      } finally {
        sub.dispose();
        streamed.delete(uri);
      }
    },
  );
}

async function resetSession(uri?: unknown): Promise<void> {
  const ed = targetEditor(uri);
  const c = ed && (await readyClient());
  if (!ed || !c) {
    return;
  }
  await c.sendRequest(ExecuteCommandRequest.type, { command: SERVER_RESET, arguments: [ed.document.uri.toString()] });
  output.appendLine(`■ session of ${vscode.workspace.asRelativePath(ed.document.uri)} reset`);
  vscode.window.setStatusBarMessage("peephole: session reset", 3000);
}

async function showBytecode(uri?: unknown, pos?: unknown): Promise<void> {
  const ed = targetEditor(uri);
  if (!ed) {
    return;
  }
  const c = await readyClient();
  if (!c) {
    return;
  }
  if (pos && typeof pos === "object" && "line" in pos && "character" in pos) {
    // A code lens names the def or class it stands over: show that.
    const p = c.protocol2CodeConverter.asPosition(pos as { line: number; character: number });
    ed.selection = new vscode.Selection(p, p);
    ed.revealRange(new vscode.Range(p, p));
  }
  await bytecodeView.show(ed);
}
