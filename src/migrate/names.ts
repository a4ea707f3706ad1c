import { trimEndOf, trimOf } from "../core/strings.js";

const slug = (s: string) =>
  trimOf(
    s
      .toLowerCase()
      .replace(/\.(sh|py|pl|rb|js|php|bash)$/, "")
      .replace(/[^a-z0-9]+/g, "-"),
    "-",
  );

/** Commands that test, move or say something around the work rather than do it (`test -x … || run-parts …`). */
const GUARDS = new Set([
  "test",
  "[",
  "[[",
  "true",
  "false",
  ":",
  "cd",
  "pushd",
  "echo",
  "printf",
  "sleep",
  "exit",
  "export",
  "set",
  "umask",
  "ulimit",
  "date",
  "logger",
  "cat",
  "tee",
]);

/** Programs that run another one, with how many words each of their options takes. */
const WRAPPERS: Record<string, Record<string, number>> = {
  sudo: { "-u": 1, "-g": 1, "-C": 1, "-D": 1, "-h": 1, "-p": 1, "-r": 1, "-t": 1, "-U": 1 },
  su: { "-c": 0, "-s": 1, "-g": 1, "-G": 1 },
  env: { "-u": 1, "-C": 1, "-S": 0 },
  nice: { "-n": 1 },
  ionice: { "-c": 1, "-n": 1, "-p": 1, "-P": 1, "-u": 1 },
  timeout: { "-k": 1, "-s": 1 },
  flock: { "-w": 1, "-E": 1, "-c": 0 },
  chronic: {},
  nohup: {},
  exec: {},
  time: {},
  command: {},
  setsid: {},
  "run-one": {},
  stdbuf: { "-i": 1, "-o": 1, "-e": 1 },
  chrt: {},
  taskset: {},
  xargs: {},
};

/** Interpreters: the work is the script they run, not the interpreter. */
const INTERPRETERS = /^(python[0-9.]*|perl|ruby|node|php[0-9.]*|bash|sh|dash|zsh|ksh|lua[0-9.]*|Rscript)$/;
const SHELLS = /^(bash|sh|dash|zsh|ksh)$/;

/** Shell words and the operators between simple commands (`;`, `&&`, `||`, `|`, `&`, parentheses, braces), quotes kept together. */
function simpleCommands(command: string): string[][] {
  const out: string[][] = [[]];
  let word = "";
  let quote = "";
  const flush = () => {
    if (word !== "") out[out.length - 1]!.push(word);
    word = "";
  };
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote) {
      if (c === quote) quote = "";
      else if (c === "\\" && quote === '"' && i + 1 < command.length) word += command[++i];
      else word += c;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "\\" && i + 1 < command.length) word += command[++i];
    else if (/[ \t]/.test(c)) flush();
    else if (/[;&|(){}<>]/.test(c)) {
      flush();
      // a redirection's target is not a command: skip `> file`, `2>&1`
      if (c === ">" || c === "<") {
        while (command[i + 1] === ">" || command[i + 1] === "&") i++;
        while (command[i + 1] === " " || command[i + 1] === "\t") i++;
        while (i + 1 < command.length && !/[ \t;&|()]/.test(command[i + 1]!)) i++;
        continue;
      }
      if (out[out.length - 1]!.length) out.push([]);
    } else word += c;
  }
  flush();
  return out.filter((c) => c.length > 0);
}

const base = (w: string) => w.slice(w.lastIndexOf("/") + 1);

/** The word naming the work of one simple command, past assignments, wrappers and interpreters. */
function workOf(words: string[]): string | undefined {
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!)) i++;
  for (;;) {
    const program = words[i];
    if (program === undefined) return undefined;
    const name = base(program);
    const wrapper = WRAPPERS[name];
    if (wrapper) {
      i++;
      // timeout takes a duration, flock a lock file, taskset a mask, chrt a priority before the command
      const positional = name === "timeout" || name === "flock" || name === "taskset" || name === "chrt" ? 1 : 0;
      let skipped = 0;
      while (i < words.length) {
        const w = words[i]!;
        if (w.startsWith("-")) i += 1 + (wrapper[w] ?? 0);
        else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) i++;
        else if (skipped < positional) {
          skipped++;
          i++;
        } else break;
      }
      continue;
    }
    if (SHELLS.test(name)) {
      const c = words.indexOf("-c", i);
      if (c >= 0 && words[c + 1]) return nameOfWork(words[c + 1]!);
    }
    if (INTERPRETERS.test(name)) {
      const script = words.slice(i + 1).find((w) => !w.startsWith("-"));
      if (script) return script;
    }
    if (name === "run-parts") {
      // run-parts /etc/cron.daily: the folder says what runs
      const dirs = words.slice(i + 1).filter((w) => !w.startsWith("-"));
      const dir = dirs[dirs.length - 1];
      return dir ? base(trimEndOf(dir, "/")).replace(/^cron\./, "") : program;
    }
    return program;
  }
}

function nameOfWork(command: string): string | undefined {
  const works = simpleCommands(command).map((c) => ({ program: base(c.find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) ?? ""), work: workOf(c) }));
  const main = works.find((w) => w.work !== undefined && !GUARDS.has(w.program));
  return main?.work ?? works.find((w) => w.work !== undefined)?.work;
}

/**
 * A short name for a command: the program that does the work (`test -x /usr/sbin/anacron || ( cd / && run-parts
 * --report /etc/cron.daily )` → `cron-daily`), past guards such as `test`/`cd`, wrappers such as `nice`/`flock`/
 * `sudo -u x`, and interpreters (`/usr/bin/python3 sync_users.py` → `sync-users`).
 */
export function nameForCommand(command: string): string {
  const work = nameOfWork(command);
  return (work && slug(base(trimEndOf(work, "/")))) || "job";
}

/** A name from a job's comment (`# nightly database dump` → `nightly-database-dump`), at most five words. */
export function nameForComment(comment: string): string | undefined {
  const words = comment
    .replace(/^#+/, "")
    .trim()
    .split(/\s+/)
    .map((w) => slug(w))
    .filter(Boolean)
    .slice(0, 5);
  return words.length ? words.join("-") : undefined;
}

/** A unit-name-safe form of a job name (unit_name_is_valid: [A-Za-z0-9:_.\-]). */
export const unitSafe = (s: string) => trimOf(s.replace(/[^A-Za-z0-9:_.\\-]+/g, "-"), "-") || "job";

/** Hands out names, adding -2, -3 … to repeats. */
export function nameAllocator(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    let name = wanted;
    for (let n = 2; used.has(name); n++) name = `${wanted}-${n}`;
    used.add(name);
    return name;
  };
}
