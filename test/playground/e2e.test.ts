import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessUnit, formatExposure, type Assessment } from "../../src/hardening/assess.js";
import { sortChecks } from "../../src/hardening/report.js";
import { parseFile } from "../../src/model/unit-file.js";
import { buildUnitSet } from "../../src/model/unit-set.js";
import { CHROMIUM, CHROMIUM_ARGS, startPlayground, playgroundBuilt as built } from "../helpers/browser.js";
import { ensureBin, ROOT } from "../helpers/cli.js";

/** What the exposure panel should show: the engine run here on the same unit and drop-in the page holds. */
function expectedExposure(name: string, text: string, dropin = ""): Assessment {
  const files = [parseFile(name, text)];
  if (dropin) files.push(parseFile(`${name}.d/override.conf`, dropin));
  return assessUnit(buildUnitSet(files).byName.get(name)!)!;
}

// Needs Debian's chromium (installed by .ci/run); skipped where no Chromium is installed.
describe.skipIf(!CHROMIUM)("playground in headless Chromium", () => {
  let browser: Browser;
  let server: { url: string; proc: ChildProcess };
  let page: Page;

  beforeAll(async () => {
    ensureBin();
    if (!built()) {
      const { execFileSync } = await import("node:child_process");
      execFileSync(process.execPath, ["scripts/build-playground.mjs", "--quiet"], { cwd: ROOT });
    }
    server = await startPlayground();
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
    page = await browser.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.proc.kill();
  });

  async function setEditor(text: string): Promise<void> {
    await page.click("#editor .cm-content");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(text);
  }

  it("shows findings as you type, with the range underlined", async () => {
    await page.goto(server.url);
    await setEditor("[Unit]\nDescription=demo\n\n[Servce]\nExecStart=/bin/true\n");
    const item = page.locator('#findings li[data-rule="syntax/unknown-section"]');
    await item.waitFor({ timeout: 10_000 });
    expect(await item.textContent()).toContain("did you mean [Service]?");
    await page.locator("#editor .cm-lintRange-warning").first().waitFor({ timeout: 10_000 });
    expect(await page.locator("#editor .cm-lintRange-warning").first().textContent()).toBe("Servce");
  });

  it("applies a quick fix from the findings list", async () => {
    await setEditor("[Service]\nExecStart=/bin/true\nRestartsec=5\n");
    const button = page.locator('#findings li[data-rule="directives/unknown-directive"] button.quick-fix');
    await button.waitFor({ timeout: 10_000 });
    await button.click();
    await expect.poll(async () => (await page.locator("#editor .cm-content").textContent()) ?? "", { timeout: 10_000 }).toContain("RestartSec=5");
    await expect.poll(async () => page.locator('#findings li[data-rule="directives/unknown-directive"]').count(), { timeout: 10_000 }).toBe(0);
    await setEditor("[Unit]\nDescription=demo\n\n[Servce]\nExecStart=/bin/true\n");
  });

  it("keeps the state in a share link that reproduces the view", async () => {
    await page.fill("#filename", "demo.timer");
    await page.click("#share");
    const url = await page.inputValue("#share-url");
    expect(url).toContain("#s=");
    const other = await browser.newPage();
    await other.goto(url);
    await other.locator("#findings li").first().waitFor({ timeout: 10_000 });
    expect(await other.inputValue("#filename")).toBe("demo.timer");
    expect(await other.locator("#editor .cm-content").textContent()).toContain("Description=demo");
    await other.close();
  });

  it("shows the next elapses of a calendar spec in the chosen zone", async () => {
    await page.fill("#calendar-spec", "Mon *-*-* 08:00");
    await page.selectOption("#calendar-tz", "Europe/Berlin");
    const first = page.locator("#calendar-results pre").first();
    await expect.poll(async () => (await first.textContent()) ?? "", { timeout: 10_000 }).toContain("normalized: Mon *-*-* 08:00:00");
    const text = (await first.textContent())!;
    const elapses = text.match(/\d{4}-\d\d-\d\dT08:00:00\+0[12]:00/g) ?? [];
    expect(elapses.length).toBe(10);
  });

  it("loads an example from the menu", async () => {
    const options = await page.locator("#examples option").allTextContents();
    const sidekiq = options.findIndex((o) => o.includes("sidekiq.service"));
    expect(sidekiq).toBeGreaterThan(0);
    await page.selectOption("#examples", String(sidekiq - 1));
    expect(await page.inputValue("#filename")).toBe("sidekiq.service");
    expect(await page.locator("#editor .cm-content").textContent()).toContain("bundle exec sidekiq");
  });

  it("scores the exposure of the unit being edited, drop-in applied, as the user types", async () => {
    // the Sidekiq example is loaded by the previous test
    const text = readFileSync(join(ROOT, "examples/sidekiq/lib/systemd/system/sidekiq.service"), "utf8");
    const before = expectedExposure("sidekiq.service", text);
    const score = page.locator("#exposure-score");
    await expect.poll(async () => score.getAttribute("data-exposure"), { timeout: 10_000 }).toBe(formatExposure(before.exposure));
    expect(await score.getAttribute("data-rating")).toBe(before.rating);
    expect(await score.textContent()).toBe(`Overall exposure level for sidekiq.service: ${formatExposure(before.exposure)} ${before.rating}`);
    const colour = ["UNSAFE", "DANGEROUS"].includes(before.rating)
      ? "red"
      : before.rating === "EXPOSED"
        ? "yellow"
        : before.rating === "MEDIUM"
          ? "plain"
          : "green";
    expect(await score.locator(".rating").getAttribute("class")).toBe(`rating ${colour}`);

    // every check, worst first, with systemd's mark, name, description and share of the score
    const rows = await page.locator("#exposure tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    const want = sortChecks(before.checks).map((c) => [
      c.badness === null ? "" : c.badness === 0 ? "✓" : "✗",
      c.check.id,
      c.description,
      c.exposure === null ? "" : formatExposure(c.exposure),
    ]);
    expect(rows).toEqual(want);

    // a drop-in lowers the score live
    const dropin = "[Service]\nProtectSystem=strict\nPrivateTmp=yes\nNoNewPrivileges=yes\nProtectHome=yes\n";
    const after = expectedExposure("sidekiq.service", text, dropin);
    expect(after.exposure).toBeLessThan(before.exposure);
    await page.click("#dropin .cm-content");
    await page.keyboard.insertText(dropin);
    await expect.poll(async () => score.getAttribute("data-exposure"), { timeout: 10_000 }).toBe(formatExposure(after.exposure));
    expect(await page.locator('#exposure tr[data-check="ProtectSystem="] td.mark').textContent()).toBe("✓");

    // units without an execution context get a note, not a score
    await page.fill("#filename", "sidekiq.timer");
    await page.locator("#exposure .exposure-note").waitFor({ timeout: 10_000 });
    expect(await score.count()).toBe(0);
    await page.fill("#filename", "sidekiq.service");
    await score.waitFor({ timeout: 10_000 });
  });
});
