import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { decodeLossless, looksBinary } from "../core/bytes.js";
import { errnoMessage } from "./collect.js";

/** Larger files are refused rather than read whole (a unit file is a few KiB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type ReadResult = { ok: true; text: string; bytes: Uint8Array } | { ok: false; message: string };

/**
 * Read a file without blocking on FIFOs (O_NONBLOCK is not portable; we only
 * open regular files, re-checked after open) and decode it losslessly.
 */
export function readUnitFile(path: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    return { ok: false, message: errnoMessage(e) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, message: "not a regular file" };
    if (st.size > MAX_FILE_BYTES) return { ok: false, message: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; not a unit file` };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.max(65536, Math.min(st.size + 1, MAX_FILE_BYTES)));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_FILE_BYTES) return { ok: false, message: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; not a unit file` };
      chunks.push(buf.subarray(0, n));
    }
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    if (looksBinary(bytes)) return { ok: false, message: "binary file (contains NUL bytes), not a unit file" };
    return { ok: true, text: decodeLossless(bytes).text, bytes };
  } catch (e) {
    return { ok: false, message: errnoMessage(e) };
  } finally {
    closeSync(fd);
  }
}
