import { describe, expect, it } from "vitest";
import { lintSources } from "../../../src/linter/lint.js";

const lint = (files: Record<string, string>) =>
  lintSources(Object.entries(files).map(([path, text]) => ({ path, text })))
    .findings.filter((f) => f.rule === "dependencies/member-not-bound")
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);
const svc = (unit: string) => `[Unit]\n${unit}[Service]\nExecStart=/bin/true\n`;

describe("dependencies/member-not-bound", () => {
  const group = { "g.target": "[Unit]\nWants=a.service b.service\n", "a.service": svc("PartOf=g.target\n") };

  it("a member of a group target without PartOf=, underlined in the target's Wants=", () => {
    expect(lint({ ...group, "b.service": svc("") })).toEqual([
      "g.target:2:17 g.target starts b.service, but b.service is not PartOf=g.target like the group's other members (a.service): `systemctl stop g.target` and `restart` leave it running",
    ]);
  });

  it("near misses: BindsTo= counts, a target nobody is PartOf= is no group, host units and other targets are layering", () => {
    expect(lint({ ...group, "b.service": svc("BindsTo=g.target\nAfter=g.target\n") })).toEqual([]);
    expect(lint({ "g.target": "[Unit]\nWants=a.service b.service\n", "a.service": svc(""), "b.service": svc("") })).toEqual([]);
    expect(lint({ ...group, "g.target": "[Unit]\nWants=a.service redis.service sub.target\n", "sub.target": "[Unit]\n" })).toEqual([]);
  });

  it("instances of a template that is PartOf= the group are members", () => {
    expect(
      lint({ "g.target": "[Unit]\nWants=w@x.service a.service\n", "a.service": svc("PartOf=g.target\n"), "w@.service": svc("PartOf=g.target\n") }),
    ).toEqual([]);
  });
});
