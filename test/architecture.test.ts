import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "./helpers/cli.js";

// The layering of src/ is written down in .dependency-cruiser.cjs and checked by dependency-cruiser: layers only
// import downward, no import cycles (type-only ones included), and Node's APIs only in cli/, node/ and lsp/ (the
// rest runs in the browser playground). `npm run lint:deps` runs the same check.

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string }[];
}

function cruise(cwd: string, config: string): Violation[] {
  const bin = join(ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
  const r = spawnSync(process.execPath, [bin, "src", "--config", config, "--output-type", "json"], { cwd, encoding: "utf8", maxBuffer: 64 << 20 });
  if (!r.stdout.startsWith("{")) throw new Error(`dependency-cruiser failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const CONFIG = join(ROOT, ".dependency-cruiser.cjs");

describe("the layering of src/", () => {
  it("holds: no upward import, no cycle, no Node API outside cli/, node/ and lsp/", () => {
    const violations = cruise(ROOT, CONFIG).map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    expect(violations).toEqual([]);
  }, 120_000);

  it("is enforced: an upward import, a type-only cycle and a Node import in a pure layer are each caught", () => {
    const dir = tempDir("unitlint-layers-");
    const file = (p: string, text: string) => {
      mkdirSync(join(dir, p, ".."), { recursive: true });
      writeFileSync(join(dir, p), text);
    };
    file("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext" } }));
    file("package.json", JSON.stringify({ type: "module" }));
    file("src/cli/errors.ts", "export class UsageError extends Error {}\n");
    file("src/core/upward.ts", 'import { UsageError } from "../cli/errors.js";\nexport const e = new UsageError("x");\n');
    file("src/config/a.ts", 'import type { B } from "./b.js";\nexport type A = { b?: B };\n');
    file("src/config/b.ts", 'import type { A } from "./a.js";\nexport type B = { a?: A };\n');
    file("src/rules/reads-files.ts", 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n');
    const names = cruise(dir, CONFIG).map((v) => v.rule.name);
    expect(names).toContain("layer-0-imports-upward");
    expect(names).toContain("no-circular");
    expect(names).toContain("browser-boundary");
  }, 120_000);
});
