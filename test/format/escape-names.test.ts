// File names with control characters (escape sequences, CR, LF) and names that
// look like CI commands must not reach a human-readable report raw.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { displayName, escapeControls, escapeLine } from "../../src/format/escape.js";
import { formatters } from "../../src/format/index.js";
import { lintSources } from "../../src/linter/lint.js";
import { SourceText } from "../../src/core/source.js";
import { spawnSync } from "node:child_process";
import { BIN, ensureBin, run, tempDir } from "../helpers/cli.js";

const HOSTILE = [
  "evil\x1b[2J\x1b]0;pwned\x07.service",
  "cr\rfake.service",
  "lf\n::warning file=x::injected.service",
  "::error file=a::boom.service",
  "##vso[task.complete result=Failed]x.service",
];
const BAD = "[Service]\nExecStart=bin/relative\n";

beforeAll(() => ensureBin(), 120_000);

/**
 * No line of the output starts a CI command (in the github format, only unitlint's own annotations,
 * one a line, with the name inside the escaped file property), and no raw control character is left.
 */
function expectInert(out: string, github = false): void {
  for (const line of out.split("\n")) {
    if (github && line !== "")
      expect(line, JSON.stringify(line)).toMatch(/^::(error|warning|notice) file=[^:,]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:,]*::[^\n]*$/);
    else expect(line, JSON.stringify(line)).not.toMatch(/^\s*(::|##vso)/);
  }
  expect(out.replace(/\n/g, "")).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
}

describe("escaping names in human-readable output", () => {
  it("escapes control characters and defuses CI commands", () => {
    expect(escapeControls("a\x1b[1mb\r\n\t\u202ec")).toBe("a\\x1b[1mb\\r\\n\\t\\u202ec");
    expect(displayName("::warning x")).toBe("./::warning x");
    expect(displayName("##vso[x]")).toBe("./##vso[x]");
    expect(displayName("etc/a.service")).toBe("etc/a.service");
    expect(escapeLine("\runitlint: reading 5/10\r")).toBe("\runitlint: reading 5/10\r");
    expect(escapeLine("unitlint: a\nb: no\n")).toBe("unitlint: a\\nb: no\n");
  });

  it("stylish and github output of findings in such files are inert", () => {
    const sources = HOSTILE.map((path) => ({ path, text: BAD }));
    const { findings } = lintSources(sources);
    expect(findings.length).toBeGreaterThanOrEqual(HOSTILE.length);
    const input = {
      findings,
      sources: new Map(sources.map((s) => [s.path, new SourceText(s.path, s.text)])),
      rules: [],
      fileCount: HOSTILE.length,
      files: HOSTILE,
      color: false,
      version: "0",
    };
    for (const name of ["stylish", "github"]) expectInert(formatters[name]!(input), name === "github");
    expect(formatters["stylish"]!(input)).toContain("./::error file=a::boom.service:2:11");
  });

  it.runIf(process.platform === "linux")("unitlint check: stdout and stderr are inert for files so named", () => {
    const dir = tempDir("unitlint-names-");
    mkdirSync(join(dir, "u"));
    for (const name of HOSTILE) writeFileSync(join(dir, "u", name), BAD);
    // unreadable: its message on stderr names it
    writeFileSync(join(dir, "u", "bin\n::warning::ary\x1b[31m.service"), Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(100)]));
    for (const format of ["stylish", "github"]) {
      const r = run(["check", "--no-config", "-f", format, "u"], { cwd: dir });
      expect(r.code).toBe(2);
      expectInert(r.stdout, format === "github");
      expectInert(r.stderr);
      expect(r.stderr).toContain("bin\\n::warning::ary\\x1b[31m.service: binary file");
    }
  });
});

describe("file names that are not valid UTF-8", () => {
  it.runIf(process.platform === "linux")("are reported by their real name, escaped, with the real reason (not 'no such file')", () => {
    const dir = tempDir("unitlint-names-");
    mkdirSync(join(dir, "u"));
    writeFileSync(Buffer.concat([Buffer.from(join(dir, "u") + "/caf"), Buffer.from([0xe9]), Buffer.from(".service")]), BAD);
    mkdirSync(Buffer.concat([Buffer.from(join(dir, "u") + "/d"), Buffer.from([0xff])]));
    writeFileSync(Buffer.from(join(dir, "u") + "/ok\u00e9.service"), BAD); // valid UTF-8: checked as usual
    const r = run(["check", "--no-config", "u"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unitlint: u/caf\\xe9.service: the file name is not valid UTF-8 (shown with \\x escapes); not checked");
    expect(r.stderr).toContain("unitlint: u/d\\xff: the file name is not valid UTF-8");
    expect(r.stderr).not.toContain("no such file");
    expect(r.stdout).toContain("u/ok\u00e9.service:2:11");
  });

  it.runIf(process.platform === "linux")("named on the command line: says the name was not UTF-8", () => {
    const dir = tempDir("unitlint-names-");
    writeFileSync(Buffer.concat([Buffer.from(dir + "/x"), Buffer.from([0xff]), Buffer.from(".service")]), BAD);
    const r = spawnSync("sh", ["-c", 'exec "$0" "$1" check --no-config "$(printf "x\\377.service")"', process.execPath, BIN], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/x\ufffd\.service: no such file or folder \(the name as given is not valid UTF-8/);
  });
});
