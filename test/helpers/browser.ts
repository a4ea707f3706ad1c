import type { ChildProcess } from "node:child_process";
import { startPlayground as startServer } from "../../scripts/lib/chromium.mjs";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { BIN, ROOT } from "./cli.js";

/** Chromium, its flags and the playground server, shared with the editor bench and the screenshot scripts. */
export { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/lib/chromium.mjs";

/** Start `unitlint playground --port 0` and resolve to its URL. */
export const startPlayground = (): Promise<{ url: string; proc: ChildProcess }> => startServer(BIN);

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
