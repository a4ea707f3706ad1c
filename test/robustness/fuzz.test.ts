// Every entry point that takes user text, fed arbitrary strings and bytes:
// it returns (never throws) and every position it reports lies inside the input.
import fc from "fast-check";

import { describe, expect, it } from "vitest";
import { decodeLossless } from "../../src/core/bytes.js";
import { SourceText } from "../../src/core/source.js";
import { lintCalendar, parseCalendar, parseCron, parseTimespan } from "../../src/calendar/index.js";
import { parseConfig } from "../../src/config/config.js";
import { parseCrontab } from "../../src/crontab/index.js";
import { parseJobsFile, parseJson } from "../../src/jobs/index.js";
import { lintSources } from "../../src/linter/lint.js";
import { parseExec } from "../../src/parser/exec/parse-exec.js";
import { parseUnitFile } from "../../src/parser/unit/index.js";
import { splitWords } from "../../src/values/words.js";
import { expectLineColumnInside, expectRangesInside } from "./support/ranges.js";

// FUZZ_RUNS raises the count for a longer local hunt; CI keeps the default.
const RUNS = Number(process.env.FUZZ_RUNS) || 250;

/** Raw bytes as the CLI would decode them (invalid UTF-8 kept as lone surrogates). */
const bytesAsText = fc.uint8Array({ maxLength: 200 }).map((b) => decodeLossless(b).text);

/** Text made of the pieces each grammar cares about, so the parsers get past their first character. */
function textOf(pieces: string[], maxLength = 40): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...pieces) },
        { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
        { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
      ),
      { maxLength },
    )
    .map((p) => p.join(""));
}

const anyText = (grammar: fc.Arbitrary<string>) => fc.oneof(grammar, fc.string({ maxLength: 80 }), fc.string({ unit: "binary", maxLength: 80 }), bytesAsText);

const UNIT_PIECES = [
  "[Unit]",
  "[Service]",
  "[Timer]",
  "[Socket]",
  "[Install]",
  "[X-Foo]",
  "\n",
  "\r\n",
  "\r",
  "\u0000",
  "\uFEFF",
  "\\\n",
  "\\",
  "=",
  " ",
  "\t",
  "#",
  ";",
  "Description=",
  "ExecStart=",
  "ExecStart=-/bin/sh -c 'a; b'",
  'Environment="A=1" B=2',
  "After=",
  "Requires=",
  "Wants=",
  "OnCalendar=",
  "OnCalendar=*-*-* 00:00",
  "Restart=",
  "RestartSec=",
  "TimeoutSec=",
  "User=",
  "Type=",
  "WantedBy=",
  "ListenStream=",
  "%i",
  "%n",
  "a.service",
  "x@.service",
  "\udc80",
  "é",
  "😀",
  "# unitlint-disable-next-line",
  "# unitlint-disable ",
  "directives/unknown-directive",
  ".include ",
];
const CAL_PIECES = [
  "*",
  "-",
  ":",
  "/",
  "..",
  ",",
  "~",
  " ",
  "Mon",
  "Sun",
  "daily",
  "weekly",
  "1",
  "12",
  "2024",
  "00",
  "59",
  "60",
  ".5",
  "UTC",
  "Europe/Berlin",
  "Mon..Fri",
  "@",
  "+",
  "9999",
];
const SPAN_PIECES = ["1", "0", ".5", " ", "s", "min", "h", "d", "w", "M", "y", "us", "ms", "infinity", "-", "1e3", "18446744073709551615"];
const CRON_PIECES = ["*", "/", "-", ",", " ", "\t", "1", "0", "59", "L", "W", "#", "?", "@daily", "@reboot", "MON", "JAN", "7", "60"];
const EXEC_PIECES = ["-", "@", ":", "+", "!", "!!", "|", "/bin/sh", " ", "-c", "'", '"', "\\", "\\x41", "\\u00e9", "$", "${A}", "%", "%%", "|", ">", "&&", ";"];
const JSON_PIECES = [
  "{",
  "}",
  "[",
  "]",
  ":",
  ",",
  '"',
  "\\",
  "\\u",
  "0",
  "-1.5e3",
  "true",
  "null",
  '"presets"',
  '"rules"',
  '"overrides"',
  '"files"',
  '"error"',
  " ",
  "\n",
  "/*",
  "//",
];
const CRONTAB_PIECES = ["* * * * *", "@daily", " ", "\t", "root", "/bin/true", "%", "\\%", "\n", "#", "MAILTO=", "SHELL=", "A=b", "\\\n", "0 3 * * 1-5"];

/** The crontabs among LINT_PATHS: their lines end at \n only, as cron reads them. */
const CRONTAB_PATH = /(^|\/)(crontab|cron\.d\/)/;
const LINT_PATHS = [
  "a.service",
  "b.timer",
  "b.service",
  "c.socket",
  "x@.service",
  "a.service.d/override.conf",
  "etc/crontab",
  "etc/cron.d/job",
  "jobs/a.json",
  "d.mount",
  "e.path",
];

