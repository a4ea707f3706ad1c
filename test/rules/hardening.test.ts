import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/core/edits.js";
import { lintSources, type LintOptions } from "../../src/linter/lint.js";
import { hardeningRules } from "../../src/rules/hardening/index.js";

const HARDENING = { presets: ["recommended", "hardening"] } as LintOptions;

const lint = (files: Record<string, string>, options: LintOptions = HARDENING) =>
  lintSources(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    options,
  ).findings.filter((f) => f.rule.startsWith("hardening/"));

const rulesOf = (files: Record<string, string>, options?: LintOptions) =>
  lint(files, options)
    .map((f) => f.rule)
    .sort();

/** The per-setting rules, each with the line its fix adds. */
const SETTING_RULES: Record<string, string> = {
  "hardening/no-new-privileges": "NoNewPrivileges=yes",
  "hardening/protect-system": "ProtectSystem=strict",
  "hardening/protect-home": "ProtectHome=yes",
  "hardening/private-tmp": "PrivateTmp=yes",
  "hardening/private-devices": "PrivateDevices=yes",
  "hardening/protect-kernel": "ProtectKernelLogs=yes",
  "hardening/protect-control-groups": "ProtectControlGroups=yes",
  "hardening/restrict-address-families": "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6",
  "hardening/restrict-namespaces": "RestrictNamespaces=yes",
  "hardening/capability-bounding-set": "CapabilityBoundingSet=~CAP_SYS_ADMIN",
  "hardening/system-call-filter": "SystemCallFilter=~@privileged @resources",
  "hardening/lock-personality": "LockPersonality=yes",
  "hardening/memory-deny-write-execute": "MemoryDenyWriteExecute=yes",
  "hardening/restrict-realtime": "RestrictRealtime=yes",
  "hardening/restrict-suid-sgid": "RestrictSUIDSGID=yes",
  "hardening/protect-clock": "ProtectClock=yes",
  "hardening/protect-hostname": "ProtectHostname=yes",
  "hardening/protect-proc": "ProtectProc=invisible",
  "hardening/umask": "UMask=0027",
};

const BARE = "[Service]\nExecStart=/usr/bin/app\nUser=app\n";

describe("hardening rules", () => {
  it("are off by default and all on in the hardening preset", () => {
    expect(rulesOf({ "a.service": BARE }, {})).toEqual([]);
    expect(rulesOf({ "a.service": BARE })).toEqual([...Object.keys(SETTING_RULES), "hardening/exposure"].sort());
    expect(hardeningRules.filter((r) => r.meta.severity === "off").every((r) => r.meta.presets?.includes("hardening"))).toBe(true);
  });

  it("each setting rule's unsafe fix adds its setting, after which the rule is quiet", () => {
    for (const [id, line] of Object.entries(SETTING_RULES)) {
      const f = lint({ "a.service": BARE }).find((x) => x.rule === id)!;
      expect(f.fix?.safe, id).toBe(false);
      expect([f.line, f.column], id).toEqual([1, 1]);
      const fixed = applyEdits(BARE, f.fix!.edits).text;
      expect(fixed, id).toContain(`\n${line}`);
      expect(rulesOf({ "a.service": fixed }), id).not.toContain(id);
    }
  });

  it("a weak explicit value is reported on its line and replaced by the fix", () => {
    const text = "[Service]\nExecStart=/usr/bin/app\nProtectSystem=full\nNoNewPrivileges=no\n";
    const f = lint({ "a.service": text }).find((x) => x.rule === "hardening/protect-system")!;
    expect(f.line).toBe(3);
    expect(f.message).toMatch(/^ProtectSystem= is full: \/usr, \/boot and \/etc are read-only; other OS paths are writable \(0\.1 of the exposure score\)/);
    expect(applyEdits(text, f.fix!.edits).text).toBe("[Service]\nExecStart=/usr/bin/app\nProtectSystem=strict\nNoNewPrivileges=no\n");
    const n = lint({ "a.service": text }).find((x) => x.rule === "hardening/no-new-privileges")!;
    expect(n.message).toContain("NoNewPrivileges= is no: its processes may gain privileges");
  });

  it("settings implied by DynamicUser= count, and units whose text shows a need are left alone", () => {
    const dyn = rulesOf({ "a.service": "[Service]\nExecStart=/usr/bin/app\nDynamicUser=yes\n" });
    for (const id of ["hardening/no-new-privileges", "hardening/private-tmp", "hardening/protect-system", "hardening/restrict-suid-sgid"])
      expect(dyn).not.toContain(id);
    expect(rulesOf({ "a.service": "[Service]\nExecStart=/usr/bin/java -jar /opt/a.jar\n" })).not.toContain("hardening/memory-deny-write-execute");
    expect(rulesOf({ "a.service": "[Service]\nExecStart=/usr/sbin/chronyd -d\n" })).not.toContain("hardening/protect-clock");
    expect(rulesOf({ "a.service": "[Service]\nExecStart=/usr/bin/dockerd\n" })).not.toContain("hardening/restrict-namespaces");
  });

  it("hardening/exposure: default threshold 5.0, configurable, names the largest shares and the harden command", () => {
    const [f] = lint({ "a.service": "[Service]\nExecStart=/usr/bin/app\n" }, { rules: { "hardening/exposure": "warning" } });
    expect(f!.message).toBe(
      "Exposure 9.6 UNSAFE is above the threshold 5.0 (as systemd-analyze security scores it); the largest shares: PrivateNetwork= 0.5, User=/DynamicUser= 0.4, CapabilityBoundingSet=~CAP_SET(UID|GID|PCAP) 0.3. `unitlint harden a.service` suggests a drop-in that brings it down",
    );
    const lenient = { rules: { "hardening/exposure": "warning" as const }, settings: { ruleOptions: { "hardening/exposure": { threshold: 9.6 } } } };
    expect(lint({ "a.service": "[Service]\nExecStart=/usr/bin/app\n" }, lenient)).toEqual([]);
  });

  it("hardening/protect-system-strict-without-writes: PID file, working directory and command-line paths; covered ones pass", () => {
    expect(rulesOf({ "a.service": "[Service]\nPIDFile=/run/a/a.pid\nExecStart=/usr/sbin/a\nProtectSystem=strict\n" }, {})).toEqual([
      "hardening/protect-system-strict-without-writes",
    ]);
    expect(rulesOf({ "a.service": "[Service]\nPIDFile=/run/a/a.pid\nExecStart=/usr/sbin/a\nProtectSystem=strict\nRuntimeDirectory=a\n" }, {})).toEqual([]);
    expect(rulesOf({ "a.service": "[Service]\nExecStart=/usr/bin/b --to /var/backups/x\nProtectSystem=strict\nReadWritePaths=-/var/backups\n" }, {})).toEqual(
      [],
    );
    const [f] = lint({ "a.service": "[Service]\nExecStart=/usr/bin/b --to /var/backups/x\nProtectSystem=strict\n" }, {});
    expect(f!.message).toContain("ProtectSystem=strict makes /var/backups/x read-only, but its command line writes there");
  });

  it("hardening/private-tmp-shared: names the other unit and points at both lines", () => {
    const [f] = lint(
      {
        "e.service": "[Service]\nExecStart=/usr/bin/export --out /tmp/x.csv\nPrivateTmp=yes\n",
        "u.service": "[Service]\nExecStart=/usr/bin/upload /tmp/x.csv\n",
      },
      {},
    );
    expect(f!.rule).toBe("hardening/private-tmp-shared");
    expect(f!.message).toContain("u.service uses the same path");
    expect(f!.related?.[0]?.file).toBe("u.service");
  });
});
