/** Lists of paths: ReadOnlyPaths= and friends (absolute, `-`/`+` prefixes), StateDirectory= and friends (relative, `:` symlink). */
import { FATAL_PATH_SETTINGS } from "../knowledge/parser-traits.js";
import { didYouMean, problemAt, withSuggestion, type ValueProblem } from "./problem.js";
import { badEscapeEnd, badEscapeText, eachWord, expandForCheck, extractFirstWord, pathProblem, unfinishedWord, WHITESPACE } from "./scan.js";

const EFFECT: Record<string, string> = {
  ReadOnlyPaths: "it stays writable",
  InaccessiblePaths: "it stays accessible",
  ReadWritePaths: "it is not made writable",
  ExecPaths: "it is not made executable",
  NoExecPaths: "programs there can still be run",
};

/** ReadWritePaths=, ReadOnlyPaths=, InaccessiblePaths=, ExecPaths=, NoExecPaths= (config_parse_namespace_path_strv). */
export function namespacePaths(value: string, setting: string): ValueProblem | null {
  return eachWord(
    value,
    WHITESPACE,
    { unquote: true },
    (w) => {
      let path = w.word;
      if (path.startsWith("-")) path = path.slice(1);
      if (path.startsWith("+")) path = path.slice(1);
      const expanded = expandForCheck(path);
      const why = expanded === null ? null : pathProblem(expanded, "absolute");
      if (!why) return null;
      const hint = path.startsWith("~") ? " (~ is not expanded here; the prefixes are - and +)" : "";
      return problemAt(w.from, w.to, `'${path}' ${why}${hint}: systemd ignores this path, so ${EFFECT[setting] ?? "the setting does not apply to it"}`);
    },
    (w) => unfinishedWord(w, `the rest of ${setting}=`),
  );
}

/** The directories the relative paths are taken from (for the system manager). */
const BASES: Record<string, string> = {
  RuntimeDirectory: "/run/",
  StateDirectory: "/var/lib/",
  CacheDirectory: "/var/cache/",
  LogsDirectory: "/var/log/",
  ConfigurationDirectory: "/etc/",
};

/** RuntimeDirectory=, StateDirectory=, CacheDirectory=, LogsDirectory=, ConfigurationDirectory= (config_parse_exec_directories). */
export function execDirectories(value: string, setting: string): ValueProblem | null {
  const dropped = "systemd ignores this directory, so it is not created";
  for (let p: number | null = 0; ;) {
    // quotes are removed and backslashes kept; they are decoded when the word is cut at ':'
    const w = extractFirstWord(value, p, WHITESPACE, { unquote: true, retainEscape: true });
    if (w.errorAt !== undefined) return problemAt(w.errorAt, w.errorAt + 1, `unterminated quote: systemd ignores the rest of ${setting}=`);
    if (w.word === null) return null;
    p = w.next;
    // SOURCE[:DEST]: extract_many_words() on ':' with separators coalesced, so leading colons are skipped (a '\\:' keeps one)
    const src0 = extractFirstWord(w.word, 0, ":", { cunescape: true });
    const dest0 = src0.errorAt === undefined ? extractFirstWord(w.word, src0.next, ":", { cunescape: true }) : src0;
    if (dest0.errorAt !== undefined) {
      const at = w.at[dest0.errorAt]!;
      const to = w.at[badEscapeEnd(w.word, dest0.errorAt) - 1]! + 1;
      return problemAt(at, to, `${badEscapeText(value.slice(at, to))}: systemd ignores the rest of ${setting}=`);
    }
    const src = src0.word ?? "";
    const dest = dest0.word ?? undefined;
    if (src === "") return problemAt(w.from, w.to, `'${w.word}' names no directory: systemd ignores the rest of ${setting}=`);
    const srcExpanded = expandForCheck(src);
    if (srcExpanded === null) continue;
    const why = pathProblem(srcExpanded, "relative");
    if (why) {
      const base = BASES[setting];
      const inBase = base && src.startsWith(base) && src.length > base.length ? src.slice(base.length) : undefined;
      const shape = src.startsWith("/") ? `'${src}' is absolute, but ${setting}= takes a path below ${base ?? "its base directory"}` : `'${src}' ${why}`;
      const p = problemAt(w.from, w.to, `${shape}: ${dropped}`);
      // the suggestion replaces the whole word, so only offer it when the word is just the plain path
      return inBase === undefined
        ? p
        : w.word === src && value.slice(w.from, w.to) === src
          ? withSuggestion(p, inBase)
          : { ...p, message: p.message + didYouMean(inBase) };
    }
    if (/^private(\/|$)/.test(srcExpanded.replace(/^(\.\/)+/, "")))
      return problemAt(w.from, w.to, `'${src}' is reserved ('private' is where DynamicUser= keeps its directories): ${dropped}`);
    const destExpanded = dest === undefined ? null : expandForCheck(dest);
    if (dest === undefined || dest === "" || destExpanded === null) continue;
    if (setting === "ConfigurationDirectory") return problemAt(w.from, w.to, `ConfigurationDirectory= takes no ':' symlink destination: ${dropped}`);
    const dWhy = pathProblem(destExpanded, "relative");
    if (dWhy) return problemAt(w.from, w.to, `symlink destination '${dest}' ${dWhy}: ${dropped}`);
  }
}

