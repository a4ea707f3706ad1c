import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { BIN } from "./cli.js";

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
