import { describe, expect, it } from "vitest";
import { completions } from "../../src/lsp/features.js";
import { hoverAt } from "../../src/lsp/hover.js";
import { defaultKnowledge } from "../../src/lsp/knowledge-impl.js";
import { parseFile } from "../../src/model/unit-file.js";
import { parseUnitFile } from "../../src/parser/unit/index.js";

const knowledge = defaultKnowledge();
const labels = (text: string, offset = text.length, unitNames: string[] = []) =>
  completions({ ast: parseUnitFile(text, "a.service").ast, offset, type: "service", unitNames, knowledge }).map((i) => i.label);

describe("completion", () => {
  it("answers at every position of a unit, the very end of an unterminated last line included", () => {
    const unit = "[Unit]\nDescription=Worker\nWants=redis.service\n\n[Service]\nType=notify\nRestart=on-failure\nExecStart=/usr/bin/worker --queue %i\nRest";
    for (let offset = 0; offset <= unit.length; offset++) expect(() => labels(unit, offset)).not.toThrow();
    // where a user is typing: the last line, no newline after it
    expect(labels(unit)).toContain("RestartSec");
    expect(labels(unit.slice(0, unit.lastIndexOf("\n") + 1))).toContain("RestartSec");
    expect(labels("[Service]\nRestart=al")).toContain("always");
    expect(labels("[Serv")).toContain("[Service]");
  });

  it("offers yes and no for a boolean setting", () => {
    expect(labels("[Timer]\nPersistent=")).toEqual(["yes", "no"]);
    expect(labels("[Service]\nRemainAfterExit=")).toEqual(["yes", "no"]);
  });

  it("offers a setting's values only in its own section", () => {
    expect(labels("[Service]\nRestart=")).toContain("on-failure");
    expect(labels("[Unit]\nRestart=")).toEqual([]);
  });

  it("offers unit names after Wants=, not the workspace's crontabs and job files", () => {
    const names = labels("[Unit]\nWants=", undefined, ["backup", "crontab", "sync.json", "worker@.service", "app.timer"]);
    expect(names).toContain("worker@.service");
    expect(names).toContain("app.timer");
    expect(names).not.toContain("backup");
    expect(names).not.toContain("crontab");
    expect(names).not.toContain("sync.json");
    // systemd's own units are offered too, not only systemd.special(7)'s
    expect(names).toContain("systemd-networkd.service");
  });
});

describe("hover on a key systemd does not know", () => {
  const hover = (text: string, at: string) => hoverAt(parseFile("a.service", text), text.indexOf(at) + 1, knowledge)?.markdown;

  it("suggests the setting it most likely meant", () => {
    expect(hover("[Service]\nRestartsec=5\n", "Restartsec")).toContain("Did you mean **RestartSec=**?");
  });

  it("says where a setting of another section belongs", () => {
    expect(hover("[Unit]\nRestart=always\n", "Restart")).toMatch(/belongs in `\[Service\]`/);
  });
});
