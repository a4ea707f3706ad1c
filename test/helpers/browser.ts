import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { BIN, ROOT } from "./cli.js";

export const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

/** Flags that keep headless Chromium off the network and quiet in a sandbox-less CI container. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Start `unitlint playground --port 0` and resolve to its URL. */
export function startPlayground(): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [BIN, "playground", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    const t = setTimeout(() => reject(new Error(`playground did not start: ${out}`)), 20_000);
    proc.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = out.match(/(http:\/\/\S+)/);
      if (m) {
        clearTimeout(t);
        resolve({ url: m[1]!, proc });
      }
    });
    proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    proc.on("exit", (code) => reject(new Error(`playground exited ${code}: ${out}`)));
  });
}

const APP = join(ROOT, "dist", "playground", "app.js");

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const st = statSync(join(dir, name));
    t = Math.max(t, st.isDirectory() ? newest(join(dir, name)) : st.mtimeMs);
  }
  return t;
}

/** A playground bundle at least as new as the sources and the page (a stale one would test old code). */
export const playgroundBuilt = () =>
  existsSync(APP) && statSync(APP).mtimeMs >= Math.max(newest(join(ROOT, "src")), newest(join(ROOT, "playground")), newest(join(ROOT, "examples")));
