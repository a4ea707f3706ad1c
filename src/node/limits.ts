import { readSync } from "node:fs";
import { decodeLossless } from "../core/bytes.js";

// The read limits for unit files and standard input, with no heavier imports:
// every command's I/O (cli/io.ts) loads this at start-up.

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

const mib = (n: number) => `${Number((n / 1024 / 1024).toFixed(1))} MiB`;
const limitNote = (max: number) =>
  max === MAX_FILE_BYTES
    ? `larger than the ${mib(max)} unitlint reads (unit files are a few KiB); not checked`
    : `larger than the ${mib(max)} unitlint reads; not read`;
/** The size is known (a file's stat): say it. A stream or a growing file is stopped at the limit: say only that. */
export const tooLarge = (size: number, max = MAX_FILE_BYTES) => `file is ${mib(size)}, ${limitNote(max)}`;
export const overLimit = (max = MAX_FILE_BYTES) => `file is ${limitNote(max)}`;
const tooManyLines = () => `file has more than ${MAX_FILE_LINES.toLocaleString("en")} lines (unit files have a few dozen); not checked`;

/**
 * Why the bytes cannot be checked, if they cannot. A stray NUL byte alone does
 * not make a file binary: systemd ends a line there (read_line_full() in
 * src/basic/fileio.c) and so does our parser, so such a file is checked.
 */
export function contentRefusal(bytes: Uint8Array): string | undefined {
  if (bytes.indexOf(0) >= 0 && isBinary(bytes)) return "binary file, not a unit file; skipped";
  // systemd ends lines at \n, \r\n and a lone \r: the larger count of the two bytes bounds the lines.
  if (Math.max(count(bytes, 10), count(bytes, 13)) >= MAX_FILE_LINES) {
    return tooManyLines();
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

/**
 * Standard input, under the limits a file gets, enforced while reading: a
 * stream has no size to check first (`check - < /dev/zero` once grew to
 * 8 GB), so reading stops at the byte limit or the line limit, whichever
 * comes first. Waits for a writer like any stream reader; never throws.
 */
export function readStream(fd: number): ReadResult {
  const chunks: Buffer[] = [];
  let total = 0;
  let lf = 0;
  let cr = 0;
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(65536);
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // A non-blocking pipe or terminal with nothing to read yet: wait a little, as a blocking read would.
        if (code === "EAGAIN") {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
          continue;
        }
        if (code === "EOF") break; // Windows: a closed pipe
        throw e;
      }
      if (n === 0) break;
      total += n;
      if (total > MAX_FILE_BYTES) return { ok: false, message: overLimit() };
      const chunk = buf.subarray(0, n);
      lf += countAll(chunk, 10);
      cr += countAll(chunk, 13);
      if (Math.max(lf, cr) >= MAX_FILE_LINES) return { ok: false, message: tooManyLines() };
      chunks.push(chunk);
    }
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  const bytes = Buffer.concat(chunks, total);
  const refusal = contentRefusal(bytes);
  if (refusal) return { ok: false, message: refusal };
  return { ok: true, text: decodeLossless(bytes).text, bytes };
}

/** The same refusals for text that is already in memory (standard input supplied by a caller). */
export function textRefusal(text: string): string | undefined {
  // A UTF-16 code unit is at most 3 bytes of UTF-8: only a long text needs encoding to know its size.
  if (text.length * 3 > MAX_FILE_BYTES) {
    const size = Buffer.byteLength(text, "utf8");
    if (size > MAX_FILE_BYTES) return tooLarge(size);
  }
  return contentRefusal(Buffer.from(text, "utf8"));
}

function countAll(bytes: Uint8Array, byte: number): number {
  let n = 0;
  for (let i = bytes.indexOf(byte); i >= 0; i = bytes.indexOf(byte, i + 1)) n++;
  return n;
}
