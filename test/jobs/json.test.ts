import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJson, stringValueRange, type JsonNode } from "../../src/jobs/index.js";
import { parseJobsFile } from "../../src/jobs/index.js";

function plain(n: JsonNode): unknown {
  switch (n.type) {
    case "object":
      return Object.fromEntries(n.members.map((m) => [m.key, plain(m.value)]));
    case "array":
      return n.items.map(plain);
    case "null":
      return null;
    default:
      return n.value;
  }
}

describe("parseJson", () => {
  it("agrees with JSON.parse on any JSON value, and every range slices back to its text", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : undefined);
        const r = parseJson(text);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(plain(r.value)).toEqual(JSON.parse(text));
        const check = (n: JsonNode) => {
          expect(JSON.parse(text.slice(n.range.start, n.range.end))).toEqual(plain(n));
          if (n.type === "array") n.items.forEach(check);
          if (n.type === "object") n.members.forEach((m) => check(m.value));
        };
        check(r.value);
      }),
      { numRuns: 200 },
    );
  });
  it("rejects what JSON.parse rejects, without throwing", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            '"',
            "1",
            "0",
            ".",
            "-",
            "+",
            "e",
            "E",
            "t",
            "n",
            " ",
            "\t",
            "\n",
            "\v",
            "\u00a0",
            "\u0001",
            "\\",
            "u",
            "a",
            "/",
            "*",
            "'",
          ),
        }),
        (text) => {
          let ok = true;
          try {
            JSON.parse(text);
          } catch {
            ok = false;
          }
          expect(parseJson(text).ok).toBe(ok);
        },
      ),
      { numRuns: 3000 },
    );
  });
  it.each([
    ['{\n  "rules": {,\n}', "expected a key in double quotes, found ','", 14, 15],
    ['{"a": 1,}', "trailing comma before '}'", 7, 8],
    ["[1, 2,]", "trailing comma before ']'", 5, 6],
    ['{"a" 1}', `expected ':' after the key "a", found '1'`, 5, 6],
    ['{"a": 1 "b": 2}', `expected ',' or '}', found '"'`, 8, 9],
    ["[1 2]", "expected ',' or ']', found '2'", 3, 4],
    ['{"a": 1', "expected ',' or '}', found end of file", 7, 7],
    ["[1", "expected ',' or ']', found end of file", 2, 2],
    ["1 2", "unexpected '2' after the value", 2, 3],
    ["", "expected a value, found end of file", 0, 0],
    ["{'a': 1}", "expected a key in double quotes, found '''", 1, 2],
    ['{"a": tru}', "expected a value, found 't'", 6, 7],
    ['{\n  // note\n  "a": 1\n}', "comments are not allowed in JSON", 4, 11],
    ['"ab', "unterminated string", 0, 3],
    ['"a\nb"', "control character in a string (write it as an escape such as \\n)", 2, 3],
    ['"a\u0001b"', "control character in a string (write it as an escape such as \\n)", 2, 3],
    ['"a\\x"', "invalid escape '\\x'", 2, 4],
    ['"a\\u12G4"', "\\u needs four hex digits", 2, 4],
    ["[".repeat(300), "nested deeper than 256 levels", 256, 257],
  ])("%j: %s at %i-%i", (text, message, start, end) => {
    expect(parseJson(text)).toEqual({ ok: false, error: { message, range: { start, end } } });
  });
  it("skips a leading BOM and keeps offsets", () => {
    const r = parseJson('\ufeff{"a": 1}');
    expect(r.ok && r.value.type === "object" && r.value.members[0]!.keyRange).toEqual({ start: 2, end: 5 });
  });
  it("deep nesting is an error, not a crash", () => {
    expect(parseJson("[".repeat(100000)).ok).toBe(false);
  });
  it("maps decoded string offsets to source offsets across escapes", () => {
    const text = '"a\\nb\\u0041c"';
    const r = parseJson(text);
    if (!r.ok || r.value.type !== "string") throw new Error("string expected");
    expect(r.value.value).toBe("a\nbAc");
    expect(stringValueRange(text, r.value, 3, 5)).toEqual({ start: 5, end: 12 });
    expect(stringValueRange(text, r.value, 0, 1)).toEqual({ start: 1, end: 2 });
  });
});

describe("parseJobsFile shapes", () => {
  it.each([
    ['{"name":"a","type":"command","schedule":"* * * * *","command":"x"}', "job"],
    ['[{"name":"a","type":"command","schedule":"* * * * *","command":"x"}]', "job-list"],
    ['{"jobs":[{"name":"a","type":"script","schedule":"0 1 * * *","script":"x"}]}', "workspace"],
    ['{"deploy_schedule":"0 9 * * 1-5","jobs":[]}', "workspace"],
    ['{"name":"pkg","version":"1.0.0"}', "unrecognized"],
    ['{"jobs":{"build":{"runs-on":"ubuntu"}}}', "unrecognized"],
    ['{"schedule":"daily"}', "unrecognized"],
    ["{", "invalid-json"],
  ])("%s → %s", (text, shape) => {
    expect(parseJobsFile(text, "x.json").shape).toBe(shape);
  });
});
