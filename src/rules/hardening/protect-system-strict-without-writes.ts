import { defineRule } from "../types.js";
import { sandboxOf, traitsOf } from "./hardening-helper.js";

const MANAGED = ["StateDirectory", "CacheDirectory", "LogsDirectory", "RuntimeDirectory", "ConfigurationDirectory"];

/** Whether `path` lies under one of the writable roots (ReadWritePaths= entries, /var/lib/<StateDirectory>…). */
function covered(path: string, roots: string[]): boolean {
  return roots.some((r) => path === r || path.startsWith(r.endsWith("/") ? r : r + "/"));
}

export default defineRule({
  meta: {
    id: "hardening/protect-system-strict-without-writes",
    family: "hardening",
    severity: "warning",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      unwritable:
        "ProtectSystem=strict makes {path} read-only, but {evidence} writes there and nothing makes it writable. Add ReadWritePaths={path} (or StateDirectory=/LogsDirectory=/RuntimeDirectory= for paths under /var/lib, /var/log, /run)",
    },
    docs: {
      summary: "`ProtectSystem=strict` on a service that evidently writes to a path nothing makes writable again.",
      rationale:
        "With `ProtectSystem=strict` the whole file system is read-only for the service, /run and /var included, except what `ReadWritePaths=` and the directories systemd creates (`StateDirectory=`, `LogsDirectory=`, `RuntimeDirectory=`, `CacheDirectory=`) give back. A PID file under /run or a working directory the service logs into then fails at start with EROFS. Only paths the unit itself names are checked (PIDFile=, WorkingDirectory=, paths under /var, /srv, /opt in its commands).",
      bad: { filename: "app.service", text: "[Service]\nType=forking\nExecStart=/usr/sbin/appd\nPIDFile=/run/appd/appd.pid\nProtectSystem=strict\n" },
      good: {
        filename: "app.service",
        text: "[Service]\nType=forking\nExecStart=/usr/sbin/appd\nPIDFile=/run/appd/appd.pid\nProtectSystem=strict\nRuntimeDirectory=appd\n",
      },
      reference: "systemd.exec(5) ProtectSystem=, ReadWritePaths=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    // Only an explicit ProtectSystem= is reported: most units are settled without loading their sandbox.
    if (!u.all("Service", "ProtectSystem").length) return;
    const sandbox = sandboxOf(u, ctx.settings.mode);
    if (!sandbox || sandbox.protectSystem !== "strict") return;
    const strict = sandbox.sources.get("ProtectSystem")?.at(-1);
    if (!strict) return; // implied by DynamicUser=: reported by nothing here, systemd sets up its directories
    const t = traitsOf(u, ctx.settings.mode)!;
    const section = "Service";
    const roots = u.all(section, "ReadWritePaths").flatMap((x) =>
      x.value
        .split(/\s+/)
        .map((p) => p.replace(/^[-+]+/, ""))
        .filter(Boolean),
    );
    for (const k of MANAGED) {
      const base = {
        StateDirectory: "/var/lib",
        CacheDirectory: "/var/cache",
        LogsDirectory: "/var/log",
        RuntimeDirectory: "/run",
        ConfigurationDirectory: "/etc",
      }[k]!;
      for (const x of u.all(section, k)) for (const d of x.value.split(/\s+/).filter(Boolean)) roots.push(`${base}/${d.split(":")[0]}`);
    }
    if (sandbox.flags.PrivateTmp) roots.push("/tmp", "/var/tmp");
    roots.push("/dev", "/proc", "/sys");
    const pid = u.get(section, "PIDFile");
    const candidates: Array<{ path: string; evidence: string }> = [];
    if (pid?.startsWith("/")) candidates.push({ path: pid.slice(0, pid.lastIndexOf("/")) || "/", evidence: "PIDFile=" });
    const wd = u.get(section, "WorkingDirectory")?.replace(/^-/, "");
    for (const p of t.writablePaths) {
      if (candidates.some((c) => c.path === p)) continue;
      if (p === wd) {
        // the working directory counts only when relative log/PID/tmp files are written below it
        if (t.writesInWorkingDirectory) candidates.push({ path: p, evidence: "the service (relative paths below its WorkingDirectory=)" });
      } else candidates.push({ path: p, evidence: "its command line" });
    }
    for (const c of candidates) {
      if (covered(c.path, roots)) continue;
      // a writable folder inside the working directory means the author already chose what is written
      if (c.path === wd && roots.some((r) => r.startsWith(c.path + "/"))) continue;
      ctx.report({ messageId: "unwritable", data: { path: c.path, evidence: c.evidence }, file: strict.file, range: strict.entry.range });
      return;
    }
  },
});
