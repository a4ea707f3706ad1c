/** BindPaths=/BindReadOnlyPaths= (config_parse_bind_paths): `[-]SRC[:DEST[:OPTIONS]] ...`, OPTIONS being rbind or norbind. */
import { problemAt, type ValueProblem } from "./problem.js";
import { expandForCheck, extractFirstWord, pathProblem, WHITESPACE } from "./scan.js";

const SEPARATORS = ":" + WHITESPACE;

export function bindPaths(value: string, setting: string): ValueProblem | null {
  if (value === "") return null;
  const dropped = `systemd ignores this bind mount, so it is not set up`;
  const unterminated = (at: number) => problemAt(at, at + 1, `unterminated quote or trailing backslash: systemd ignores the rest of ${setting}=`);
  for (let p: number | null = 0; ;) {
    const src = extractFirstWord(value, p, SEPARATORS, { unquote: true, dontCoalesce: true });
    if (src.errorAt !== undefined) return unterminated(src.errorAt);
    if (src.word === null) return null;
    p = src.next;
    const s = src.word.startsWith("-") ? src.word.slice(1) : src.word;
    const sx = expandForCheck(s);
    const sWhy = sx === null ? null : pathProblem(sx, "absolute");
    if (sWhy) return problemAt(src.from, Math.max(src.to, src.from + 1), `source '${s}' ${sWhy}: ${dropped}`);
    if (p === null || value[p - 1] !== ":") continue;
    const dst = extractFirstWord(value, p, SEPARATORS, { unquote: true, dontCoalesce: true });
    if (dst.errorAt !== undefined) return unterminated(dst.errorAt);
    if (dst.word === null) return problemAt(p - 1, p, `nothing after ':': ${dropped}`);
    p = dst.next;
    const dx = expandForCheck(dst.word);
    const dWhy = dx === null ? null : pathProblem(dx, "absolute");
    if (dst.word === "") return problemAt(dst.from - 1, dst.from, `nothing after ':' (a destination path belongs there): ${dropped}`);
    if (dWhy) return problemAt(dst.from, Math.max(dst.to, dst.from + 1), `destination '${dst.word}' ${dWhy}: ${dropped}`);
    if (p === null || value[p - 1] !== ":") continue;
    const opt = extractFirstWord(value, p, WHITESPACE, { unquote: true });
    if (opt.errorAt !== undefined) return unterminated(opt.errorAt);
    p = opt.next;
    const o = opt.word ?? "";
    if (o !== "" && o !== "rbind" && o !== "norbind")
      return problemAt(
        opt.from,
        opt.to,
        `'${o}' is not a bind mount option (rbind or norbind${setting === "BindPaths" && /\bro\b/.test(o) ? "; read-only mounts go in BindReadOnlyPaths=" : ""}): ${dropped}`,
      );
  }
}
