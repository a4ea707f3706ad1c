import { type CalendarComponent, type CalendarSpec, BITS_WEEKDAYS, USEC_PER_SEC } from "./model.js";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Weekday bits as systemd prints them: runs of three or more become "A..B". */
export function formatWeekdays(bits: number): string {
  let out = "";
  let needComma = false;
  let l = -1;
  let x = 0;
  const closeRun = () => {
    if (l >= 0 && x > l + 1) out += (x > l + 2 ? ".." : ",") + DAYS[x - 1];
  };
  for (x = 0; x < DAYS.length; x++) {
    if (bits & (1 << x)) {
      if (l < 0) {
        if (needComma) out += ",";
        else needComma = true;
        out += DAYS[x];
        l = x;
      }
    } else if (l >= 0) {
      closeRun();
      l = -1;
    }
  }
  closeRun();
  return out;
}

const pad = (v: number, width: number) => String(v).padStart(width, "0");
const frac = (v: number) => "." + pad(v, 6);

function isStar(chain: CalendarComponent[], usec: boolean): boolean {
  if (chain.length === 0) return true;
  return usec && chain.some((c) => c.start === 0 && c.stop < 0 && c.repeat === USEC_PER_SEC);
}

/** calendarspec.c format_chain */
function formatChain(chain: CalendarComponent[], width: number, usec: boolean): string {
  if (isStar(chain, usec)) return "*";
  const d = usec ? USEC_PER_SEC : 1;
  return chain
    .map((c) => {
      let s = pad(Math.trunc(c.start / d), width);
      if (c.start % d > 0) s += frac(c.start % d);
      if (c.stop > 0) s += ".." + pad(Math.trunc(c.stop / d), width);
      if (c.stop % d > 0) s += frac(c.stop % d);
      if (c.repeat > 0 && !(c.stop > 0 && c.repeat === d)) s += "/" + Math.trunc(c.repeat / d);
      if (c.repeat % d > 0) s += frac(c.repeat % d);
      return s;
    })
    .join(",");
}

/**
 * The normalized form, as `systemd-analyze calendar` prints it
 * (calendar_spec_to_string). `tzname` is glibc's current tzname[], used for a
 * spec that named the local zone's abbreviation.
 */
export function formatSpec(s: CalendarSpec, tzname: readonly [string, string] = ["UTC", "UTC"]): string {
  let out = "";
  if (s.weekdaysBits > 0 && s.weekdaysBits <= BITS_WEEKDAYS) out += formatWeekdays(s.weekdaysBits) + " ";
  out += formatChain(s.year, 4, false) + "-" + formatChain(s.month, 2, false) + (s.endOfMonth ? "~" : "-") + formatChain(s.day, 2, false);
  out += " " + formatChain(s.hour, 2, false) + ":" + formatChain(s.minute, 2, false) + ":" + formatChain(s.second, 2, true);
  if (s.utc) out += " UTC";
  else if (s.timezone) out += " " + s.timezone;
  else if (s.dst === 0 || s.dst === 1) {
    const name = tzname[s.dst];
    if (name) out += " " + name;
  }
  return out;
}
