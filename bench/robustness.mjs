// The heavy robustness cases (too slow for the test suite): hostile files
// through `unitlint check`, 1 MB of pathological repetition for every entry
// point, million-line inputs straight into the library (no read limits), and
// calendar specs that never elapse or reach systemd's last year in every zone.
// Each in-process case runs in its own child with a time limit, so a hang or
// an out-of-memory shows as such. Results go to docs/robustness.md.
// Usage: npm run build && node bench/robustness.mjs [--write] [--limit SECONDS]
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  copyFileSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeMachine } from "./lib/machine.mjs";
import { BIN, DIST } from "./lib/measure.mjs";
import { fmtMs, today, writeSection } from "./lib/report.mjs";

const LIB = join(DIST, "lib");
const MB = 1024 * 1024;

// ---- in-process cases (run by a child: node bench/robustness.mjs --case N) ----

const fill = (unit, size, head = "") => head + unit.repeat(Math.ceil((size - head.length) / unit.length)).slice(0, size - head.length);
const lib = async (p) => import(join(LIB, p));

const CASES = [
  ...[
    ["unit parser", "parseUnitFile", "a=b\n", ""],
    ["unit parser", "parseUnitFile", "\\\n", "[Service]\nX="],
    ["unit parser", "parseUnitFile", "\uFEFF\n", ""],
    ["unit parser", "parseUnitFile", "\r", ""],
    ["unit parser", "parseUnitFile", "[", ""],
    ["lintSources, every rule", "lint", "ExecStart=/bin/a\n", "[Service]\n"],
    ["lintSources, every rule", "lint", "ExecStart=/bin/a\n", "[Service]\n"],
    ["lintSources, every rule", "lint", "After=a.service b.service\n", "[Unit]\n"],
    ["lintSources, every rule", "lint", "a \\\n", "[Service]\nExecStart=/bin/echo "],
    ["lintSources, every rule", "lint", "# unitlint-disable-next-line x/y\nX=1\n", "[Service]\n"],
    ["lintSources (timer), every rule", "lintTimer", "OnCalendar=Mon *-*-* 00:00\n", "[Timer]\n"],
    ["parseCalendar", "parseCalendar", "1,", ""],
    ["parseCalendar", "parseCalendar", "*-", ""],
    ["parseCalendar", "parseCalendar", "Mon,", ""],
    ["lintCalendar", "lintCalendar", "1..2,", ""],
    ["lintCalendar", "lintCalendar", "~", ""],
    ["parseCron", "parseCron", "1-2/3,", ""],
    ["parseTimespan", "parseTimespan", "1s ", ""],
    ["parseTimespan", "parseTimespan", "s", ""],
    ["parseExec", "parseExec", "-", ""],
    ["parseExec", "parseExec", "'a' ", ""],
    ["parseExec", "parseExec", "\\x", ""],
    ["parseConfig", "parseConfig", "[", ""],
    ["parseConfig", "parseConfig", '"rules",', '{"presets":['],
    ["parseJobsFile", "parseJobs", '{"schedule":"* * * * *"},', "["],
    ["parseCrontab", "parseCrontab", "* * * * * root x\n", ""],
  ].map(([entry, fn, unit, head]) => ({ group: "1 MB of repetition", entry, fn, what: JSON.stringify(head + unit + "…"), make: () => fill(unit, MB, head) })),
  {
    group: "million lines, no read limit",
    entry: "unit parser",
    fn: "parseUnitFile",
    what: "1,000,000 comment lines (22 MB)",
    make: () => "[Service]\nExecStart=/bin/true\n" + "# a comment line here\n".repeat(1_000_000),
  },
  {
    group: "million lines, no read limit",
    entry: "unit parser",
    fn: "parseUnitFile",
    what: "1,000,000 `Environment=A=1` lines (16 MB)",
    make: () => "[Service]\nExecStart=/bin/true\n" + "Environment=A=1\n".repeat(1_000_000),
  },
  {
    group: "million lines, no read limit",
    entry: "lintSources, every rule",
    fn: "lint",
    what: "1,000,000 `Environment=A=1` lines (16 MB)",
    make: () => "[Service]\nExecStart=/bin/true\n" + "Environment=A=1\n".repeat(1_000_000),
  },
  {
    group: "million lines, no read limit",
    entry: "lintSources, every rule",
    fn: "lint",
    what: "100,000 `Environment=A=1` lines (1.6 MB)",
    make: () => "[Service]\nExecStart=/bin/true\n" + "Environment=A=1\n".repeat(100_000),
  },
  {
    group: "million lines, no read limit",
    entry: "unit parser",
    fn: "parseUnitFile",
    what: "one 50 MB line",
    make: () => "[Service]\nExecStart=/bin/" + "a".repeat(50 * MB) + "\n",
  },
  {
    group: "million lines, no read limit",
    entry: "unit parser",
    fn: "parseUnitFile",
    what: "1,000,000 continuation lines (one logical line)",
    make: () => "[Service]\nExecStart=/bin/echo " + "a \\\n".repeat(1_000_000) + "b\n",
  },
  { group: "calendar", entry: "nextElapses", fn: "calendarZones", what: "8 never-elapsing and far-future specs in every IANA zone", make: () => "" },
];

