import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { decodeLossless } from "../core/bytes.js";
import { errnoMessage } from "./collect.js";
import { contentRefusal, MAX_FILE_BYTES, overLimit, tooLarge, type ReadResult } from "./limits.js";

export { contentRefusal, MAX_FILE_BYTES, MAX_FILE_LINES, readStream, textRefusal, type ReadResult } from "./limits.js";

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer
// forever (a file can be swapped for a FIFO between the walk and the read).
// Windows has no such flag (0) and no FIFOs to open.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Read a file for checking: never blocks (FIFOs, devices and sockets are
 * refused after opening), refuses what cannot be a unit file (huge or
 * binary), notices a file that changes while it is read, and decodes the
 * rest losslessly. Never throws; a refusal is one line for the user.
 */
export function readUnitFile(path: string): ReadResult {
  const r = readRegularFile(path, MAX_FILE_BYTES);
  if (!r.ok) return r;
  const refusal = contentRefusal(r.bytes);
  if (refusal) return { ok: false, message: refusal };
  return { ok: true, text: decodeLossless(r.bytes).text, bytes: r.bytes };
}

type BytesResult = { ok: true; bytes: Buffer } | { ok: false; message: string };

/**
 * The bytes of a regular file of at most `maxBytes`, read without blocking
 * (a FIFO, device or socket is refused after opening, not read), or a
 * one-line refusal. Used for unit files and for configuration files, found
 * or named with `-c`. Never throws.
 */
export function readRegularFile(path: string, maxBytes: number, what = "a unit file; skipped"): BytesResult {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return { ok: false, message: errnoMessage(e) };
  }
  try {
    const before = fstatSync(fd);
    if (!before.isFile()) return { ok: false, message: `${kindOf(before)}, not ${what}` };
    if (before.size > maxBytes) return { ok: false, message: tooLarge(before.size, maxBytes) };
    const read = readAll(fd, before.size, maxBytes);
    if (typeof read === "string") return { ok: false, message: read };
    const after = fstatSync(fd);
    // Half a write is not the file anyone will load; checking it would report phantom problems.
    if (after.size !== read.length || after.mtimeMs !== before.mtimeMs) {
      return { ok: false, message: "file changed while it was being read; not checked (run again)" };
    }
    return { ok: true, bytes: read };
  } catch (e) {
    return { ok: false, message: errnoMessage(e) };
  } finally {
    try {
      closeSync(fd);
    } catch {
      /* nothing left to do with a descriptor that will not close */
    }
  }
}

/**
 * Where files are read into, reused: a buffer of its own for each file (64 KiB, whatever the file's size) made
 * a run over thousands of files allocate hundreds of megabytes for a few kilobytes each. Each file's bytes are
 * copied out at its exact size; the buffer grows for a large file and shrinks back after it.
 */
const SCRATCH_BYTES = 65536;
let scratch = Buffer.allocUnsafe(SCRATCH_BYTES);

/** The whole file, or a refusal when it grows past the limit while being read. */
function readAll(fd: number, expected: number, maxBytes: number): Buffer | string {
  // Room for one byte more than expected: the file is read to its end, so growth while reading shows.
  const want = Math.min(expected + 1, maxBytes + 1);
  if (scratch.length < want) scratch = Buffer.allocUnsafe(want);
  let total = 0;
  try {
    for (;;) {
      if (total === scratch.length) {
        const bigger = Buffer.allocUnsafe(Math.min(scratch.length * 2, maxBytes + 1));
        scratch.copy(bigger, 0, 0, total);
        scratch = bigger;
      }
      let n: number;
      try {
        n = readSync(fd, scratch, total, scratch.length - total, null);
      } catch (e) {
        // A regular file never says EAGAIN; a special file that slipped through would.
        if ((e as NodeJS.ErrnoException).code === "EAGAIN") return "not a regular file, would block; skipped";
        throw e;
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) return overLimit(maxBytes);
      // All fstat() promised: the caller's second fstat() tells a file that grew meanwhile, so the read that
      // would return 0 is saved.
      if (total === expected && expected > 0) break;
    }
    return Buffer.from(scratch.subarray(0, total));
  } finally {
    if (scratch.length > 16 * SCRATCH_BYTES) scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
  }
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device file";
  if (st.isSocket()) return "a socket";
  if (st.isDirectory()) return "a folder";
  return "not a regular file";
}
