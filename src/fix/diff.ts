/** A unified diff of two texts (line-based, LCS), as `diff -u` would print it. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  const a = before.split("\n");
  const b = after.split("\n");
  const n = a.length;
  const m = b.length;
  if (n * m > 4_000_000) return `--- a/${path}\n+++ b/${path}\n@@ -1,${n} +1,${m} @@\n${a.map((l) => "-" + l).join("\n")}\n${b.map((l) => "+" + l).join("\n")}\n`;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: { t: " " | "-" | "+"; line: string; ai: number; bi: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ t: " ", line: a[i]!, ai: i++, bi: j++ });
    else if (j < m && (i >= n || lcs[i]![j + 1]! > lcs[i + 1]![j]!)) ops.push({ t: "+", line: b[j]!, ai: i, bi: j++ });
    else ops.push({ t: "-", line: a[i]!, ai: i++, bi: j });
  }
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.t === " ") {
      k++;
      continue;
    }
    let start = Math.max(0, k - context);
    let end = k;
    // extend the hunk while changes are within 2*context lines of each other
    for (let x = k; x < ops.length; x++) {
      if (ops[x]!.t !== " ") end = x;
      else if (x - end > 2 * context) break;
    }
    end = Math.min(ops.length - 1, end + context);
    const hunk = ops.slice(start, end + 1);
    const aStart = hunk[0]!.ai + 1;
    const bStart = hunk[0]!.bi + 1;
    const aLen = hunk.filter((o) => o.t !== "+").length;
    const bLen = hunk.filter((o) => o.t !== "-").length;
    out.push(`@@ -${aStart},${aLen} +${bStart},${bLen} @@`, ...hunk.map((o) => o.t + o.line));
    k = end + 1;
    start = k;
  }
  return out.join("\n") + "\n";
}
