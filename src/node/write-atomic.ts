import { chmodSync, chownSync, closeSync, fsyncSync, linkSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { encodeLossless } from "../core/bytes.js";

export interface AtomicWriteHooks {
  /** Called with the finished temporary file just before it replaces the original (tests simulate failures here). */
  beforeRename?: (tmp: string) => void;
}

/**
 * Replace a file's content atomically: write a temporary file in the same
 * folder, give it the original's mode (and owner, where permitted), fsync,
 * then rename it over the original. A symbolic link is followed, so the link
 * stays a link (units in /etc/systemd/system often point elsewhere). On any
 * failure the original is untouched and the temporary file removed.
 * Invalid UTF-8 kept as surrogate escapes (core/bytes.ts) is written back as
 * the original bytes.
 */
export function writeFileAtomic(path: string, text: string, hooks: AtomicWriteHooks = {}): void {
  const target = realpathSync(path);
  const st = statSync(target);
  const dir = dirname(target);
  withTempFile(dir, basename(target), text, st.mode & 0o7777, (tmp) => {
    try {
      chownSync(tmp, st.uid, st.gid);
    } catch {
      /* only root may give a file away: a non-root user's fixed file stays theirs */
    }
    hooks.beforeRename?.(tmp);
    renameSync(tmp, target);
  });
  syncFolder(dir);
}

/**
 * Create a new file atomically (temporary file in the same folder, fsync,
 * then a hard link to the final name), mode 0644. Fails with EEXIST instead
 * of replacing a file that appeared meanwhile.
 */
export function createFileAtomic(path: string, text: string): void {
  const dir = dirname(path);
  withTempFile(dir, basename(path), text, 0o644, (tmp) => {
    linkSync(tmp, path); // unlike rename, link refuses to replace an existing file
    unlinkSync(tmp);
  });
  syncFolder(dir);
}

/**
 * Write `text` to a fresh temporary file beside `name` with exactly `mode`,
 * fsync it, and hand it to `place`; on any failure the temporary file is
 * removed and the error rethrown.
 */
function withTempFile(dir: string, name: string, text: string, mode: number, place: (tmp: string) => void): void {
  const { tmp, fd: opened } = createTempFile(dir, name, mode);
  let fd: number | undefined = opened;
  try {
    const bytes = encodeLossless(text);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    // open() applies the umask; set the mode exactly
    chmodSync(tmp, mode);
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