async function runCase(c) {
  const input = c.make();
  const { parseUnitFile } = await lib("parser/unit/index.js");
  const { lintSources } = await lib("linter/lint.js");
  const cal = await lib("calendar/index.js");
  const every = { presets: ["recommended", "strict"] };
  const fns = {
    parseUnitFile: (t) => parseUnitFile(t, "x.service"),
    lint: (t) => lintSources([{ path: "x.service", text: t }], every),
    lintTimer: (t) => lintSources([{ path: "x.timer", text: t }], every),
    parseCalendar: (t) => cal.parseCalendar(t),
    lintCalendar: (t) => cal.lintCalendar(t),
    parseCron: (t) => cal.parseCron(t),
    parseTimespan: (t) => cal.parseTimespan(t),
    parseExec: async (t) => (await lib("parser/exec/parse-exec.js")).parseExec(t),
    parseConfig: async (t) => (await lib("config/config.js")).parseConfig(t),
    parseJobs: async (t) => (await lib("jobs/index.js")).parseJobsFile(t, "jobs/a.json"),
    parseCrontab: async (t) => (await lib("crontab/index.js")).parseCrontab(t, "etc/crontab", "system"),
    calendarZones: async () => {
      // systemd's calendar search stops at year 2199 (and after 1000 steps): every answer must come in bounded
      // time. Every zone through its zoneinfo file (as the CLI reads zones where they exist), and a sample
      // through Intl (the library default, for browsers and Windows), which rebuilds each year's transitions.
      const { tzifZoneSource } = await lib("calendar/zone/source.js");
      const { existsSync, readFileSync } = await import("node:fs");
      const zoneinfo = tzifZoneSource((name) => (existsSync(`/usr/share/zoneinfo/${name}`) ? readFileSync(`/usr/share/zoneinfo/${name}`) : undefined));
      const specs = [
        "*-02-30",
        "2037-02-29",
        "*-*-31 24:00",
        "Mon *-*-31 00:00",
        "2199-12-31 23:59:59",
        "*-12-31 23:59:59.999999",
        "Sat *-02-29 00:00",
        "*-*~01 03:30",
      ];
      const all = Intl.supportedValuesOf("timeZone");
      const run = (zones, source) => {
        let slowest = { ms: 0 };
        let calls = 0;
        const t0 = performance.now();
        for (const tz of zones) {
          for (const spec of specs) {
            const t1 = performance.now();
            cal.nextElapses(spec, { tz, count: 5, base: new Date("2026-01-01T00:00:00Z"), ...(source ? { zones: source } : {}) });
            const ms = performance.now() - t1;
            calls++;
            if (ms > slowest.ms) slowest = { ms, tz, spec };
          }
        }
        return `${calls} calls in ${((performance.now() - t0) / 1000).toFixed(1)} s, slowest ${slowest.ms.toFixed(1)} ms (\`${slowest.spec}\` in ${slowest.tz})`;
      };
      const sample = all.filter((_, i) => i % 40 === 0);
      return { note: `zoneinfo, all ${all.length} zones: ${run(all, zoneinfo)}; Intl, ${sample.length} zones (every 40th): ${run(sample)}` };
    },
  };
  const t0 = performance.now();
  const out = await fns[c.fn](input);
  const ms = performance.now() - t0;
  const findings = out?.findings?.length ?? out?.problems?.length ?? out?.errors?.length ?? out?.diagnostics?.length;
  const verdict = out?.ok === true ? "accepted" : out?.ok === false ? "rejected with a message" : "";
  return {
    ms,
    peakMiB: process.resourceUsage().maxRSS / 1024,
    note: out?.note ?? [verdict, findings !== undefined ? `${findings} findings/problems` : ""].filter(Boolean).join(", "),
  };
}

