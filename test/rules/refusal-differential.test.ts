import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintSources } from "../../src/linter/lint.js";

/**
 * Units that systemd 252 refuses to load, each next to near misses that it
 * accepts. unitlint must report an error exactly for the refused ones; where
 * systemd-analyze is installed, it judges every unit too and the two must agree.
 * `rule` names the rule that should speak (the unitlint side checks it).
 */
interface Case {
  /** Unit file name; unique over the table, since all cases are verified in one call. */
  name: string;
  text: string | Buffer;
  refused: boolean;
  rule?: string;
  /** Other files verified with it (a drop-in, the service a socket activates). */
  extra?: Record<string, string>;
}

const svc = (body: string, unit = "") => `${unit ? `[Unit]\n${unit}\n` : ""}[Service]\n${body}\n`;

const CASES: Case[] = [
  // services with nothing to start
  { name: "r-noexec.service", text: svc("Type=simple"), refused: true, rule: "loading/service-without-start" },
  { name: "r-misspelt.service", text: "[service]\nExecStart=/bin/true\n", refused: true, rule: "loading/service-without-start" },
  {
    name: "r-reset.service",
    text: svc("ExecStart=/bin/true"),
    extra: { "r-reset.service.d/override.conf": "[Service]\nExecStart=\n" },
    refused: true,
    rule: "loading/service-without-start",
  },
  {
    name: "ok-reset.service",
    text: svc("ExecStart=/bin/true"),
    extra: { "ok-reset.service.d/override.conf": "[Service]\nExecStart=\nExecStart=/bin/false\n" },
    refused: false,
  },
  { name: "r-stoponly.service", text: svc("ExecStop=/bin/true"), refused: true, rule: "loading/service-without-start" },
  { name: "ok-stopremain.service", text: svc("ExecStop=/bin/true\nRemainAfterExit=yes"), refused: false },
  { name: "r-stopsimple.service", text: svc("Type=simple\nExecStop=/bin/true\nRemainAfterExit=yes"), refused: true, rule: "loading/service-without-start" },
  { name: "ok-success.service", text: svc("Type=oneshot", "SuccessAction=exit"), refused: false },
  // more than one ExecStart= command
  { name: "r-twocmds.service", text: svc("ExecStart=/bin/true ; /bin/true"), refused: true, rule: "exec/multiple-execstart" },
  { name: "r-twolines.service", text: svc("ExecStart=/bin/true\nExecStart=/bin/false"), refused: true, rule: "exec/multiple-execstart" },
  { name: "ok-escapedsemicolon.service", text: svc("ExecStart=/bin/echo a \\; b"), refused: false },
  { name: "ok-oneshot-two.service", text: svc("Type=oneshot\nExecStart=/bin/true ; /bin/true"), refused: false },
  // oneshot conflicts
  { name: "r-oneshot-restart.service", text: svc("Type=oneshot\nExecStart=/bin/true\nRestart=always"), refused: true, rule: "restart/oneshot-restart" },
  { name: "ok-oneshot-restart.service", text: svc("Type=oneshot\nExecStart=/bin/true\nRestart=on-failure"), refused: false },
  { name: "r-forcestatus.service", text: svc("Type=oneshot\nExecStart=/bin/true\nRestartForceExitStatus=3"), refused: true, rule: "loading/oneshot-conflict" },
  { name: "r-exitcgroup.service", text: svc("ExecStop=/bin/true\nRemainAfterExit=yes\nExitType=cgroup"), refused: true, rule: "loading/oneshot-conflict" },
  { name: "ok-exitcgroup.service", text: svc("ExecStart=/bin/true\nExitType=cgroup\nRestartForceExitStatus=3"), refused: false },
  // D-Bus and PAM
  { name: "r-dbus.service", text: svc("Type=dbus\nExecStart=/bin/true"), refused: true, rule: "loading/dbus-without-busname" },
  { name: "ok-dbus.service", text: svc("Type=dbus\nBusName=org.example.Test\nExecStart=/bin/true"), refused: false },
  { name: "r-pam.service", text: svc("ExecStart=/bin/true\nPAMName=login\nKillMode=process"), refused: true, rule: "loading/pam-kill-mode" },
  { name: "ok-pam.service", text: svc("ExecStart=/bin/true\nPAMName=login\nKillMode=mixed"), refused: false },
  // users, groups and paths whose errors are fatal
  { name: "r-group.service", text: svc("ExecStart=/bin/true\nGroup=-1"), refused: true, rule: "loading/invalid-user-group" },
  { name: "r-user.service", text: svc("ExecStart=/bin/true\nUser=65535"), refused: true, rule: "loading/invalid-user-group" },
  { name: "r-groups.service", text: svc("ExecStart=/bin/true\nSupplementaryGroups=adm a:b"), refused: true, rule: "loading/invalid-user-group" },
  { name: "ok-user.service", text: svc("ExecStart=/bin/true\nUser=0\nGroup=daemon\nSupplementaryGroups=adm"), refused: false },
  { name: "r-workdir.service", text: svc("ExecStart=/bin/true\nWorkingDirectory=tmp"), refused: true, rule: "loading/invalid-path" },
  { name: "r-workdir-dots.service", text: svc("ExecStart=/bin/true\nWorkingDirectory=/srv/../tmp"), refused: true, rule: "loading/invalid-path" },
  { name: "ok-workdir.service", text: svc("ExecStart=/bin/true\nWorkingDirectory=~"), refused: false },
  { name: "r-rootdir.service", text: svc("ExecStart=/bin/true\nRootDirectory=srv"), refused: true, rule: "loading/invalid-path" },
  { name: "ok-rootdir.service", text: svc("ExecStart=/bin/true\nRootDirectory=/srv"), refused: false },
  // command lines that do not parse
  { name: "r-relexec.service", text: svc("ExecStart=./bin/true"), refused: true, rule: "exec/relative-executable" },
  { name: "ok-relexec-dash.service", text: svc("ExecStart=/bin/true\nExecStartPre=-./bin/true"), refused: false },
  { name: "ok-dashed-second.service", text: svc("ExecStart=-./bin/true\nExecStart=/bin/true"), refused: false },
  { name: "ok-bare.service", text: svc("ExecStart=true"), refused: false },
  { name: "r-direxec.service", text: svc("ExecStart=/bin/"), refused: true, rule: "loading/invalid-command" },
  { name: "r-quote.service", text: svc('ExecStart=/bin/true "abc'), refused: true, rule: "loading/invalid-command" },
  { name: "r-argv0.service", text: svc("ExecStart=@/bin/true"), refused: true, rule: "loading/invalid-command" },
  { name: "ok-argv0.service", text: svc("ExecStart=@/bin/true true"), refused: false },
  // files systemd cannot read
  { name: "r-empty.service", text: "", refused: true, rule: "loading/empty-unit" },
  { name: "r-header.service", text: "[Service\nExecStart=/bin/true\n", refused: true, rule: "syntax/invalid-section-header" },
  { name: "r-utf8.service", text: Buffer.from("[Service]\nExecStart=/bin/true\nEnvironment=A=\xff\n", "latin1"), refused: true, rule: "syntax/invalid-utf8" },
  // systemd 252 ignores a relative file: path here with a warning; it does not refuse the unit
  { name: "ok-relative-output.service", text: svc("ExecStart=/bin/true\nStandardOutput=file:log.txt"), refused: false },
  // isolating several units
  {
    name: "r-isolate.service",
    text: svc("ExecStart=/bin/true", "OnFailure=rescue.target emergency.target\nOnFailureJobMode=isolate"),
    refused: true,
    rule: "loading/isolate-several-units",
  },
  { name: "ok-isolate.service", text: svc("ExecStart=/bin/true", "OnFailure=rescue.target\nOnFailureJobMode=isolate"), refused: false },
  // slices and scopes
  { name: "r-a--b.slice", text: "[Slice]\nCPUWeight=10\n", refused: true, rule: "loading/slice-name" },
  { name: "r-a-.slice", text: "[Slice]\nCPUWeight=10\n", refused: true, rule: "loading/slice-name" },
  { name: "ok-a-b.slice", text: "[Slice]\nCPUWeight=10\n", refused: false },
  { name: "r-file.scope", text: "[Scope]\nCPUWeight=10\n", refused: true, rule: "loading/scope-file" },
  // sockets
  { name: "r-nolisten.socket", text: "[Socket]\nAccept=no\n", refused: true, rule: "loading/socket-without-listen" },
  { name: "ok-listen.socket", text: "[Socket]\nListenStream=127.0.0.1:7001\n", extra: { "ok-listen.service": svc("ExecStart=/bin/true") }, refused: false },
  {
    name: "r-acceptdgram.socket",
    text: "[Socket]\nListenDatagram=127.0.0.1:7002\nAccept=yes\n",
    extra: { "r-acceptdgram@.service": svc("ExecStart=/bin/true") },
    refused: true,
    rule: "loading/socket-accept-conflict",
  },
  {
    name: "r-maxconn.socket",
    text: "[Socket]\nListenStream=127.0.0.1:7003\nAccept=yes\nMaxConnections=0\n",
    extra: { "r-maxconn@.service": svc("ExecStart=/bin/true") },
    refused: true,
    rule: "loading/socket-accept-conflict",
  },
  {
    name: "r-acceptsvc.socket",
    text: "[Socket]\nListenStream=127.0.0.1:7004\nAccept=yes\nService=ok-listen.service\n",
    refused: true,
    rule: "loading/socket-accept-conflict",
  },
  {
    name: "ok-accept.socket",
    text: "[Socket]\nListenStream=127.0.0.1:7005\nAccept=yes\n",
    extra: { "ok-accept@.service": svc("ExecStart=/bin/true") },
    refused: false,
  },
  {
    name: "r-listenreset.socket",
    text: "[Socket]\nListenStream=127.0.0.1:7008\nListenFIFO=\n",
    extra: { "r-listenreset.service": svc("ExecStart=/bin/true") },
    refused: true,
    rule: "loading/socket-without-listen",
  },
  {
    name: "r-symlinks.socket",
    text: "[Socket]\nListenStream=127.0.0.1:7006\nSymlinks=/run/r-symlinks.link\n",
    extra: { "r-symlinks.service": svc("ExecStart=/bin/true") },
    refused: true,
    rule: "loading/socket-symlinks",
  },
  {
    name: "ok-symlinks.socket",
    text: "[Socket]\nListenStream=/run/ok-symlinks.sock\nListenStream=127.0.0.1:7007\nSymlinks=/run/ok-symlinks.link\n",
    extra: { "ok-symlinks.service": svc("ExecStart=/bin/true") },
    refused: false,
  },
  // timers and path units
  {
    name: "r-notrigger.timer",
    text: "[Timer]\nPersistent=true\n",
    extra: { "r-notrigger.service": svc("ExecStart=/bin/true") },
    refused: true,
    rule: "timers/missing-trigger",
  },
  {
    name: "r-misspelt-section.timer",
    text: "[timer]\nOnCalendar=daily\n",
    extra: { "r-misspelt-section.service": svc("ExecStart=/bin/true") },
    refused: true,
    rule: "timers/missing-trigger",
  },
  { name: "ok-trigger.timer", text: "[Timer]\nOnCalendar=daily\n", extra: { "ok-trigger.service": svc("Type=oneshot\nExecStart=/bin/true") }, refused: false },
  { name: "ok-clock.timer", text: "[Timer]\nOnClockChange=yes\n", extra: { "ok-clock.service": svc("Type=oneshot\nExecStart=/bin/true") }, refused: false },
  {
    name: "r-badcalendar.timer",
    text: "[Timer]\nOnCalendar=daily at noon\n",
    extra: { "r-badcalendar.service": svc("ExecStart=/bin/true") },
    refused: true,
    rule: "timers/missing-trigger",
  },
  {
    name: "r-timerreset.timer",
    text: "[Timer]\nOnCalendar=daily\nOnBootSec=\n",
    extra: { "r-timerreset.service": svc("ExecStart=/bin/true") },
    refused: true,
    rule: "timers/missing-trigger",
  },
  {
    name: "r-clockno.timer",
    text: "[Timer]\nOnClockChange=no\n",
    extra: { "r-clockno.service": svc("ExecStart=/bin/true") },
    refused: true,
    rule: "timers/missing-trigger",
  },
  {
    name: "r-relpath.path",
    text: "[Path]\nPathExists=srv/flag\n",
    extra: { "r-relpath.service": svc("ExecStart=/bin/true") },
    refused: true,
    rule: "loading/path-without-trigger",
  },
  {
    name: "r-pathreset.path",
    text: "[Path]\nPathExists=/srv/flag\nPathChanged=\n",
    extra: { "r-pathreset.service": svc("ExecStart=/bin/true") },
    refused: true,
    rule: "loading/path-without-trigger",
  },
  {
    name: "r-nopath.path",
    text: "[Path]\nMakeDirectory=yes\n",
    extra: { "r-nopath.service": svc("ExecStart=/bin/true") },
    refused: true,
    rule: "loading/path-without-trigger",
  },
  { name: "ok-path.path", text: "[Path]\nPathChanged=/srv/incoming\n", extra: { "ok-path.service": svc("Type=oneshot\nExecStart=/bin/true") }, refused: false },
  // mounts, automounts, swaps
  { name: "data.mount", text: "[Mount]\nWhat=/dev/sdb1\nWhere=/srv/data\n", refused: true, rule: "naming/mount-name-mismatch" },
  { name: "srv-data.mount", text: "[Mount]\nWhat=/dev/sdb1\nWhere=/srv/data\n", refused: false },
  { name: "srv-nowhat.mount", text: "[Mount]\nWhere=/srv/nowhat\n", refused: true, rule: "loading/mount-settings" },
  { name: "proc.mount", text: "[Mount]\nWhat=proc\nWhere=/proc\nType=proc\n", refused: true, rule: "loading/mount-settings" },
  { name: "-.automount", text: "[Automount]\nWhere=/\n", refused: true, rule: "loading/mount-settings" },
  { name: "srv-auto.automount", text: "[Automount]\nWhere=/srv/auto\nExtraOptions=fd=3\n", refused: true, rule: "loading/mount-settings" },
  { name: "srv-auto2.automount", text: "[Automount]\nWhere=/srv/auto2\n", refused: false },
  { name: "sdb2.swap", text: "[Swap]\nWhat=/dev/sdb2\n", refused: true, rule: "naming/mount-name-mismatch" },
  { name: "dev-sdb2.swap", text: "[Swap]\nWhat=/dev/sdb2\n", refused: false },
];

