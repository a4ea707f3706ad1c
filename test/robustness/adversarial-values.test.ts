// Every rule and every value validator on every directive, with long
// adversarial values: the inputs that make a backtracking regular expression
// or a quadratic loop show. Found this way: `identity/dynamic-user-conflicts`
// took 30 s on one 128 KB `ExecStart=` word, `DeviceAllow=` parsing 8 s on a
// 64 KB token followed by two words. Each validator call and each file of
// eight directives is timed on its own, so one slow directive cannot hide in
// a total: a linear directive takes milliseconds, a quadratic one at 100 KiB
// tens of seconds. The bounds are generous (a busy machine, a cold JIT).
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
const TYPE_OF = new Map(
  Object.entries(TYPE_SECTION)
    .filter(([, s]) => s)
    .map(([t, s]) => [s!, t]),
);
const SECTIONS = ["Service", "Unit", "Install", ...[...TYPE_OF.keys()].filter((s) => s !== "Service")];
const ALL: DirectiveInfo[] = SECTIONS.flatMap((s) => directivesOfSection(s));
/**
 * A validator sees the value, the value type, and the name only for enums and OnCalendar=
 * (src/values/validate.ts): one directive per such key is every validator on every directive.
 */
const VALIDATED = unique(ALL, (d) => `${d.valueType}\0${d.valueType.startsWith("enum") || d.name === "OnCalendar" ? d.name : ""}`);
/**
 * Every directive name once, in the first section that has it ([Service] for the exec, kill and cgroup
 * settings a socket, mount or swap shares), eight to a file: a directive costs 30-150 ms at 100 KiB.
 */
const LINTED = unique(ALL, (d) => d.name);
const PER_FILE = 8;
/** Eight linear directives at 100 KiB take about a second; one quadratic directive alone takes tens of seconds. */
const FILE_BOUND_MS = 10_000;
/**
 * Every rule on every directive with every value takes minutes (549 names x 7 values x 100 KiB:
 * 7 minutes on a busy 2-core machine), so a run gives each directive one of the values, rotated
 * by a random offset (printed when it fails): successive runs cover every pair, as the fuzz tests'
 * random seeds do. UNITLINT_FULL_SWEEP=1 runs every pair.
 */
const FULL = process.env["UNITLINT_FULL_SWEEP"] === "1";
const OFFSET = Math.floor(Math.random() * 7);
/** Settings that turn conditional checks on (DynamicUser=yes: the exec word checks; sandboxing: the device and path checks). */
const HEAD: Record<string, string> = {
  Service: "DynamicUser=yes\nProtectSystem=strict\nPrivateDevices=yes\nRootDirectory=/srv\nUser=app\n",
};

function unique<T>(list: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((x) => !seen.has(key(x)) && Boolean(seen.add(key(x))));
}

/** The slowest single call, so one slow directive cannot hide in a total. */
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

/** One file of directives of one section (their unit type's file), every rule on. */
function lintFile(ds: DirectiveInfo[], valueOf: (d: DirectiveInfo) => string): void {
  const d0 = ds[0]!;
  const type = TYPE_OF.get(d0.section) ?? "service";
  const own = TYPE_OF.has(d0.section) ? d0.section : "Service";
  const lines = ds.map((d) => `${d.name}=${valueOf(d)}\n`).join("");
  const head = `[${own}]\n${HEAD[own] ?? ""}`;
  const text = d0.section === own ? `${head}${lines}` : `[${d0.section}]\n${lines}${head}`;
  lintSources([{ path: `a.${type}`, text }], { presets: ["recommended", "strict"] });
}

/** LINTED cut into files of PER_FILE directives of one section. */
function batches(): DirectiveInfo[][] {
  const out: DirectiveInfo[][] = [];
  for (const d of LINTED) {
    const last = out[out.length - 1];
    if (last && last.length < PER_FILE && last[0]!.section === d.section) last.push(d);
    else out.push([d]);
  }
  return out;
}

function slowestFile(valueOf: (d: DirectiveInfo) => string): { name: string; ms: number } {
  let worst = { name: "", ms: 0 };
  for (const ds of batches()) {
    const t0 = performance.now();
    lintFile(ds, valueOf);
    const ms = performance.now() - t0;
    if (ms > worst.ms) worst = { name: ds.map((d) => `[${d.section}] ${d.name}`).join(", "), ms };
  }
  return worst;
}

describe("the two quadratic regular expressions found", () => {
  it("identity/dynamic-user-conflicts on a long option word that fails at its end (was 30 s)", () => {
    const t0 = performance.now();
    lintSources([{ path: "a.service", text: `[Service]\nDynamicUser=yes\nExecStart=/bin/app --${"data".repeat(32000)}! x\n` }], {
      presets: ["recommended", "strict"],
    });
    expect(performance.now() - t0).toBeLessThan(BOUND_MS);
  });
  it("DeviceAllow= with a 64 KB token followed by two words (was 8 s)", () => {
    const t0 = performance.now();
    lintSources([{ path: "a.service", text: `[Service]\nDeviceAllow=/dev/${"a".repeat(65536)} r w\nExecStart=/bin/true\n` }], {
      presets: ["recommended", "strict"],
    });
    expect(performance.now() - t0).toBeLessThan(BOUND_MS);
  });
  it("DeviceAllow= still reads a path and its rights", () => {
    const r = lintSources([{ path: "a.service", text: "[Service]\nExecStart=/bin/true\nPrivateDevices=yes\nDeviceAllow=/dev/sda  rw \n" }], {
      presets: ["recommended", "strict"],
    });
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("long adversarial values on every directive", () => {
  for (const [label, value] of PATTERNS) {
    it(`${label}: every value validator`, () => {
      const w = slowest(VALIDATED, (d) => void validateValue(value, d));
      expect(w.ms, `validating ${w.name}`).toBeLessThan(BOUND_MS);
    }, 120_000);
  }
  if (FULL) {
    for (const [label, value] of PATTERNS) {
      it(`${label}: every rule on every directive`, () => {
        const w = slowestFile(() => value);
        expect(w.ms, `linting ${w.name}`).toBeLessThan(FILE_BOUND_MS);
      }, 600_000);
    }
  } else {
    it(`every rule on every directive, each with one of the values (rotation offset ${OFFSET})`, () => {
      const index = new Map(LINTED.map((d, i) => [d, i]));
      const w = slowestFile((d) => PATTERNS[(index.get(d)! + OFFSET) % PATTERNS.length]![1]);
      expect(w.ms, `linting ${w.name} (rotation offset ${OFFSET})`).toBeLessThan(FILE_BOUND_MS);
    }, 600_000);
  }
});
