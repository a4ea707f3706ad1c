import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/core/edits.js";
import { lintSources } from "../../src/linter/lint.js";

// timers/not-installable is left out here (most examples are bare timers) and tested on its own below.
const lint = (files: Record<string, string>, settings = {}) =>
  lintSources(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    { settings },
  )
    .findings.filter((f) => f.rule !== "timers/not-installable")
    .map((f) => `${f.file}:${f.line} ${f.rule}`);

const SERVICE = "[Service]\nType=oneshot\nExecStart=/bin/true\nTimeoutStartSec=1h\n";

describe("timer and set rules", () => {
  it("timers/service-also-enabled: the triggered service has its own WantedBy=", () => {
    expect(lint({ "b.timer": "[Timer]\nOnCalendar=daily\n", "b.service": SERVICE + "[Install]\nWantedBy=multi-user.target\n" })).toEqual([
      "b.service:6 timers/service-also-enabled",
    ]);
    expect(lint({ "b.timer": "[Timer]\nOnCalendar=daily\n", "b.service": SERVICE })).toEqual([]);
  });

  it("timers/missing-trigger and timers/persistent-without-calendar", () => {
    expect(lint({ "t.timer": "[Timer]\nPersistent=true\n", "t.service": SERVICE })).toEqual([
      "t.timer:1 timers/missing-trigger",
      "t.timer:2 timers/persistent-without-calendar",
    ]);
    expect(lint({ "t.timer": "[Timer]\nOnBootSec=1min\nPersistent=true\n", "t.service": SERVICE })).toEqual(["t.timer:3 timers/persistent-without-calendar"]);
  });

  it("timers/unit-relative-only: OnUnitActiveSec= alone waits for a first start that never comes", () => {
    const timer = "[Timer]\nOnUnitActiveSec=1h\n";
    expect(lint({ "t.timer": timer, "t.service": SERVICE })).toEqual(["t.timer:2 timers/unit-relative-only"]);
    expect(lint({ "t.timer": timer + "OnBootSec=5min\n", "t.service": SERVICE })).toEqual([]);
    expect(lint({ "t.timer": timer, "t.service": SERVICE + "[Install]\nWantedBy=multi-user.target\n" })).not.toContain("t.timer:2 timers/unit-relative-only");
  });

  it("timers/unit-not-found honours Unit=, templates and external units", () => {
    expect(lint({ "t.timer": "[Timer]\nOnCalendar=daily\nUnit=x.service\n" })).toEqual(["t.timer:3 timers/unit-not-found"]);
    expect(lint({ "t.timer": "[Timer]\nOnCalendar=daily\nUnit=x.service\n" }, { externalUnits: ["x.service"] })).toEqual([]);
    expect(lint({ "t.timer": "[Timer]\nOnCalendar=daily\nUnit=w@a.service\n", "w@.service": "[Service]\nExecStart=/bin/w %i\n" })).toEqual([]);
  });

  it("dependencies/after-without-wants: fixable per unit, silent when the set pulls the target in, different in user units", () => {
    const text = "[Unit]\nAfter=network-online.target\n[Service]\nExecStart=/bin/a\n";
    const r = lintSources([{ path: "a.service", text }]).findings;
    expect(r.map((f) => f.rule)).toEqual(["dependencies/after-without-wants"]);
    expect(applyEdits(text, r[0]!.fix!.edits).text).toBe("[Unit]\nAfter=network-online.target\nWants=network-online.target\n[Service]\nExecStart=/bin/a\n");
    expect(lint({ "a.service": text, "b.service": "[Unit]\nWants=network-online.target\n[Service]\nExecStart=/bin/b\n" })).toEqual([]);
    expect(lint({ "a.service": text }, { mode: "user" })).toEqual(["a.service:2 dependencies/after-without-wants"]);
  });

  it("install/system-target-in-user-unit: by --user mode or a user unit folder", () => {
    const text = "[Service]\nExecStart=/bin/a\n[Install]\nWantedBy=multi-user.target\n";
    expect(lint({ "a.service": text })).toEqual([]);
    expect(lint({ "a.service": text }, { mode: "user" })).toEqual(["a.service:4 install/system-target-in-user-unit"]);
    expect(lint({ "home/.config/systemd/user/a.service": text })).toEqual(["home/.config/systemd/user/a.service:4 install/system-target-in-user-unit"]);
  });
});

