import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..", "src");
// Node-only layers: the CLI, file-system helpers and the stdio language server.
const NODE_ONLY = ["cli", "node", "lsp"];

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (p.endsWith(".ts")) out.push(p);
  }
  return out;
}

describe("browser boundary", () => {
  it("modules outside src/{cli,node,lsp} import no Node APIs and no node-only layer", () => {
    const offenders: string[] = [];
    for (const file of tsFiles(SRC)) {
      const rel = relative(SRC, file).split(/[\\/]/);
      if (NODE_ONLY.includes(rel[0]!)) continue;
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
        const spec = m[1]!;
        const layer = spec.match(/^(?:\.\.\/)+(cli|node|lsp)\//)?.[1];
        if (spec.startsWith("node:") || ["fs", "path", "os", "child_process", "url", "http"].includes(spec) || (layer && NODE_ONLY.includes(layer)))
          offenders.push(`${rel.join("/")} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
