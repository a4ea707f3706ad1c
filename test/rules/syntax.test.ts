import { describe, expect, it } from "vitest";
import { lintSources } from "../../src/linter/lint.js";

const ids = (path: string, text: string) =>
  lintSources([{ path, text }])
    .findings.filter((f) => /^(syntax|naming)\//.test(f.rule))
    .map((f) => `${f.line}:${f.column} ${f.rule}`);

describe("syntax and naming rules", () => {
  it("syntax/invalid-section-header and syntax/invalid-line", () => {
    expect(ids("a.service", "[Unit\n[Service]\nExec\n")).toEqual(["1:1 syntax/invalid-section-header", "3:1 syntax/invalid-line"]);
  });

  it("syntax/invalid-line is silent inside sections systemd ignores", () => {
    expect(ids("a.service", "[X-Mine]\nfree text\n[Bogus]\nmore\n")).toEqual(["3:2 syntax/unknown-section"]);
  });

  it("syntax/unknown-section knows which sections each type has", () => {
    expect(ids("a.target", "[Unit]\n[Install]\n")).toEqual([]);
    expect(ids("a.target", "[Service]\n")).toEqual(["1:2 syntax/unknown-section"]);
    const [f] = lintSources([{ path: "a.service", text: "[service]\n" }]).findings.filter((x) => x.rule === "syntax/unknown-section");
    expect(f!.message).toContain("did you mean [Service]");
  });

  it("syntax/assignment-outside-section, syntax/include-directive, syntax/continuation-at-eof", () => {
    expect(ids("a.service", "A=1\n[Service]\n.include x\nB=\\")).toEqual([
      "1:1 syntax/assignment-outside-section",
      "3:1 syntax/include-directive",
      "4:3 syntax/continuation-at-eof",
    ]);
  });

  it("syntax/invalid-utf8 and syntax/line-too-long are errors", () => {
    const r = lintSources([{ path: "a.service", text: "[Unit]\nDescription=\udcff\n" }]).findings;
    expect(r.map((f) => [f.rule, f.severity])).toEqual([["syntax/invalid-utf8", "error"]]);
    expect(ids("a.service", "[Unit]\nDescription=" + "x".repeat(1 << 20) + "\n")).toEqual(["2:1 syntax/line-too-long"]);
  });

  it("naming/invalid-unit-name and naming/mount-name-mismatch", () => {
    expect(ids("bad name.service", "[Service]\n")).toEqual(["1:1 naming/invalid-unit-name"]);
    expect(ids("@x.service", "[Service]\n")).toEqual(["1:1 naming/invalid-unit-name"]);
    expect(ids("a@b@c.service", "[Service]\n")).toEqual([]);
    expect(ids("x.mount", "[Mount]\nWhere=/x/y\n")).toEqual(["2:7 naming/mount-name-mismatch"]);
    expect(ids("x-y.mount", "[Mount]\nWhere=/x/y\n")).toEqual([]);
    expect(ids("-.mount", "[Mount]\nWhere=/\n")).toEqual([]);
  });
});

describe("syntax/unknown-section suggestions", () => {
  it("suggests the closest section name for a typo", () => {
    const [f] = lintSources([{ path: "a.service", text: "[Servce]\n" }]).findings.filter((x) => x.rule === "syntax/unknown-section");
    expect(f!.message).toContain("did you mean [Service]?");
    const [g] = lintSources([{ path: "a.service", text: "[Whatever]\n" }]).findings.filter((x) => x.rule === "syntax/unknown-section");
    expect(g!.message).not.toContain("did you mean");
  });
});
