// Headless Chromium for the playground: the browser tests, the editor bench and the README screenshots share it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

/** Debian's chromium, where installed (.ci/run installs it); undefined elsewhere. */
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

/** Launches CHROMIUM through playwright-core (a development dependency, loaded only here). */
export async function launchChromium() {
  if (!CHROMIUM) throw new Error("no Chromium at /usr/bin/chromium: install Debian's chromium package");
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Starts `unitlint playground --port 0` with the bin `bin` and resolves to its URL and process. */
export function startPlayground(bin) {
  const proc = spawn(process.execPath, [bin, "playground", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    const t = setTimeout(() => reject(new Error(`playground did not start: ${out}`)), 20_000);
    proc.stdout.on("data", (d) => {
      out += d.toString();
      const m = out.match(/(http:\/\/\S+)/);
      if (m) {
        clearTimeout(t);
        resolve({ url: m[1], proc });
      }
    });
    proc.stderr.on("data", (d) => (out += d.toString()));
    proc.on("exit", (code) => reject(new Error(`playground exited ${code}: ${out}`)));
  });
}
