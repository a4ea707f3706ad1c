// Writes docs/playground.png: the playground with the Sidekiq example loaded
// (for the README). Needs Debian's chromium and a built playground.
import { spawn } from "node:child_process";
import { chromium } from "playwright-core";

const proc = spawn(process.execPath, ["dist/unitlint.cjs", "playground", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve) =>
  proc.stdout.on("data", (d) => {
    const m = String(d).match(/(http:\/\/\S+)/);
    if (m) resolve(m[1]);
  }),
);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  const options = await page.locator("#examples option").allTextContents();
  const i = options.findIndex((o) => o.includes(process.argv[2] ?? "sidekiq.service"));
  await page.selectOption("#examples", String(i - 1));
  await page.waitForTimeout(800);
  await page.screenshot({ path: "docs/playground.png", fullPage: false });
  console.log("wrote docs/playground.png");
} finally {
  await browser.close();
  proc.kill();
}
