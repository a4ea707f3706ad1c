// Every regular expression literal in src/ (found with the TypeScript parser,
// so none is missed), and the adversarial inputs they are timed on. Used by
// regex-growth.test.ts and scripts/regex-review.ts (docs/robustness.md).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export const SRC = join(import.meta.dirname, "..", "..", "..", "src");

export interface FoundRegex {
  where: string;
  source: string;
  re: RegExp;
}

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (p.endsWith(".ts") && !p.endsWith(".generated.ts")) out.push(p);
  }
  return out;
}

/** Every regex literal in src/ (the generated knowledge tables hold none), with `g` and `y` dropped so each run starts afresh. */
export function allRegexes(): FoundRegex[] {
  const out: FoundRegex[] = [];
  for (const file of tsFiles(SRC).sort()) {
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node) => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf);
        const m = /^\/([\s\S]*)\/([a-z]*)$/.exec(text)!;
        const where = `${relative(SRC, file).split("\\").join("/")}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
        out.push({ where, source: text, re: new RegExp(m[1]!, m[2]!.replace(/[gy]/g, "")) });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

// What makes backtracking show: a long run of one character (or pair) that a
// repetition swallows, after a head that moves the match off the start, and
// before a tail that makes it fail at the very end.
const SINGLE = [..."a1 \t-=/:,.\"'\\%$@!~|;[]{}()+*#_<>?&^`\n\r\u00e9\u0000"];
const PAIRS = [
  "a ",
  "a=",
  "a,",
  "a:",
  "a-",
  "a.",
  "1 ",
  "1s",
  "--",
  "\\ ",
  "a\\",
  "%a",
  "${",
  'a"',
  '"a',
  "'a",
  "a@",
  "a/",
  "/a",
  "1,",
  "1-",
  "1.",
  "a;",
  "A_",
  "=a",
  "0x",
  "1:",
  ":1",
  "1..",
  "a b",
];
const HEADS = ["", "x", "=", "!"];
const TAILS = ["", "!", "\u0000", "\n", " x"];

export interface Input {
  label: string;
  make: (size: number) => string;
}

export const INPUTS: Input[] = HEADS.flatMap((h) =>
  [...SINGLE, ...PAIRS].flatMap((u) =>
    TAILS.map((t) => ({ label: JSON.stringify(`${h}${u}…${t}`), make: (size: number) => h + u.repeat(Math.ceil(size / u.length)) + t })),
  ),
);

/** The fastest of `times` runs, in ms. */
export function timeRun(re: RegExp, s: string, times = 1): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    re.exec(s);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
