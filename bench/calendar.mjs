#!/usr/bin/env node
// Calendar engine benchmark: in-process next-elapse throughput, and the whole
// `unitlint calendar --iterations 10000` process against `systemd-analyze
// calendar --iterations 10000` (same spec, zone and base time, same run).
// Prints a markdown fragment; `--write` puts it in the "Calendar" section of
// docs/benchmarks.md. Needs `npm run build` (dist/unitlint.cjs) for the CLI part.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";

const root = new URL("..", import.meta.url).pathname;
const cache = `${root}bench/.cache`;
mkdirSync(cache, { recursive: true });
await build({ entryPoints: [`${root}src/calendar/index.ts`, `${root}src/cli/commands/calendar.ts`], outdir: cache, bundle: true, platform: "node", format: "esm", splitting: true, logLevel: "warning", external: ["commander"] });
const lib = await import(`${cache}/calendar/index.js`);
const cli = await import(`${cache}/cli/commands/calendar.js`);

const SPECS = ["*-*-* *:*:00", "Mon..Fri *-*-* 09:00", "*-*~01 23:30", "*:0/15", "Sat *-*-1..7 03:00 Europe/Berlin"];
const ZONES = ["UTC", "Europe/Berlin", "Australia/Lord_Howe"];
const BASE = 1_767_225_600 * 1e6; // 2026-01-01 00:00:00 UTC

/** Elapses per second of the engine alone: one parse, then repeated 2,000-elapse searches for 0.4 s. */
function inProcess(spec, tz, source) {
  const zones = source === "zoneinfo" ? cli.nodeZoneSource() : lib.intlZoneSource;
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

function timeProcess(cmd, args, tz, runs = 7) {
  const times = [];
  let out = "";
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const env = { PATH: process.env.PATH, LANG: "C.UTF-8", ...(tz === undefined ? {} : { TZ: tz }) };
    const r = spawnSync(cmd, args, { encoding: "utf8", env, maxBuffer: 1 << 28 });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
    out = r.stdout;
  }
  return { ms: median(times), out };
}

const lines = [];
lines.push(`Measured ${new Date().toISOString().slice(0, 10)} on ${cpus()[0]?.model ?? "?"} (${cpus().length} cores), Node ${process.version}.`);
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
const hasSystemd = spawnSync("systemd-analyze", ["--version"]).status === 0;
if (existsSync(bin) && hasSystemd) {
  lines.push("Whole process, `calendar --iterations 10000 --base-time=@1767225600 SPEC` (median of 7 runs; output compared without the clock-dependent \"From now\" lines):");
  lines.push("");
  lines.push("| spec | TZ | unitlint | systemd-analyze | same output |");
  lines.push("| --- | --- | ---: | ---: | :---: |");
  // TZ unset is how both usually run: the zone comes from /etc/localtime
  for (const [spec, tz] of [["*-*-* *:*:00", "UTC"], ["Mon..Fri *-*-* 09:00", "Europe/Berlin"], ["*:0/15", "Australia/Lord_Howe"], ["Sat *-*-1..7 03:00 Europe/Berlin", "America/New_York"], ["*-*-* *:*:00", undefined], ["Mon..Fri *-*-* 09:00", undefined]]) {
    const args = ["calendar", "--iterations", "10000", "--base-time=@1767225600", spec];
    const ours = timeProcess(process.execPath, [bin, ...args], tz);
    const theirs = timeProcess("systemd-analyze", args, tz);
    const strip = (s) => s.replace(/^ *From now:.*\n/gm, "");
    lines.push(`| \`${spec}\` | ${tz ?? "unset (/etc/localtime)"} | ${ours.ms.toFixed(0)} ms | ${theirs.ms.toFixed(0)} ms | ${strip(ours.out) === strip(theirs.out) ? "yes" : "**no**"} |`);
  }
  lines.push("");
  lines.push(
    "With TZ unset, glibc checks /etc/localtime again on every localtime() call, which is what makes systemd-analyze slow in that (default) case; unitlint reads the zone once. With TZ set and a simple spec, systemd-analyze finishes in about the time Node.js needs to start (`node -e 0`), a floor unitlint cannot go below.",
  );
} else {
  lines.push(`Whole-process comparison skipped: ${existsSync(bin) ? "systemd-analyze is not installed" : "run `npm run build` first (dist/unitlint.cjs is missing)"}.`);
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
