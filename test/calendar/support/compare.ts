import { analyzeCalendar } from "../../../src/calendar/analyze/calendar-report.js";
import { nodeSession } from "../../../src/node/time-zone.js";
import { runSystemdAnalyze } from "./systemd-analyze.js";

/** Lines that depend on the wall clock ("From now:") are compared elsewhere. */
const stable = (s: string) =>
  s
    .split("\n")
    .filter((l) => !/^ *From now:/.test(l))
    .join("\n");

const errorLines = (s: string) =>
  s
    .split("\n")
    .filter((l) => /^(Failed to|Infinite loop)/.test(l))
    .join("\n");

/** The first differing line with a little context, and the spec it belongs to. */
function firstDifference(a: string, b: string): { spec: string; ours: string; theirs: string } | undefined {
  if (a === b) return undefined;
  const la = a.split("\n");
  const lb = b.split("\n");
  let i = 0;
  while (i < la.length && la[i] === lb[i]) i++;
  let spec = "?";
  for (let k = i; k >= 0; k--) {
    const m = /^ *(Original|Normalized) form: (.*)$/.exec(lb[k] ?? la[k] ?? "");
    if (m) {
      spec = m[2]!;
      if (m[1] === "Original") break;
    }
  }
  const ctx = (l: string[]) => l.slice(Math.max(0, i - 3), i + 4).join("\n");
  return { spec, ours: ctx(la), theirs: ctx(lb) };
}

export interface Mismatch {
  tz: string;
  base: number;
  iterations: number;
  spec: string;
  ours: string;
  theirs: string;
}

/** Run many specs through systemd-analyze in one process and in-process, and report differences. */
export function compareCalendar(specs: string[], tz: string, baseSec: number, iterations: number): Mismatch[] {
  const args = ["calendar", `--base-time=@${baseSec}`, `--iterations=${iterations}`, "--", ...specs];
  const theirs = runSystemdAnalyze(args, tz);
  const { session, zones } = nodeSession({ TZ: tz });
  const ours = analyzeCalendar({ specs, iterations, base: baseSec * 1_000_000, now: Date.now() * 1000, session, zones });
  const mism: Mismatch[] = [];
  const push = (spec: string, o: string, t: string) => mism.push({ tz, base: baseSec, iterations, spec, ours: o, theirs: t });
  if (errorLines(ours.stderr) !== errorLines(theirs.stderr)) push(specs.join(" | "), errorLines(ours.stderr), errorLines(theirs.stderr));
  if ((ours.exitCode === 0) !== (theirs.status === 0)) push(specs.join(" | "), `exit ${ours.exitCode}`, `exit ${theirs.status}`);
  const d = firstDifference(stable(ours.stdout), stable(theirs.stdout));
  if (d) push(d.spec, d.ours, d.theirs);
  return mism;
}