// ---- hostile files through the CLI ----

// Each file in a folder of its own: `check FILE` brings the other units of its folder as context,
// so side by side every run would also read (and lint) its neighbours.
function hostileFiles(root) {
  let dir;
  const own = (name) => {
    dir = join(root, name.replace(/\.service$/, ""));
    mkdirSync(dir);
    return dir;
  };
  const put = (name, data) => {
    writeFileSync(join(own(name), name), data);
    return join(name.replace(/\.service$/, ""), name);
  };
  const cases = [];
  const add = (what, name) => cases.push({ what, name: name.includes("/") ? name : join(name.replace(/\.service$/, ""), name) });
  // A real 50 MB unit (written, not sparse): refused from its size before reading.
  {
    const fd = openSync(join(own("fifty-mb.service"), "fifty-mb.service"), "w");
    const chunk = Buffer.from("Environment=A=1\n".repeat(65536));
    for (let n = 0; n < 50 * MB; n += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
    add("50 MB unit file", "fifty-mb.service");
  }
  add("1,000,000 lines (22 MB)", put("million.service", "[Service]\nExecStart=/bin/true\n" + "# a comment line here\n".repeat(1_000_000)));
  add("1,000,000 blank lines (1 MB: under the size limit)", put("blank-million.service", "[Unit]\n" + "\n".repeat(1_000_000)));
  add("100,000 lines (1.6 MB, the line limit)", put("hundred-k.service", "[Service]\nExecStart=/bin/true\n" + "Environment=A=1\n".repeat(99_990)));
  add("1 MB single line", put("long-line.service", `[Service]\nExecStart=/bin/echo ${"a".repeat(MB)}\n`));
  add("NUL bytes in a unit", put("nul.service", "[Service]\nExecStart=/bin/true\nEnvironment=A=1\0Bogus=1\n"));
  add("invalid UTF-8", put("latin1.service", Buffer.from("[Unit]\nDescription=caf\xe9\n", "latin1")));
  copyFileSync(process.execPath, join(own("node.service"), "node.service"));
  add(`a binary (the node executable, ${(statSync(process.execPath).size / MB).toFixed(0)} MB)`, "node.service");
  {
    const fd = openSync(join(own("sparse.service"), "sparse.service"), "w");
    ftruncateSync(fd, 4 * 1024 * MB);
    closeSync(fd);
    add("4 GiB sparse file", "sparse.service");
  }
  if (spawnSync("mkfifo", [join(own("pipe.service"), "pipe.service")]).status === 0) add("FIFO", "pipe.service");
  symlinkSync("/dev/zero", join(own("zero.service"), "zero.service"));
  add("link to /dev/zero", "zero.service");
  symlinkSync("/dev/urandom", join(own("random.service"), "random.service"));
  add("link to /dev/urandom", "random.service");
  symlinkSync("loop.service", join(own("loop.service"), "loop.service"));
  add("symbolic link to itself", "loop.service");
  return cases;
}

function cli(args, cwd, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, "check", "--no-config", ...args], { cwd, encoding: "utf8", timeout: 120_000, maxBuffer: 1 << 28, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const firstErr = (r.stderr ?? "").split("\n").filter(Boolean);
  return { ms, code: r.status ?? `killed (${r.signal})`, stderr: firstErr, stdout: r.stdout ?? "" };
}

const cellText = (s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

async function main() {
  const write = process.argv.includes("--write");
  const limitArg = process.argv.indexOf("--limit");
  const limit = limitArg > 0 ? Number(process.argv[limitArg + 1]) : 60;

  // 1. Hostile files, one `check` each.
  const dir = mkdtempSync(join(tmpdir(), "unitlint-robust-"));
  const fileRows = [];
  try {
    const files = join(dir, "files");
    mkdirSync(files);
    console.error("== hostile files");
    for (const c of hostileFiles(files)) {
      const r = cli([c.name], files);
      const msg = r.stderr[0]?.replace(/^unitlint: /, "") ?? (r.stdout.trim().split("\n").pop() || "");
      fileRows.push(`| ${c.what} | ${r.code} | ${fmtMs(r.ms)} | ${cellText(msg.length > 160 ? msg.slice(0, 157) + "…" : msg)} |`);
    }
    // All of them at once, in a folder with a good unit, a link loop and a 200-deep folder.
    writeFileSync(join(files, "good.service"), "[Service]\nExecStart=/usr/bin/true\nnoequals\n");
    symlinkSync("..", join(files, "up"));
    let deep = join(files, "deep");
    for (let i = 0; i < 200; i++) deep = join(deep, "d");
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, "x.service"), "[Unit]\n");
    const all = cli(["--format", "json", "."], files);
    let goodChecked = false;
    try {
      goodChecked = JSON.parse(all.stdout).some((f) => f.file.endsWith("good.service"));
    } catch {
      /* not JSON: reported below */
    }
    fileRows.push(
      `| all of the above at once (the folder walked), with a good unit, a link loop and a 200-deep folder | ${all.code} | ${fmtMs(all.ms)} | ${all.stderr.length} one-line messages; good.service checked: ${goodChecked ? "yes" : "**no**"} |`,
    );
    // Permission denied: as root the child drops to nobody (root reads everything).
    const closed = join(dir, "perm");
    mkdirSync(join(closed, "locked"), { recursive: true });
    writeFileSync(join(closed, "secret.service"), "[Unit]\n");
    writeFileSync(join(closed, "locked", "x.service"), "[Unit]\n");
    chmodSync(dir, 0o755);
    chmodSync(closed, 0o755);
    chmodSync(join(closed, "secret.service"), 0);
    chmodSync(join(closed, "locked"), 0);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const perm = cli(["."], closed, asNobody);
    fileRows.push(
      `| permission denied (a file and a folder${asNobody.uid ? ", run as nobody" : ""}) | ${perm.code} | ${fmtMs(perm.ms)} | ${cellText(perm.stderr.join("; "))} |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // 2. In-process cases, each in a child with a time limit.
  const caseRows = [];
  for (const [i, c] of CASES.entries()) {
    console.error(`== ${c.entry}: ${c.what}`);
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ["--max-old-space-size=8192", import.meta.filename, "--case", String(i)], {
      encoding: "utf8",
      timeout: limit * 1000,
    });
    let cells;
    if (r.status === 0) {
      const out = JSON.parse(r.stdout);
      cells = `${fmtMs(out.ms)} | ${out.peakMiB.toFixed(0)} MiB | ${cellText(out.note)}`;
    } else if (r.signal === "SIGTERM" || r.error?.code === "ETIMEDOUT") {
      cells = `**> ${limit} s** (stopped) | — | did not finish`;
    } else {
      cells = `**failed** (exit ${r.status}) | — | ${cellText((r.stderr || "").trim().split("\n").filter(Boolean).pop() ?? "")}`;
    }
    caseRows.push(`| ${c.group} | ${c.entry} | ${cellText(c.what)} | ${cells} |`);
    console.error(`   ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  const body = `Reproduce with \`npm run build && node bench/robustness.mjs --write\` (about five minutes; \`--limit SECONDS\` sets the per-case time limit, default 60). Measured ${today()} on ${describeMachine()}. The quick versions of these checks run in the test suite: \`npx vitest run test/robustness\`.

### Hostile files through \`unitlint check\`

One process per file (exit 2 = the file could not be checked, 1 = error findings, 0 = fine).

| file | exit | time | message |
| --- | ---: | ---: | --- |
${fileRows.join("\n")}

### Pathological input straight into the library

Each case runs in a child process (peak memory is the child's maximum RSS, Node itself included) and is stopped after ${limit} s. "Million lines" cases bypass \`check\`'s read limits (4 MiB, 100,000 lines) to show why they exist.

| group | entry point | input | time | peak memory | result |
| --- | --- | --- | ---: | ---: | --- |
${caseRows.join("\n")}`;
  if (write) writeSection("docs/robustness.md", "Measured results", body, { docTitle: "# Robustness" });
  console.log(body);
}

if (process.argv[2] === "--case") {
  const r = await runCase(CASES[Number(process.argv[3])]);
  process.stdout.write(JSON.stringify(r));
} else {
  await main();
}
