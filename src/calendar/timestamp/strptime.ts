import { type Tm, MON_YDAY, daysFromCivil, isLeapYear } from "../libc/tm.js";

/*
 * The few strptime(3) conversions systemd's parse_timestamp() tries, with
 * glibc's C-locale behaviour: a space in the format matches any run of blanks
 * (even none), numbers skip leading blanks and stop early when another digit
 * would overflow the field ("%m" reads "2" from "20"), and the weekday is
 * recomputed from the date.
 */

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const isSpace = (c: string | undefined) => c !== undefined && /^[ \t\n\v\f\r]$/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

function dayOfWeek(tm: Tm): void {
  const days = daysFromCivil(1900 + tm.year, tm.mon + 1, tm.mday);
  tm.wday = (((days + 4) % 7) + 7) % 7;
}

/** Returns the index where parsing stopped, or -1 when the input does not match. */
export function strptime(s: string, fmt: string, tm: Tm): number {
  let rp = 0;
  let wantXday = false;
  let haveMon = false;
  const num = (from: number, to: number, n: number): number | null => {
    while (isSpace(s[rp])) rp++;
    if (!isDigit(s[rp])) return null;
    let val = 0;
    do {
      val = val * 10 + (s.charCodeAt(rp++) - 48);
    } while (--n > 0 && val * 10 <= to && isDigit(s[rp]));
    return val < from || val > to ? null : val;
  };
  for (let f = 0; f < fmt.length; f++) {
    const fc = fmt[f]!;
    if (fc === " ") {
      while (isSpace(s[rp])) rp++;
      continue;
    }
    if (fc !== "%") {
      if (s[rp] !== fc) return -1;
      rp++;
      continue;
    }
    const conv = fmt[++f];
    let v: number | null;
    switch (conv) {
      case "Y":
        if ((v = num(0, 9999, 4)) === null) return -1;
        tm.year = v - 1900;
        wantXday = true;
        break;
      case "y":
        if ((v = num(0, 99, 2)) === null) return -1;
        tm.year = v >= 69 ? v : v + 100;
        wantXday = true;
        break;
      case "m":
        if ((v = num(1, 12, 2)) === null) return -1;
        tm.mon = v - 1;
        haveMon = true;
        wantXday = true;
        break;
      case "d":
        if ((v = num(1, 31, 2)) === null) return -1;
        tm.mday = v;
        wantXday = true;
        break;
      case "H":
        if ((v = num(0, 23, 2)) === null) return -1;
        tm.hour = v;
        break;
      case "M":
        if ((v = num(0, 59, 2)) === null) return -1;
        tm.min = v;
        break;
      case "S":
        if ((v = num(0, 61, 2)) === null) return -1;
        tm.sec = v;
        break;
      case "b": {
        while (isSpace(s[rp])) rp++;
        const rest = s.slice(rp).toLowerCase();
        let best = -1;
        let len = 0;
        MONTHS.forEach((name, i) => {
          for (const cand of [name, name.slice(0, 3)]) {
            if (rest.startsWith(cand) && cand.length > len) {
              best = i;
              len = cand.length;
            }
          }
        });
        if (best < 0) return -1;
        rp += len;
        tm.mon = best;
        haveMon = true;
        wantXday = true;
        break;
      }
      default:
        return -1;
    }
  }
  if (wantXday) {
    if (tm.year >= -1900) dayOfWeek(tm);
    if (haveMon || (tm.mon >= 0 && tm.mon <= 11)) tm.yday = MON_YDAY[isLeapYear(1900 + tm.year) ? 1 : 0]![tm.mon]! + tm.mday - 1;
  }
  return rp;
}
