import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCrontab, splitCommand } from "../../src/crontab/index.js";
import { lintSources } from "../../src/linter/lint.js";

describe("parseCrontab", () => {
  it("reads environment lines like cronie's load_env", () => {
    const f = parseCrontab(" MAILTO = \"ops@x\"  \nA='b c'\nEMPTY=\nX=1 2  \n", "crontab", "system");
    const env = f.lines.filter((l) => l.kind === "env").map((l) => (l.kind === "env" ? [l.name.text, l.value.text] : []));
    expect(env).toEqual([
      ["MAILTO", "ops@x"],
      ["A", "b c"],
      ["EMPTY", ""],
      ["X", "1 2"],
    ]);
  });
  it("a job is not an assignment even with '=' in its command", () => {
    const f = parseCrontab("* * * * * root A=1 /bin/x\n@daily B=2 /bin/y\n", "crontab", "system");
    expect(f.lines.map((l) => l.kind)).toEqual(["job", "job"]);
  });
  it("keeps exact columns of fields, user and command, and the env in force", () => {
    const text = "X=1\n  */5  1-3 * * *\troot   /bin/run  --now  \n";
    const f = parseCrontab(text, "crontab", "system");
    const job = f.lines[1]!;
    if (job.kind !== "job") throw new Error("job expected");
    expect(text.slice(job.schedule.range.start, job.schedule.range.end)).toBe("*/5  1-3 * * *");
    expect(text.slice(job.cron!.fields!.hour.range.start, job.cron!.fields!.hour.range.end)).toBe("1-3");
    expect(job.user?.text).toBe("root");
    expect(job.command?.text).toBe("/bin/run  --now");
    expect(job.env.map((e) => e.name.text)).toEqual(["X"]);
  });
  it("user format has no user field", () => {
    const f = parseCrontab("0 1 * * * backup --all\n", "mine", "user");
    const job = f.lines[0]!;
    expect(job.kind === "job" && job.user).toBeFalsy();
    expect(job.kind === "job" && job.command?.text).toBe("backup --all");
  });
  it("notes an unterminated last line", () => {
    expect(parseCrontab("0 1 * * * root x", "crontab", "system").unterminatedLastLine?.line).toBe(1);
    expect(parseCrontab("0 1 * * * root x\n", "crontab", "system").unterminatedLastLine).toBeUndefined();
  });
  it("never throws and its line ranges tile the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("0", "1", "*", "/", "-", ",", " ", "\t", "\n", "=", "#", "@", "%", "\\", "a", '"', "\r") }), (text) => {
        const f = parseCrontab(text, "crontab", "system");
        let pos = 0;
        for (const l of f.lines) {
          expect(l.range.start).toBe(pos);
          pos = l.range.end + 1;
        }
        // the last line ends at the end of the text, or just before a final newline
        if (text.length) expect([text.length, text.length + 1]).toContain(pos);
      }),
      { numRuns: 300 },
    );
  });
});

describe("splitCommand", () => {
  const cmd = (text: string) => splitCommand({ text, range: { start: 10, end: 10 + text.length } });
  it("cuts at the first %, later ones become newlines, \\% is a literal %", () => {
    expect(cmd("mail -s hi root%line 1%line 2")).toEqual({
      command: "mail -s hi root",
      stdin: "line 1\nline 2",
      percents: [
        { start: 25, end: 26 },
        { start: 32, end: 33 },
      ],
    });
    expect(cmd("date +\\%F")).toEqual({ command: "date +%F", percents: [] });
  });
});

describe("crontab positions count lines as cron does (\\n only)", () => {
  // Regression: "\r\n\u0000" is one line ending for systemd's line counting, so the job on cron's
  // line 2 (the NUL) was reported at 1:3, a column inside line 1's ending.
  it("a job after a \\r\\n line is reported on its own line, at a column inside it", () => {
    const text = "\r\n\u0000";
    const r = lintSources([{ path: "etc/crontab", text }]);
    const f = r.findings.find((x) => x.rule === "crontab/invalid-schedule");
    expect(f).toMatchObject({ line: 2, column: 1, endLine: 2, endColumn: 2, range: { start: 2, end: 3 } });
    const job = parseCrontab(text, "etc/crontab", "system").lines[1]!;
    expect(job.kind).toBe("job");
    expect(job.line).toBe(f!.line);
  });
  it("\\r and NUL stay inside their line; the line's text leaves out \\r\\n", () => {
    const text = "a\rb\u0000c\r\n* * * * * root x\n";
    const { source } = parseCrontab(text, "etc/crontab", "system");
    expect(source.lineCount).toBe(3);
    expect(source.lineText(1)).toBe("a\rb\u0000c");
    expect(source.lineText(2)).toBe("* * * * * root x");
    expect(source.lineText(3)).toBe("");
    expect(source.positionAt(text.indexOf("*"))).toEqual({ line: 2, column: 1 });
    expect(source.positionAt(text.indexOf("c"))).toEqual({ line: 1, column: 5 });
  });
  it("every finding's line is the job line's own number", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("0", "1", "*", " ", "\n", "\r", "\u0000", "#", "x", "@daily", "root", "%") }), (text) => {
        const r = lintSources([{ path: "etc/crontab", text }]);
        const lines = parseCrontab(text, "etc/crontab", "system").lines;
        for (const f of r.findings.filter((x) => x.rule === "crontab/invalid-schedule")) {
          const job = lines.find((l) => l.range.start <= f.range.start && f.range.start <= l.range.end);
          expect(job?.line).toBe(f.line);
        }
      }),
      { numRuns: 300 },
    );
  });
});
