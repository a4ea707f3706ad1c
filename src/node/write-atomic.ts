import {
  chmodSync,
  chownSync,
  closeSync,
  fstatSync,
  fsyncSync,
  linkSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { encodeLossless } from "../core/bytes.js";

export interface AtomicWriteHooks {
  /** Called with the finished temporary file just before it replaces the original (tests simulate failures here). */
  beforeRename?: (tmp: string) => void;
  /**
   * The text the new content was computed from (as read, decoded losslessly). The file must still
   * hold exactly it just before the rename; otherwise another program wrote to it meanwhile, and
   * replacing it would lose that write: the file is left alone and FileRefusedError thrown.
   */
  expected?: string;
}

/** The file is not replaced, for a reason that is not an I/O error (changed meanwhile, read-only, hard links). */
export class FileRefusedError extends Error {}

/**
 * Replace a file's content atomically: write a temporary file in the same
 * folder, give it the original's owner (where permitted) and then its mode
 * (in that order: chown clears the setuid and setgid bits), fsync, then
 * rename it over the original. A symbolic link is followed, so the link
 * stays a link (units in /etc/systemd/system often point elsewhere). On any
 * failure the original is untouched and the temporary file removed.
 * Invalid UTF-8 kept as surrogate escapes (core/bytes.ts) is written back as
 * the original bytes.
 *
 * Refused (FileRefusedError, nothing written): a file without any write bit
 * (mode 0444: someone meant it to stay as it is), a file with more than one
 * hard link (the rename would give this name a new file and leave the other
 * names with the old content; writing in place instead would not be atomic),
 * and a file that no longer holds `expected`.
 */
export function writeFileAtomic(path: string, text: string, hooks: AtomicWriteHooks = {}): void {
  const target = realpathSync(path);
  const st = statSync(target);
  if ((st.mode & 0o222) === 0) throw new FileRefusedError(`it is read-only, mode ${(st.mode & 0o7777).toString(8).padStart(4, "0")}`);
  if (st.nlink > 1) throw new FileRefusedError(`it has ${st.nlink} hard links and replacing it would split them; apply the --fix-dry-run diff by hand`);
  if (hooks.expected !== undefined) checkUnchanged(target, st, hooks.expected);
  const dir = dirname(target);
  const own = (tmp: string) => {
    try {
      chownSync(tmp, st.uid, st.gid);
    } catch {
      /* only root may give a file away: a non-root user's fixed file stays theirs */
    }
  };
  withTempFile(dir, basename(target), text, st.mode & 0o7777, own, (tmp) => {
    hooks.beforeRename?.(tmp);
    // As late as possible: a write by another program after this check and before the rename is still lost.
    if (hooks.expected !== undefined) checkUnchanged(target, st, hooks.expected);
    renameSync(tmp, target);
  });
  syncFolder(dir);
}

/** Throws FileRefusedError unless `target` is still the file `before` described and holds exactly `expected`. */
function checkUnchanged(target: string, before: Stats, expected: string): void {
  const want = encodeLossless(expected);
  const changed = () => new FileRefusedError("it changed since it was read (another program wrote to it); run again");
  let fd: number;
  try {
    fd = openSync(target, "r");
  } catch {
    throw changed();
  }
  try {
    const now = fstatSync(fd);
    if (now.ino !== before.ino || now.dev !== before.dev || now.size !== want.length) throw changed();
    const got = Buffer.allocUnsafe(want.length + 1);
    let n = 0;
    for (let r; n < got.length && (r = readSync(fd, got, n, got.length - n, n)) > 0;) n += r;
    if (n !== want.length || !got.subarray(0, n).equals(want)) throw changed();
  } finally {
    closeSync(fd);
  }
}

/**
 * Write a report (`check -o FILE`) so that a failure (a full disk) leaves the
 * old report, or none, rather than a truncated one: a temporary file beside
 * it, renamed over it. An existing report keeps its mode; a new one gets the
 * usual 0666 minus the umask. A target that is not a regular file
 * (`/dev/stdout`, a FIFO) cannot be replaced and is written directly.
 */
export function writeReportAtomic(path: string, text: string): void {
  let target = path;
  let mode: number | undefined;
  try {
    target = realpathSync(path);
    const st = statSync(target);
    if (!st.isFile()) {
      writeFileSync(target, text);
      return;
    }
    mode = st.mode & 0o7777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const dir = dirname(target);
  withTempFile(dir, basename(target), text, mode, undefined, (tmp) => renameSync(tmp, target));
  syncFolder(dir);
}

/**
 * Create a new file atomically (temporary file in the same folder, fsync,
 * then a hard link to the final name), mode 0644. Fails with EEXIST instead
 * of replacing a file that appeared meanwhile.
 */
export function createFileAtomic(path: string, text: string): void {
  const dir = dirname(path);
  withTempFile(dir, basename(path), text, 0o644, undefined, (tmp) => {
    linkSync(tmp, path); // unlike rename, link refuses to replace an existing file
    unlinkSync(tmp);
  });
  syncFolder(dir);
}

/**
 * Write `text` to a fresh temporary file beside `name`, give it its owner
 * (`own`) and then exactly `mode`, fsync it, and hand it to `place`; on any failure the temporary file is
 * removed and the error rethrown.
 */
function withTempFile(
  dir: string,
  name: string,
  text: string,
  mode: number | undefined,
  own: ((tmp: string) => void) | undefined,
  place: (tmp: string) => void,
): void {
  const { tmp, fd: opened } = createTempFile(dir, name, mode ?? 0o666);
  let fd: number | undefined = opened;
  try {
    const bytes = encodeLossless(text);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    // The owner first: chown clears the setuid and setgid bits (4754 became 0754 the other way round).
    own?.(tmp);
    // open() applies the umask; set the mode exactly (undefined: a new file, the umask applies)
    if (mode !== undefined) chmodSync(tmp, mode);
    place(tmp);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}

let tempCounter = 0;

/**
 * Create a new temporary file beside `name`, never reusing an existing path
 * (O_EXCL): a name that is taken is skipped, not removed, since it belongs to
 * someone else. The name need not be unpredictable, only unused (node:crypto
 * is not loaded for it: that costs start-up on every run).
 */
function createTempFile(dir: string, name: string, mode: number): { tmp: string; fd: number } {
  for (let attempt = 0; ; attempt++) {
    const tag = `${process.pid}-${Date.now().toString(36)}-${(tempCounter++).toString(36)}${Math.floor(Math.random() * 0x10000).toString(16)}`;
    const tmp = join(dir, `.${name}.unitlint-${tag}.tmp`);
    try {
      return { tmp, fd: openSync(tmp, "wx", mode) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 100) throw e;
    }
  }
}

/** Make a rename or link durable; not every platform can fsync a folder. */
function syncFolder(dir: string): void {
  try {
    const dfd = openSync(dir, "r");
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    /* best effort */
  }
}
