/**
 * Small grammars of systemd 252: ManagedOOMMemoryPressureLimit= (parse_permyriad()), LogExtraFields=
 * (journal_field_valid()), Documentation= (documentation_url_is_valid()) and ExecSearchPath= (absolute paths
 * separated by ':').
 */
import { problemAt, type ValueProblem } from "./problem.js";
import { eachWord, expandForCheck, pathProblem, unfinishedWord, WHITESPACE } from "./scan.js";
import { parsePermyriad } from "./size.js";

export function pressureLimit(value: string): ValueProblem | null {
  if (value === "" || parsePermyriad(value) !== undefined) return null;
  return problemAt(0, value.length, `'${value}' is not a percentage from 0% to 100% (e.g. 60%, 60.5%, 605‰): systemd ignores the line`);
}

/** LogExtraFields=FIELD=VALUE words: FIELD of A-Z, 0-9 and _, not starting with a digit or _, at most 64 characters. */
export function logExtraFields(value: string, setting: string): ValueProblem | null {
  return eachWord(
    value,
    WHITESPACE,
    { unquote: true },
    (w) => {
      const text = expandForCheck(w.word);
      if (text === null) return null;
      const eq = text.indexOf("=");
      if (eq < 0) return problemAt(w.from, w.to, `'${w.word}' is not FIELD=VALUE: systemd ignores this field`);
      const name = text.slice(0, eq);
      if (/^[A-Z][A-Z0-9_]{0,63}$/.test(name)) return null;
      return problemAt(
        w.from,
        w.to,
        `'${name}' is not a journal field name (upper-case letters, digits and _, not starting with a digit or _, at most 64): systemd ignores this field`,
      );
    },
    (w) => unfinishedWord(w, `${setting}=`),
  );
}

const ascii = (s: string) => /^[\x20-\x7e]*$/.test(s);

/** Documentation=: http(s)://..., file:/..., man:... or info:... URLs, printable ASCII. */
export function documentationUrls(value: string): ValueProblem | null {
  return eachWord(
    value,
    WHITESPACE,
    { unquote: true },
    (w) => {
      const url = expandForCheck(w.word);
      if (url === null) return null;
      const rest = /^(https?:\/\/|file:\/|man:|info:)(.*)$/s.exec(url);
      if (rest && rest[2] !== "" && ascii(rest[2]!)) return null;
      return problemAt(w.from, w.to, `'${w.word}' is not a documentation URL (http://, https://, file:/, man: or info:): systemd ignores it`);
    },
    (w) => unfinishedWord(w, "the line"),
  );
}

/** ExecSearchPath=: absolute paths separated by ':' (an empty one between two colons is refused too). */
export function searchPath(value: string, setting: string): ValueProblem | null {
  if (value === "") return null;
  let from = 0;
  for (const part of value.split(":")) {
    const expanded = expandForCheck(part);
    const why = expanded === null ? null : pathProblem(expanded, "absolute");
    if (why) return problemAt(from, Math.max(from + 1, from + part.length), `'${part}' ${why}: systemd ignores ${setting}=`);
    from += part.length + 1;
  }
  return null;
}
