// Finding the `peephole` binary: the setting peephole.path, else PATH.

import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";

export interface Found {
  /** The binary to start, or undefined. */
  path?: string;
  /** Why none was found. */
  problem?: string;
}

function isExecutable(p: string): boolean {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) {
      return false;
    }
    if (process.platform === "win32") {
      return true;
    }
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Expands a leading ~ and ${workspaceFolder} in a configured path. */
function expand(p: string): string {
  if (p === "~" || p.startsWith("~/")) {
    p = path.join(process.env.HOME ?? "", p.slice(1));
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder) {
    p = p.split("${workspaceFolder}").join(folder);
  }
  return p;
}

/** Looks for the server as the settings and PATH say. */
export async function findServer(): Promise<Found> {
  const conf = vscode.workspace.getConfiguration("peephole");
  const configured = (conf.get<string>("path") ?? "").trim();
  if (configured) {
    const p = expand(configured);
    if (isExecutable(p)) {
      return { path: p };
    }
    if (!p.includes("/") && !p.includes("\\")) {
      const onPath = searchPath(p);
      if (onPath) {
        return { path: onPath };
      }
    }
    return { problem: `peephole.path is "${configured}", which is not an executable file.` };
  }
  const onPath = searchPath(process.platform === "win32" ? "peephole.exe" : "peephole");
  if (onPath) {
    return { path: onPath };
  }
  return { problem: "the peephole binary was not found on PATH." };
}

function searchPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) {
      continue;
    }
    const p = path.join(dir, name);
    if (isExecutable(p)) {
      return p;
    }
  }
  return undefined;
}
