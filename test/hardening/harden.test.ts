import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assessUnit, formatExposure } from "../../src/hardening/assess.js";
import { hardenUnit } from "../../src/hardening/harden.js";
import { EffectiveUnit } from "../../src/model/effective-unit.js";
import { parseFile } from "../../src/model/unit-file.js";
import { loadUnits } from "../../src/node/load-units.js";
import { hasSystemdAnalyze, runSystemdAnalyze } from "../calendar/support/systemd-analyze.js";
import { prng, randomService } from "./support/random-units.js";

const dir = mkdtempSync(join(tmpdir(), "unitlint-harden-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function unitFrom(name: string, text: string): EffectiveUnit {
  return new EffectiveUnit(name, parseFile(`/srv/${name}`, text), []);
}

/** Unit texts to harden: the bundled examples, some host services, random ones. */
function corpus(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".service") && !e.name.includes("@.")) out.push({ name: e.name, text: readFileSync(p, "utf8") });
    }
  };
  walk("examples");
  const host = "/lib/systemd/system";
  if (existsSync(host))
    for (const f of readdirSync(host)
      .filter((f) => f.endsWith(".service") && !f.includes("@."))
      .slice(0, 60)) {
      const p = join(host, f);
      if (existsSync(p)) out.push({ name: f, text: readFileSync(p, "utf8") });
    }
  const rand = prng(7);
  for (let i = 0; i < 40; i++) out.push({ name: `h${i}.service`, text: randomService(rand) });
  return out;
}

describe("unitlint harden", () => {
  it("reaches the target on a bare service, least risky settings first, and the drop-in is a valid [Service] drop-in", () => {
    const u = unitFrom("app.service", "[Service]\nExecStart=/usr/bin/app\n");
    const r = hardenUnit(u, 49)!;
    expect(r.before.exposure).toBe(96);
    expect(r.reached).toBe(true);
    expect(r.after.exposure).toBeLessThanOrEqual(49);
    const risks = r.steps.map((s) => s.risk);
    expect([...risks].sort((a, b) => ["low", "medium", "high"].indexOf(a) - ["low", "medium", "high"].indexOf(b))).toEqual(risks);
    expect(r.dropin).toMatch(/^# Hardening for app\.service/);
    expect(r.dropin).toContain("\n[Service]\n");
    expect(r.path).toBe("/srv/app.service.d/hardening.conf");
    // every step lowered the score
    let prev = r.before.exposure;
    for (const s of r.steps) {
      expect(s.exposure).toBeLessThan(prev);
      prev = s.exposure;
    }
  });

  it("keeps clear of settings the unit's own text says would break it", () => {
    const java = hardenUnit(
      unitFrom("j.service", "[Unit]\nAfter=network-online.target\n[Service]\nExecStart=/usr/bin/java -jar /opt/app/app.jar --port 8080\nUser=app\n"),
      0,
    )!;
    const text = java.dropin;
    expect(text).not.toContain("MemoryDenyWriteExecute=yes");
    expect(text).not.toContain("PrivateNetwork=yes");
    expect(text).not.toContain("IPAddressDeny=any");
    expect(text).toContain("CapabilityBoundingSet=\n");
    const ntp = hardenUnit(unitFrom("n.service", "[Service]\nExecStart=/usr/sbin/chronyd -d\n"), 0)!;
    expect(ntp.dropin).not.toContain("ProtectClock=yes");
    const home = hardenUnit(unitFrom("h.service", "[Service]\nExecStart=/home/bob/bin/sync\n"), 0)!;
    expect(home.dropin).toContain("ProtectHome=read-only");
    expect(home.dropin).not.toContain("ProtectHome=yes");
  });

  it("says when the target cannot be reached, and adds nothing to an already hardened unit", () => {
    const r = hardenUnit(unitFrom("a.service", "[Service]\nExecStart=/usr/bin/app\n"), 0)!;
    expect(r.reached).toBe(false);
    expect(r.dropin).toContain("not reached");
    const again = hardenUnit(unitFrom("b.service", `${r.dropin.replace(/^#.*\n/gm, "").replace("[Service]\n", "[Service]\nExecStart=/usr/bin/app\n")}`), 0)!;
    expect(again.after.exposure).toBe(r.after.exposure);
    const done = hardenUnit(unitFrom("c.service", "[Service]\nExecStart=/usr/bin/app\n"), 96)!;
    expect(done.steps).toEqual([]);
  });

  it("the score it promises is the score of the unit with the drop-in loaded from disk", () => {
    for (const { name, text } of corpus()) {
      const u = unitFrom(name, text);
      const r = hardenUnit(u, 35);
      if (!r || r.steps.length === 0) continue;
      const d = mkdtempSync(join(dir, "c-"));
      writeFileSync(join(d, name), text);
      mkdirSync(join(d, `${name}.d`));
      writeFileSync(join(d, `${name}.d`, "hardening.conf"), r.dropin);
      const reloaded = loadUnits([join(d, name)]).units[0]!;
      expect(assessUnit(reloaded)!.exposure, name).toBe(r.after.exposure);
    }
  });

  it.skipIf(!hasSystemdAnalyze)(
    "systemd-analyze security gives the promised score with the drop-in applied (skipped: systemd-analyze of systemd 252 is not installed)",
    () => {
      const failures: string[] = [];
      let compared = 0;
      for (const { name, text } of corpus()) {
        const r = hardenUnit(unitFrom(name, text), 35);
        if (!r || r.steps.length === 0) continue;
        const d = mkdtempSync(join(dir, "o-"));
        writeFileSync(join(d, name), text);
        mkdirSync(join(d, `${name}.d`));
        writeFileSync(join(d, `${name}.d`, "hardening.conf"), r.dropin);
        const out = runSystemdAnalyze(["security", "--offline=true", "--no-pager", join(d, name)], undefined);
        const m = /Overall exposure level for \S+: (\d+\.\d) (\w+)/.exec(out.stdout);
        if (!m) continue; // a unit systemd refuses to load (fatal setting in a random case)
        compared++;
        if (m[1] !== formatExposure(r.after.exposure)) failures.push(`${name}: promised ${formatExposure(r.after.exposure)}, systemd ${m[1]}`);
      }
      expect(compared).toBeGreaterThan(50);
      expect(failures).toEqual([]);
    },
  );
});
