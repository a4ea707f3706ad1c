import { CodeActionKind, type CodeAction } from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { CrontabFile, JobLine } from "../crontab/index.js";
import { migrateCrontab } from "../migrate/index.js";

interface TimerActionTarget {
  /** Folder (display path, "" for the workspace root) for the new units. */
  folder: string;
  uri(display: string): string;
  exists(display: string): boolean;
}

/**
 * "Convert to a systemd timer" on a crontab job: creates the oneshot service
 * and the timer `unitlint migrate` writes for that one line (OnCalendar= from
 * the cron schedule, CRON_TZ= and the job's variables carried over) and
 * comments the line out, so the job does not run twice. Not offered for lines
 * cron cannot read, or when a unit of that name exists in the folder.
 */
export function crontabTimerAction(
  file: CrontabFile,
  lines: { start: number; end: number },
  doc: TextDocument,
  docUri: string,
  target: TimerActionTarget,
): CodeAction | null {
  const job = file.lines.find((l): l is JobLine => l.kind === "job" && l.range.start >= lines.start && l.range.start < lines.end);
  if (!job || !job.cron || !job.command) return null;
  const single: CrontabFile = { ...file, lines: [job] };
  delete single.unterminatedLastLine;
  const result = migrateCrontab(single, { mode: file.format === "user" ? "user" : "system", prefix: "cron", timeout: "infinity" });
  if (result.files.length === 0) return null;
  const paths = result.files.map((f) => (target.folder ? `${target.folder}/${f.name}` : f.name));
  if (paths.some((p) => target.exists(p))) return null;
  const names = result.files.map((f) => f.name);
  const start = doc.positionAt(job.range.start);
  return {
    title: `Convert to a systemd timer: create ${names.join(" and ")}${target.folder ? ` in ${target.folder}/` : ""} and comment out this line`,
    kind: CodeActionKind.RefactorRewrite,
    edit: {
      documentChanges: [
        ...result.files.flatMap((f, i) => {
          const uri = target.uri(paths[i]!);
          return [
            { kind: "create" as const, uri, options: { overwrite: false, ignoreIfExists: true } },
            { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: f.text }] },
          ];
        }),
        {
          textDocument: { uri: docUri, version: doc.version },
          edits: [{ range: { start, end: start }, newText: `# moved to ${names.filter((n) => n.endsWith(".timer")).join(", ")} (unitlint)\n# ` }],
        },
      ],
    },
  };
}
