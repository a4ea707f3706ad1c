/** IODeviceWeight=, IOReadBandwidthMax= and the other IO limits, IODeviceLatencyTargetSec=: `DEVICE VALUE` (config_parse_io_*). */
import { parseTimespan } from "../calendar/index.js";
import { problemAt, type ValueProblem } from "./problem.js";
import { expandForCheck, extractFirstWord, pathProblem, safeAtou64, WHITESPACE } from "./scan.js";
import { parseSize } from "./size.js";

type Check = (text: string, setting: string) => string | null;

function devicePlus(value: string, setting: string, what: string, check: Check): ValueProblem | null {
  if (value === "") return null;
  const dropped = "systemd ignores the line";
  const w = extractFirstWord(value, 0, WHITESPACE, { unquote: true });
  if (w.errorAt !== undefined) return problemAt(w.errorAt, w.errorAt + 1, `unterminated quote or trailing backslash: ${dropped}`);
  const rest = w.next === null ? "" : value.slice(w.next);
  if (w.word === null || rest === "")
    return problemAt(0, value.length, `expected a device and ${what}, such as '/dev/sda ${setting.startsWith("IODeviceWeight") ? "200" : "5M"}': ${dropped}`);
  const path = expandForCheck(w.word);
  const why = path === null ? null : pathProblem(path, "any");
  if (why) return problemAt(w.from, w.to, `device path '${w.word}' ${why}: ${dropped}`);
  const bad = check(rest, setting);
  return bad ? problemAt(w.next!, value.length, `'${rest}' ${bad}: ${dropped}`) : null;
}

/** cg_weight_parse(): 1-10000. */
const weight: Check = (t) => {
  const n = safeAtou64(t);
  return n !== undefined && n >= 1n && n <= 10000n ? null : "is not a weight from 1 to 10000";
};

/** parse_size() in base 1000, above 0, or `infinity`. */
const limit: Check = (t, setting) => {
  if (t === "infinity") return null;
  const s = parseSize(t, 1000);
  if (s.ok && s.bytes > 0n) return null;
  return /IOPS/.test(setting)
    ? "is not a number of operations per second (e.g. 1000, 2K) or 'infinity'"
    : "is not a rate in bytes per second (e.g. 5M, 1G; base 1000) or 'infinity'";
};

const latency: Check = (t) => (parseTimespan(t).ok ? null : "is not a time span such as 25ms");

export const ioDeviceWeight = (v: string, setting: string) => devicePlus(v, setting, "a weight", weight);
export const ioLimit = (v: string, setting: string) => devicePlus(v, setting, "a limit", limit);
export const ioDeviceLatency = (v: string, setting: string) => devicePlus(v, setting, "a time span", latency);
