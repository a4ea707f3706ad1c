import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeLossless } from "../../src/core/bytes.js";
import { parseUnitFile, printUnitFile } from "../../src/parser/unit/index.js";

const HOST_DIRS = ["/lib/systemd/system", "/lib/systemd/user"].filter((d) => existsSync(d));

function unitFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue; // dangling symlinks (masked units)
    }
    if (st.isDirectory()) {
      if (!/\.(wants|requires)$/.test(name)) unitFiles(p, out);
    } else if (/\.(service|socket|target|timer|path|mount|automount|swap|slice|scope|device|conf)$/.test(name)) out.push(p);
  }
  return out;
}

// Reads the host's own units: skipped where systemd's unit folders do not exist (macOS, Windows, containers without systemd).
describe.skipIf(HOST_DIRS.length === 0)("the host's unit files", () => {
  it("all parse with zero syntax problems and print back byte for byte", () => {
    const files = HOST_DIRS.flatMap((d) => unitFiles(d));
    expect(files.length).toBeGreaterThan(20);
    const bad: string[] = [];
    for (const f of files) {
      const { text } = decodeLossless(readFileSync(f));
      const { ast, problems } = parseUnitFile(text, f);
      if (problems.length) bad.push(`${f}: ${problems.map((p) => p.code).join(", ")}`);
      expect(printUnitFile(ast)).toBe(text);
    }
    expect(bad).toEqual([]);
  });
});
