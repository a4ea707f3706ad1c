import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import { join, sep } from "node:path";
import { decodeLossless } from "../core/bytes.js";
import { crontabFormatFor } from "../crontab/index.js";
import { UNIT_TYPES } from "../model/unit-name.js";
import { dropinTarget } from "../model/unit-file.js";

/** A problem with an input path itself (missing, unreadable, not a regular file...). */
export interface InputError {
  path: string;
  message: string;
}

interface Collected {
  files: string[];
  errors: InputError[];
  /** Things deliberately passed over while walking folders (FIFOs, devices, loops). */
  skipped: InputError[];
  /** Units linked from `*.wants/`/`*.requires/` folders: enabled (statically or by systemctl enable). */
  enabled: string[];
  /** Folders given as paths in which no unit file, drop-in, crontab or job file was found (a typo'd or wrong folder). */
  empty: string[];
}

const UNIT_SUFFIXES = new Set<string>(UNIT_TYPES);

/**
 * A unit file or a drop-in by its name, as `unitlint check` recognises them in
 * folders; also crontabs (`crontab`, `cron.d/*`) and `jobs/*.json` job files
 * (the linter then checks those JSON files by shape).
 */
export function isLintableName(path: string): boolean {
  if (dropinTarget(path)) return true;
  const slashed = path.split(sep).join("/");
  if (crontabFormatFor(slashed) || /(^|\/)jobs\/[^/]+\.json$/i.test(slashed)) return true;
  const base = path.slice(path.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 && UNIT_SUFFIXES.has(base.slice(dot + 1));
}

/** `foo.target.wants/` and `.requires/`/`.upholds/` folders hold enablement symlinks, not units of their own. */
function isEnablementDir(name: string): boolean {
  return /\.(wants|requires|upholds)$/.test(name);
}

/**
 * Expand the user's paths: files are taken as given, folders are walked for
 * unit files and drop-ins. Never throws; problems are returned per path.
 */
export function collectInputs(paths: string[], opts: { maxDepth?: number } = {}): Collected {
  const out: Collected = { files: [], errors: [], skipped: [], enabled: [], empty: [] };
  const seenFiles = new Set<string>();
  const maxDepth = opts.maxDepth ?? 64;
  // Lintable files met so far, duplicates included (a folder given twice still has files).
  let met = 0;
  const addFile = (p: string) => {
    met++;
    if (!seenFiles.has(p)) {
      seenFiles.add(p);
      out.files.push(p);
    }
  };

  const walk = (dir: string, depth: number, visited: Set<string>) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      out.errors.push({ path: dir, message: errnoMessage(e) });
      return;
    }
    if (visited.has(real)) {
      out.skipped.push({ path: dir, message: "symbolic link loop, folder already visited; skipped" });
      return;
    }
    if (depth > maxDepth) {
      out.skipped.push({ path: dir, message: `deeper than ${maxDepth} folders, not descended` });
      return;
    }
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      out.errors.push({ path: dir, message: errnoMessage(e) });
      visited.delete(real);
      return;
    }
    // Names that are not valid UTF-8 come back with U+FFFD in them and cannot be opened by that name.
    const invalid = entries.some((e) => e.name.includes("\ufffd")) ? invalidUtf8Names(dir) : new Map<string, string[]>();
    for (const entry of entries) {
      const name = entry.name;
      if (name === "node_modules" || name === ".git") continue;
      const p = join(dir, name);
      const raw = invalid.get(name);
      if (raw) {
        if (entry.isDirectory() || isLintableName(p)) for (const r of raw) out.errors.push({ path: join(dir, r), message: NOT_UTF8 });
        continue;
      }
      // The folder entry's own type needs no system call; only links and unknown types are followed with stat.
      let kind: "dir" | "file" | "other";
      if (entry.isDirectory()) kind = "dir";
      else if (entry.isFile()) kind = "file";
      else if (!entry.isSymbolicLink() && !isUnknownType(entry)) kind = "other";
      else {
        let st: Stats;
        try {
          st = statSync(p);
        } catch (e) {
          if (isLintableName(p)) {
            const code = (e as NodeJS.ErrnoException).code;
            // A dangling symlink named like a unit is how `systemctl mask` looks on some systems; not an error of ours.
            if (code === "ENOENT" && isSymlink(p)) out.skipped.push({ path: p, message: "dangling symbolic link (masked unit?); skipped" });
            else if (code === "ELOOP") out.skipped.push({ path: p, message: "symbolic link loop; skipped" });
            else out.errors.push({ path: p, message: errnoMessage(e) });
          }
          continue;
        }
        kind = st.isDirectory() ? "dir" : st.isFile() ? "file" : "other";
      }
      if (kind === "dir") {
        if (isEnablementDir(name)) {
          try {
            out.enabled.push(...readdirSync(p));
          } catch {
            /* an unreadable .wants folder only means we do not know what it enables */
          }
          continue;
        }
        walk(p, depth + 1, visited);
      } else if (kind === "file") {
        if (isLintableName(p)) addFile(p);
      } else if (isLintableName(p)) {
        // A unit linked to /dev/null is masked (systemctl mask): a normal thing, not worth a message.
        if (!isMasked(p)) out.skipped.push({ path: p, message: `${specialKind(p)}, not a unit file; skipped` });
      }
    }
    // Only the folders above this one count as a loop; a folder linked twice side by side is walked twice and its files deduplicated.
    visited.delete(real);
  };

  for (const p of paths) {
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      const lost = (e as NodeJS.ErrnoException).code === "ENOENT" && p.includes("\ufffd");
      out.errors.push({ path: p, message: errnoMessage(e) + (lost ? ARG_NOT_UTF8 : "") });
      continue;
    }
    if (st.isDirectory()) {
      const before = [met, out.errors.length, out.skipped.length];
      walk(p, 0, new Set());
      // A folder that yields nothing, and about which nothing else was said, is named (and fails the run) instead
      // of passing as "0 files, no problems".
      if (met === before[0] && out.errors.length === before[1] && out.skipped.length === before[2]) out.empty.push(p);
    } else if (st.isFile()) addFile(p);
    else out.errors.push({ path: p, message: `${specialKind(p)}, not a regular file or folder` });
  }
  return out;
}

