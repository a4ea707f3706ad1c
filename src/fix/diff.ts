import { maskSecrets } from "../model/secrets.js";

/** A line, marked when it is the last one and has no line ending (`\ No newline at end of file`). */
interface Line {
  text: string;
  noEol: boolean;
}

type Op = { t: " " | "-" | "+"; line: Line; ai: number; bi: number };

function toLines(text: string): Line[] {
  if (text === "") return [];
  const parts = text.split("\n");
  const noEol = parts[parts.length - 1] !== "";
  if (!noEol) parts.pop();
  return parts.map((p, i) => ({ text: p, noEol: noEol && i === parts.length - 1 }));
}

const same = (x: Line, y: Line) => x.text === y.text && x.noEol === y.noEol;

/** Beyond this many cells the middle part is shown as removed + added (still a correct patch, just not minimal). */
const MAX_LCS_CELLS = 4_000_000;

/**
 * A unified diff of two texts as `diff -u` prints it (`--- a/path`, `+++ b/path`,
 * hunks with `context` lines around changes), which `patch -p1` and `git apply`
 * accept. Lines are split at `\n`; a `\r` stays part of its line.
 */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return "";
  const a = toLines(before);
  const b = toLines(after);
  // Fixes touch a few lines: match the common head and tail first, run the LCS on the rest.
  let head = 0;
  while (head < a.length && head < b.length && same(a[head]!, b[head]!)) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail]!, b[b.length - 1 - tail]!)) tail++;
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ t: " ", line: a[i]!, ai: i, bi: i });
  middle(a, b, head, a.length - tail, head, b.length - tail, ops);
  for (let k = tail; k > 0; k--) ops.push({ t: " ", line: a[a.length - k]!, ai: a.length - k, bi: b.length - k });

  // Secrets in Environment= and SetCredential= are shown as `*`, so a hunk with such a line does not apply as a patch.
  const shownA = maskedLines(a);
  const shownB = maskedLines(b);
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.t === " ") {
      k++;
      continue;
    }
    const start = Math.max(0, k - context);
    let last = k;
    // one hunk while changes are within 2*context lines of each other
    for (let x = k; x < ops.length; x++) {
      if (ops[x]!.t !== " ") last = x;
      else if (x - last > 2 * context) break;
    }
    const end = Math.min(ops.length - 1, last + context);
    const hunk = ops.slice(start, end + 1);
    const aLen = hunk.filter((o) => o.t !== "+").length;
    const bLen = hunk.filter((o) => o.t !== "-").length;
    out.push(`@@ -${range(hunk[0]!.ai, aLen)} +${range(hunk[0]!.bi, bLen)} @@`);
    for (const o of hunk) {
      out.push(o.t + (o.t === "+" ? shownB(o.bi) : shownA(o.ai)));
      if (o.line.noEol) out.push("\\ No newline at end of file");
    }
    k = end + 1;
  }
  return out.join("\n") + "\n";
}

/**
 * A line's text as the diff shows it: with secrets masked (model/secrets.ts). Only printed lines are
 * masked, each with the lines its continuation joins it to, so a large file is not parsed whole.
 */
function maskedLines(lines: Line[]): (i: number) => string {
  const cache = new Map<number, string>();
  const continued = (i: number) => i >= 0 && i < lines.length && /\\\r?$/.test(lines[i]!.text);
  return (i) => {
    const hit = cache.get(i);
    if (hit !== undefined) return hit;
    let first = i;
    while (continued(first - 1)) first--;
    let last = i;
    while (continued(last)) last++;
    last = Math.min(last, lines.length - 1);
    const group = lines.slice(first, last + 1).map((l) => l.text);
    const masked = maskSecrets(group.join("\n")).split("\n");
    masked.forEach((t, k) => cache.set(first + k, t));
    return cache.get(i) ?? lines[i]!.text;
  };
}

/** diff's hunk range: `start,len`, `start` alone for one line, and the line before for an empty range. */
function range(first: number, len: number): string {
  if (len === 0) return `${first},0`;
  return len === 1 ? `${first + 1}` : `${first + 1},${len}`;
}

function middle(a: Line[], b: Line[], a0: number, a1: number, b0: number, b1: number, ops: Op[]): void {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n * m > MAX_LCS_CELLS) {
    for (let i = a0; i < a1; i++) ops.push({ t: "-", line: a[i]!, ai: i, bi: b0 });
    for (let j = b0; j < b1; j++) ops.push({ t: "+", line: b[j]!, ai: a1, bi: j });
    return;
  }
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = same(a[a0 + i]!, b[b0 + j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(a[a0 + i]!, b[b0 + j]!)) {
      ops.push({ t: " ", line: a[a0 + i]!, ai: a0 + i, bi: b0 + j });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! > lcs[i + 1]![j]!)) {
      ops.push({ t: "+", line: b[b0 + j]!, ai: a0 + i, bi: b0 + j });
      j++;
    } else {
      ops.push({ t: "-", line: a[a0 + i]!, ai: a0 + i, bi: b0 + j });
      i++;
    }
  }
}
