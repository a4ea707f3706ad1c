import { describe, expect, it } from "vitest";
import { crontabFormatFor, looksLikeUserCrontab } from "../../src/crontab/index.js";
import { lint } from "../../src/index.js";

const USER = "SHELL=/bin/sh\n# nightly\n0 2 * * * /usr/local/bin/backup.sh\n@daily $HOME/bin/rotate\n";
const SYSTEM = "0 2 * * * root /usr/local/bin/backup.sh\n";

describe("a file named crontab: system or user format", () => {
  it("is a user crontab when every job has a path, variable or quote where the user would be", () => {
    expect(looksLikeUserCrontab(USER)).toBe(true);
    expect(looksLikeUserCrontab(SYSTEM)).toBe(false);
    // a bare word may be a user: no verdict from the content
    expect(looksLikeUserCrontab("0 2 * * * backup\n")).toBe(false);
    // one job with a user makes it a system crontab (with a mistake on the other line)
    expect(looksLikeUserCrontab(`${SYSTEM}30 3 * * * /usr/local/bin/rotate.sh\n`)).toBe(false);
    // no jobs at all: nothing to go by
    expect(looksLikeUserCrontab("# empty\nMAILTO=ops\n")).toBe(false);
  });

  it("reads the repository's crontab by its jobs, /etc/crontab and cron.d always in the system format", () => {
    expect(crontabFormatFor("deploy/crontab", USER)).toBe("user");
    expect(crontabFormatFor("deploy/crontab", SYSTEM)).toBe("system");
    expect(crontabFormatFor("deploy/crontab")).toBe("system");
    expect(crontabFormatFor("/etc/crontab", USER)).toBe("system");
    expect(crontabFormatFor("roles/cron/files/etc/crontab", USER)).toBe("system");
    expect(crontabFormatFor("etc/cron.d/backup", USER)).toBe("system");
  });

  it("gives no false errors on a user crontab saved as crontab, and still reports the missing user in /etc/crontab", () => {
    expect(lint([{ path: "crontab", text: USER }]).findings).toEqual([]);
    expect(lint([{ path: "etc/crontab", text: USER }]).findings.map((f) => f.rule)).toContain("crontab/unknown-user");
  });
});
