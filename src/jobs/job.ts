import { member, type JsonMember, type JsonNode } from "../parser/json.js";
import type { JobObject } from "./model.js";

/** Job types of the OpenTofu Workspace Scheduler's job system and the field each one runs. */
export const JOB_TYPES: Record<string, string> = { script: "script", command: "command", template: "template" };

type JsonType = JsonNode["type"];

/** The documented fields and the JSON types they take (its documentation's "Configuration Fields"). */
export const FIELD_TYPES: Record<string, { types: JsonType[]; label: string }> = {
  name: { types: ["string"], label: "a string" },
  type: { types: ["string"], label: "a string" },
  schedule: { types: ["string", "array"], label: "a cron string or an array of them" },
  enabled: { types: ["boolean"], label: "true or false" },
  description: { types: ["string"], label: "a string" },
  timeout: { types: ["string"], label: 'a duration string such as "30m"' },
  environment: { types: ["object"], label: "an object of string values" },
  working_dir: { types: ["string"], label: "a string" },
  tags: { types: ["array"], label: "an array of strings" },
  script: { types: ["string"], label: "a string" },
  command: { types: ["string"], label: "a string" },
  template: { types: ["string"], label: "a string" },
};

export const REQUIRED_FIELDS = ["name", "type", "schedule"];

/** A schedule string of a job, or of a workspace's deploy/destroy schedule. */
export interface ScheduleValue {
  text: string;
  node: JsonNode;
}

export interface JobView {
  node: JobObject;
  field(key: string): JsonMember | undefined;
  str(key: string): string | undefined;
  /** The cron strings of `schedule` (a string or an array of strings); other entries are skipped. */
  schedules(): ScheduleValue[];
}

export function readJob(node: JobObject): JobView {
  const field = (key: string) => member(node, key);
  const str = (key: string) => {
    const v = field(key)?.value;
    return v?.type === "string" ? v.value : undefined;
  };
  return {
    node,
    field,
    str,
    schedules() {
      const v = field("schedule")?.value;
      if (v?.type === "string") return [{ text: v.value, node: v }];
      if (v?.type === "array") return v.items.flatMap((n) => (n.type === "string" ? [{ text: n.value, node: n }] : []));
      return [];
    },
  };
}

/**
 * A duration as the job system reads `timeout` (Go's time.ParseDuration: one
 * or more decimal numbers with a unit of ns, us, µs, ms, s, m, h; "0" alone),
 * in microseconds, or undefined when it is not one.
 */
export function goDurationUsec(text: string): number | undefined {
  if (text === "0") return 0;
  if (!/^([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))*$/.test(text)) return undefined;
  const unit: Record<string, number> = { ns: 0.001, us: 1, µs: 1, μs: 1, ms: 1e3, s: 1e6, m: 6e7, h: 3.6e9 };
  let total = 0;
  for (const m of text.matchAll(/(?<![0-9.])([0-9.]+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(m[1]) * unit[m[2]!]!;
  return total;
}