describe("more set rules", () => {
  it("dependencies/requires-without-after: ordering either way (or a socket) removes the race", () => {
    expect(lint({ "a.service": "[Unit]\nRequires=b.service\n[Service]\nExecStart=/bin/a\n" })).toContain("a.service:2 dependencies/requires-without-after");
    expect(
      lint({ "a.service": "[Unit]\nRequires=b.service\n[Service]\nExecStart=/bin/a\n", "b.service": "[Unit]\nAfter=a.service\n[Service]\nExecStart=/bin/b\n" }),
    ).not.toContain("a.service:2 dependencies/requires-without-after");
    expect(lint({ "a.service": "[Unit]\nRequires=a.socket\n[Service]\nExecStart=/bin/a\n" })).not.toContain("a.service:2 dependencies/requires-without-after");
  });

  it("dependencies/unknown-unit: typos of known units; every unknown name once external units are declared", () => {
    const text = "[Unit]\nWants=redis.service network-online.target\nAfter=network-online.target\n[Service]\nExecStart=/bin/a\n";
    expect(lint({ "a.service": text })).toEqual([]);
    expect(lint({ "a.service": text }, { externalUnits: ["rabbitmq-server.service"] })).toEqual(["a.service:2 dependencies/unknown-unit"]);
    expect(lint({ "a.service": text }, { externalUnits: ["redis.service"] })).toEqual([]);
    const typo = lintSources([{ path: "a.service", text: "[Unit]\nRequires=systemd-networkd.servic\n[Service]\nExecStart=/bin/a\n" }]).findings.filter(
      (f) => f.rule === "dependencies/unknown-unit",
    );
    expect(typo.map((f) => f.message)).toEqual([
      "Requires=systemd-networkd.servic: no such unit in the checked units nor among systemd's own; did you mean systemd-networkd.service? systemd fails to start a.service when the unit does not exist",
    ]);
    const meant = (w: string) =>
      lintSources([
        { path: "a.service", text: `[Unit]\nWants=${w}\n[Service]\nExecStart=/bin/a\n` },
        { path: "db.service", text: "[Service]\nExecStart=/bin/db\n" },
      ])
        .findings.filter((f) => f.rule === "dependencies/unknown-unit")
        .map((f) => /did you mean (\S+)\?/.exec(f.message)?.[1]);
    expect(meant("sytemd-networkd.service")).toEqual(["systemd-networkd.service"]);
    expect(meant("systemd-netwrokd.service")).toEqual(["systemd-networkd.service"]);
    expect(meant("Multi-User.target")).toEqual(["multi-user.target"]);
    expect(meant("dbx.service")).toEqual(["db.service"]);
    expect(meant("db.socket")).toEqual(["db.service"]);
    expect(meant("vendor-thing.service")).toEqual([]);
  });

  it("install/template-without-default-instance: says how to enable an instance", () => {
    const text = "[Service]\nExecStart=/bin/w %i\n[Install]\nWantedBy=multi-user.target\n";
    const f = lintSources([{ path: "w@.service", text }]).findings.filter((x) => x.rule === "install/template-without-default-instance");
    expect(f.map((x) => x.message)).toEqual([
      "`systemctl enable w@.service` enables no instance: a template only runs as an instance, and without DefaultInstance= there is none to link into multi-user.target. Enable one by name (`systemctl enable w@INSTANCE.service`), or add DefaultInstance= to [Install] if one instance is the usual case",
    ]);
    expect(lint({ "w@.service": text + "DefaultInstance=a\n" })).toEqual([]);
  });

  it("install/alias-type-mismatch: alias suffix and DefaultInstance= outside templates", () => {
    expect(lint({ "a.service": "[Service]\nExecStart=/bin/a\n[Install]\nAlias=b.socket\n" })).toEqual(["a.service:4 install/alias-type-mismatch"]);
    expect(lint({ "a@.service": "[Service]\nExecStart=/bin/a %i\n[Install]\nAlias=b@.service\nDefaultInstance=x\n" })).toEqual([]);
  });
});

