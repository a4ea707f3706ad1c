import type { Assignment } from "../../model/effective-unit.js";
import { isPercentage, parseBytes } from "../../values/primitives.js";
import { defineRule } from "../types.js";
import { TYPE_SECTION } from "../../knowledge/sections.js";

const ORDER = ["MemoryMin", "MemoryLow", "MemoryHigh", "MemoryMax"];

/** Comparable size; percentages only compare with percentages, `infinity` is the largest. */
function size(v: string): { n: number; unit: "bytes" | "percent" } | undefined {
  if (v === "infinity") return { n: Infinity, unit: "bytes" };
  if (isPercentage(v)) return { n: Number(v.slice(0, -1)), unit: "percent" };
  const b = parseBytes(v);
  return b === undefined ? undefined : { n: b, unit: "bytes" };
}

export default defineRule({
  meta: {
    id: "resources/memory-limits-order",
    family: "resources",
    severity: "warning",
    unitTypes: ["service", "socket", "mount", "swap", "slice", "scope"],
    fixable: "none",
    messages: {
      order:
        "{lower}={lowerValue} is above {upper}={upperValue}; memory limits must grow MemoryMin ≤ MemoryLow ≤ MemoryHigh ≤ MemoryMax, or the larger one never takes effect",
    },
    docs: {
      summary: "Memory limits that contradict each other: `MemoryHigh=` above `MemoryMax=`, `MemoryLow=` above `MemoryHigh=`...",
      rationale:
        "MemoryHigh= throttles and reclaims before MemoryMax= kills. A high watermark above the hard limit never throttles: the service is OOM-killed without warning. Sizes, percentages and `infinity` are compared as the kernel would.",
      bad: { filename: "worker.service", text: "[Service]\nExecStart=/usr/bin/worker\nMemoryHigh=768M\nMemoryMax=512M\n" },
      good: { filename: "worker.service", text: "[Service]\nExecStart=/usr/bin/worker\nMemoryHigh=384M\nMemoryMax=512M\n" },
      reference: "systemd.resource-control(5) MemoryHigh=",
    },
  },
  checkUnit(ctx) {
    const section = ctx.unit.type ? TYPE_SECTION[ctx.unit.type] : null;
    if (!section) return;
    const set: { key: string; a: Assignment; v: { n: number; unit: string } }[] = [];
    for (const key of ORDER) {
      const a = ctx.unit.last(section, key);
      const v = a && a.value !== "" ? size(a.value) : undefined;
      if (a && v) set.push({ key, a, v });
    }
    for (let i = 0; i < set.length; i++) {
      for (let j = i + 1; j < set.length; j++) {
        const lo = set[i]!;
        const hi = set[j]!;
        if (lo.v.unit !== hi.v.unit || lo.v.n <= hi.v.n) continue;
        ctx.report({
          messageId: "order",
          data: { lower: lo.key, lowerValue: lo.a.value, upper: hi.key, upperValue: hi.a.value },
          file: lo.a.file,
          range: lo.a.entry.range,
          related: [{ file: hi.a.file, range: hi.a.entry.range, message: `${hi.key}=${hi.a.value}` }],
        });
      }
    }
  },
});
