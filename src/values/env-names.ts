/** PassEnvironment= and UnsetEnvironment= (config_parse_pass_environ/unset_environ): variable names (UnsetEnvironment= also NAME=value). */
import { problemAt, type ValueProblem } from "./problem.js";
import { eachWord, expandForCheck, unfinishedWord, WHITESPACE } from "./scan.js";

/** env_name_is_valid(): letters, digits and '_', not starting with a digit. */
export const isEnvName = (s: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);

export function envNames(value: string, setting: string): ValueProblem | null {
  const assignments = setting === "UnsetEnvironment";
  // UnsetEnvironment= decodes C escapes while it splits (EXTRACT_CUNESCAPE), PassEnvironment= does not; the names are
  // added only after the whole line is read, so a failure anywhere drops the line
  return eachWord(
    value,
    WHITESPACE,
    { unquote: true, cunescape: assignments },
    (w) => {
      const text = expandForCheck(w.word);
      if (text === null) return null;
      const eq = text.indexOf("=");
      if (isEnvName(text) || (assignments && eq > 0 && isEnvName(text.slice(0, eq)))) return null;
      return problemAt(
        w.from,
        w.to,
        `'${w.word}' is not a variable name${assignments ? " or NAME=value" : ""} (letters, digits and _, not starting with a digit): systemd ignores it`,
      );
    },
    (w) =>
      w.error === "escape"
        ? problemAt(
            w.errorAt,
            w.errorAt + 2,
            `'${value.slice(w.errorAt, w.errorAt + 2)}' is not an escape systemd knows: it ignores the whole line (${setting}= "trailing garbage")`,
          )
        : unfinishedWord(w, "the whole line"),
  );
}
