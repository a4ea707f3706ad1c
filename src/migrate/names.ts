import { trimOf } from "../core/strings.js";

const INTERPRETERS = /^(python[0-9.]*|perl|ruby|node|bash|sh|dash|zsh|php[0-9.]*|env|sudo|nice|ionice|flock|timeout|run-parts)$/;

const slug = (s: string) =>
  trimOf(
    s
      .toLowerCase()
      .replace(/\.(sh|py|pl|rb|js|php|bash)$/, "")
      .replace(/[^a-z0-9]+/g, "-"),
    "-",
  );

/**
 * A short name for a command: the script it runs rather than the interpreter
 * or a `cd` target (`cd /opt/x && /usr/bin/python3 sync_users.py` →
 * `sync-users`), else the first program.
 */
export function nameForCommand(command: string): string {
  const words = command.split(/[\s;&|()<>]+/).filter((w) => w !== "" && !w.includes("=") && !w.startsWith("-"));
  const base = (w: string) => w.slice(w.lastIndexOf("/") + 1);
  const programs = words.filter((w, i) => w !== "cd" && words[i - 1] !== "cd" && base(w) !== "");
  const pick =
    programs.find((w) => SCRIPT.test(w)) ?? programs.find((w) => !INTERPRETERS.test(base(w)) && (w.includes("/") || programs.indexOf(w) === 0)) ?? programs[0] ?? "job";
  return slug(base(pick)) || "job";
}

const SCRIPT = /\.(sh|py|pl|rb|js|php|bash)$/;

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