function unitlintRefuses(c: Case): { error: boolean; rules: string[] } {
  const sources = [{ path: c.name, text: typeof c.text === "string" ? c.text : c.text.toString("latin1").replace(/\xff/g, "\udcff") }];
  for (const [path, text] of Object.entries(c.extra ?? {})) sources.push({ path, text });
  // values/invalid-value is about one line systemd ignores (StandardOutput=file:log.txt), not about loading the unit.
  const errors = lintSources(sources).findings.filter((f) => f.severity === "error" && f.file === c.name && f.rule !== "values/invalid-value");
  return { error: errors.length > 0, rules: errors.map((f) => f.rule) };
}

describe("units systemd 252 refuses to load (unitlint side)", () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.refused ? `error from ${c.rule}` : "no error"}`, () => {
      const got = unitlintRefuses(c);
      if (c.refused) expect(got.rules).toContain(c.rule);
      else expect(got.rules).toEqual([]);
    });
  }
});

const hasAnalyze = spawnSync("systemd-analyze", ["--version"]).status === 0;
if (!hasAnalyze) console.log("refusal-differential: systemd-analyze is not installed, the comparison with systemd is skipped");

/** What systemd-analyze verify says about one unit in a batch: refused to load, or not. */
function systemdRefuses(output: string, name: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^(Unit ${n} (has a bad unit file setting|failed to load properly|is masked|not found)\\b|${n}: .*(Refusing|not loading))`, "m").test(
    output,
  );
}

