import { spawnSync } from "node:child_process";

/** Whether systemd-analyze (the oracle) is installed here. */
export const hasSystemdAnalyze = (() => {
  const r = spawnSync("systemd-analyze", ["--version"], { encoding: "utf8" });
  return r.status === 0 && /systemd 252/.test(r.stdout);
})();

export function runSystemdAnalyze(args: string[], tz: string | undefined, env: Record<string, string> = {}) {
  const e: Record<string, string> = { PATH: process.env["PATH"] ?? "/usr/bin:/bin", LANG: "C.UTF-8", SYSTEMD_PAGER: "", SYSTEMD_COLORS: "0", ...env };
  if (tz !== undefined) e["TZ"] = tz;
  const r = spawnSync("systemd-analyze", args, { encoding: "utf8", env: e, maxBuffer: 256 * 1024 * 1024 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}
