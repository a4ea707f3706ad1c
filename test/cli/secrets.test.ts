// identity/secret-in-environment promises never to print the secret: a
// planted secret must not appear in any output format or mode, in the
// language server's diagnostics or in the playground's analysis.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatterNames } from "../../src/format/index.js";
import { unifiedDiff } from "../../src/fix/diff.js";
import { lintSources } from "../../src/linter/lint.js";
import { maskSecrets } from "../../src/model/secrets.js";
import { analyse } from "../../src/playground/analysis.js";
import { DEFAULT_STATE } from "../../src/playground/state.js";
import { ensureBin, run, tempDir } from "../helpers/cli.js";

const PLANTED = /Planted/;
// Every way a secret is written: by name, quoted, in a URL, continued, unterminated, in the wrong section, a credential.
const UNIT = [
  "[Unit]",
  "Description=app",
  "Environment=DB_PASSWORD=Hunter2Planted",
  "[Service]",
  "ExecStart=/usr/bin/app",
  'Environment=DB_PASSWORD=Hunter2Planted "API_TOKEN=Tok3n Planted" URL=postgres://u:Pw9Planted@db/x',
  "Environment=SESSION_SECRET=Sk7Planted\\",
  "  OTHER=1",
  'Environment="DB_PASSWORD=UntermPlanted',
  "SetCredential=db:CredPlanted",
  "PermissionsStartOnly=true",
  "MemoryLimit=1G",
  "User=root",
  "",
].join("\n");

beforeAll(() => ensureBin(), 120_000);

function project(): string {
  const dir = tempDir("unitlint-secret-");
  writeFileSync(join(dir, "app.service"), UNIT);
  return dir;
}

describe("a planted secret is never printed", () => {
  for (const format of formatterNames()) {
    it(`check --format ${format}, to stdout and with -o`, () => {
      const dir = project();
      const r = run(["check", "--no-config", "--preset", "strict", "-f", format, "app.service"], { cwd: dir });
      expect(r.stdout.length).toBeGreaterThan(0);
      expect(r.stdout).not.toMatch(PLANTED);
      expect(r.stderr).not.toMatch(PLANTED);
      const o = run(["check", "--no-config", "--preset", "strict", "-f", format, "-o", "report.txt", "app.service"], { cwd: dir });
      expect(o.stdout + o.stderr).not.toMatch(PLANTED);
      expect(readFileSync(join(dir, "report.txt"), "utf8")).not.toMatch(PLANTED);
    });
  }

  it("check --cache: cold, warm and after an edit, neither the report nor the cache file holds it", () => {
    const dir = project();
    // a repeated line: directives/duplicate-directive quotes the whole assignment in its message
    const repeated = "Environment=DB_PASSWORD=Hunter2Planted\n";
    writeFileSync(join(dir, "app.service"), UNIT + repeated + repeated);
    const args = ["check", "--no-config", "--preset", "strict", "-f", "json", "--cache", "app.service"];
    const plain = run(
      args.filter((a) => a !== "--cache"),
      { cwd: dir },
    );
    expect(plain.stdout).toMatch(/repeats line/);
    const cold = run(args, { cwd: dir });
    const warm = run(args, { cwd: dir });
    writeFileSync(join(dir, "app.service"), UNIT + repeated + repeated + "# unitlint-disable-next-line exec/relative-executable\n" + repeated);
    const edited = run(args, { cwd: dir });
    for (const r of [cold, warm, edited]) expect(r.stdout + r.stderr).not.toMatch(PLANTED);
    expect([cold.stdout, warm.stdout]).toEqual([plain.stdout, plain.stdout]);
    expect(edited.stdout).toMatch(/unused-disable/);
    expect(readFileSync(join(dir, ".unitlintcache"), "utf8")).not.toMatch(PLANTED);
  });

  it("--fix-dry-run diffs and --fix output mask it; the fixed file keeps it", () => {
    const dir = project();
    const dry = run(["check", "--no-config", "--fix-dry-run", "--fix-unsafe", "app.service"], { cwd: dir });
    expect(dry.stdout).toContain("+MemoryMax=1G");
    // the diff (standard output) masks the secret on its context line; the report (standard error) in its code frames
    expect(dry.stdout).toContain('Environment="DB_PASSWORD=*************\n');
    expect(dry.stderr).toContain("DB_PASSWORD=**************");
    expect(dry.stdout + dry.stderr).not.toMatch(PLANTED);
    const fix = run(["check", "--no-config", "--fix-unsafe", "app.service"], { cwd: dir });
    expect(fix.stdout + fix.stderr).not.toMatch(PLANTED);
    expect(readFileSync(join(dir, "app.service"), "utf8")).toBe(UNIT.replace("MemoryLimit=1G", "MemoryMax=1G"));
  });

  it("standard input, stylish", () => {
    const r = run(["check", "--no-config", "-"], { input: UNIT });
    expect(r.stdout).toContain("DB_PASSWORD=");
    expect(r.stdout).not.toMatch(PLANTED);
  });

  it("finding messages (what the language server and the playground show)", () => {
    const { findings } = lintSources([{ path: "app.service", text: UNIT }], { presets: ["recommended", "strict"] });
    expect(findings.length).toBeGreaterThan(3);
    expect(JSON.stringify(findings.map((f) => [f.message, f.related]))).not.toMatch(PLANTED);
  });

  it("the playground's analysis, effective settings included", () => {
    const a = analyse({ ...DEFAULT_STATE, filename: "app.service", text: UNIT, dropin: "[Service]\nEnvironment=TOKEN=DropPlanted\n" });
    expect(a.effective.some((l) => l.startsWith("[Service] Environment=DB_PASSWORD=*"))).toBe(true);
    expect(JSON.stringify([a.findings.map((f) => f.message), a.dropinFindings.map((f) => f.message), a.effective])).not.toMatch(PLANTED);
  });

  it("masking keeps every offset: same length, same line breaks", () => {
    const masked = maskSecrets(UNIT);
    expect(masked).toHaveLength(UNIT.length);
    expect(masked.split("\n").map((l) => l.length)).toEqual(UNIT.split("\n").map((l) => l.length));
    expect(masked).not.toMatch(PLANTED);
    expect(masked).toContain('Environment=DB_PASSWORD=************** "API_TOKEN=');
    expect(maskSecrets("[Service]\nEnvironment=PATH=/bin HOME=/root\n")).toBe("[Service]\nEnvironment=PATH=/bin HOME=/root\n");
    expect(unifiedDiff("a.service", UNIT, UNIT.replace("User=root", "User=app"))).not.toMatch(PLANTED);
  });
});
