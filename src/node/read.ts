import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { decodeLossless } from "../core/bytes.js";
import { errnoMessage } from "./collect.js";

/**
 * Larger files are refused without being read. Real unit files are a few KiB
 * (the largest of 50 Debian server packages and systemd's own units is under
 * 20 KiB); parsing costs about 2 KiB of memory per line, so a 50 MiB file
 * would need gigabytes before saying anything useful.
 */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** More lines than this are refused too (one million blank lines fit in 1 MiB). */
export const MAX_FILE_LINES = 100_000;

export type ReadResult = { ok: true; text: string; bytes: Uint8Array } | { ok: false; message: string };

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer
// forever (a file can be swapped for a FIFO between the walk and the read).
// Windows has no such flag (0) and no FIFOs to open.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

const mib = (n: number) => `${Number((n / 1024 / 1024).toFixed(1))} MiB`;
const tooLarge = (size: number) => `file is ${mib(size)}, larger than the ${mib(MAX_FILE_BYTES)} unitlint reads (unit files are a few KiB); not checked`;

/**
 * Read a file for checking: never blocks (FIFOs, devices and sockets are
 * refused after opening), refuses what cannot be a unit file (huge or
 * binary), notices a file that changes while it is read, and decodes the
 * rest losslessly. Never throws; a refusal is one line for the user.
 */
export function readUnitFile(path: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return { ok: false, message: errnoMessage(e) };
  }
  try {
    const before = fstatSync(fd);
    if (!before.isFile()) return { ok: false, message: `${kindOf(before)}, not a unit file; skipped` };
    if (before.size > MAX_FILE_BYTES) return { ok: false, message: tooLarge(before.size) };
    const read = readAll(fd, before.size);
    if (typeof read === "string") return { ok: false, message: read };
    const after = fstatSync(fd);
    // Half a write is not the file anyone will load; checking it would report phantom problems.
    if (after.size !== read.length || after.mtimeMs !== before.mtimeMs) {
      return { ok: false, message: "file changed while it was being read; not checked (run again)" };
    }
    const refusal = contentRefusal(read);
    if (refusal) return { ok: false, message: refusal };
    return { ok: true, text: decodeLossless(read).text, bytes: read };
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

/** The whole file, or a refusal when it grows past the limit while being read. */
function readAll(fd: number, expected: number): Buffer | string {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.max(65536, Math.min(expected - total + 1, MAX_FILE_BYTES + 1)));
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      // A regular file never says EAGAIN; a special file that slipped through would.
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") return "not a regular file, would block; skipped";
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_FILE_BYTES) return tooLarge(total);
    chunks.push(buf.subarray(0, n));
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/**
 * Why the bytes cannot be checked, if they cannot. A stray NUL byte alone does
 * not make a file binary: systemd ends a line there (read_line_full() in
 * src/basic/fileio.c) and so does our parser, so such a file is checked.
 */
export function contentRefusal(bytes: Uint8Array): string | undefined {
  if (bytes.indexOf(0) >= 0 && isBinary(bytes)) return "binary file, not a unit file; skipped";
  // systemd ends lines at \n, \r\n and a lone \r: the larger count of the two bytes bounds the lines.
  if (Math.max(count(bytes, 10), count(bytes, 13)) >= MAX_FILE_LINES) {
    return `file has more than ${MAX_FILE_LINES.toLocaleString("en")} lines (unit files have a few dozen); not checked`;
  }
  return undefined;
}

function count(bytes: Uint8Array, byte: number): number {
  let n = 0;
  for (let i = bytes.indexOf(byte); i >= 0 && n < MAX_FILE_LINES; i = bytes.indexOf(byte, i + 1)) n++;
  return n;
}

const MAGIC: number[][] = [
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x1f, 0x8b], // gzip
  [0x50, 0x4b, 0x03, 0x04], // zip
  [0x28, 0xb5, 0x2f, 0xfd], // zstd
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
  [0x89, 0x50, 0x4e, 0x47], // PNG
];

/** A known binary signature, or many control bytes in the first 8 KiB. */
function isBinary(bytes: Uint8Array): boolean {
  if (MAGIC.some((m) => m.every((b, i) => bytes[i] === b))) return true;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if ((b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 127) control++;
  }
  return control * 10 > n;
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device file";
  if (st.isSocket()) return "a socket";
  if (st.isDirectory()) return "a folder";
  return "not a regular file";
}
