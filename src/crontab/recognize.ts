import type { CrontabFormat } from "./model.js";

/**
 * The crontab dialect a path implies, or undefined when the name does not say
 * it is a crontab: `/etc/crontab` and files in a `cron.d` folder carry a user
 * field; a file named `crontab` elsewhere is read the same way (that is what
 * such a file in a configuration repository usually is), unless its jobs show
 * it is a user crontab saved under that name. Other user crontabs (from
 * `crontab -l`) have no fixed name: the CLI's `--crontab` marks them.
 */
export function crontabFormatFor(path: string, text?: string): CrontabFormat | undefined {
  const parts = path.split("/");
  const base = parts[parts.length - 1] ?? "";
  const dir = parts[parts.length - 2];
  // /etc/crontab (also etc/crontab in a repository's tree) is the system crontab whatever it holds; a file named
  // crontab elsewhere may be either, so its jobs decide when the text is at hand
  if (base === "crontab") return dir !== "etc" && text !== undefined && looksLikeUserCrontab(text) ? "user" : "system";
  // run-parts and cron skip these in cron.d (editor backups, package leftovers)
  if (dir === "cron.d" && base !== "" && !base.startsWith(".") && !/[~]$|\.(dpkg-[a-z]+|rpm[a-z]+|swp|bak|orig)$/.test(base)) return "system";
  return undefined;
}

/** A job line: five time fields or an @keyword, then what follows (the user field of a system crontab). */
const JOB = /^\s*(?:@[a-z]+|\S+\s+\S+\s+\S+\s+\S+\s+\S+)\s+(\S+)/;
const ENV = /^\s*[A-Za-z_][A-Za-z0-9_]*\s*=/;

/**
 * True when every job of a crontab has, where a system crontab has its user, a word no user name can be: a path
 * (`0 2 * * * /usr/bin/backup`), a variable, a quote, a redirection. Such a file is a user crontab (`crontab -l`
 * output) whatever its name; a bare word (`0 2 * * * backup`) may be a user, so it says nothing.
 */
export function looksLikeUserCrontab(text: string): boolean {
  let jobs = 0;
  for (const line of text.split("\n")) {
    if (/^\s*(#|$)/.test(line) || ENV.test(line)) continue;
    const m = JOB.exec(line);
    if (!m) continue;
    jobs++;
    if (!/[/$"'<>|;&=]/.test(m[1]!)) return false;
  }
  return jobs > 0;
}