/** TemporaryFileSystem= (config_parse_temporary_filesystems): `PATH[:OPTIONS] ...`; the options go to mount(2) unchecked. */
export function temporaryFileSystems(value: string, setting: string): ValueProblem | null {
  return eachWord(
    value,
    WHITESPACE,
    { unquote: true },
    (w) => {
      const path = extractFirstWord(w.word, 0, ":", { dontCoalesce: true });
      if (path.errorAt !== undefined || path.word === null)
        return problemAt(w.from, w.to, `'${w.word}' cannot be read as PATH[:OPTIONS]: systemd ignores it, so no file system is mounted there`);
      const expanded = expandForCheck(path.word);
      const why = expanded === null ? null : pathProblem(expanded, "absolute");
      return why ? problemAt(w.from, w.to, `'${path.word}' ${why}: systemd ignores it, so no file system is mounted there`) : null;
    },
    (w) => unfinishedWord(w, `the rest of ${setting}=`),
  );
}

/** IPIngressFilterPath=/IPEgressFilterPath= (config_parse_ip_filter_bpf_progs): one absolute path of a pinned BPF program. */
export function bpfProgramPath(value: string, setting: string): ValueProblem | null {
  if (value === "") return null;
  const expanded = expandForCheck(value);
  const why = expanded === null ? null : pathProblem(expanded, "absolute");
  return why ? problemAt(0, value.length, `'${value}' ${why}: systemd ignores the line, so ${setting}= attaches no program to the traffic`) : null;
}

/** The prefixes a single-path handler strips before it checks the path, in order. */
const PATH_PREFIXES: Record<string, string[]> = {
  unit_condition_path: ["|", "!"],
  unit_env_file: ["-"],
  working_directory: ["-"],
};

/**
 * One absolute path (config_parse_unit_path_printf, ConditionPath*=, PathExists= and friends, PIDFile=,
 * EnvironmentFile=, WorkingDirectory=): after the handler's prefixes and the specifiers, path_simplify_and_warn()
 * wants it absolute, of a valid length and without '..'.
 */
export function singlePath(value: string, setting: string, parser: string): ValueProblem | null {
  // loading/invalid-path reports these: systemd refuses the whole unit over them (a '-' before WorkingDirectory= makes
  // a bad path a line systemd ignores instead)
  if (value === "" || (FATAL_PATH_SETTINGS.includes(setting) && !(setting === "WorkingDirectory" && value.startsWith("-")))) return null;
  let from = 0;
  for (const p of PATH_PREFIXES[parser] ?? []) if (value.startsWith(p, from)) from += p.length;
  const path = value.slice(from);
  if (parser === "working_directory" && path === "~") return null;
  const expanded = expandForCheck(path);
  if (expanded === null) return null;
  // PIDFile= takes a relative path as one below /run
  const why = pathProblem(expanded, parser === "pid_file" ? "any" : "absolute");
  if (!why) return null;
  const hint = path.startsWith("~") && parser === "working_directory" ? " (only ~ alone means the home directory)" : "";
  return problemAt(from, value.length, `'${path}' ${why}${hint}: systemd ignores the line, so ${setting}= does not apply`);
}

/** Whitespace-separated absolute paths (RequiresMountsFor=, Symlinks=). */
export function absolutePaths(value: string, setting: string): ValueProblem | null {
  return eachWord(
    value,
    WHITESPACE,
    { unquote: true },
    (w) => {
      const expanded = expandForCheck(w.word);
      const why = expanded === null ? null : pathProblem(expanded, "absolute");
      return why ? problemAt(w.from, w.to, `'${w.word}' ${why}: systemd ignores this path`) : null;
    },
    (w) => unfinishedWord(w, `the rest of ${setting}=`),
  );
}
