import { TYPE_SECTION } from "../../knowledge/sections.js";
import { parseBytes } from "../../values/primitives.js";
import { defineRule } from "../types.js";

const MEMORY = [
  "MemoryMin",
  "MemoryLow",
  "MemoryHigh",
  "MemoryMax",
  "MemorySwapMax",
  "MemoryZSwapMax",
  "StartupMemoryLow",
  "StartupMemoryHigh",
  "StartupMemoryMax",
  "StartupMemorySwapMax",
  "StartupMemoryZSwapMax",
];
/** Swap limits may well be tiny on purpose (next to nothing swapped), so only these are checked for a missing suffix. */
const SIZED = new Set(["MemoryMin", "MemoryLow", "MemoryHigh", "MemoryMax", "StartupMemoryLow", "StartupMemoryHigh", "StartupMemoryMax"]);
/** Limits that must be at least one byte (config_parse_memory_limit(): only the protections and swap may be 0). */
const NONZERO = new Set(["MemoryHigh", "MemoryMax", "StartupMemoryHigh", "StartupMemoryMax"]);
const MIB = 1024 * 1024;

/** A percentage as systemd's parse_permyriad() reads it: at most two decimals. */
function percent(v: string): { value: number; decimals: number } | undefined {
  const m = /^(\d+)(?:\.(\d+))?%$/.exec(v);
  return m ? { value: Number(v.slice(0, -1)), decimals: m[2]?.length ?? 0 } : undefined;
}

export default defineRule({
  meta: {
    id: "resources/resource-ranges",
    family: "resources",
    severity: "warning",
    unitTypes: ["service", "socket", "mount", "swap", "slice", "scope"],
    fixable: "none",
    messages: {
      refused: "{key}={value}: {why}; systemd ignores the line and the unit runs without this setting",
      tiny: "{key}={value} is only {size}, far below what any service needs (a size without a suffix is in bytes): did you mean {suggestion}?",
    },
    docs: {
      summary:
        "Resource limits systemd refuses although they look valid (`CPUQuota=0%`, `TasksMax=0`, `MemoryMax=0`, `MemoryHigh=150%`, more than two decimals), and memory sizes below 1M that are a forgotten suffix (`MemoryMax=512`).",
      rationale:
        "These values have the right shape, so they pass a syntax check, but systemd 252 logs `out of range` or `Invalid ...` and ignores the line: the service then runs with no limit at all. A memory limit written without a suffix is in bytes: `MemoryMax=512` lets the service allocate 512 bytes and it is OOM-killed at start; almost always `512M` was meant. " +
        "Not reported: CPUQuota= above 100% (it counts CPUs, so 400% is four CPUs) however large, low TasksMax= values (a single-threaded program may need very few tasks), and weights, whose 1-10000 range `values/invalid-value` already checks.",
      bad: { filename: "worker.service", text: "[Service]\nExecStart=/usr/bin/worker\nMemoryMax=512\nCPUQuota=0%\n" },
      good: { filename: "worker.service", text: "[Service]\nExecStart=/usr/bin/worker\nMemoryMax=512M\nCPUQuota=50%\n" },
      reference: "systemd.resource-control(5) MemoryMax=, CPUQuota=, TasksMax=",
    },
  },
  checkUnit(ctx) {
    const section = ctx.unit.type ? TYPE_SECTION[ctx.unit.type] : null;
    if (!section) return;
    const check = (key: string, why: (v: string) => string | null) => {
      const a = ctx.unit.last(section, key);
      const w = a && a.value !== "" ? why(a.value) : null;
      if (a && w) ctx.report({ messageId: "refused", data: { key, value: a.value, why: w }, file: a.file, range: a.entry.valueRange, severity: "error" });
    };
    const precision = (p: { decimals: number }) => (p.decimals > 2 ? "percentages take at most two decimals (0.01% steps)" : null);
    check("CPUQuota", (v) => {
      const p = percent(v);
      if (!p) return null;
      return precision(p) ?? (p.value === 0 ? "a CPU quota of 0% is refused (use a small value such as 1%, or no CPUQuota= at all)" : null);
    });
    check("TasksMax", (v) => {
      const p = percent(v);
      if (p) return precision(p) ?? (p.value > 100 ? "a percentage of the system's task limit cannot exceed 100%" : null);
      return v === "0" ? "TasksMax=0 is out of range (the smallest limit is 1; 'infinity' removes it)" : null;
    });
    for (const key of MEMORY) {
      const a = ctx.unit.last(section, key);
      if (!a || a.value === "" || a.value === "infinity") continue;
      const p = percent(a.value);
      let why: string | null = null;
      if (p)
        why =
          precision(p) ??
          (p.value > 100 ? "a percentage of physical memory cannot exceed 100%" : NONZERO.has(key) && p.value === 0 ? `${key}= must be above 0` : null);
      const bytes = p ? undefined : parseBytes(a.value);
      if (bytes === 0 && NONZERO.has(key)) why = `${key}=0 is out of range (the smallest limit is 1 byte; 'infinity' removes it)`;
      if (why) {
        ctx.report({ messageId: "refused", data: { key, value: a.value, why }, file: a.file, range: a.entry.valueRange, severity: "error" });
        continue;
      }
      if (!SIZED.has(key) || bytes === undefined || bytes === 0 || bytes >= MIB) continue;
      // `512` and `512K` most likely meant `512M`: keep the number, use the next unit up that makes sense.
      const m = /^(\d+(?:\.\d+)?)\s*[kK]?[bB]?$/.exec(a.value);
      if (!m) continue;
      const suggestion = `${m[1]}M`;
      const r = a.entry.valueRange;
      const size = bytes < 1024 ? `${bytes} byte${bytes === 1 ? "" : "s"}` : `${Math.round((bytes / 1024) * 10) / 10} KiB`;
      ctx.report({
        messageId: "tiny",
        data: { key, value: a.value, size, suggestion },
        file: a.file,
        range: r,
        suggestions: [{ description: `Use ${suggestion}`, safe: false, edits: [{ start: r.start, end: r.end, text: suggestion }] }],
      });
    }
  },
});
