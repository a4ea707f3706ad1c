/** DeviceAllow= (config_parse_device_allow): a device node under /dev/ (or a `char-`/`block-` class) and optional rights of r, w, m. */
import { problemAt, type ValueProblem } from "./problem.js";
import { expandForCheck, extractFirstWord, pathProblem, WHITESPACE } from "./scan.js";

export function deviceAllow(value: string): ValueProblem | null {
  if (value === "") return null;
  const dropped = "systemd ignores the line, so the service gets no access to that device";
  const w = extractFirstWord(value, 0, WHITESPACE, { unquote: true });
  if (w.errorAt !== undefined || w.word === null) return problemAt(w.errorAt ?? 0, (w.errorAt ?? 0) + 1, `no device path could be read: ${dropped}`);
  const path = expandForCheck(w.word);
  if (path !== null && !path.startsWith("block-") && !path.startsWith("char-")) {
    const why = pathProblem(path, "any");
    const simplified = path
      .replace(/\/+/g, "/")
      .replace(/(\/\.)+(?=\/|$)/g, "")
      .replace(/\/$/, "");
    if (why) return problemAt(w.from, w.to, `device path '${w.word}' ${why}: ${dropped}`);
    if (!/^\/(dev|run\/systemd\/inaccessible)(\/|$)/.test(simplified))
      return problemAt(w.from, w.to, `'${w.word}' is not a device node path under /dev/ or a class such as char-pts or block-loop: ${dropped}`);
  }
  const rights = w.next === null ? "" : value.slice(w.next);
  const bad = [...rights].findIndex((c) => !"rwm".includes(c));
  if (bad >= 0) {
    const at = (w.next ?? 0) + bad;
    return problemAt(at, at + 1, `'${rights[bad]}' in '${rights}' is not a device right (r = read, w = write, m = mknod): ${dropped}`);
  }
  return null;
}
