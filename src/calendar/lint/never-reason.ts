import type { CalendarSpec } from "../spec/model.js";
import { chainMatches } from "../spec/matches.js";
import { daysFromCivil, isLeapYear } from "../libc/tm.js";

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why a valid spec can never elapse, in words, and which field to blame. */
export function neverReason(spec: CalendarSpec): { field: "day" | "weekday" | "year"; message: string } | undefined {
  const years = Array.from({ length: 2199 - 1970 + 1 }, (_, i) => 1970 + i).filter((y) => chainMatches(spec.year, y));
  if (years.length === 0) return undefined;
  const months = Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => chainMatches(spec.month, m));
  if (!spec.endOfMonth) {
    const fits = months.some((m) => Array.from({ length: MONTH_DAYS[m - 1]! }, (_, i) => i + 1).some((d) => chainMatches(spec.day, d)));
    if (!fits) {
      const days = Array.from({ length: 31 }, (_, i) => i + 1).filter((d) => chainMatches(spec.day, d));
      const m = months.map((x) => MONTH_NAMES[x - 1]).join(", ");
      return { field: "day", message: `day ${days.join(", ")} never occurs in ${m}` };
    }
    if (
      months.every((m) => m === 2) &&
      Array.from({ length: 29 }, (_, i) => i + 1)
        .filter((d) => chainMatches(spec.day, d))
        .every((d) => d === 29) &&
      !years.some(isLeapYear)
    ) {
      return { field: "year", message: `February 29 falls in none of the selected years` };
    }
  }
  if (spec.weekdaysBits > 0 && spec.weekdaysBits < 127) {
    // is there any selected date on a selected weekday?
    for (const y of years) {
      for (const m of months) {
        const len = m === 2 ? (isLeapYear(y) ? 29 : 28) : MONTH_DAYS[m - 1]!;
        for (let d = 1; d <= len; d++) {
          if (!chainMatches(spec.day, d, spec.endOfMonth ? len : undefined)) continue;
          const wday = (((daysFromCivil(y, m, d) + 4) % 7) + 7) % 7;
          if (spec.weekdaysBits & (1 << ((wday + 6) % 7))) return undefined;
        }
      }
    }
    return { field: "weekday", message: `the weekday and the date never coincide` };
  }
  return undefined;
}
