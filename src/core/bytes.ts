/**
 * Lossless byte <-> string conversion. Valid UTF-8 decodes as usual; every byte
 * of an invalid sequence becomes a lone surrogate U+DC80..U+DCFF (Python's
 * "surrogateescape"), which never occurs in decoded valid UTF-8, so encoding
 * gives back the exact input bytes and invalid spots stay visible to rules.
 */
export function decodeLossless(bytes: Uint8Array): { text: string; invalidUtf8: boolean } {
  // Nearly every file is valid UTF-8: one native decode, where the byte loop below ran in JavaScript.
  try {
    return { text: strictDecoder.decode(bytes), invalidUtf8: false };
  } catch {
    // an invalid sequence somewhere: decode piece by piece, escaping each invalid byte
  }
  let out = "";
  let invalid = false;
  let chunkStart = 0;
  const parts: string[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
  let i = 0;
  const n = bytes.length;
  const flush = (end: number) => {
    if (end > chunkStart) parts.push(decoder.decode(bytes.subarray(chunkStart, end)));
  };
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = validSequenceLength(bytes, i);
    if (len > 0) {
      i += len;
      continue;
    }
    invalid = true;
    flush(i);
    parts.push(String.fromCharCode(0xdc00 + b));
    i++;
    chunkStart = i;
  }
  flush(n);
  out = parts.join("");
  return { text: out, invalidUtf8: invalid };
}

/** Throws on the first invalid sequence; the same notion of valid UTF-8 as validSequenceLength (no overlongs, no surrogates). */
const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function validSequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  const cont = (k: number) => {
    const x = b[i + k];
    return x !== undefined && (x & 0xc0) === 0x80;
  };
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1];
    if (c1 === undefined) return 0;
    if (c === 0xe0 && c1 < 0xa0) return 0;
    if (c === 0xed && c1 >= 0xa0) return 0; // UTF-16 surrogates are not valid UTF-8
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1];
    if (c1 === undefined) return 0;
    if (c === 0xf0 && c1 < 0x90) return 0;
    if (c === 0xf4 && c1 >= 0x90) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

export function encodeLossless(text: string): Uint8Array {
  const parts: Uint8Array[] = [];
  const encoder = new TextEncoder();
  let chunkStart = 0;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff && !isLowSurrogatePair(text, i)) {
      if (i > chunkStart) {
        const e = encoder.encode(text.slice(chunkStart, i));
        parts.push(e);
        total += e.length;
      }
      parts.push(Uint8Array.of(c - 0xdc00));
      total++;
      chunkStart = i + 1;
    }
  }
  if (chunkStart < text.length) {
    const e = encoder.encode(text.slice(chunkStart));
    parts.push(e);
    total += e.length;
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function isLowSurrogatePair(text: string, i: number): boolean {
  if (i === 0) return false;
  const prev = text.charCodeAt(i - 1);
  return prev >= 0xd800 && prev <= 0xdbff;
}

/** Every escaped invalid byte is one of these code units; the regular expression engine finds them faster than a loop. */
const ESCAPE_RANGE = /[\udc80-\udcff]/;

/** True when the text holds an escaped invalid byte (see decodeLossless). */
export function hasInvalidUtf8(text: string): boolean {
  // Nearly every file has none: look for the range before telling escapes from surrogate pairs.
  if (!ESCAPE_RANGE.test(text)) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff && !isLowSurrogatePair(text, i)) return true;
  }
  return false;
}
