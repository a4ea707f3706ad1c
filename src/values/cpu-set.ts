/** CPU and NUMA node sets (parse_cpu_set_full()): indexes and ranges (`0-3`) separated by spaces or commas. */
import { problemAt, type ValueProblem } from "./problem.js";
import { eachWord, expandForCheck, safeAtou, unfinishedWord, WHITESPACE } from "./scan.js";

/** The highest CPU index + 1 systemd accepts (cpu_set_add()). */
const CPU_LIMIT = 8192;

/**
 * AllowedCPUs=, StartupAllowedCPUs=, AllowedMemoryNodes=, StartupAllowedMemoryNodes=, CPUAffinity= (also `numa`),
 * NUMAMask= (also `all`). A bad index drops the whole line; a reversed range is dropped with a warning.
 */
export function cpuSet(value: string, special?: string, expands = true): ValueProblem | null {
  if (value === "" || value === special) return null;
  // NUMAMask= takes the value literally; the others expand specifiers first (what %% and %n give is known)
  if (expands && value.includes("%")) {
    const expanded = expandForCheck(value);
    if (expanded === null) return null;
    const p = cpuSet(expanded, special, false);
    return p && { ...p, message: `${p.message} (after specifier expansion: '${expanded}')`, from: 0, to: value.length };
  }
  const what = special === "all" ? "NUMA node" : "CPU";
  return eachWord(
    value,
    WHITESPACE + ",",
    { unquote: true },
    (w) => {
      const dash = w.word.indexOf("-");
      const lo = safeAtou(dash < 0 ? w.word : w.word.slice(0, dash));
      const hi = dash < 0 ? lo : dash === w.word.length - 1 ? undefined : safeAtou(w.word.slice(dash + 1));
      const alts = special ? `, a range such as 0-3${special === "numa" ? " or 'numa'" : " or 'all'"}` : " or a range such as 0-3";
      if (lo === undefined || hi === undefined) return problemAt(w.from, w.to, `'${w.word}' is not a ${what} index${alts}: systemd ignores the whole line`);
      if (lo > hi) return problemAt(w.from, w.to, `range '${w.word}' runs backwards (${lo} > ${hi}): systemd ignores this range`);
      if (hi >= CPU_LIMIT)
        return problemAt(w.from, w.to, `${what} ${hi} is beyond the highest index systemd takes (${CPU_LIMIT - 1}): systemd ignores the whole line`);
      return null;
    },
    (w) => unfinishedWord(w, "the whole line"),
  );
}
