import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { dependencyGraph, toDot, toMermaid, unitsWithFindings } from "../../src/analysis/graph.js";
import { lintSources } from "../../src/linter/lint.js";
import { parseFile } from "../../src/model/unit-file.js";
import { buildUnitSet } from "../../src/model/unit-set.js";
import { ensureBin, run } from "../helpers/cli.js";

const set = (files: Record<string, string>) => buildUnitSet(Object.entries(files).map(([p, t]) => parseFile(p, t)));

describe("dependency graph", () => {
  const s = set({
    "app.target": "[Unit]\nWants=web@a.service\n[Install]\nWantedBy=multi-user.target\n",
    "web@.service": "[Unit]\nAfter=db.service\nBefore=app.target\n[Service]\nExecStart=/bin/w %i\n",
    "job.timer": "[Timer]\nOnCalendar=daily\n",
  });

  it("has requirement, ordering (Before= turned around), install, trigger and instance edges with their lines", () => {
    const e = dependencyGraph(s).edges.map((x) => `${x.from} ${x.kind}:${x.via} ${x.to} @${x.file.path}:${x.line}`);
    expect(e).toEqual(
      expect.arrayContaining([
        "app.target requirement:Wants web@a.service @app.target:2",
        "multi-user.target install:WantedBy app.target @app.target:4",
        "web@.service ordering:After db.service @web@.service:2",
        "app.target ordering:Before web@.service @web@.service:3",
        "job.timer trigger:Unit job.service @job.timer:1",
        "web@a.service instance:instance of web@.service @web@.service:1",
      ]),
    );
  });

  it("renders Mermaid and DOT, external units greyed", () => {
    const m = toMermaid(s);
    expect(m.startsWith("flowchart LR\n")).toBe(true);
    expect(m).toContain('u_app_target(["app.target"])');
    expect(m).toContain("class u_db_service,u_job_service,u_multi_user_target external");
    expect(toDot(s)).toContain('"web@.service" -> "db.service" [label="After", style=dashed];');
  });

  it("unitlint graph prints the picture of a folder", () => {
    ensureBin();
    const r = run(["graph", "examples/onetime-secret/etc/systemd"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("u_ots_target -->|Wants| u_ots_worker_email_service");
    expect(run(["graph", "--format", "dot", "examples/it-glue"]).stdout).toContain(
      '"it-glue-backup.timer" -> "it-glue-backup.service" [label="Unit", style=dotted];',
    );
  });

  it("docs/graph-example.md shows the current picture of the Onetime Secret set", () => {
    const dir = "fixtures/seeds/onetime-secret";
    const sources = readdirSync(dir)
      .filter((n) => !n.startsWith("expect.")) // expect.txt and the expected fixed texts
      .sort()
      .map((n) => ({ path: `${dir}/${n}`, text: readFileSync(`${dir}/${n}`, "utf8") }));
    const { set, findings } = lintSources(sources);
    const doc = readFileSync("docs/graph-example.md", "utf8");
    const block = /```mermaid\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBe(toMermaid(set, undefined, unitsWithFindings(set, findings)));
  });

  it("outlines only units with warnings or errors", () => {
    const { set, findings } = lintSources([
      { path: "a.service", text: "[Unit]\nRequires=b.service\n[Service]\nExecStart=/bin/a\n" },
      { path: "b.service", text: "[Unit]\nWants=nowhere.service\n[Service]\nExecStart=/bin/b\n" },
    ]);
    expect([...unitsWithFindings(set, findings)]).toEqual(["a.service"]);
    expect(toMermaid(set, undefined, unitsWithFindings(set, findings))).toContain("class u_a_service finding");
  });
});
