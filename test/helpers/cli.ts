import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
export const BIN = join(ROOT, "dist", "unitlint.cjs");

function newestSource(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newestSource(p) : st.mtimeMs);
  }
  return t;
}

/** Build the CLI bundle when it is missing or older than the sources (vitest run without `npm test`). */
export function ensureBin(): void {
  if (existsSync(BIN) && statSync(BIN).mtimeMs >= newestSource(join(ROOT, "src"))) return;
  const r = spawnSync(process.execPath, [join(ROOT, "scripts", "build.mjs"), "--bin-only"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? "",
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", ...opts.env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const created: string[] = [];

/** Called after each test file (test/setup.ts). */
export function removeTempDirs(): void {
  for (const d of created.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A fresh temporary folder, removed after the test file (see test/setup.ts). */
export function tempDir(prefix = "unitlint-test-"): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  created.push(d);
  return d;
}

/** A temporary folder holding `files` (relative path → text), sub-folders made as needed. */
export function project(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A clean service, and one with a warning (a line without '='), for the command-line tests. */
export const GOOD_UNIT = "[Unit]\nDescription=Good\n\n[Service]\nExecStart=/usr/bin/true\n";
export const WARNING_UNIT = "[Unit]\nDescription=Warn\n\n[Service]\nExecStart=/usr/bin/true\nnoequals\n";
