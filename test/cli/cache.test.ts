import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBin, ROOT, run, tempDir } from "../helpers/cli.js";

// `check --cache`: the output is what a run without the cache prints, whatever changed in between.
let dir: string;
const check = (...extra: string[]) => run(["check", "examples", "--format", "json", ...extra], { cwd: dir });
const fresh = () => check("--no-config");

beforeAll(() => {
  ensureBin();
  dir = tempDir("unitlint-cache-");
  cpSync(join(ROOT, "examples"), join(dir, "examples"), { recursive: true });
});

describe("check --cache", () => {
  it("cold and warm runs print what a run without it prints, and keep .unitlintcache in the working folder", () => {
    const plain = fresh();
    const cold = check("--no-config", "--cache");
    expect(existsSync(join(dir, ".unitlintcache"))).toBe(true);
    const warm = check("--no-config", "--cache");
    expect(cold.stdout).toBe(plain.stdout);
    expect(warm.stdout).toBe(plain.stdout);
    expect([cold.code, warm.code]).toEqual([plain.code, plain.code]);
    expect(JSON.parse(readFileSync(join(dir, ".unitlintcache"), "utf8"))).toMatchObject({ format: 1, version: expect.any(String) });
  });

  it("an edited file, a new one and a changed setting each give the new findings", () => {
    check("--no-config", "--cache");
    const unit = join(dir, "examples", "sidekiq", "lib", "systemd", "system", "sidekiq.service");
    writeFileSync(unit, readFileSync(unit, "utf8") + "Restartsec=5\n");
    const edited = check("--no-config", "--cache");
    expect(edited.stdout).toBe(fresh().stdout);
    expect(edited.stdout).toContain("Restartsec");
    writeFileSync(join(dir, "examples", "sidekiq", "lib", "systemd", "system", "extra.service"), "[Service]\nExecStart=bin/x\n");
    expect(check("--no-config", "--cache").stdout).toBe(fresh().stdout);
    const off = check("--no-config", "--cache", "--rule", "directives/unknown-directive=off");
    expect(off.stdout).toBe(check("--no-config", "--rule", "directives/unknown-directive=off").stdout);
    expect(off.stdout).not.toContain("Restartsec");
  });

  it("a config file's change invalidates what it affects", () => {
    check("--cache");
    writeFileSync(join(dir, "unitlint.config.json"), JSON.stringify({ rules: { "values/deprecated-value": "error" } }));
    const withConfig = check("--cache");
    expect(withConfig.stdout).toBe(check().stdout);
    expect(withConfig.stdout).toMatch(/"rule": "values\/deprecated-value",\s+"severity": "error"/);
  });

  it("--cache-location takes a file or a folder; a broken or foreign cache file is a cold run, rewritten", () => {
    mkdirSync(join(dir, "cachedir"), { recursive: true });
    check("--no-config", "--cache-location", "cachedir");
    expect(existsSync(join(dir, "cachedir", ".unitlintcache"))).toBe(true);
    check("--no-config", "--cache-location", "my.cache");
    expect(existsSync(join(dir, "my.cache"))).toBe(true);
    for (const junk of [
      "{not json",
      JSON.stringify({ format: 1, version: "0.0.0-other", entries: { x: { findings: [] } } }),
      JSON.stringify({ format: 1, version: null }),
    ]) {
      writeFileSync(join(dir, "my.cache"), junk);
      const r = check("--no-config", "--cache-location", "my.cache");
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe(fresh().stdout);
      expect(JSON.parse(readFileSync(join(dir, "my.cache"), "utf8")).format).toBe(1);
    }
  });

  it("entries of this version's cache file that were mangled (by hand, another tool) are not used", () => {
    const cache = join(dir, "mangled.cache");
    const plain = fresh().stdout;
    for (const shape of [
      { parts: 5 },
      { parts: [7] },
      { refs: null },
      { refs: { "a.service": 3 } },
      { hour: "now" },
      { findings: "none" },
      { findings: [5] },
      { findings: [{ rule: "x" }] },
    ]) {
      check("--no-config", "--cache-location", "mangled.cache");
      const data = JSON.parse(readFileSync(cache, "utf8")) as { entries: Record<string, Record<string, unknown>> };
      for (const e of Object.values(data.entries)) Object.assign(e, shape);
      writeFileSync(cache, JSON.stringify(data));
      const r = check("--no-config", "--cache-location", "mangled.cache");
      expect([JSON.stringify(shape), r.stderr, r.stdout === plain]).toEqual([JSON.stringify(shape), "", true]);
      // and the next run, from the rewritten file, too
      expect(check("--no-config", "--cache-location", "mangled.cache").stdout).toBe(plain);
    }
  });

  it("a re-run that changes nothing leaves the cache file as it is (its inode: written atomically, a rewrite is a new file)", () => {
    const cache = join(dir, "still.cache");
    check("--no-config", "--cache-location", "still.cache");
    const before = statSync(cache).ino;
    check("--no-config", "--cache-location", "still.cache");
    expect(statSync(cache).ino).toBe(before);
    const unit = join(dir, "examples", "sidekiq", "lib", "systemd", "system", "sidekiq.service");
    writeFileSync(unit, readFileSync(unit, "utf8") + "# edited\n");
    check("--no-config", "--cache-location", "still.cache");
    expect(statSync(cache).ino).not.toBe(before);
  });

  it("an unwritable cache location is one line on stderr; the check itself is unaffected", () => {
    const r = check("--no-config", "--cache-location", join(dir, "no", "such", "folder", "c"));
    expect(r.stdout).toBe(fresh().stdout);
    expect(r.stderr).toMatch(/^unitlint: .*c: cannot write the cache \(.*\); the next run starts afresh\n$/);
  });
});
