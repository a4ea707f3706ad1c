import { chmodSync, chownSync, closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { encodeLossless } from "../core/bytes.js";

/**
 * Replace a file's content atomically: write a temporary file in the same
 * folder, keep the original's mode (and owner, where permitted), fsync, then
 * rename over the original. On any failure the original is untouched.
 */
export function writeFileAtomic(path: string, text: string, hooks: { beforeRename?: (tmp: string) => void } = {}): void {
  const st = statSync(path);
  const tmp = join(dirname(path), `.${basename(path)}.unitlint-${process.pid}-${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", st.mode & 0o7777);
    const bytes = encodeLossless(text);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(tmp, st.mode & 0o7777);
    try {
      chownSync(tmp, st.uid, st.gid);
    } catch {
      /* not permitted for non-root users: the file keeps our ownership */
    }
    hooks.beforeRename?.(tmp);
    renameSync(tmp, path);
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
