#!/usr/bin/env node
// Calendar engine benchmark: in-process next-elapse throughput, and the whole
// `unitlint calendar --iterations 10000` process against `systemd-analyze
// calendar --iterations 10000` (same spec, zone and base time, same run).
// Prints a markdown fragment; `--write` puts it in the "Calendar" section of
// docs/benchmarks.md. Needs `npm run build` (dist/unitlint.cjs) for the CLI part.
// `--before DIST` (with `--before-label TEXT`) also times an older build (a copy of its dist/) in the same runs.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { describeMachine } from "./lib/machine.mjs";

const root = new URL("..", import.meta.url).pathname;
const cache = `${root}bench/.cache`;
mkdirSync(cache, { recursive: true });
await build({
  entryPoints: [`${root}src/calendar/index.ts`, `${root}src/node/time-zone.ts`],
  outdir: cache,
  bundle: true,
  platform: "node",
  format: "esm",
  splitting: true,
  logLevel: "warning",
  external: ["commander"],
});
const lib = await import(`${cache}/calendar/index.js`);
const nodeZones = await import(`${cache}/node/time-zone.js`);

const SPECS = ["*-*-* *:*:00", "Mon..Fri *-*-* 09:00", "*-*~01 23:30", "*:0/15", "Sat *-*-1..7 03:00 Europe/Berlin"];
const ZONES = ["UTC", "Europe/Berlin", "Australia/Lord_Howe"];
const BASE = 1_767_225_600 * 1e6; // 2026-01-01 00:00:00 UTC

