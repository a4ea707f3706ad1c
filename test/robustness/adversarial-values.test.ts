// Every rule and every value validator on every directive, with long
// adversarial values: the inputs that make a backtracking regular expression
// or a quadratic loop show. Found this way: `identity/dynamic-user-conflicts`
// took 30 s on one 128 KB `ExecStart=` word, `DeviceAllow=` parsing 8 s on a
// 64 KB token followed by two words. Each directive is linted alone, so one
// slow directive cannot hide in a total; a linear directive takes
// milliseconds, a quadratic one seconds to minutes. The bound is generous
// (a busy machine, a cold JIT) and is about one directive, never the total.
// The whole file takes a minute or two: 549 names x 6 values x 100 KiB.
// docs/robustness.md lists the regular expressions applied to user text.
import { describe, expect, it } from "vitest";
import { directivesOfSection, type DirectiveInfo } from "../../src/knowledge/directives.js";
import { TYPE_SECTION } from "../../src/knowledge/sections.js";
import { lintSources } from "../../src/linter/lint.js";
import { validateValue } from "../../src/values/validate.js";

const SIZE = 100 * 1024;
/** Per directive; the slowest linear one takes well under a second. */
const BOUND_MS = 5000;

const fill = (head: string, piece: string, tail: string) => head + piece.repeat(Math.ceil((SIZE - head.length - tail.length) / piece.length)) + tail;

/** Each ends in a tail that fails an anchored match (`$`) late, which is what makes backtracking show. */
const PATTERNS: [string, string][] = [
  ["repeated words", fill("", "a ", "! x y")],
  ["repeated option word", fill("/bin/app --", "data", "! x y")],
  ["no separators", fill("/dev/", "a", " r w")],
  ["repeated separators", fill("", " ,:;=|/-\t.", "!")],
  ["unbalanced quotes", fill("", "\"a 'b ", "\\")],
  ["repeated escapes and specifiers", fill("", "\\x%i$A", "%")],
  ["repeated digits", fill("", "1", "x")],
];

// The section a unit type keeps its own settings in; [Unit] and [Install] go in a service.
const TYPE_OF = new Map(Object.entries(TYPE_SECTION).filter(([, s]) => s).map(([t, s]) => [s!, t]));
const SECTIONS = ["Service", "Unit", "Install", ...[...TYPE_OF.keys()].filter((s) => s !== "Service")];
const ALL: DirectiveInfo[] = SECTIONS.flatMap((s) => directivesOfSection(s));
/** A validator sees the value, the name and the value type: each pair once is every validator on every directive. */
const VALIDATED = unique(ALL, (d) => `${d.name}\0${d.valueType}`);
/**
 * Every directive name once, in the first section that has it ([Service] for the exec, kill and cgroup
 * settings a socket, mount or swap shares): linting 1,533 section rows at 100 KiB each takes minutes.
 */
const LINTED = unique(ALL, (d) => d.name);
/** Settings that turn conditional checks on (DynamicUser=yes: the exec word checks; sandboxing: the device and path checks). */
const HEAD: Record<string, string> = {
  Service: "DynamicUser=yes\nProtectSystem=strict\nPrivateDevices=yes\nRootDirectory=/srv\nUser=app\n",
};

function unique<T>(list: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((x) => !seen.has(key(x)) && Boolean(seen.add(key(x))));
}

function slowest(list: DirectiveInfo[], run: (d: DirectiveInfo) => void): { name: string; ms: number } {
  let worst = { name: "", ms: 0 };
  for (const d of list) {
    const t0 = performance.now();
    run(d);
    const ms = performance.now() - t0;
    if (ms > worst.ms) worst = { name: `[${d.section}] ${d.name}`, ms };
  }
  return worst;
}

function lintOne(d: DirectiveInfo, value: string): void {
  const type = TYPE_OF.get(d.section) ?? "service";
  const own = TYPE_OF.has(d.section) ? d.section : "Service";
  const head = `[${own}]\n${HEAD[own] ?? ""}`;
  const text = d.section === own ? `${head}${d.name}=${value}\n` : `[${d.section}]\n${d.name}=${value}\n${head}`;
  lintSources([{ path: `a.${type}`, text }], { presets: ["recommended", "strict"] });
}

describe("the two quadratic regular expressions found", () => {
  it("identity/dynamic-user-conflicts on a long option word that fails at its end (was 30 s)", () => {
    const t0 = performance.now();
    lintSources([{ path: "a.service", text: `[Service]\nDynamicUser=yes\nExecStart=/bin/app --${"data".repeat(32000)}! x\n` }], { presets: ["recommended", "strict"] });
    expect(performance.now() - t0).toBeLessThan(BOUND_MS);
  });
  it("DeviceAllow= with a 64 KB token followed by two words (was 8 s)", () => {
    const t0 = performance.now();
    lintSources([{ path: "a.service", text: `[Service]\nDeviceAllow=/dev/${"a".repeat(65536)} r w\nExecStart=/bin/true\n` }], { presets: ["recommended", "strict"] });
    expect(performance.now() - t0).toBeLessThan(BOUND_MS);
  });
  it("DeviceAllow= still reads a path and its rights", () => {
    const r = lintSources([{ path: "a.service", text: "[Service]\nExecStart=/bin/true\nPrivateDevices=yes\nDeviceAllow=/dev/sda  rw \n" }], { presets: ["recommended", "strict"] });
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("long adversarial values on every directive", () => {
  for (const [label, value] of PATTERNS) {
    it(`${label}: every value validator`, () => {
      const w = slowest(VALIDATED, (d) => void validateValue(value, d));
      expect(w.ms, `validating ${w.name}`).toBeLessThan(BOUND_MS);
    }, 120_000);
    it(`${label}: every rule`, () => {
      const w = slowest(LINTED, (d) => lintOne(d, value));
      expect(w.ms, `linting ${w.name}`).toBeLessThan(BOUND_MS);
    }, 300_000);
  }
});
