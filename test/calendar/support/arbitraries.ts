import fc from "fast-check";

/*
 * fast-check generators of calendar specs from the systemd.time(7) grammar,
 * biased towards the edges systemd cares about (month ends, Feb 29, DST hours,
 * repetitions running past a field's range), plus mutated variants that are
 * mostly invalid.
 */

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

const randomCase = (s: string) => fc.constantFrom(s, s.toLowerCase(), s.toUpperCase());

const weekdayName = fc.constantFrom(...WEEKDAYS).chain(randomCase);

const weekdayItem = fc.oneof(
  { weight: 3, arbitrary: weekdayName },
  { weight: 2, arbitrary: fc.tuple(weekdayName, fc.constantFrom("..", "-"), weekdayName).map(([a, s, b]) => a + s + b) },
);

export const weekdays = fc
  .tuple(fc.array(weekdayItem, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([items, trailing]) => items.join(",") + (trailing ? "," : ""));

const num = (lo: number, hi: number, width = 0) => fc.integer({ min: lo, max: hi }).map((n) => String(n).padStart(width, "0"));

function component(lo: number, hi: number, width: number, fraction: boolean) {
  const frac = fraction ? fc.option(fc.stringMatching(/^[0-9]{1,8}$/), { freq: 3 }) : fc.constant(null);
  const value = fc.tuple(num(lo, hi, width), frac).map(([v, f]) => (f ? `${v}.${f}` : v));
  const repeat = fc.tuple(fc.oneof(num(0, Math.max(3, Math.floor((hi - lo) / 2))), num(1, hi + 5)), frac).map(([v, f]) => (f ? `${v}.${f}` : v));
  return fc
    .tuple(value, fc.option(value, { freq: 4 }), fc.option(repeat, { freq: 3 }))
    .map(([a, b, r]) => a + (b !== null ? ".." + b : "") + (r !== null ? "/" + r : ""));
}

function chain(lo: number, hi: number, width = 2, fraction = false) {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant("*") },
    { weight: 5, arbitrary: fc.array(component(lo, hi, width, fraction), { minLength: 1, maxLength: 3 }).map((c) => c.join(",")) },
  );
}

export const date = fc.oneof(
  fc.tuple(chain(1960, 2210, 4), chain(0, 13), fc.constantFrom("-", "-", "~"), chain(0, 32)).map(([y, m, s, d]) => `${y}-${m}${s}${d}`),
  fc.tuple(chain(0, 99), chain(0, 13), fc.constantFrom("-", "~"), chain(0, 32)).map(([y, m, s, d]) => `${y}-${m}${s}${d}`),
  fc.tuple(chain(0, 13), fc.constantFrom("-", "~"), chain(0, 32)).map(([m, s, d]) => `${m}${s}${d}`),
);

export const time = fc.oneof(
  fc.tuple(chain(0, 24), chain(0, 60)).map(([h, m]) => `${h}:${m}`),
  fc.tuple(chain(0, 24), chain(0, 60), chain(0, 61, 2, true)).map(([h, m, s]) => `${h}:${m}:${s}`),
);

export const ZONES_FOR_SUFFIX = [
  "UTC",
  "utc",
  "Europe/Berlin",
  "America/New_York",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "CET",
  "CEST",
  "EST",
  "EDT",
  "+0545",
  "+1030",
  "+11",
  "Pacific/Auckland",
  "Mars/Base",
  "Etc/UTC",
];

export const zoneSuffix = fc.option(
  fc.constantFrom(...ZONES_FOR_SUFFIX).map((z) => " " + z),
  { freq: 3 },
);

export const SHORTHANDS = [
  "minutely",
  "hourly",
  "daily",
  "monthly",
  "weekly",
  "yearly",
  "annually",
  "anually",
  "quarterly",
  "semiannually",
  "semi-annually",
  "biannually",
  "bi-annually",
];

/** Grammatical specs (most valid, some rejected by systemd's range checks). */
export const grammaticalSpec = fc.oneof(
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...SHORTHANDS).chain(randomCase), zoneSuffix).map(([s, z]) => s + (z ?? "")) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: -5, max: 7_500_000_000 }), zoneSuffix).map(([n, z]) => `@${n}${z ?? ""}`) },
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.option(weekdays, { freq: 3 }), fc.option(date, { freq: 2 }), fc.option(time, { freq: 4 }), zoneSuffix)
      .filter(([w, d, t]) => w !== null || d !== null || t !== null)
      .map(([w, d, t, z]) => [w, d, t].filter((x) => x !== null).join(" ") + (z ?? "")),
  },
);

const MUTATION_CHARS = [..." -~:.,/*0123456789@", "Mon", "UTC", "..", "x", "\t"];

/** A spec with a few random edits: mostly invalid, sometimes oddly valid. */
export const mutatedSpec = fc
  .tuple(
    grammaticalSpec,
    fc.array(fc.tuple(fc.nat(), fc.constantFrom("insert", "delete", "replace"), fc.constantFrom(...MUTATION_CHARS)), { minLength: 1, maxLength: 3 }),
  )
  .map(([s, edits]) => {
    let out = s;
    for (const [pos, op, ch] of edits) {
      const i = out.length === 0 ? 0 : pos % (out.length + (op === "insert" ? 1 : 0));
      if (op === "insert") out = out.slice(0, i) + ch + out.slice(i);
      else if (op === "delete") out = out.slice(0, i) + out.slice(i + 1);
      else out = out.slice(0, i) + ch + out.slice(i + 1);
    }
    return out;
  })
  .filter((s) => s.length > 0 && !s.startsWith("-"));

export const anySpec = fc.oneof({ weight: 3, arbitrary: grammaticalSpec }, { weight: 2, arbitrary: mutatedSpec });

export const DIFF_ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"];

/** Base times (seconds): any time 1970..2200, and hours around recent DST changes. */
export const baseSeconds = fc.oneof(
  fc.integer({ min: 0, max: 7_258_118_400 }),
  fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }),
  fc
    .constantFrom(1774746000, 1774659600, 1792890000, 1772953200, 1793516400, 1775318400, 1791043200)
    .chain((t) => fc.integer({ min: t - 7200, max: t + 7200 })),
);
