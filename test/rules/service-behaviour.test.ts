import { describe, expect, it } from "vitest";
import { lintSources } from "../../src/linter/lint.js";
import type { LintSettings } from "../../src/rules/types.js";

/** Findings of the service-behaviour rules of issue #5 (part A), as `line:col rule severity`. */
const lint = (files: Record<string, string>, settings: Partial<LintSettings> = {}, rule?: string) =>
  lintSources(Object.entries(files).map(([path, text]) => ({ path, text })), { settings })
    .findings.filter((f) => (rule ? f.rule === rule : OURS.includes(f.rule)))
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.severity}`);

const OURS = ["exec/relative-executable"];

describe("exec/relative-executable", () => {
  const svc = "[Service]\nExecStart=python3 -m http.server\n";
  it("is a note when systemd looks the name up (no target, or a target from 239 on)", () => {
    expect(lint({ "a.service": svc })).toEqual(["a.service:2:11 exec/relative-executable info"]);
    expect(lint({ "a.service": svc }, { targetSystemd: [239, 252] })).toEqual(["a.service:2:11 exec/relative-executable info"]);
  });
  it("is a warning when an older target refuses it, an error for a relative path with a slash", () => {
    expect(lint({ "a.service": svc }, { targetSystemd: [238, 252] })).toEqual(["a.service:2:11 exec/relative-executable warning"]);
    expect(lint({ "a.service": "[Service]\nExecStart=./run\n" })).toEqual(["a.service:2:11 exec/relative-executable error"]);
  });
  it("accepts absolute paths after prefixes and specifiers", () => {
    expect(lint({ "a.service": "[Service]\nExecStart=-@/usr/bin/a a\nExecStop=%h/bin/stop\nExecStartPre=+!/bin/true\n" })).toEqual([]);
  });
});
