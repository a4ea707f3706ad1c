/** What one scheduled job becomes: a oneshot service and the timer that starts it. */
export interface JobPlan {
  /** Unit name without the .service / .timer suffix. */
  name: string;
  description: string;
  /** Comment lines put at the top of both files (where it came from, caveats). */
  header: string[];
  /** OnCalendar= values; empty with `atBoot` for @reboot. */
  calendars: string[];
  atBoot: boolean;
  /** The ExecStart= value, already quoted for systemd. */
  execStart: string;
  /** Standard input (cron's '%'), if any; systemd adds a final newline. */
  stdin?: string;
  environment: [string, string][];
  user?: string;
  workingDirectory?: string;
  /** A TimeoutStartSec= value. */
  timeout: string;
  /** Extra comment lines for the service's [Service] section. */
  serviceNotes: string[];
}

export interface GeneratedFile {
  /** File name relative to the output folder. */
  name: string;
  text: string;
  /** Executable scripts get mode 0755. */
  executable?: boolean;
}

export interface MigrationNote {
  /** Where in the input: "crontab:7", "jobs/backup.json: backup-data". */
  where: string;
  message: string;
}

export interface MigrationResult {
  files: GeneratedFile[];
  /** What was carried over inexactly or left out. */
  notes: MigrationNote[];
  /** The timer/service pairs, for callers that want to inspect them (tests). */
  plans: JobPlan[];
}
