/**
 * Command lines (ExecStart= and friends, config_parse_exec): the program word as systemd 252 checks it. A command
 * it cannot parse makes it refuse the unit (loading/invalid-command), except with the `-` prefix: then the line is
 * dropped with a warning, which is what this grammar reports, as is a quote left open in the program name.
 */
import { splitExecCommands } from "../parser/exec/parse-exec.js";
import { problemAt, type ValueProblem } from "./problem.js";
import { badEscapeEnd, badEscapeText, cunescapeOne } from "./scan.js";

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

/**
 * The first backslash escape of a command line that systemd 252's cunescape() does not know, as [from, to): \a \b \f
 * \n \r \t \v \s \\ \" \' are known, so are \xHH, \uHHHH, \UHHHHHHHH and three octal digits; a word that is
 * exactly `\;` is the literal semicolon. Inside quotes too. systemd then unescapes the line again in relaxed mode, logs
 * "Ignoring unknown escape sequences" and keeps the backslash and the character as written.
 */
/**
 * Why config_parse_exec() rejects the program word of a command in `value`, or null. A backslash escape that unescaping
 * keeps (\\, \q...) leaves a backslash in the name, which string_is_safe() refuses, so the raw text is looked at too.
 */
export function programProblem(value: string, exe: { text: string; from: number; to: number } | undefined): string | null {
  const raw = exe ? value.slice(exe.from, exe.to) : "";
  return /\\(?!x[0-9a-fA-F]{2})/.test(raw) ? "the program name keeps a backslash" : executableProblem(exe?.text ?? "");
}

export function unknownEscape(value: string): [number, number] | null {
  let wordStart = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === " " || c === "\t") {
      wordStart = i + 1;
      continue;
    }
    if (c !== "\\") continue;
    const next = value[i + 1];
    if (next === undefined) return [i, i + 1];
    if (next === " " || next === "\t") return [i, i + 2];
    if (next === ";" && i === wordStart && (i + 2 === value.length || value[i + 2] === " " || value[i + 2] === "\t")) {
      i++;
      continue;
    }
    // cunescape_one() of 252, which also refuses NUL (\x00, \000) and octal above \377
    const known = cunescapeOne(value, i + 1);
    if (!known) return [i, Math.max(i + 2, badEscapeEnd(value, i))];
    i += known.length;
  }
  return null;
}

export function execLine(value: string): ValueProblem | null {
  for (const cmd of splitExecCommands(value)) {
    const exe = cmd.words[0];
    if (!exe && cmd.unterminatedQuote !== undefined)
      return problemAt(cmd.unterminatedQuote, cmd.to, "a quote in the program name is never closed: systemd ignores the line");
    // without '-', loading/invalid-command reports it: systemd refuses the whole unit
    if (!cmd.prefixes.includes("-") || exe?.text.includes("%")) continue;
    const why = programProblem(value, exe);
    if (why)
      return problemAt(
        exe?.from ?? 0,
        exe?.to ?? value.length,
        `${why}: because of the '-' prefix systemd ignores the line instead of refusing the unit, so the command never runs`,
      );
  }
  const esc = unknownEscape(value);
  if (esc)
    return {
      ...problemAt(
        esc[0],
        esc[1],
        /^\\(x|u|U|[0-7])/.test(value.slice(esc[0], esc[1]))
          ? `${badEscapeText(value.slice(esc[0], esc[1]))}: systemd logs "Ignoring unknown escape sequences" and passes it on as written`
          : `'${value.slice(esc[0], esc[1])}' is not an escape systemd knows: it logs "Ignoring unknown escape sequences" and passes the backslash and the character on as written (write '\\\\' for a backslash, '$$' for a dollar sign)`,
      ),
      severity: "warning",
    };
  return null;
}
