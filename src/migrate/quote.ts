import { trimEndOf } from "../core/strings.js";
/**
 * Quoting for generated unit files (systemd.syntax(7), systemd.service(5)
 * "Command lines"): '%' starts a specifier everywhere and is written '%%';
 * ExecStart= also expands $VAR, written '$$' for a literal dollar; inside
 * double quotes backslash escapes are C-style.
 */
export const escapeSpecifiers = (s: string) => s.replace(/%/g, "%%");

const C_ESCAPES: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r" };

/** A double-quoted C-escaped string (no specifier or $ handling). */
function cQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (C_ESCAPES[ch]) out += C_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += "\\x" + code.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + '"';
}

/** One ExecStart= argument that reaches the program exactly as `s`. */
export function execArg(s: string): string {
  if (s !== "" && /^[A-Za-z0-9_./:=,+@-]+$/.test(s)) return s;
  return cQuote(s).replace(/%/g, "%%").replace(/\$/g, "$$$$");
}

/** `Environment="NAME=value"`: specifiers are expanded there, $ is not. */
export function environmentLine(name: string, value: string): string {
  return `Environment=${escapeSpecifiers(cQuote(`${name}=${value}`))}`;
}

/** A free-text setting (Description=): one line, specifiers escaped, no trailing backslash. */
export function textSetting(s: string): string {
  return escapeSpecifiers(trimEndOf(s.replace(/[\r\n]+/g, " "), "\\").trim());
}

/** A variable name systemd accepts in Environment= (env_name_is_valid). */
export const validEnvName = (name: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
