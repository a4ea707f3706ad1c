import { describe, expect, it } from "vitest";
import { lintSources, type LintSource } from "../../src/linter/lint.js";

// LintSource.parsed: a file an earlier run parsed is not parsed again while its path, kind and text are the same.
describe("sources given with their earlier parse", () => {
  const sources: LintSource[] = [
    { path: "app.timer", text: "[Timer]\nOnCalendar=daily\n" },
    { path: "app.service", text: "[Service]\nType=oneshot\nExecStart=/usr/bin/app\nRestartsec=5\n" },
  ];

  it("reuses the tree of an unchanged file and parses a changed one, with the findings of a fresh run", () => {
    const first = lintSources(sources);
    const byPath = new Map(first.files.map((f) => [f.path, f]));
    const edited = [sources[0]!, { ...sources[1]!, text: sources[1]!.text.replace("Restartsec=5", "Restartsec=6") }];
    const again = lintSources(edited.map((s) => ({ ...s, parsed: byPath.get(s.path)! })));
    expect(again.files.find((f) => f.path === "app.timer")).toBe(byPath.get("app.timer"));
    expect(again.files.find((f) => f.path === "app.service")).not.toBe(byPath.get("app.service"));
    expect(JSON.stringify(again.findings)).toBe(JSON.stringify(lintSources(edited).findings));
    expect(again.findings.some((f) => f.message.includes("Restartsec"))).toBe(true);
  });

  it("parses again a tree given for another path or kind", () => {
    const first = lintSources(sources);
    const timer = first.files.find((f) => f.path === "app.timer")!;
    const moved = lintSources([{ path: "other.timer", text: sources[0]!.text, parsed: timer }]);
    expect(moved.files[0]).not.toBe(timer);
    expect(moved.files[0]!.path).toBe("other.timer");
    const asDropin = lintSources([{ path: "app.timer", text: sources[0]!.text, kind: "dropin", parsed: timer }]);
    expect(asDropin.files[0]!.kind).toBe("dropin");
  });

  it("parses anew in a run that compacts its trees, leaving the given tree whole", () => {
    const commented = { path: "app.timer", text: "# nightly\n[Timer]\n\nOnCalendar=daily\n" };
    const timer = lintSources([commented]).files[0]!;
    const lines = timer.ast.lines.length;
    const compacted = lintSources([{ ...commented, parsed: timer }], { compactTrees: true });
    expect(compacted.files[0]).not.toBe(timer);
    expect(timer.ast.lines.length).toBe(lines);
  });
});
