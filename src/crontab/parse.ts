import { SourceText } from "../core/source.js";
import { readEnvLine } from "./env-line.js";
import type { CrontabFile, CrontabFormat, CrontabLine, EnvLine, JobLine, Spanned } from "./model.js";
import { parseSchedule } from "./schedule.js";

const TOKEN = /[^ \t]+/g;

/** The blank-separated words of a line with their offsets in it. */
function words(text: string, from: number): { text: string; start: number }[] {
  TOKEN.lastIndex = from;
  const out: { text: string; start: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) out.push({ text: m[0], start: m.index });
  return out;
}

function readJob(text: string, offset: number, line: number, format: CrontabFormat, env: EnvLine[]): JobLine {
  const range = { start: offset, end: offset + text.length };
  let i = 0;
  while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
  // cronie: a '-' before the schedule turns off syslog logging for the job
  const noLog = text[i] === "-";
  if (noLog) i++;
  const ws = words(text, i);
  const scheduleWords = ws[0]?.text.startsWith("@") ? 1 : 5;
  const sched = ws.slice(0, scheduleWords);
  const sStart = sched[0]?.start ?? i;
  const lastSched = sched[sched.length - 1];
  const sEnd = lastSched ? lastSched.start + lastSched.text.length : text.length;
  const schedule: Spanned = { text: text.slice(sStart, sEnd), range: { start: offset + sStart, end: offset + sEnd } };
  const job: JobLine = { kind: "job", line, range, schedule, noLog, env: [...env] };
  const parsed = parseSchedule(schedule.text, offset + sStart);
  if (parsed.ok) job.cron = parsed.cron;
  else job.problem = parsed.error;
  let rest = scheduleWords;
  if (format === "system" && ws[rest]) {
    const u = ws[rest]!;
    job.user = { text: u.text, range: { start: offset + u.start, end: offset + u.start + u.text.length } };
    rest++;
  }
  const cmd = ws[rest];
  if (cmd && sched.length === scheduleWords) {
    let end = text.length;
    while (end > cmd.start && (text[end - 1] === " " || text[end - 1] === "\t")) end--;
    job.command = { text: text.slice(cmd.start, end), range: { start: offset + cmd.start, end: offset + end } };
  }
  return job;
}

/**
 * Read a crontab as cronie does, line by line: blank lines and lines whose
 * first non-blank is '#' are skipped, `NAME=VALUE` sets the environment of
 * the jobs below, anything else is a job. Lossless (every line keeps its
 * range) and never throws.
 */
export function parseCrontab(text: string, path: string, format: CrontabFormat): CrontabFile {
  // Positions count lines as cron does (\n only), so a finding's line is the job's own line number.
  const source = new SourceText(path, text, "newline");
  const lines: CrontabLine[] = [];
  const env: EnvLine[] = [];
  let offset = 0;
  let lineNo = 1;
  while (offset < text.length) {
    const nl = text.indexOf("\n", offset);
    const end = nl < 0 ? text.length : nl;
    const body = text.slice(offset, end);
    const range = { start: offset, end };
    const trimmed = body.replace(/^[ \t]+/, "");
    let node: CrontabLine;
    if (trimmed === "" || trimmed === "\r") node = { kind: "blank", line: lineNo, range };
    else if (trimmed.startsWith("#")) node = { kind: "comment", line: lineNo, range };
    else {
      const assignment = readEnvLine(body, offset);
      if (assignment) {
        const e: EnvLine = { kind: "env", line: lineNo, range, ...assignment };
        env.push(e);
        node = e;
      } else node = readJob(body, offset, lineNo, format, env);
    }
    lines.push(node);
    if (nl < 0) break;
    offset = nl + 1;
    lineNo++;
  }
  const file: CrontabFile = { kind: "crontab", path, source, format, lines };
  const last = lines[lines.length - 1];
  if (last && !text.endsWith("\n") && last.kind !== "blank") file.unterminatedLastLine = last;
  return file;
}
