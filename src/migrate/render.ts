import type { GeneratedFile, JobPlan } from "./plan.js";
import { environmentLine, escapeSpecifiers, textSetting } from "./quote.js";

/** One StandardInputText= line: C escapes and specifiers are resolved, outer blanks would be stripped. */
function inputText(line: string): string {
  const body = escapeSpecifiers(line.replace(/\\/g, "\\\\")).replace(/[\x00-\x1f\x7f]/g, (c) => "\\x" + c.charCodeAt(0).toString(16).padStart(2, "0"));
  return body.replace(/^[ ]/, "\\x20").replace(/[ ]$/, "\\x20");
}

const comments = (lines: string[]) => lines.map((l) => `# ${l}`.trimEnd());

export function renderService(p: JobPlan, mode: "system" | "user"): GeneratedFile {
  const out = [...comments(p.header), "[Unit]", `Description=${textSetting(p.description)}`, "", "[Service]", "Type=oneshot"];
  if (p.user && mode === "system") out.push(`User=${p.user}`);
  if (p.workingDirectory) out.push(`WorkingDirectory=${escapeSpecifiers(p.workingDirectory)}`);
  for (const [k, v] of p.environment) out.push(environmentLine(k, v));
  out.push(...comments(p.serviceNotes));
  out.push(`ExecStart=${p.execStart}`);
  // one StandardInputText= with escaped newlines: an empty line on its own would reset the setting
  if (p.stdin) out.push(`StandardInputText=${inputText(p.stdin)}`);
  out.push(`TimeoutStartSec=${p.timeout}`);
  return { name: `${p.name}.service`, text: out.join("\n") + "\n" };
}

export function renderTimer(p: JobPlan, mode: "system" | "user"): GeneratedFile {
  const out = [...comments(p.header), "[Unit]", `Description=${textSetting(`Timer for ${p.description}`)}`, "", "[Timer]"];
  if (p.atBoot) out.push(mode === "user" ? "OnStartupSec=0" : "OnBootSec=0");
  for (const c of p.calendars) out.push(`OnCalendar=${c}`);
  if (!p.atBoot) {
    // cron fires within the minute; the default AccuracySec=1min could slip into the next one
    out.push("AccuracySec=1s", "Persistent=true");
  }
  out.push("", "[Install]", "WantedBy=timers.target");
  return { name: `${p.name}.timer`, text: out.join("\n") + "\n" };
}
