import { type CalendarSpec, constComponent } from "./model.js";

const zero = () => [constComponent(0)];
const daily = (s: CalendarSpec) => {
  s.hour = zero();
  s.minute = zero();
  s.second = zero();
};
const months = (...m: number[]) => m.map(constComponent);

/**
 * The shorthands of systemd.time(7) ("Calendar Events") and what
 * calendar_spec_from_string() expands them to. Matched on the whole spec
 * (zone suffix removed), in any case.
 */
const TABLE: Record<string, (s: CalendarSpec) => void> = {
  minutely: (s) => {
    s.second = zero();
  },
  hourly: (s) => {
    s.minute = zero();
    s.second = zero();
  },
  daily,
  monthly: (s) => {
    s.day = months(1);
    daily(s);
  },
  annually: (s) => yearly(s),
  yearly: (s) => yearly(s),
  /** a misspelling kept by systemd for backwards compatibility */
  anually: (s) => yearly(s),
  weekly: (s) => {
    s.weekdaysBits = 1;
    daily(s);
  },
  quarterly: (s) => {
    s.month = months(1, 4, 7, 10);
    s.day = months(1);
    daily(s);
  },
  biannually: (s) => semi(s),
  "bi-annually": (s) => semi(s),
  semiannually: (s) => semi(s),
  "semi-annually": (s) => semi(s),
};

function yearly(s: CalendarSpec): void {
  s.month = months(1);
  s.day = months(1);
  daily(s);
}

function semi(s: CalendarSpec): void {
  s.month = months(1, 7);
  s.day = months(1);
  daily(s);
}

/** Lower-cased shorthand → expansion (a Map, so "__proto__" and friends are not shorthands). */
export const SHORTHANDS: ReadonlyMap<string, (s: CalendarSpec) => void> = new Map(Object.entries(TABLE));