/** Elapses per second of the engine alone: one parse, then repeated 2,000-elapse searches for 0.4 s. */
function inProcess(spec, tz, source) {
  const zones = source === "zoneinfo" ? nodeZones.nodeZoneSource() : lib.intlZoneSource;
  const parsed = lib.parseCalendar(spec, { tz, zones });
  if (!parsed.ok) throw new Error(`${spec}: ${parsed.error.message}`);
  lib.nextElapses(parsed, { tz, zones, base: BASE, count: 2000 }); // warm-up (and zone tables)
  const t0 = process.hrtime.bigint();
  let n = 0;
  while (process.hrtime.bigint() - t0 < 400_000_000n) n += lib.nextElapses(parsed, { tz, zones, base: BASE, count: 2000 }).elapses.length;
  return n / (Number(process.hrtime.bigint() - t0) / 1e9);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs are timed by bash's `time` keyword where bash is installed: wall and CPU time (user + sys) of the command alone, in ms. */
const BASH = existsSync("/bin/bash") ? "/bin/bash" : null;
const TIMED = 'TIMEFORMAT="cpu %3R %3U %3S"; time "$0" "$@"';

/** One run: wall time, and CPU time (user + sys) where bash can time it. */
function runOnce(cmd, args, tz) {
  const env = { PATH: process.env.PATH, LANG: "C.UTF-8", ...(tz === undefined ? {} : { TZ: tz }) };
  const [c, a] = BASH ? [BASH, ["-c", TIMED, cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(c, a, { encoding: "utf8", env, maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  const m = /cpu ([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return m ? { ms: Number(m[1]) * 1000, cpu: (Number(m[2]) + Number(m[3])) * 1000, out: r.stdout } : { ms, cpu: null, out: r.stdout };
}

/** The commands run in turn (so all see the same load), `runs` times each, after one warm-up each. */
function compare(a, b, tz, runs, ...more) {
  const all = [a, b, ...more];
  for (const c of all) runOnce(...c, tz);
  const rs = all.map(() => []);
  for (let i = 0; i < runs; i++) all.forEach((c, k) => rs[k].push(runOnce(...c, tz)));
  const stats = (rs) => {
    const ms = rs.map((r) => r.ms);
    const cpu = rs.map((r) => r.cpu).filter((x) => x !== null);
    return { ms: median(ms), min: Math.min(...ms), max: Math.max(...ms), cpu: cpu.length ? median(cpu) : null, out: rs[rs.length - 1].out };
  };
  return rs.map(stats);
}

const lines = [];
lines.push(
  `Measured ${new Date().toISOString().slice(0, 10)} on ${describeMachine()}; load average ${loadavg()[0].toFixed(1)} when the run started (the machine is shared: wall times vary from run to run, CPU times less).`,
);
lines.push("");
lines.push("In-process next-elapse throughput (`nextElapses`, 2,000 elapses per call from 2026-01-01, parse excluded):");
lines.push("");
lines.push("| spec | zone | elapses/s (zoneinfo) | elapses/s (Intl) |");
lines.push("| --- | --- | ---: | ---: |");
for (const spec of SPECS) {
  for (const tz of spec.includes("/") ? ["UTC"] : ZONES) {
    const a = inProcess(spec, tz, "zoneinfo");
    const b = inProcess(spec, tz, "intl");
    lines.push(`| \`${spec}\` | ${tz ?? "unset (/etc/localtime)"} | ${Math.round(a).toLocaleString("en-US")} | ${Math.round(b).toLocaleString("en-US")} |`);
  }
}
lines.push("");
const bin = `${root}dist/unitlint.cjs`;
/** --before DIST: also time another build (a copy of an older dist/) in the same runs. */
const BEFORE = process.argv.includes("--before") ? process.argv[process.argv.indexOf("--before") + 1] : undefined;
const beforeBin = BEFORE ? `${BEFORE}/unitlint.cjs` : undefined;
const BEFORE_LABEL = process.argv.includes("--before-label") ? process.argv[process.argv.indexOf("--before-label") + 1] : BEFORE;
const hasSystemd = spawnSync("systemd-analyze", ["--version"]).status === 0;
if (existsSync(bin) && hasSystemd) {
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  const fmt = (x) => `${x.toFixed(0)} ms`;
  lines.push(
    `Whole process, \`calendar --iterations 10000 SPEC\` from the clock (as people run it), unitlint and systemd-analyze${beforeBin ? ` (and the build in ${BEFORE_LABEL}, "before")` : ""} in turn, ${runs} runs each after a warm-up, timed by bash's \`time\`: median wall time (min–max), median CPU time (user + sys). The output is compared without the clock-dependent "From now:" lines.`,
  );
  lines.push("");
  const beforeHead = beforeBin ? " before: wall, CPU (ratios) |" : "";
  lines.push(
    `| spec | TZ | unitlint wall (min–max) | systemd-analyze wall (min–max) | wall ratio | unitlint CPU | systemd-analyze CPU | CPU ratio | same output |${beforeHead}`,
  );
  lines.push(`| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |${beforeBin ? " ---: |" : ""}`);
  const CASES = [
    ["*-*-* *:00:00", undefined],
    ["*-*-* *:00:00", "Europe/Berlin"],
    ["*-*-* *:00:00 Europe/Berlin", undefined],
    ["Mon *-*-* 08:00", undefined],
    ["Mon *-*-* 08:00", "Europe/Berlin"],
    ["Mon *-*-* 08:00 Europe/Berlin", undefined],
  ];
  const strip = (s) => s.replace(/^ *From now:.*\n/gm, "");
  for (const [spec, tz] of CASES) {
    const args = ["calendar", "--iterations", "10000", spec];
    const [ours, theirs, before] = compare(
      [process.execPath, [bin, ...args]],
      ["systemd-analyze", args],
      tz,
      runs,
      ...(beforeBin ? [[process.execPath, [beforeBin, ...args]]] : []),
    );
    const cpuRatio = ours.cpu !== null && theirs.cpu ? `${(ours.cpu / theirs.cpu).toFixed(2)}×` : "–";
    const beforeCell = before
      ? ` ${fmt(before.ms)}, ${before.cpu === null ? "–" : fmt(before.cpu)} (${(before.ms / theirs.ms).toFixed(2)}×, ${before.cpu !== null && theirs.cpu ? (before.cpu / theirs.cpu).toFixed(2) : "–"}×) |`
      : "";
    lines.push(
      `| \`${spec}\` | ${tz ?? "unset (/etc/localtime)"} | ${fmt(ours.ms)} (${fmt(ours.min)}–${fmt(ours.max)}) | ${fmt(theirs.ms)} (${fmt(theirs.min)}–${fmt(theirs.max)}) | **${(ours.ms / theirs.ms).toFixed(2)}×** | ${ours.cpu === null ? "–" : fmt(ours.cpu)} | ${theirs.cpu === null ? "–" : fmt(theirs.cpu)} | ${cpuRatio} | ${strip(ours.out) === strip(theirs.out) ? "yes" : "**no**"} |${beforeCell}`,
    );
  }
  const floor = compare([process.execPath, ["-e", "0"]], [process.execPath, [bin, "calendar", "--iterations", "1", "*-*-* *:00:00"]], "Europe/Berlin", runs);
  lines.push("");
  lines.push(
    `Ratios are unitlint / systemd-analyze: below 1 is faster. For scale, in the same run: \`node -e 0\` ${fmt(floor[0].ms)} wall, ${floor[0].cpu === null ? "–" : fmt(floor[0].cpu)} CPU; \`unitlint calendar --iterations 1\` ${fmt(floor[1].ms)} wall, ${floor[1].cpu === null ? "–" : fmt(floor[1].cpu)} CPU.`,
  );
  lines.push("");
  lines.push(
    "With TZ unset, glibc checks /etc/localtime again on every localtime() call, and a spec with its own zone makes systemd fork a child per elapse: those cases are slow in systemd-analyze. With TZ set and a simple spec, systemd-analyze's whole run costs about what Node.js needs to start; unitlint's search is then a small part of its time (start-up, loading the bundle and building the calendar grammar are most of it).",
  );
} else {
  lines.push(
    `Whole-process comparison skipped: ${existsSync(bin) ? "systemd-analyze is not installed" : "run `npm run build` first (dist/unitlint.cjs is missing)"}.`,
  );
}
const fragment = lines.join("\n") + "\n";
process.stdout.write(fragment);

if (process.argv.includes("--write")) {
  const file = `${root}docs/benchmarks.md`;
  const doc = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const section = `## Calendar\n\nReproduce with \`npm run build && node bench/calendar.mjs --write\`.\n\n${fragment}`;
  const re = /## Calendar\n[\s\S]*?(?=\n## |$)/;
  const next = re.test(doc) ? doc.replace(re, section.trimEnd() + "\n") : doc.trimEnd() + "\n\n" + section;
  writeFileSync(file, next);
}