const NOT_UTF8 = "the file name is not valid UTF-8 (shown with \\x escapes); not checked: rename it (systemd does not load units so named)";
const ARG_NOT_UTF8 = " (the name as given is not valid UTF-8: its bytes reach unitlint replaced with U+FFFD; check the folder that holds it)";

/**
 * The entries of `dir` whose names are not valid UTF-8: the name as Node
 * decodes it (with U+FFFD) to the real names, invalid bytes as `\xNN`.
 */
function invalidUtf8Names(dir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let names: Buffer[];
  try {
    names = readdirSync(dir, { encoding: "buffer" });
  } catch {
    return out;
  }
  for (const b of names) {
    const lossy = b.toString("utf8");
    if (Buffer.from(lossy, "utf8").equals(b)) continue;
    const shown = decodeLossless(b).text.replace(
      /(?<![\ud800-\udbff])[\udc80-\udcff]/g,
      (c) => `\\x${(c.charCodeAt(0) - 0xdc00).toString(16).padStart(2, "0")}`,
    );
    out.set(lossy, [...(out.get(lossy) ?? []), shown]);
  }
  return out;
}

/** Some file systems do not report entry types in folder listings (DT_UNKNOWN). */
function isUnknownType(entry: Dirent): boolean {
  return !entry.isFIFO() && !entry.isSocket() && !entry.isCharacterDevice() && !entry.isBlockDevice();
}

function specialKind(p: string): string {
  try {
    const st = statSync(p);
    if (st.isFIFO()) return "a FIFO (named pipe)";
    if (st.isSocket()) return "a socket";
    if (st.isCharacterDevice() || st.isBlockDevice()) return "a device file";
  } catch {
    /* gone already: say what we know */
  }
  return "not a regular file";
}

function isMasked(p: string): boolean {
  try {
    return realpathSync(p) === "/dev/null";
  } catch {
    return false;
  }
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

export function errnoMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "too many levels of symbolic links";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "EISDIR":
      return "is a folder";
    case "ENAMETOOLONG":
      return "path too long";
    case "EMFILE":
    case "ENFILE":
      return "too many open files";
    case "EIO":
      return "input/output error";
    case "ENXIO":
      return "no such device (a socket or device file), not a unit file";
    default:
      return err?.message ?? String(e);
  }
}
