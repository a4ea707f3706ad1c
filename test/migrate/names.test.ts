import { describe, expect, it } from "vitest";
import { migrateCrontab } from "../../src/migrate/index.js";
import { nameForCommand, nameForComment } from "../../src/migrate/names.js";
import { parseCrontab } from "../../src/crontab/index.js";

describe("unit names for migrated cron jobs", () => {
  it("come from the program that does the work, past guards, wrappers and interpreters", () => {
    const cases: [string, string][] = [
      ["test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily )", "daily"],
      ["cd /srv/app && ./bin/sync >/dev/null 2>&1", "sync"],
      ["cd /opt/x && /usr/bin/python3 sync_users.py --all", "sync-users"],
      ["/usr/local/bin/backup-db --all", "backup-db"],
      ["[ -f /etc/app.conf ] && nice -n 10 ionice -c3 /usr/bin/rsync -a /src /dst", "rsync"],
      ["flock -n /run/lock/report.lock /opt/report/generate.sh", "generate"],
      ["timeout 5m sudo -u www-data php /var/www/artisan schedule:run", "artisan"],
      ["PATH=/opt/bin:$PATH RAILS_ENV=production bundle exec rake jobs:work", "bundle"],
      ['/bin/sh -c "cd /app && ./cleanup.sh"', "cleanup"],
      ["echo start; /usr/bin/certbot renew --quiet", "certbot"],
      ["true", "true"],
      ["", "job"],
    ];
    for (const [command, name] of cases) expect(nameForCommand(command), command).toBe(name);
  });

  it("can come from the comment right above the job (--names comment), else from the program", () => {
    expect(nameForComment("# Nightly database dump (all schemas)")).toBe("nightly-database-dump-all-schemas");
    const file = parseCrontab(
      "# nightly database dump\n30 2 * * * /usr/local/bin/dump\n\n# not about the next job\n\n*/5 * * * * /usr/bin/poll\n",
      "crontab",
      "user",
    );
    const names = (nameFrom: "program" | "comment") =>
      migrateCrontab(file, { mode: "system", prefix: "cron", timeout: "infinity", nameFrom })
        .files.filter((f) => f.name.endsWith(".service"))
        .map((f) => f.name);
    expect(names("comment")).toEqual(["cron-nightly-database-dump.service", "cron-poll.service"]);
    expect(names("program")).toEqual(["cron-dump.service", "cron-poll.service"]);
  });
});

describe("secrets copied into Environment= by migrate", () => {
  it("are reported in the notes (crontab variables and job environments), without their values", async () => {
    const { migrateJobs } = await import("../../src/migrate/index.js");
    const { parseJobsFile } = await import("../../src/jobs/index.js");
    const jobs = parseJobsFile(
      '{"name":"backup","type":"command","schedule":"0 2 * * *","command":"/usr/bin/backup","environment":{"DB_PASSWORD":"hunter2","MODE":"full"}}',
      "jobs/backup.json",
    );
    const j = migrateJobs([jobs], { mode: "system", prefix: "" });
    const jobNotes = j.notes.map((n) => n.message);
    expect(jobNotes.some((m) => m.startsWith("DB_PASSWORD looks like a secret"))).toBe(true);
    expect(jobNotes.some((m) => m.startsWith("MODE"))).toBe(false);
    expect(jobNotes.join("\n")).not.toContain("hunter2");
    const cron = migrateCrontab(parseCrontab("API_TOKEN=abc123\n0 3 * * * /usr/bin/sync\n", "crontab", "user"), {
      mode: "system",
      prefix: "cron",
      timeout: "infinity",
    });
    expect(cron.notes.map((n) => n.message).some((m) => m.startsWith("API_TOKEN looks like a secret"))).toBe(true);
    expect(cron.notes.map((n) => n.message).join("\n")).not.toContain("abc123");
  });
});
