import { readdirSync, readFileSync, statSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCalendarIn } from "../../src/calendar/calendar.js";
import { elapsesAfter } from "../../src/calendar/engine/next-elapse.js";
import { nodeSession } from "../../src/node/time-zone.js";
import { parseCron } from "../../src/calendar/cron/parse-cron.js";
import { parseTimespan } from "../../src/calendar/timespan/parse-timespan.js";

/*
 * systemd's own fuzzing inputs for calendar specs (../shared/systemd-fuzz),
 * used the way its fuzzer uses them: the spec up to a NUL, then a base time in
 * µs. We must never throw, stay fast, and print a form that parses back to
 * itself.
 */
const DIR = new URL("../../../shared/systemd-fuzz/calendarspec/", import.meta.url);

function inputs(): { name: string; bytes: Buffer }[] {
  let names: string[] = [];
  try {
    names = readdirSync(DIR);
  } catch {
    return [];
  }
  return names.filter((n) => statSync(new URL(n, DIR)).isFile()).map((name) => ({ name, bytes: readFileSync(new URL(name, DIR)) }));
}

const corpus = inputs();

function exercise(text: string, baseUsec: number): void {
  const { session, zones } = nodeSession({ TZ: "UTC" });
  const r = parseCalendarIn(text, session, zones);
  if (!r.ok) return;
  const again = parseCalendarIn(r.normalized, session, zones);
  expect(again.ok, `${JSON.stringify(text)} prints as ${JSON.stringify(r.normalized)}, which must parse`).toBe(true);
  if (again.ok) expect(again.normalized).toBe(r.normalized);
  const t0 = Date.now();
  elapsesAfter(r.spec, baseUsec, 100, session, zones);
  expect(Date.now() - t0).toBeLessThan(5000);
}

describe.skipIf(corpus.length === 0)("systemd's calendarspec fuzz inputs (skipped: ../shared/systemd-fuzz is not present)", () => {
  for (const { name, bytes } of corpus) {
    it(name, () => {
      const text = bytes.toString("latin1");
      const nul = text.indexOf("\0");
      const spec = nul < 0 ? text : text.slice(0, nul);
      const digits = nul < 0 ? "" : text.slice(nul + 1).trim();
      const base = /^[0-9]+$/.test(digits) ? Math.min(Number(digits), 7.3e15) : 0;
      exercise(spec, base);
      // and the raw bytes as one string
      exercise(text, 0);
      expect(() => parseCron(text)).not.toThrow();
      expect(() => parseTimespan(text)).not.toThrow();
    });
  }
});

describe("robustness", () => {
  it("pathological inputs stay fast", () => {
    const big = [
      Array.from({ length: 5000 }, (_, i) => i % 60).join(",") + ":00",
      "Mon,".repeat(3000),
      "*-*-* " + "1".repeat(10000) + ":00",
      "9".repeat(100000),
      "@".repeat(1000),
      "*-02-30 00:00:00",
      "2199-12-31 23:59:59.999999",
      "*-*-* *:*:0.000001/0.000001",
      "Mon *-02-29 00:00",
    ];
    const { session, zones } = nodeSession({ TZ: "Europe/Berlin" });
    for (const s of big) {
      const t0 = Date.now();
      const r = parseCalendarIn(s, session, zones);
      if (r.ok) elapsesAfter(r.spec, 0, 50, session, zones);
      expect(Date.now() - t0, s.slice(0, 40)).toBeLessThan(3000);
    }
  });

  it("random strings over the spec alphabet never throw in parse or next", () => {
    const alphabet = fc.constantFrom(..." -~:.,/*0123456789@MonTuWedSatUTCdaily\t".split(""), "..", "Europe/Berlin");
    const { session, zones } = nodeSession({ TZ: "America/New_York" });
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 30 }).map((a) => a.join("")),
        fc.integer({ min: 0, max: 7_000_000_000 }),
        (s, base) => {
          const r = parseCalendarIn(s, session, zones);
          if (r.ok) elapsesAfter(r.spec, base * 1e6, 3, session, zones);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