// Calls the installed systemd-analyze once for all cases; skipped where it is absent.
describe.skipIf(!hasAnalyze)("units systemd 252 refuses to load: unitlint agrees with systemd-analyze verify", () => {
  const dir = mkdtempSync(join(tmpdir(), "unitlint-refusal-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("on every case", () => {
    const names = CASES.flatMap((c) => [c.name, ...Object.keys(c.extra ?? {})]);
    expect(names.length, "every file name is used once").toBe(new Set(names).size);
    for (const c of CASES) {
      for (const [path, text] of [[c.name, c.text] as const, ...Object.entries(c.extra ?? {})]) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
    }
    const r = spawnSync("systemd-analyze", ["verify", "--man=no", ...CASES.map((c) => join(dir, c.name))], {
      encoding: "utf8",
      maxBuffer: 16 << 20,
      timeout: 60_000,
    });
    const output = `${r.stdout}\n${r.stderr}`;
    const disagreements = CASES.flatMap((c) => {
      const systemd = systemdRefuses(output, c.name);
      const ours = unitlintRefuses(c);
      if (systemd !== c.refused) return [`${c.name}: the table says ${c.refused ? "refused" : "accepted"}, systemd ${systemd ? "refuses" : "accepts"} it`];
      if (systemd !== ours.error)
        return [`${c.name}: systemd ${systemd ? "refuses" : "accepts"} it, unitlint ${ours.error ? `reports ${ours.rules.join(", ")}` : "reports no error"}`];
      return [];
    });
    expect(disagreements, output).toEqual([]);
    // a refused case is refused as a whole batch too: the exit status says so
    expect(r.status).not.toBe(0);
  });
});
