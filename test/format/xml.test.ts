import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/diagnostic.js";
import { formatters, type FormatInput } from "../../src/format/index.js";

const finding = (file: string, message: string, severity: Finding["severity"] = "error", rule = "values/invalid-value"): Finding => ({
  rule,
  severity,
  message,
  file,
  range: { start: 0, end: 1 },
  line: 2,
  column: 3,
  endLine: 2,
  endColumn: 4,
});
const input = (findings: Finding[], files: string[]): FormatInput => ({
  findings,
  files,
  sources: new Map(),
  rules: [],
  fileCount: files.length,
  color: false,
  version: "0",
});

describe("checkstyle and junit", () => {
  const files = ["a.service", "b & c.service", "clean.timer"];
  const findings = [finding("a.service", 'bad "value" <x>'), finding("a.service", "second", "warning"), finding("b & c.service", "note", "info")];

  it("checkstyle lists every checked file, clean ones as empty elements", () => {
    expect(formatters["checkstyle"]!(input(findings, files))).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<checkstyle version="4.3">',
        '  <file name="a.service">',
        '    <error line="2" column="3" severity="error" message="bad &quot;value&quot; &lt;x&gt;" source="unitlint.values/invalid-value"/>',
        '    <error line="2" column="3" severity="warning" message="second" source="unitlint.values/invalid-value"/>',
        "  </file>",
        '  <file name="b &amp; c.service">',
        '    <error line="2" column="3" severity="info" message="note" source="unitlint.values/invalid-value"/>',
        "  </file>",
        '  <file name="clean.timer"/>',
        "</checkstyle>",
        "",
      ].join("\n"),
    );
  });

  it("junit has a test case per checked file; errors and warnings fail it, info does not", () => {
    const out = formatters["junit"]!(input(findings, files));
    expect(out).toContain('<testsuites name="unitlint" tests="3" failures="1" errors="0" skipped="0">');
    expect(out).toContain(
      '    <testcase classname="unitlint" name="a.service">\n      <failure type="values/invalid-value" message="2 problems, first values/invalid-value: bad &quot;value&quot; &lt;x&gt;">a.service:2:3 error values/invalid-value bad &quot;value&quot; &lt;x&gt;&#10;a.service:2:3 warning values/invalid-value second</failure>\n    </testcase>',
    );
    expect(out).toContain(
      '<testcase classname="unitlint" name="b &amp; c.service">\n      <system-out>b &amp; c.service:2:3 info values/invalid-value note</system-out>',
    );
    expect(out).toContain('<testcase classname="unitlint" name="clean.timer"/>');
  });
});

// Python's XML parser is the oracle for well-formedness; skipped where python3 is not installed.
const hasPython = spawnSync("python3", ["-c", "import xml.etree.ElementTree"]).status === 0;
const PARSE = `
import sys, json, xml.etree.ElementTree as ET
out = []
for doc in json.load(sys.stdin):
    root = ET.fromstring(doc.encode("utf-8"))
    out.append([e.get("message") for e in root.iter() if e.get("message") is not None])
print(json.dumps(out))
`;

describe.skipIf(!hasPython)("XML reports stay well-formed whatever the messages quote (property)", () => {
  it("control characters, invalid UTF-8 (lone surrogates), markup and line breaks", () => {
    const nasty = fc.string({
      unit: fc.oneof(
        fc.constantFrom("<", ">", "&", '"', "'", "\n", "\r", "\t", "\u0000", "\u0007", "\udc80", "\ud800", "\ufffe", "é", "😀"),
        fc.string({ minLength: 1, maxLength: 1 }),
      ),
      maxLength: 20,
    });
    const samples = fc.sample(nasty, 200);
    const docs = samples.flatMap((m) => [
      formatters["checkstyle"]!(input([finding("f.service", m)], ["f.service"])),
      formatters["junit"]!(input([finding("f.service", m)], ["f.service"])),
    ]);
    const r = spawnSync("python3", ["-c", PARSE], { input: JSON.stringify(docs), encoding: "utf8", maxBuffer: 64 << 20 });
    expect(r.status, r.stderr).toBe(0);
    const parsed = JSON.parse(r.stdout) as string[][];
    // checkstyle keeps the message itself, with only what XML cannot carry replaced by U+FFFD
    samples.forEach((m, i) => {
      const expected = m.replace(
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        "\ufffd",
      );
      expect(parsed[2 * i]![0]).toBe(expected);
    });
  });
});
