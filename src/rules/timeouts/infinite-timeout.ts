import { parseTimespan } from "../../calendar/index.js";
import type { Assignment, EffectiveUnit } from "../../model/effective-unit.js";
import { defineRule } from "../types.js";

/** The assignment that decides a timeout: the last of its own key and TimeoutSec= (which sets start and stop). */
function deciding(u: EffectiveUnit, keys: string[]): Assignment | undefined {
  const list = u.assignments.filter((a) => a.section === "Service" && keys.includes(a.key));
  const a = list[list.length - 1];
  return a && a.value !== "" ? a : undefined;
}

/** `infinity`, or 0, which systemd reads as "no timeout" for these settings. */
function disabled(a: Assignment | undefined): boolean {
  if (!a) return false;
  const t = parseTimespan(a.value);
  return t.ok && (t.infinity || t.usec === 0n);
}

export default defineRule({
  meta: {
    id: "timeouts/infinite-timeout",
    family: "timeouts",
    severity: "warning",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      stop: "{key}={value} disables the stop timeout: if {unit} hangs while stopping, the stop job (and a shutdown or reboot waiting for it) never finishes. Set the longest stop you accept instead",
      both: "TimeoutSec={value} disables the start and the stop timeout: if {unit} hangs while starting or stopping, the job (and a boot or shutdown waiting for it) never finishes. Set the longest start and stop you accept instead",
      abort:
        "TimeoutAbortSec={value} disables the abort timeout: after a watchdog timeout systemd waits forever for {unit} to dump core and exit. Set a limit instead",
      start:
        '{key}={value} disables the start timeout: if {unit} hangs while starting, it stays "activating" and units ordered after it wait forever. Set the longest start you accept instead',
    },
    docs: {
      summary: "`TimeoutStopSec=`, `TimeoutSec=`, `TimeoutAbortSec=` or `TimeoutStartSec=` set to `infinity` or `0` (no timeout) on a service.",
      rationale:
        'Timeouts are what lets systemd recover from a hung service. Without a stop timeout a service that ignores SIGTERM blocks `systemctl stop`, restarts and the whole shutdown forever (a warning); without a start timeout a hung start leaves it "activating" and its dependents waiting (a note, since long first starts such as database upgrades are a real reason). `0` means the same as `infinity` for these settings. Oneshot services are not reported for the start timeout, which they lack by default, nor for the stop timeout unless they have `ExecStop=`/`ExecStopPost=` commands (there is nothing else to wait for once they ran); `RuntimeMaxSec=` is not checked, as `infinity` is its default.',
      bad: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nTimeoutStopSec=infinity\n" },
      good: { filename: "app.service", text: "[Service]\nExecStart=/usr/bin/app\nTimeoutStopSec=5min\n" },
      reference: "systemd.service(5) TimeoutStopSec=, TimeoutStartSec=, TimeoutAbortSec=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const unit = u.name.name;
    const stop = deciding(u, ["TimeoutStopSec", "TimeoutSec"]);
    const start = deciding(u, ["TimeoutStartSec", "TimeoutSec"]);
    const abort = deciding(u, ["TimeoutAbortSec"]);
    const oneshot = u.get("Service", "Type") === "oneshot";
    // A oneshot without stop commands has nothing to wait for once it ran; TimeoutSec=0 there means
    // "the run may take as long as it needs" (systemd-fsck@, systemd-quotacheck), which its start already allows.
    const stopsSomething =
      !oneshot || u.list("Service", "ExecStop").some((a) => a.value !== "") || u.list("Service", "ExecStopPost").some((a) => a.value !== "");
    if (disabled(stop) && stopsSomething)
      ctx.report({
        messageId: stop!.key === "TimeoutSec" && start === stop && !oneshot ? "both" : "stop",
        data: { key: stop!.key, value: stop!.value, unit },
        file: stop!.file,
        range: stop!.entry.range,
      });
    if (disabled(abort)) ctx.report({ messageId: "abort", data: { value: abort!.value, unit }, file: abort!.file, range: abort!.entry.range });
    // A TimeoutSec= line already reported for the stop timeout is not reported again; oneshots have no start timeout anyway.
    if (disabled(start) && start !== stop && !oneshot) {
      ctx.report({ messageId: "start", data: { key: start!.key, value: start!.value, unit }, file: start!.file, range: start!.entry.range, severity: "info" });
    }
  },
});