describe("timer installation, accuracy and group membership", () => {
  it("timers/not-installable: no [Install] (unsafe fix), unless a .wants link enables it; wrong target is info", () => {
    const text = "[Timer]\nOnCalendar=daily\n";
    const r = lintSources([
      { path: "t.timer", text },
      { path: "t.service", text: SERVICE },
    ]).findings.filter((f) => f.rule === "timers/not-installable");
    expect(r).toHaveLength(1);
    expect(applyEdits(text, r[0]!.fix!.edits).text).toBe("[Timer]\nOnCalendar=daily\n\n[Install]\nWantedBy=timers.target\n");
    expect(r[0]!.fix!.safe).toBe(false);
    expect(
      lintSources(
        [
          { path: "t.timer", text },
          { path: "t.service", text: SERVICE },
        ],
        { settings: { enabledUnits: ["t.timer"] } },
      ).findings.filter((f) => f.rule === "timers/not-installable"),
    ).toEqual([]);
  });

  it("timers/accuracy-too-coarse: a schedule finer than AccuracySec=", () => {
    expect(lint({ "p.timer": "[Timer]\nOnCalendar=*:*:0/10\n[Install]\nWantedBy=timers.target\n", "p.service": SERVICE })).toEqual([
      "p.timer:2 timers/accuracy-too-coarse",
    ]);
    expect(lint({ "p.timer": "[Timer]\nOnCalendar=*:*:0/10\nAccuracySec=1s\n[Install]\nWantedBy=timers.target\n", "p.service": SERVICE })).toEqual([]);
  });

  it("dependencies/member-not-pulled-in: PartOf= a target that never starts the unit", () => {
    const w = "[Unit]\nPartOf=g.target\n[Service]\nExecStart=/bin/w\n";
    expect(lint({ "w.service": w, "g.target": "[Unit]\n" })).toContain("w.service:2 dependencies/member-not-pulled-in");
    expect(lint({ "w.service": w, "g.target": "[Unit]\nWants=w.service\n" })).not.toContain("w.service:2 dependencies/member-not-pulled-in");
  });
});

describe("strict-preset and timing rules", () => {
  const strict = (files: Record<string, string>) =>
    lintSources(
      Object.entries(files).map(([path, text]) => ({ path, text })),
      { presets: ["recommended", "strict"] },
    ).findings.map((f) => `${f.file}:${f.line} ${f.rule}`);
  it("dependencies/network-target-misuse and dependencies/default-dependencies-off only with the strict preset", () => {
    const job = "[Unit]\nAfter=network.target\nDefaultDependencies=no\n[Service]\nType=oneshot\nExecStart=/bin/j\nTimeoutStartSec=1h\n";
    expect(lint({ "j.service": job })).toEqual([]);
    expect(strict({ "j.service": job })).toEqual(
      expect.arrayContaining(["j.service:2 dependencies/network-target-misuse", "j.service:3 dependencies/default-dependencies-off"]),
    );
  });

  it("timers/simultaneous-timers: most elapses coincide, RandomizedDelaySec= exempts", () => {
    expect(lint({ "a.timer": "[Timer]\nOnCalendar=hourly\n", "b.timer": "[Timer]\nOnCalendar=*:00\n", "a.service": SERVICE, "b.service": SERVICE })).toEqual([
      "b.timer:2 timers/simultaneous-timers",
    ]);
    expect(
      lint({
        "a.timer": "[Timer]\nOnCalendar=hourly\n",
        "b.timer": "[Timer]\nOnCalendar=*:00\nRandomizedDelaySec=5min\n",
        "a.service": SERVICE,
        "b.service": SERVICE,
      }),
    ).toEqual([]);
  });
});

describe("install/unreachable-target", () => {
  it("a group target nothing starts; special targets and installed ones are fine", () => {
    const svc = "[Service]\nExecStart=/bin/w\n";
    expect(lint({ "g.target": "[Unit]\nWants=w.service\n", "w.service": svc })).toContain("g.target:1 install/unreachable-target");
    expect(lint({ "g.target": "[Unit]\nWants=w.service\n[Install]\nWantedBy=multi-user.target\n", "w.service": svc })).not.toContain(
      "g.target:1 install/unreachable-target",
    );
    expect(
      lint({ "g.target": "[Unit]\nWants=w.service\n", "w.service": svc, "h.target": "[Unit]\nWants=g.target\n[Install]\nWantedBy=multi-user.target\n" }),
    ).not.toContain("g.target:1 install/unreachable-target");
  });
});
