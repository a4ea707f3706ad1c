import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSchedule } from "../../src/cli/commands/schedule.js";
import type { Io } from "../../src/cli/io.js";
import { CHROMIUM, CHROMIUM_ARGS } from "../helpers/browser.js";
import { ROOT, tempDir } from "../helpers/cli.js";

/** The HTML report of the bundled examples plus a crontab and a job file, written to a temporary file. */
function page(): string {
  const dir = tempDir();
  writeFileSync(join(dir, "crontab"), "30 2 * * * root /usr/local/bin/backup\n0 * * * * root /usr/local/bin/rotate-logs\n");
  let html = "";
  const io: Io = { out: (s) => void (html += s), err: () => undefined, isTTY: false, env: {}, readStdin: () => "" };
  runSchedule([join(ROOT, "examples"), join(dir, "crontab")], { from: "2026-03-26 00:00", tz: "Europe/Berlin", days: 7, format: "html", crontab: [] }, io);
  const file = join(dir, "schedule.html");
  writeFileSync(file, html);
  return file;
}

// Needs Debian's chromium (installed by .ci/run); skipped where no Chromium is installed.
if (!CHROMIUM) console.log("test/schedule/html-browser.test.ts skipped: no Chromium at /usr/bin/chromium");

describe.skipIf(!CHROMIUM)("schedule --format html in headless Chromium", () => {
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    file = page();
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("loads from a file with no other request, no script errors, and draws the timeline", async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    p.on("request", (r) => requests.push(r.url()));
    p.on("pageerror", (e) => errors.push(e.message));
    p.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await p.goto(pathToFileURL(file).href);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(errors).toEqual([]);
    const svg = p.locator("svg").first();
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeGreaterThan(1000);
    expect(box.height).toBeGreaterThan(100);
    // one label per job row, marks inside the plot
    const labels = await p.locator("svg text.label").allTextContents();
    for (const name of ["it-glue-backup.timer", "zendesk-statusio.timer", "crontab:1 backup", "crontab:2 rotate-logs"]) expect(labels).toContain(name);
    // busy rows are one path per kind of mark, sparse rows a line (with a tooltip) per mark
    expect(await p.locator("svg path.s, svg path.hit").count()).toBeGreaterThanOrEqual(4);
    // rotate-logs (crontab, 0 * * * *) meets zendesk-statusio.timer (hourly) every hour
    expect(await p.locator("svg path.hit").count()).toBeGreaterThanOrEqual(2);
    expect(await p.locator("svg line").count()).toBeGreaterThanOrEqual(1);
    expect((await p.locator("svg path.s").first().boundingBox())!.width).toBeGreaterThan(900);
    expect(await p.locator("h2").allTextContents()).toEqual(["Collisions", "DST changes", "Never fires in this window", "Busiest hour", "Jobs"]);
    const shot = await p.screenshot({ fullPage: true });
    expect(shot.length).toBeGreaterThan(10_000);
    await p.close();
  });

  it("fits a phone-width window without sideways scrolling, and follows a dark colour scheme", async () => {
    const p = await browser.newPage({ viewport: { width: 400, height: 800 }, colorScheme: "dark" });
    await p.goto(pathToFileURL(file).href);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const bg = await p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe("rgb(17, 20, 24)");
    await p.close();
  });

  it("is the same page the CLI writes (self-contained: no src= or href=)", () => {
    expect(readFileSync(file, "utf8")).not.toMatch(/(src|href)=/);
  });
});
