// Writes docs/playground.png: the playground with the Sidekiq example loaded
// (for the README). Needs Debian's chromium and a built playground.
import { launchChromium, startPlayground } from "./lib/chromium.mjs";

const { url, proc } = await startPlayground("dist/unitlint.cjs");
const browser = await launchChromium();
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
