// Writes docs/schedule-html.png (the --format html page) and
// docs/schedule-terminal.png (the terminal view) for the bundled examples'
// week of 2026-03-26 in Europe/Berlin (a DST change included), for the
// README and docs/schedule.md. Needs Debian's chromium and `npm run build`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium } from "./lib/chromium.mjs";

const args = ["dist/unitlint.cjs", "schedule", "examples", "--from", "2026-03-26 00:00", "--tz", "Europe/Berlin"];
const html = execFileSync(process.execPath, [...args, "--format", "html"], { encoding: "utf8" });
const term = execFileSync(process.execPath, [...args, "--color", "--width", "110"], { encoding: "utf8" });

const colours = { 1: "font-weight:bold", 2: "color:#8b949e", 31: "color:#ff7b72", 32: "color:#7ee787", 33: "color:#e3b341", 34: "color:#79c0ff" };
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
let open = 0;
const body = esc(term).replace(/\u001b\[(\d+)m/g, (_, n) => {
  if (["22", "39", "24"].includes(n)) {
    if (!open) return "";
    open--;
    return "</span>";
  }
  open++;
  return `<span style="${colours[n] ?? ""}">`;
});
const termPage = `<!DOCTYPE html><meta charset="utf-8"><body style="margin:0;background:#0d1117"><pre style="margin:0;padding:16px 20px;color:#c9d1d9;font:14px/1.35 'DejaVu Sans Mono',monospace;display:inline-block">$ unitlint schedule examples --from '2026-03-26 00:00' --tz Europe/Berlin\n${body}</pre>`;

const dir = mkdtempSync(join(tmpdir(), "unitlint-shot-"));
const browser = await launchChromium();
try {
  writeFileSync(join(dir, "schedule.html"), html);
  writeFileSync(join(dir, "terminal.html"), termPage);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(pathToFileURL(join(dir, "schedule.html")).href);
  await page.screenshot({ path: "docs/schedule-html.png", fullPage: true });
  const t = await browser.newPage({ viewport: { width: 1100, height: 600 } });
  await t.goto(pathToFileURL(join(dir, "terminal.html")).href);
  await t.locator("pre").screenshot({ path: "docs/schedule-terminal.png" });
  console.log("wrote docs/schedule-html.png and docs/schedule-terminal.png");
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
