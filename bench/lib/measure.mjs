// Whole-process timing and peak memory of child processes, without hyperfine.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The build under test: dist/ of this checkout, or UNITLINT_DIST (a copy of
 * dist/ taken before a long run, so a rebuild in the same tree meanwhile
 * does not change what is measured).
 */
export const DIST = process.env.UNITLINT_DIST ?? join(import.meta.dirname, "..", "..", "dist");
export const BIN = join(DIST, "unitlint.cjs");

/**
 * The environment every timed command gets unless a bench passes its own: PATH, LANG and HOME only. Variables
 * some machines set for every process would be counted in the figures otherwise; NODE_EXTRA_CA_CERTS (set on the
 * machines these benches ran on) makes every Node start read a certificate bundle, about 75 ms, which
 * systemd-analyze never pays.
 */
export const BENCH_ENV = { PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C.UTF-8", ...(process.env.HOME ? { HOME: process.env.HOME } : {}) };

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Wall-clock milliseconds of `cmd args`, `runs` times after `warmup` untimed
 * runs (page cache warm); returns the median and the samples. Output is
 * discarded; the exit status is not judged (verify exits 1 on warnings).
 */
export function timeCommand(cmd, args, { runs = 5, warmup = 1, cwd, env = BENCH_ENV } = {}) {
  const once = () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd, env, stdio: "ignore", maxBuffer: 1 << 30 });
    if (r.error) throw r.error;
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  for (let i = 0; i < warmup; i++) once();
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(once());
  return { median: median(samples), samples };
}

const GNU_TIME = "/usr/bin/time";

/**
 * Wall-clock ms and peak resident memory (MiB) of one run. Uses GNU time's
 * maximum RSS when installed; otherwise polls /proc/PID/status for VmHWM
 * (the kernel's high-water mark) every few milliseconds until the child exits.
 * With `limitSeconds` the command is stopped after that long (coreutils'
 * `timeout`, so the command itself gets the signal); `timedOut` says so.
 */
export async function timeAndPeakRss(cmd, args, { cwd, env = BENCH_ENV, limitSeconds } = {}) {
  if (limitSeconds) {
    args = ["--signal=KILL", String(limitSeconds), cmd, ...args];
    cmd = "timeout";
  }
  const finish = (r) => ({ ...r, timedOut: Boolean(limitSeconds) && (r.status === 124 || r.status === 137) });
  if (existsSync(GNU_TIME)) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(GNU_TIME, ["-f", "%M", cmd, ...args], { cwd, env, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    // The figure is GNU time's last line (after "Command exited with non-zero status N" and the like).
    const kb = Number(r.stderr.trim().split("\n").pop());
    return finish({ ms, peakMiB: kb / 1024, status: r.status });
  }
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env, stdio: "ignore" });
    let peakKb = 0;
    const poll = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* exited between polls */
      }
    };
    const timer = setInterval(poll, 5);
    child.on("error", reject);
    child.on("exit", (status) => {
      clearInterval(timer);
      resolve(finish({ ms: Number(process.hrtime.bigint() - t0) / 1e6, peakMiB: peakKb / 1024, status }));
    });
  });
}
