import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyFixes } from "../src/fix/fix.js";
import { lintSources } from "../src/linter/lint.js";

const UNUSED = { rules: { "suppressions/unused-disable": "warning" as const } };
// The snippets are services without ExecStart=, which loading/service-without-start reports at the header; left out here.
const run = (text: string, unused = false, path = "a.service") =>
  lintSources([{ path, text }], unused ? UNUSED : {})
    .findings.filter((f) => !f.rule.startsWith("loading/"))
    .map((f) => `${f.line} ${f.rule}`);
const fixed = (text: string) => applyFixes([{ path: "a.service", text }], new Set(["a.service"]), UNUSED).changed.get("a.service") ?? text;

describe("inline suppressions", () => {
  it("disable-next-line silences the named rules on the next setting only", () => {
    const text = "[Service]\n# unitlint-disable-next-line directives/unknown-directive -- legacy\nFoo=1\nBar=2\n";
    expect(run(text)).toEqual(["4 directives/unknown-directive"]);
  });

  it("skips comments and blank lines to find the next line; no ids means every rule", () => {
    expect(run("[Service]\n# unitlint-disable-next-line\n\n# more\nFoo=1\n")).toEqual([]);
  });

  it("covers every physical line of a continued setting, comment lines inside it included", () => {
    const setting = "ExecStart=/bin/a \\\n  --x \\\n# c\n  | grep x\n";
    expect(run(`[Service]\n${setting}`)).toEqual(["5 exec/shell-syntax"]);
    expect(run(`[Service]\n# unitlint-disable-next-line exec/shell-syntax\n${setting}ExecStartPre=/bin/b | c\n`)).toEqual(["7 exec/shell-syntax"]);
  });

  it("disable (without -next-line) lasts to the end of the file", () => {
    expect(run("[Service]\n; unitlint-disable directives/unknown-directive\nFoo=1\nBar=2\nRestart=sometimes\n")).toEqual(["5 values/invalid-value"]);
  });

  it("work in drop-ins and crontabs", () => {
    expect(run("[Service]\n# unitlint-disable-next-line directives/unknown-directive\nFoo=1\n", false, "a.service.d/10-x.conf")).toEqual([]);
    const cron = "# unitlint-disable-next-line crontab/invalid-schedule -- vendor file\n61 * * * * root /bin/true\n";
    expect(run(cron, false, "etc/cron.d/job")).toEqual([]);
    expect(run(cron.split("\n").slice(1).join("\n"), false, "etc/cron.d/job")).toEqual(["1 crontab/invalid-schedule"]);
  });
});

describe("suppressions/unused-disable", () => {
  it("reports one that suppresses nothing (only when enabled)", () => {
    const text = "[Service]\n# unitlint-disable-next-line values/invalid-value\nUser=app\n";
    expect(run(text)).toEqual([]);
    expect(run(text, true)).toEqual(["2 suppressions/unused-disable"]);
  });

  it("says which ids are unused, unknown, or that the directive is misspelt", () => {
    const text = [
      "[Service]",
      "# unitlint-disable-next-line directives/unknown-directive, values/invalid-value -- legacy",
      "Foo=1",
      "# unitlint-disable-next-line directives/unknwn-directive",
      "Bar=1",
      "# unitlint-disable-line directives/unknown-directive",
      "Baz=1",
      "",
    ].join("\n");
    const found = lintSources([{ path: "a.service", text }], UNUSED)
      .findings.filter((f) => !f.rule.startsWith("loading/"))
      .map((f) => `${f.line} ${f.rule} ${f.message}`);
    expect(found).toEqual([
      "2 suppressions/unused-disable this unitlint-disable comment suppresses nothing (values/invalid-value); remove it",
      "4 suppressions/unused-disable this unitlint-disable comment names no rule: directives/unknwn-directive (see 'unitlint rules' for the ids)",
      "5 directives/unknown-directive unknown setting 'Bar' in [Service]; systemd ignores it",
      "6 suppressions/unused-disable 'unitlint-disable-line' is not a unitlint directive; write unitlint-disable-next-line or unitlint-disable",
      "7 directives/unknown-directive unknown setting 'Baz' in [Service]; systemd ignores it",
    ]);
  });

  it("its safe fix removes the unused ids (keeping the reason) or the whole comment line", () => {
    expect(fixed("[Service]\n# unitlint-disable-next-line values/invalid-value, directives/unknown-directive -- legacy\nFoo=1\n")).toBe(
      "[Service]\n# unitlint-disable-next-line directives/unknown-directive -- legacy\nFoo=1\n",
    );
    expect(fixed("[Service]\r\n# unitlint-disable values/invalid-value\r\nUser=app\r\n")).toBe("[Service]\r\nUser=app\r\n");
    expect(fixed("[Service]\nUser=app\n# unitlint-disable-next-line values/invalid-value")).toBe("[Service]\nUser=app");
    // a misspelt directive is reported but left for a person to correct
    expect(fixed("[Service]\n# unitlint-disable-line x\nUser=app\n")).toBe("[Service]\n# unitlint-disable-line x\nUser=app\n");
  });

  it("after the fix every suppression is used, and the findings are those of before (property)", () => {
    const LINES = ["Foo=1", "Restart=sometimes", "User=app", "ExecStart=/bin/a | b", "# plain comment", ""];
    const IDS = ["directives/unknown-directive", "values/invalid-value", "exec/shell-syntax", "nope/x"];
    const directive = fc
      .tuple(fc.constantFrom("disable-next-line", "disable"), fc.subarray(IDS, { minLength: 1 }), fc.boolean())
      .map(([kind, ids, reason]) => `# unitlint-${kind} ${ids.join(", ")}${reason ? " -- why" : ""}`);
    const file = fc.array(fc.oneof(fc.constantFrom(...LINES), directive), { maxLength: 10 }).map((ls) => `[Service]\n${ls.join("\n")}\n`);
    fc.assert(
      fc.property(file, (text) => {
        // rule and underlined text (messages may name line numbers, which move when a comment line goes)
        const others = (t: string) =>
          lintSources([{ path: "a.service", text: t }], UNUSED)
            .findings.filter((f) => f.rule !== "suppressions/unused-disable")
            .map((f) => `${f.rule} ${t.slice(f.range.start, f.range.end)}`);
        const after = fixed(text);
        expect(run(after, true).filter((f) => f.endsWith("unused-disable"))).toEqual([]);
        expect(others(after)).toEqual(others(text));
      }),
      { numRuns: 150 },
    );
  });
});
