import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeLossless } from "../../src/core/bytes.js";
import { lintSources } from "../../src/linter/lint.js";
import { parseUnitFile, printUnitFile } from "../../src/parser/unit/index.js";

// systemd's own fuzzing inputs for its unit-file parser (OSS-Fuzz reproducers and a unit with every directive).
const DIR = join(import.meta.dirname, "..", "..", "..", "shared", "systemd-fuzz", "unit-file");

describe.skipIf(!existsSync(DIR))("systemd's unit-file fuzz corpus", () => {
  const names = existsSync(DIR) ? readdirSync(DIR) : [];
  for (const name of names) {
    it(`${name}: parses losslessly and lints without crashing, positions inside the file`, () => {
      const { text } = decodeLossless(readFileSync(join(DIR, name)));
      expect(printUnitFile(parseUnitFile(text, name).ast)).toBe(text);
      const path = /\.(service|socket|target|timer|path|mount|automount|swap|slice|scope)$/.test(name) ? name : `${name}.service`;
      const { findings } = lintSources([{ path, text }]);
      for (const f of findings) {
        expect(f.rule).not.toBe("internal/rule-crashed");
        expect(f.range.start).toBeGreaterThanOrEqual(0);
        expect(f.range.end).toBeLessThanOrEqual(text.length);
        expect(f.line).toBeGreaterThanOrEqual(1);
      }
    });
  }
});
