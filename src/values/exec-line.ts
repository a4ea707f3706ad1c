/**
 * Command lines (ExecStart= and friends, config_parse_exec): the program word as systemd 252 checks it. A command
 * it cannot parse makes it refuse the unit (loading/invalid-command), except with the `-` prefix: then the line is
 * dropped with a warning, which is what this grammar reports, as is a quote left open in the program name.
 */
import { splitExecCommands } from "../parser/exec/parse-exec.js";
import { problemAt, type ValueProblem } from "./problem.js";

/** Why config_parse_exec() rejects this executable word, or null. */
export function executableProblem(path: string): string | null {
  if (path === "") return "the command has no program";
  if (/[\u0000-\u001f\u007f\\"']/.test(path)) return "the program name has a quote, backslash or control character";
  if (path.endsWith("/")) return "the program path ends in '/' (a directory)";
  if (path.startsWith("/")) {
    if (path.length >= 4096 || path.split("/").some((c) => new TextEncoder().encode(c).length > 255)) return "the program path is too long";
    return null;
  }
  if (path.includes("/")) return "a relative path is neither an absolute path nor a plain program name";
  if (path === "." || path === ".." || new TextEncoder().encode(path).length > 255) return "it is not a valid program name";
  return null;
}

export function execLine(value: string): ValueProblem | null {
  for (const cmd of splitExecCommands(value)) {
    const exe = cmd.words[0];
    if (!exe && cmd.unterminatedQuote !== undefined)
      return problemAt(cmd.unterminatedQuote, cmd.to, "a quote in the program name is never closed: systemd ignores the line");
    // without '-', loading/invalid-command reports it: systemd refuses the whole unit
    if (!cmd.prefixes.includes("-") || exe?.text.includes("%")) continue;
    // a backslash escape that unescaping keeps (\\, \q...) leaves a backslash in the name, which string_is_safe() refuses
    const raw = exe ? value.slice(exe.from, exe.to) : "";
    const why = /\\(?!x[0-9a-fA-F]{2})/.test(raw) ? "the program name keeps a backslash" : executableProblem(exe?.text ?? "");
    if (why)
      return problemAt(
        exe?.from ?? 0,
        exe?.to ?? value.length,
        `${why}: because of the '-' prefix systemd ignores the line instead of refusing the unit, so the command never runs`,
      );
  }
  return null;
}
