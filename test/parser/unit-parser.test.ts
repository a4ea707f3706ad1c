import { describe, expect, it } from "vitest";
import { parseUnitFile, printUnitFile, valueSubRange } from "../../src/parser/unit/index.js";
import type { EntryNode } from "../../src/parser/unit/ast.js";

const entries = (text: string): EntryNode[] => parseUnitFile(text).ast.lines.filter((l): l is EntryNode => l.kind === "entry");
const codes = (text: string) => parseUnitFile(text).problems.map((p) => p.code);

describe("unit-file parser", () => {
  it("reads sections and trims whitespace around '='", () => {
    const { ast, problems } = parseUnitFile("[Unit]\nDescription = hello world  \n\n[Service]\nExecStart=/bin/true\n");
    expect(problems).toEqual([]);
    expect(ast.sections.map((s) => s.name)).toEqual(["Unit", "Service"]);
    const [d] = ast.sections[0]!.entries;
    expect(d).toMatchObject({ key: "Description", value: "hello world", section: "Unit" });
    expect(ast.source.slice(d!.keyRange)).toBe("Description");
    expect(ast.source.slice(d!.valueRange)).toBe("hello world");
  });

  it("treats # and ; as comments only at the start of a line", () => {
    const [e] = entries("[Unit]\n# a comment\n  ; another\nDescription=a # not a comment\n");
    expect(e!.value).toBe("a # not a comment");
    const lines = parseUnitFile("[Unit]\n# a comment\n  ; another\n").ast.lines.map((l) => l.kind);
    expect(lines).toEqual(["section-header", "comment", "comment"]);
  });

  it("joins backslash continuations, replacing the backslash by a space and skipping comment lines", () => {
    const text = "[Service]\nExecStart=/bin/echo a \\\n# skipped\n  b\\\n;also skipped\nc\n";
    const [e] = entries(text);
    expect(e!.value).toBe("/bin/echo a    b c");
    expect(e!.firstLine).toBe(2);
    expect(e!.lastLine).toBe(6);
    // a sub-range of the value maps back into the right physical line
    const i = e!.value.lastIndexOf("b");
    expect(parseUnitFile(text).ast.source.slice(valueSubRange(e!, i, i + 1))).toBe("b");
    expect(valueSubRange(e!, i, i + 1).start).toBe(text.indexOf("  b") + 2);
  });

  it("does not continue a comment line that ends in a backslash", () => {
    const es = entries("[Unit]\n# comment \\\nDescription=x\n");
    expect(es.map((e) => e.key)).toEqual(["Description"]);
  });

  it("an even number of trailing backslashes does not continue", () => {
    const es = entries("[Unit]\nDescription=a\\\\\nAfter=b\n");
    expect(es.map((e) => e.value)).toEqual(["a\\\\", "b"]);
  });

  it("decides the kind of a logical line after joining (a blank head line may continue into an assignment)", () => {
    const es = entries("[Unit]\n   \\\nDescription=x\n");
    expect(es.map((e) => [e.key, e.value])).toEqual([["Description", "x"]]);
  });

  it("keeps empty assignments (list resets)", () => {
    const es = entries("[Service]\nExecStart=\nExecStart=/bin/true\n");
    expect(es.map((e) => e.value)).toEqual(["", "/bin/true"]);
    expect(es[0]!.valueRange.start).toBe(es[0]!.valueRange.end);
  });

  it("reports assignments before any section", () => {
    const { ast, problems } = parseUnitFile("Description=x\n[Unit]\n");
    expect(ast.preamble).toHaveLength(1);
    expect(problems.map((p) => p.code)).toEqual(["assignment-outside-section"]);
  });

  it("accepts X- sections and keys as ordinary entries", () => {
    const { ast, problems } = parseUnitFile("[X-Mine]\nFoo=1\n[Service]\nX-Bar=2\n");
    expect(problems).toEqual([]);
    expect(ast.sections.map((s) => s.name)).toEqual(["X-Mine", "Service"]);
  });

  it("strips a UTF-8 BOM and reads CRLF, CR and NUL line endings like systemd", () => {
    const es = entries("\uFEFF[Unit]\r\nDescription=a\r\nAfter=b\rBefore=c\u0000Wants=d\n\rRequires=e");
    expect(es.map((e) => [e.key, e.value, e.firstLine])).toEqual([
      ["Description", "a", 2],
      ["After", "b", 3],
      ["Before", "c", 4],
      ["Wants", "d", 5],
      ["Requires", "e", 6],
    ]);
  });

  it("reads a line that starts with a BOM and then '#' as an assignment, not a comment, as systemd does", () => {
    // systemd looks for comments before it strips the mark, so the line is not skipped: it may continue, and needs '='.
    const { ast, problems } = parseUnitFile("[Unit]\n\uFEFF# c \\\nFoo=bar\n\uFEFF;x\n");
    expect(ast.bom).toEqual({ start: 7, end: 8 });
    const [joined, later] = ast.lines.slice(1);
    expect(joined).toMatchObject({ kind: "entry", key: "# c  Foo", value: "bar", firstLine: 2, lastLine: 3 });
    // only the first mark is stripped: the second stays part of the line
    expect(later).toMatchObject({ kind: "invalid", problem: "missing-equals", logical: "\uFEFF;x" });
    expect(problems.map((p) => p.code)).toEqual(["missing-equals"]);
  });

  it("reports unterminated and unsafe section headers as fatal", () => {
    expect(parseUnitFile("[Unit] # x\n").problems.map((p) => [p.code, p.fatal])).toEqual([["invalid-section-header", true]]);
    expect(parseUnitFile('[Un"it]\n').problems.map((p) => [p.code, p.fatal])).toEqual([["section-header-bad-characters", true]]);
  });

  it("reports lines without '=' or without a key, and .include", () => {
    expect(codes("[Unit]\nnoequals\n=value\n.include /etc/x\n")).toEqual(["missing-equals", "missing-key", "include-directive"]);
  });

  it("reports a continuation at the end of the file", () => {
    const { problems } = parseUnitFile("[Unit]\nDescription=x\\");
    expect(problems.map((p) => p.code)).toEqual(["continuation-at-eof"]);
  });

  it("reports invalid UTF-8 outside comments only", () => {
    expect(codes("[Unit]\n# caf\udce9\n")).toEqual([]);
    expect(codes("[Unit]\nDescription=caf\udce9\n")).toEqual(["invalid-utf8"]);
  });

  it("knows a missing final newline", () => {
    expect(parseUnitFile("[Unit]\nDescription=x").ast.missingFinalNewline).toBe(true);
    expect(parseUnitFile("[Unit]\nDescription=x\n").ast.missingFinalNewline).toBe(false);
  });

  it("handles very long lines in linear time", () => {
    const long = "[Service]\nExecStart=/bin/echo " + "a".repeat(500_000) + "\n";
    const t0 = Date.now();
    const [e] = entries(long);
    expect(e!.value.length).toBe(500_000 + "/bin/echo ".length);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("flags a physical line of 1 MiB or more", () => {
    expect(codes("[Service]\nExecStart=" + "a".repeat(1024 * 1024) + "\n")).toContain("line-too-long");
  });

  it("prints back every input byte for byte", () => {
    for (const t of ["", "\n", "\uFEFF", "[Unit]", "a\\", "\r\n\r\n", "[Unit]\nA=b\\\n#c\n d\n", "x\u0000y", "\uFEFF\uFEFF[Unit]"]) {
      expect(printUnitFile(parseUnitFile(t).ast)).toBe(t);
    }
  });

  it("reads a line starting with any UTF-16 code unit, at the start of a line and after a continuation", () => {
    // The lexer tries a pattern only at the characters it was told the pattern starts with.
    const unread: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const text = `${ch}=1\\\n${ch}\n`;
      const { ast, problems } = parseUnitFile(text);
      if (printUnitFile(ast) !== text || problems.some((p) => p.message.startsWith("internal"))) unread.push(c);
    }
    expect(unread).toEqual([]);
  });
});
