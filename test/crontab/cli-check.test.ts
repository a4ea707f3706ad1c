import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCheck } from "../../src/cli/check.js";
import { collectInputs, isLintableName } from "../../src/node/collect.js";

const dir = mkdtempSync(join(tmpdir(), "unitlint-crontab-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("unitlint check finds crontabs and job files", () => {
  it("recognises them by name when walking folders", () => {
    expect(["etc/crontab", "etc/cron.d/backup", "jobs/a.json", "app.service"].map(isLintableName)).toEqual([true, true, true, true]);
    expect(["etc/cron.d/backup.dpkg-old", "etc/cron.d/.placeholder", "package.json", "cron.daily/logrotate"].map(isLintableName)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
  it("lints them, and user crontabs given with --crontab", async () => {
    mkdirSync(join(dir, "etc", "cron.d"), { recursive: true });
    mkdirSync(join(dir, "jobs"));
    writeFileSync(join(dir, "etc", "cron.d", "backup"), "0 25 * * * root /bin/true\n");
    writeFileSync(join(dir, "jobs", "a.json"), '{"name":"a","type":"command","schedule":"0 1 * * *","command":"x","timeout":"1 hour"}\n');
    writeFileSync(join(dir, "package.json"), '{"name":"pkg"}\n');
    writeFileSync(join(dir, "mine"), "0 2 * * *\n");
    expect(
      collectInputs([dir]).files.map((f) =>
        f
          .slice(dir.length + 1)
          .split("\\")
          .join("/"),
      ),
    ).toEqual(["etc/cron.d/backup", "jobs/a.json"]);
    const out: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: () => {}, isTTY: false, env: {}, readStdin: () => "" };
    const code = await runCheck([dir], { format: "json", rule: [], crontab: [join(dir, "mine")] }, io);
    expect(code).toBe(1);
    const rules = JSON.parse(out.join("")) as { rule: string }[] | { findings: { rule: string }[] };
    const list = Array.isArray(rules) ? rules : rules.findings;
    expect(list.map((f) => f.rule).sort()).toEqual(["crontab/invalid-schedule", "crontab/missing-command", "jobs/invalid-timeout"]);
  });
});
