import type { CrontabFormat } from "./model.js";

/**
 * The crontab dialect a path implies, or undefined when the name does not say
 * it is a crontab: `/etc/crontab` and files in a `cron.d` folder carry a user
 * field; a file named `crontab` elsewhere is read the same way (that is what
 * such a file in a configuration repository usually is). User crontabs (from
 * `crontab -l`) have no fixed name: the CLI's `--crontab` marks them.
 */
export function crontabFormatFor(path: string): CrontabFormat | undefined {
  const parts = path.split("/");
  const base = parts[parts.length - 1] ?? "";
  const dir = parts[parts.length - 2];
  if (base === "crontab") return "system";
  // run-parts and cron skip these in cron.d (editor backups, package leftovers)
  if (dir === "cron.d" && base !== "" && !base.startsWith(".") && !/[~]$|\.(dpkg-[a-z]+|rpm[a-z]+|swp|bak|orig)$/.test(base)) return "system";
  return undefined;
}
