import { describe, expect, it } from "vitest";
import { hardeningAction } from "../../src/lsp/hardening-action.js";

const uri = (d: string) => `file:///w/${d}`;

describe("LSP: add hardening drop-in", () => {
  it("creates <unit>.d/hardening.conf with the suggested drop-in and says the scores in its title", () => {
    const a = hardeningAction([{ path: "etc/app.service", text: "[Service]\nExecStart=/usr/bin/app\n" }], "etc/app.service", uri, () => false)!;
    expect(a.title).toMatch(/^Add hardening drop-in \(exposure 9\.6 → [0-4]\.\d (OK|SAFE)\)$/);
    expect(a.kind).toBe("refactor.rewrite");
    const [create, edit] = a.edit!.documentChanges! as [{ kind: string; uri: string; options: { overwrite: boolean } }, { edits: { newText: string }[] }];
    expect(create).toMatchObject({ kind: "create", uri: "file:///w/etc/app.service.d/hardening.conf", options: { overwrite: false } });
    expect(edit.edits[0]!.newText).toMatch(/^# Hardening for app\.service[\s\S]*\n\[Service\]\n/);
  });

  it("applies the workspace's drop-ins, and is not offered when the file exists, for other unit types, or when nothing is left to add", () => {
    const dropin = { path: "etc/app.service.d/user.conf", text: "[Service]\nUser=app\n" };
    const withDropin = hardeningAction(
      [{ path: "etc/app.service", text: "[Service]\nExecStart=/usr/bin/app\n" }, dropin],
      "etc/app.service",
      uri,
      () => false,
    )!;
    expect(withDropin.title).toMatch(/^Add hardening drop-in \(exposure 9\.2 → /);
    expect(hardeningAction([{ path: "etc/app.service", text: "[Service]\nExecStart=/usr/bin/app\n" }], "etc/app.service", uri, () => true)).toBeNull();
    expect(hardeningAction([{ path: "etc/t.timer", text: "[Timer]\nOnCalendar=daily\n" }], "etc/t.timer", uri, () => false)).toBeNull();
    const tight =
      "[Service]\nExecStart=/usr/bin/app\nDynamicUser=yes\nPrivateNetwork=yes\nCapabilityBoundingSet=\nSystemCallFilter=@system-service\nSystemCallFilter=~@privileged @resources\nPrivateDevices=yes\nPrivateUsers=yes\nProtectKernelTunables=yes\nProtectKernelModules=yes\nProtectKernelLogs=yes\nProtectControlGroups=yes\nProtectClock=yes\nProtectHostname=yes\nProtectHome=yes\nRestrictNamespaces=yes\nRestrictAddressFamilies=AF_UNIX\nSystemCallArchitectures=native\nLockPersonality=yes\nMemoryDenyWriteExecute=yes\nRestrictRealtime=yes\nUMask=0077\nProtectProc=invisible\n";
    expect(hardeningAction([{ path: "etc/app.service", text: tight }], "etc/app.service", uri, () => false)).toBeNull();
  });
});