describe("fuzzing: arbitrary input never throws, positions stay inside the input", () => {
  it("unit-file parser", () => {
    fc.assert(
      fc.property(anyText(textOf(UNIT_PIECES, 60)), (text) => {
        const { ast, problems } = parseUnitFile(text, "f.service");
        expectRangesInside({ lines: ast.lines, problems }, text.length);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("lintSources over a set of files (every rule, strict preset)", () => {
    const file = fc.record({ path: fc.constantFrom(...LINT_PATHS), text: anyText(textOf(UNIT_PIECES, 40)) });
    fc.assert(
      fc.property(fc.uniqueArray(file, { selector: (f) => f.path, maxLength: 4 }), (files) => {
        const r = lintSources(files, { presets: ["recommended", "strict"] });
        const byPath = new Map(files.map((f) => [f.path, f.text]));
        for (const f of r.findings) {
          const text = byPath.get(f.file);
          expect(text, `finding in a file that was not given: ${f.file}`).toBeDefined();
          expectRangesInside(f, text!.length, f.rule);
          const lineEnds = CRONTAB_PATH.test(f.file) ? "newline" : "systemd";
          expectLineColumnInside(text!, f, f.rule, lineEnds);
          expectLineColumnInside(text!, { line: f.endLine, column: f.endColumn }, `${f.rule} end`, lineEnds);
          for (const rel of f.related ?? []) {
            const relText = byPath.get(rel.file);
            if (relText !== undefined) expectRangesInside(rel, relText.length, `${f.rule} related`);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("calendar: parseCalendar and lintCalendar", () => {
    fc.assert(
      fc.property(anyText(textOf(CAL_PIECES, 24)), (text) => {
        // The calendar engine puts "expected ':' here" carets one past the end of a
        // value that stops early (its own properties allow it); a unit file's
        // findings are checked strictly below, where it matters.
        const p = parseCalendar(text);
        expectRangesInside(p.ok ? p.diagnostics : p.error, text.length, "parseCalendar", 1);
        expectRangesInside(lintCalendar(text), text.length, "lintCalendar", 1);
      }),
      { numRuns: RUNS },
    );
  });

  // Was a bug: parseCalendar("*") put "expected ':' after the hour" one past the end of the text.
  it("calendar values that stop early, at the very end of a unit file, keep findings inside the file", () => {
    for (const value of ["*", "1", "Mon 1", "*-*-* 1", "12:", "~"]) {
      const text = `[Timer]\nOnCalendar=${value}`;
      const r = lintSources([
        { path: "t.timer", text },
        { path: "t.service", text: "[Service]\nExecStart=/bin/true\n" },
      ]);
      for (const f of r.findings.filter((f) => f.file === "t.timer")) {
        expectRangesInside(f, text.length, `${f.rule} on OnCalendar=${value}`);
        expectLineColumnInside(text, { line: f.endLine, column: f.endColumn }, `${f.rule} end`);
      }
    }
  });

  it("cron expressions", () => {
    fc.assert(
      fc.property(anyText(textOf(CRON_PIECES, 20)), (text) => {
        const r = parseCron(text);
        if (!r.ok) expectRangesInside(r.error, text.length, "parseCron");
      }),
      { numRuns: RUNS },
    );
  });

  it("time spans", () => {
    fc.assert(
      fc.property(anyText(textOf(SPAN_PIECES, 16)), (text) => {
        const r = parseTimespan(text);
        if (!r.ok) expectRangesInside(r, text.length, "parseTimespan");
        else expect(r.usec >= 0n).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("exec lines and word splitting", () => {
    fc.assert(
      fc.property(anyText(textOf(EXEC_PIECES, 30)), (text) => {
        const cmd = parseExec(text);
        expect(cmd.prefixEnd).toBeGreaterThanOrEqual(0);
        expect(cmd.prefixEnd).toBeLessThanOrEqual(text.length);
        for (const w of [...cmd.words, ...splitWords(text).words]) {
          expect(0 <= w.from && w.from <= w.to && w.to <= text.length, `word ${w.from}..${w.to} of ${text.length}`).toBe(true);
        }
        if (cmd.unterminatedQuote !== undefined) expect(cmd.unterminatedQuote).toBeLessThan(text.length);
      }),
      { numRuns: RUNS },
    );
  });

  it("config loader (and the JSON parser under it)", () => {
    fc.assert(
      fc.property(anyText(textOf(JSON_PIECES, 30)), (text) => {
        const parsed = parseJson(text);
        expectRangesInside(parsed, text.length, "parseJson");
        const { errors } = parseConfig(text);
        const src = new SourceText("c.json", text);
        for (const e of errors) {
          expect(e.message.length).toBeGreaterThan(0);
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(src.lineCount);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("crontabs and job files", () => {
    fc.assert(
      fc.property(anyText(textOf(CRONTAB_PIECES, 30)), anyText(textOf(JSON_PIECES, 30)), (crontab, jobs) => {
        expectRangesInside(parseCrontab(crontab, "etc/crontab", "system"), crontab.length, "parseCrontab");
        expectRangesInside(parseCrontab(crontab, "user-crontab", "user"), crontab.length, "parseCrontab(user)");
        expectRangesInside(parseJobsFile(jobs, "jobs/a.json"), jobs.length, "parseJobsFile");
      }),
      { numRuns: RUNS },
    );
  });
});
