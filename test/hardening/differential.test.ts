import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assessUnit, formatExposure, type Assessment } from "../../src/hardening/assess.js";
import { EffectiveUnit } from "../../src/model/effective-unit.js";
import { parseFile } from "../../src/model/unit-file.js";
import { hasSystemdAnalyze, runSystemdAnalyze } from "../calendar/support/systemd-analyze.js";
import { prng, randomService } from "./support/random-units.js";

interface OracleCheck {
  name: string;
  json_field: string;
  set: boolean | null;
  exposure: string | null;
}

/**
 * Run `systemd-analyze security --offline=true` on files: per unit it loads,
 * the checks (JSON) and the overall line. Units with a fatal setting (an
 * invalid User= or DynamicUser=) are refused by systemd and left out.
 */
function oracle(paths: string[], mode: "system" | "user" = "system"): Map<string, { checks: OracleCheck[]; overall: string }> {
  // The user manager wants a runtime folder of its own, even offline.
  const user = mode === "user" ? ["--user"] : [];
  const env = mode === "user" ? { XDG_RUNTIME_DIR: runtimeDir() } : {};
  const json = runSystemdAnalyze(["security", ...user, "--offline=true", "--json=short", "--no-pager", ...paths], undefined, env);
  const text = runSystemdAnalyze(["security", ...user, "--offline=true", "--no-pager", ...paths], undefined, env);
  const arrays = json.stdout.split("\n").filter((l) => l.startsWith("["));
  const overall = [...text.stdout.matchAll(/Overall exposure level for (\S+): (\d+\.\d \w+)/g)];
  expect(arrays.length).toBe(overall.length);
  return new Map(overall.map((m, i) => [m[1]!, { checks: JSON.parse(arrays[i]!) as OracleCheck[], overall: m[2]! }]));
}

function mine(path: string, mode: "system" | "user" = "system"): Assessment {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const a = assessUnit(new EffectiveUnit(name, parseFile(path, readFileSync(path, "latin1")), []), mode);
  if (!a) throw new Error(`no assessment for ${path}`);
  return a;
}

/** Differences between unitlint's and the oracle's verdicts for one unit (empty when identical). */
function differences(a: Assessment, o: { checks: OracleCheck[]; overall: string }): string[] {
  const out: string[] = [];
  if (`${formatExposure(a.exposure)} ${a.rating}` !== o.overall) out.push(`overall: systemd ${o.overall}, unitlint ${formatExposure(a.exposure)} ${a.rating}`);
  for (const oc of o.checks) {
    const c = a.checks.find((x) => x.check.jsonField === oc.json_field);
    if (!c) {
      out.push(`${oc.name}: missing`);
      continue;
    }
    const set = c.badness === null ? null : c.badness === 0;
    const exp = c.exposure === null ? null : formatExposure(c.exposure);
    if (set !== oc.set || exp !== oc.exposure)
      out.push(`${oc.name}: systemd set=${oc.set} exposure=${oc.exposure}, unitlint badness=${c.badness} exposure=${exp}`);
  }
  if (o.checks.length !== a.checks.length) out.push(`check count: systemd ${o.checks.length}, unitlint ${a.checks.length}`);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), "unitlint-security-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let runtime: string | undefined;
function runtimeDir(): string {
  if (!runtime) {
    runtime = join(dir, "runtime");
    mkdirSync(runtime, { mode: 0o700 });
  }
  return runtime;
}

describe.skipIf(!hasSystemdAnalyze)("differential: systemd-analyze security --offline=true (skipped: systemd-analyze of systemd 252 is not installed)", () => {
  it("1,200 random services: every check and the overall score agree", () => {
    const rand = prng(20261122);
    const paths: string[] = [];
    for (let i = 0; i < 1200; i++) {
      const p = join(dir, `r${i}.service`);
      writeFileSync(p, randomService(rand));
      paths.push(p);
    }
    const failures: string[] = [];
    let compared = 0;
    for (let i = 0; i < paths.length; i += 200) {
      const batch = paths.slice(i, i + 200);
      const results = oracle(batch);
      for (const p of batch) {
        const o = results.get(p.slice(p.lastIndexOf("/") + 1));
        if (!o) continue;
        compared++;
        const d = differences(mine(p), o);
        if (d.length) failures.push(`${p}:\n${readFileSync(p, "utf8")}  ${d.join("\n  ")}`);
      }
    }
    expect(compared).toBeGreaterThan(900);
    expect(`${failures.length} of ${compared} differ\n` + failures.slice(0, 3).join("\n\n")).toBe(`0 of ${compared} differ\n`);
  });

  it("300 random services scored as user services (security --user): every check and the overall score agree", () => {
    const rand = prng(20261206);
    const paths: string[] = [];
    for (let i = 0; i < 300; i++) {
      const p = join(dir, `u${i}.service`);
      writeFileSync(p, randomService(rand));
      paths.push(p);
    }
    const failures: string[] = [];
    let compared = 0;
    for (let i = 0; i < paths.length; i += 150) {
      const batch = paths.slice(i, i + 150);
      const results = oracle(batch, "user");
      for (const p of batch) {
        const o = results.get(p.slice(p.lastIndexOf("/") + 1));
        if (!o) continue;
        compared++;
        const d = differences(mine(p, "user"), o);
        if (d.length) failures.push(`${p}:\n${readFileSync(p, "utf8")}  ${d.join("\n  ")}`);
      }
    }
    expect(compared).toBeGreaterThan(200);
    expect(`${failures.length} of ${compared} differ\n` + failures.slice(0, 3).join("\n\n")).toBe(`0 of ${compared} differ\n`);
  });

  const host = "/lib/systemd/system";
  it.skipIf(!existsSync(host))("the host's services, sockets, mounts and swaps (skipped: no /lib/systemd/system here) agree", () => {
    const paths = readdirSync(host)
      .filter((f) => /\.(service|socket|mount|swap)$/.test(f) && !f.includes("@."))
      .map((f) => join(host, f))
      .filter((p) => existsSync(p));
    const failures: string[] = [];
    for (const p of paths) {
      const r = runSystemdAnalyze(["security", "--offline=true", "--json=short", "--no-pager", p], undefined);
      if (!r.stdout.startsWith("[")) continue; // units systemd itself refuses to load
      const text = runSystemdAnalyze(["security", "--offline=true", "--no-pager", p], undefined);
      const overall = /Overall exposure level for \S+: (\d+\.\d \w+)/.exec(text.stdout)?.[1] ?? "";
      const d = differences(mine(p), { checks: JSON.parse(r.stdout.split("\n")[0]!), overall });
      if (d.length) failures.push(`${p}: ${d.join("; ")}`);
    }
    expect(paths.length).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });
});
