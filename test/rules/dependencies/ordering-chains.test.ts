import { describe, expect, it } from "vitest";
import { lintSources } from "../../../src/linter/lint.js";

const lint = (rule: string, files: Record<string, string>) =>
  lintSources(Object.entries(files).map(([path, text]) => ({ path, text })))
    .findings.filter((f) => f.rule === rule)
    .map((f) => `${f.file}:${f.line}`);
const svc = (unit: string) => `[Unit]\n${unit}[Service]\nExecStart=/bin/true\n`;

describe("dependencies/requires-without-after follows chains of orderings", () => {
  const rule = "dependencies/requires-without-after";

  it("ordered through network-online.target (which starts after network.target): no race (nfs-server.service in Debian)", () => {
    expect(lint(rule, { "nfs.service": svc("Requires=network.target\nWants=network-online.target\nAfter=network-online.target\n") })).toEqual([]);
    expect(lint(rule, { "nfs.service": svc("Requires=network.target\n") })).toEqual(["nfs.service:2"]);
  });

  it("through units of the set, either way, and through default dependencies", () => {
    const files = { "a.service": svc("Requires=c.service\nAfter=b.service\n"), "b.service": svc("After=c.service\n"), "c.service": svc("") };
    expect(lint(rule, files)).toEqual([]);
    expect(
      lint(rule, { ...files, "a.service": svc("Requires=c.service\n"), "c.service": svc("After=b.service\n"), "b.service": svc("After=a.service\n") }),
    ).toEqual([]);
    // a service starts after basic.target by default
    expect(lint(rule, { "a.service": svc("Requires=basic.target\n") })).toEqual([]);
    expect(lint(rule, { "a.service": svc("DefaultDependencies=no\nRequires=basic.target\n") })).toEqual(["a.service:3"]);
  });
});

describe("dependencies/after-without-wants: only network-online.target is the consumer's to pull in", () => {
  it("nss-lookup.target and time-sync.target are pulled in by their providers (systemd.special(7))", () => {
    const rule = "dependencies/after-without-wants";
    expect(lint(rule, { "web.service": svc("After=nss-lookup.target time-sync.target\n") })).toEqual([]);
    expect(lint(rule, { "web.service": svc("After=network-online.target\n") })).toEqual(["web.service:2"]);
  });
});
