import { describe, expect, it } from "vitest";
import { applyEdits } from "../../../src/core/edits.js";
import { lintSources, type LintSource } from "../../../src/linter/lint.js";

const job = (fields: Record<string, unknown>) =>
  JSON.stringify({ name: "j", type: "command", schedule: "0 2 * * *", command: "true", ...fields }, null, 2) + "\n";
function run(rule: string, files: LintSource[] | string) {
  const sources = typeof files === "string" ? [{ path: "jobs/j.json", text: files }] : files;
  return lintSources(sources).findings.filter((f) => f.rule === rule);
}
const at = (fs: { line: number; column: number; endLine: number; endColumn: number }[]) => fs.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);

describe("recognition", () => {
  it("JSON that is not job-shaped gets no job findings", () => {
    const pkg = '{ "name": "x", "version": "1.0.0", "scripts": { "test": "vitest" }, "jobs": {"build": {}} }\n';
    expect(lintSources([{ path: "package.json", text: pkg }]).findings).toEqual([]);
    expect(lintSources([{ path: "jobs/list.json", text: "[1, 2]\n" }]).findings).toEqual([]);
  });
  it("workspace files: jobs array plus deploy/destroy schedules", () => {
    const ws = '{\n  "deploy_schedule": "0 9 * * 1-5",\n  "destroy_schedule": "0 18 * * 1-8",\n  "jobs": []\n}\n';
    expect(at(run("jobs/invalid-schedule", [{ path: "workspaces/dev.json", text: ws }]))).toEqual(["3:35-3:36"]);
  });
});

describe("jobs/invalid-json", () => {
  it("points at the syntax error", () => {
    expect(at(run("jobs/invalid-json", '{\n  "name": "a",\n}\n'))).toEqual(["2:14-2:15"]);
    expect(run("jobs/invalid-json", job({}))).toEqual([]);
  });
});

describe("jobs/missing-field", () => {
  it("required fields and the type's own field", () => {
    const f = run("jobs/missing-field", '{ "type": "script", "schedule": "0 1 * * *", "command": "x" }');
    expect(f.map((x) => x.message)).toEqual([
      'the job has no "name" (every job needs name, type and schedule)',
      'a "script" job needs a "script" field with what to run',
    ]);
    expect(at(f)).toEqual(["1:1-1:2", "1:11-1:19"]);
  });
  it("complete jobs of each type are fine", () => {
    expect(run("jobs/missing-field", job({ type: "template", template: "monitoring" }))).toEqual([]);
    expect(run("jobs/missing-field", job({ type: "script", script: "#!/bin/bash\necho hi" }))).toEqual([]);
  });
});

describe("jobs/unknown-type", () => {
  it("suggests and safely fixes a near miss", () => {
    const text = job({ type: "Script", script: "x" });
    const f = run("jobs/unknown-type", text);
    expect(f[0]!.message).toContain('did you mean "script"');
    expect(f[0]!.fix?.safe).toBe(true);
    expect(run("jobs/unknown-type", applyEdits(text, f[0]!.fix!.edits).text)).toEqual([]);
    expect(run("jobs/unknown-type", job({ type: "lambda" }))[0]?.fix).toBeUndefined();
  });
});

describe("jobs/wrong-field-type", () => {
  it("quoted booleans, numeric timeouts, non-string env values and schedule entries", () => {
    const f = run("jobs/wrong-field-type", job({ enabled: "false", timeout: 30, environment: { A: 1 }, schedule: ["0 1 * * *", 5] }));
    expect(f.map((x) => x.message).sort()).toEqual([
      '"enabled" must be true or false, not a string',
      '"timeout" must be a duration string such as "30m", not a number',
      'entries of "environment" must be strings, not a number',
      'entries of "schedule" must be strings, not a number',
    ]);
  });
  it("non-object entries of a jobs array", () => {
    expect(run("jobs/wrong-field-type", `{ "jobs": [${job({})}, "oops"] }`)).toHaveLength(1);
  });
});

describe("jobs/unknown-field", () => {
  it("suggests the field a typo meant; tags and working_dir are known", () => {
    const f = run("jobs/unknown-field", job({ timout: "5m", tags: ["a"], working_dir: "/srv" }));
    expect(f.map((x) => x.message)).toEqual(['"timout" is not a job field (did you mean "timeout"?)']);
  });
});

describe("jobs/invalid-schedule", () => {
  it("underlines the bad field inside the JSON string, also in arrays", () => {
    const text = '{"name":"a","type":"command","command":"x","schedule":["0 */6 * * *","0 0 * * 8"]}';
    expect(at(run("jobs/invalid-schedule", text))).toEqual(["1:79-1:80"]);
  });
  it("maps columns across escapes", () => {
    const text = '{"name":"a","type":"command","command":"x","schedule":"\\u0030 25 * * *"}';
    expect(at(run("jobs/invalid-schedule", text))).toEqual(["1:63-1:65"]);
  });
  it("the job system documentation's schedules are all fine", () => {
    for (const s of ["0 2 * * *", "*/15 * * * *", "0 9 * * 1-5", "1-5,0 * * * *", "0 */4 * * *", "0 3 * * 0"])
      expect(run("jobs/invalid-schedule", job({ schedule: s }))).toEqual([]);
  });
});

describe("jobs/schedule-never-fires", () => {
  it("February 30th", () => {
    expect(run("jobs/schedule-never-fires", job({ schedule: ["0 0 30 2 *", "0 0 29 2 *"] }))).toHaveLength(1);
  });
});

describe("jobs/invalid-timeout", () => {
  it("Go durations only", () => {
    for (const bad of ["1 hour", "30", "1d", "", "m5"]) expect(run("jobs/invalid-timeout", job({ timeout: bad })), bad).toHaveLength(1);
    for (const ok of ["30m", "30s", "1h30m", "1.5h", "500ms"]) expect(run("jobs/invalid-timeout", job({ timeout: ok })), ok).toEqual([]);
    expect(run("jobs/invalid-timeout", job({ timeout: "0s" }))[0]?.message).toContain("zero");
  });
});

describe("jobs/secret-in-environment", () => {
  it("literal secrets, not placeholders or ordinary variables", () => {
    const f = run(
      "jobs/secret-in-environment",
      job({ environment: { PGPASSWORD: "hunter2", API_TOKEN: "{{api_token}}", ALERT_EMAIL: "admin@example.com", GITHUB_TOKEN: "ghp_x" } }),
    );
    expect(f.map((x) => x.message)).toEqual([
      '"PGPASSWORD" holds a literal secret in the job file; use a placeholder such as "{{pgpassword}}" filled in by the job system',
      '"GITHUB_TOKEN" holds a literal secret in the job file; use a placeholder such as "{{github_token}}" filled in by the job system',
    ]);
  });
});

describe("jobs/duplicate-name", () => {
  it("within a file and across standalone files of one folder", () => {
    const a = { path: "jobs/a.json", text: job({ name: "backup" }) };
    const b = { path: "jobs/b.json", text: job({ name: "backup" }) };
    const other = { path: "other/c.json", text: job({ name: "backup" }) };
    const f = run("jobs/duplicate-name", [a, b, other]);
    expect(f.map((x) => x.file)).toEqual(["jobs/b.json"]);
    expect(f[0]!.related?.[0]?.file).toBe("jobs/a.json");
    const ws = `{ "jobs": [${job({ name: "x" })}, ${job({ name: "x" })}] }`;
    expect(run("jobs/duplicate-name", [{ path: "ws.json", text: ws }])[0]?.message).toContain("on line 2");
  });
});
