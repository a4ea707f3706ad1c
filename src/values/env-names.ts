/** PassEnvironment= and UnsetEnvironment= (config_parse_pass_environ/unset_environ): variable names (UnsetEnvironment= also NAME=value). */
import { problemAt, type ValueProblem } from "./problem.js";
import { expandForCheck, extractFirstWord, WHITESPACE } from "./scan.js";

/** env_name_is_valid(): letters, digits and '_', not starting with a digit. */
export const isEnvName = (s: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);

export function envNames(value: string, setting: string): ValueProblem | null {
  const assignments = setting === "UnsetEnvironment";
  for (let p: number | null = 0; ;) {
    // UnsetEnvironment= decodes C escapes while it splits (EXTRACT_CUNESCAPE), PassEnvironment= does not
    const w = extractFirstWord(value, p, WHITESPACE, { unquote: true, cunescape: assignments });
    if (w.error === "escape")
      return problemAt(
        w.errorAt!,
        w.errorAt! + 2,
        `'${value.slice(w.errorAt, w.errorAt! + 2)}' is not an escape systemd knows: it ignores the whole line (${setting}= "trailing garbage")`,
      );
    if (w.errorAt !== undefined)
      return problemAt(w.errorAt, w.errorAt + 1, `unterminated quote or trailing backslash: systemd ignores the rest of ${setting}=`);
    if (w.word === null) return null;
    p = w.next;
    const text = expandForCheck(w.word);
    if (text === null) continue;
    const eq = text.indexOf("=");
    if (isEnvName(text) || (assignments && eq > 0 && isEnvName(text.slice(0, eq)))) continue;
    return problemAt(
      w.from,
      w.to,
      `'${w.word}' is not a variable name${assignments ? " or NAME=value" : ""} (letters, digits and _, not starting with a digit): systemd ignores it`,
    );
  }
}
