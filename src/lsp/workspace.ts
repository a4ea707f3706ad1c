import { isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { collectInputs, isLintableName } from "../node/collect.js";
import { readUnitFile } from "../node/read.js";
import type { LintSource } from "../linter/lint.js";

/**
 * The unit files of the workspace folder, read once and kept current by the
 * editor's open documents, so set analysis (dependencies, timers) sees the
 * whole folder while the user types in one file.
 */
export class Workspace {
  private disk = new Map<string, string>();
  private open = new Map<string, string>();
  /** kinds the editor says open documents are (a user crontab has no telling name) */
  private kinds = new Map<string, LintSource["kind"]>();

  constructor(readonly root: string | null) {}

  /** Read every unit file and drop-in under the root (once, at initialize). */
  scan(): void {
    if (!this.root) return;
    for (const file of collectInputs([this.root]).files) {
      const r = readUnitFile(file);
      if (r.ok) this.disk.set(resolve(file), r.text);
    }
  }

  setOpen(path: string, text: string, kind?: LintSource["kind"]): void {
    this.open.set(path, text);
    if (kind) this.kinds.set(path, kind);
    else this.kinds.delete(path);
  }

  close(path: string): void {
    this.open.delete(path);
    this.kinds.delete(path);
    this.reread(path);
  }

  /** Read one file again (saved or closed in the editor, so the disk may differ from the scan); forget it when it is gone. */
  reread(path: string): void {
    if (!this.root) return;
    const rel = relative(this.root, path);
    if (rel.startsWith("..") || isAbsolute(rel) || (!this.disk.has(path) && !isLintableName(path))) return;
    const r = readUnitFile(path);
    if (r.ok) this.disk.set(path, r.text);
    else this.disk.delete(path);
  }

  /** The text the editor shows for a path, else the one on disk. */
  text(path: string): string | undefined {
    return this.open.get(path) ?? this.disk.get(path);
  }

  paths(): string[] {
    return [...new Set([...this.disk.keys(), ...this.open.keys()])].sort();
  }

  /** Sources named relative to the root (as `unitlint check` names them when run there). */
  sources(): LintSource[] {
    return this.paths().map((p) => {
      const kind = this.kinds.get(p);
      return { path: this.display(p), text: this.text(p)!, ...(kind ? { kind } : {}) };
    });
  }

  display(path: string): string {
    if (!this.root) return path.split(sep).join("/");
    const rel = relative(this.root, path);
    return (rel.startsWith("..") ? path : rel).split(sep).join("/");
  }

  absolute(display: string): string {
    return this.root ? resolve(this.root, display) : display;
  }
}

export function uriToPath(uri: string): string | null {
  try {
    return uri.startsWith("file:") ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
