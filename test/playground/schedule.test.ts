import type { ChildProcess } from "node:child_process";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduleOf, schedulePanel } from "../../src/playground/schedule-panel.js";
import { DEFAULT_STATE } from "../../src/playground/state.js";
import { renderTerminal } from "../../src/schedule/index.js";
import { CHROMIUM, CHROMIUM_ARGS, startPlayground, playgroundBuilt as built } from "../helpers/browser.js";
import { ensureBin, ROOT } from "../helpers/cli.js";

const FROM = Date.parse("2026-03-26T00:00:00Z") * 1000;
const TIMER =
  "[Unit]\nDescription=nightly backup\n\n[Timer]\nOnCalendar=*-*-* 02:30\nRandomizedDelaySec=10min\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n";

describe("playground schedule panel (pure)", () => {
  it("builds the schedule model of the pasted timer and its drop-in, in the calendar box's zone", () => {
    const m = scheduleOf(
      { ...DEFAULT_STATE, filename: "backup.timer", text: TIMER, dropin: "[Timer]\nOnCalendar=\nOnCalendar=Mon 08:00\n", tz: "Europe/Berlin" },
      FROM,
    );
    expect(m.zone).toBe("Europe/Berlin");
    expect(m.jobs.map((j) => [j.id, j.specs.map((s) => s.text), j.randomizedDelayUsec])).toEqual([["backup.timer", ["Mon 08:00"], 600_000_000]]);
    expect(m.elapses).toHaveLength(1);
  });

  it("reads a pasted crontab and shows the same text as `unitlint schedule`", () => {
    const state = { ...DEFAULT_STATE, filename: "crontab", text: "0 * * * * root /bin/sync\n", tz: "UTC" };
    const out = { textContent: "" } as HTMLElement;
    schedulePanel(state, out, FROM);
    expect(out.textContent).toBe(renderTerminal(scheduleOf(state, FROM), { width: 96 }));
    expect(out.textContent).toMatch(/^crontab:1 sync +┃+/m);
  });

  it("gives a hint for a unit without a schedule", () => {
    const out = { textContent: "" } as HTMLElement;
    schedulePanel(DEFAULT_STATE, out, FROM);
    expect(out.textContent).toContain("Paste a .timer");
  });
});

// Needs Debian's chromium (installed by .ci/run); skipped where no Chromium is installed.
describe.skipIf(!CHROMIUM)("playground schedule panel in headless Chromium", () => {
  let browser: Browser;
  let server: { url: string; proc: ChildProcess };

  beforeAll(async () => {
    ensureBin();
    if (!built()) {
      const { execFileSync } = await import("node:child_process");
      execFileSync(process.execPath, ["scripts/build-playground.mjs", "--quiet"], { cwd: ROOT });
    }
    server = await startPlayground();
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.proc.kill();
  });

  it("shows the week of the timer being edited", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.fill("#filename", "backup.timer");
    await page.click("#editor .cm-content");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(TIMER);
    const pre = page.locator("#schedule");
    await expect.poll(async () => (await pre.textContent()) ?? "", { timeout: 10_000 }).toMatch(/^backup\.timer +[│─┊ ]+ +\d+$/m);
    const text = (await pre.textContent())!;
    expect(text).toContain("Schedule ");
    expect(text).toContain("Busiest hour");
    await page.close();
  });
});
