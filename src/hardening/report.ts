import { type Assessment, type CheckResult, type Rating } from "./assess.js";

/** The JSON shape of `unitlint security --format json` (also read back as a --baseline). */
export interface UnitReport {
  unit: string;
  file: string | null;
  /** 0.0–10.0, one decimal, as systemd prints it. */
  exposure: number;
  rating: Rating;
  checks: Array<{
    id: string;
    jsonField: string;
    /** true: secure, false: exposed (partly or fully), null: not applicable. */
    set: boolean | null;
    badness: number | null;
    range: number;
    weight: number;
    exposure: number | null;
    description: string;
  }>;
}

export function toReport(a: Assessment, file: string | null): UnitReport {
  return {
    unit: a.unit,
    file,
    exposure: a.exposure / 10,
    rating: a.rating,
    checks: sortChecks(a.checks).map((c) => ({
      id: c.check.id,
      jsonField: c.check.jsonField,
      set: c.badness === null ? null : c.badness === 0,
      badness: c.badness,
      range: c.check.range,
      weight: c.check.weight,
      exposure: c.exposure === null ? null : c.exposure / 10,
      description: c.description,
    })),
  };
}

/** Worst first: by exposure, then exposed before secure before n/a, then by name. */
export function sortChecks(checks: CheckResult[]): CheckResult[] {
  const rank = (c: CheckResult) => (c.badness === null ? 2 : c.badness === 0 ? 1 : 0);
  return [...checks].sort(
    (a, b) => (b.exposure ?? 0) - (a.exposure ?? 0) || rank(a) - rank(b) || (a.check.id < b.check.id ? -1 : a.check.id > b.check.id ? 1 : 0),
  );
}

export interface BaselineChange {
  unit: string;
  before: number | null;
  after: number | null;
  /** Checks that got better (exposure went down) or worse, by id. */
  better: string[];
  worse: string[];
}

/** Compare reports with a saved baseline (a previous `--format json` output). */
export function compareBaseline(baseline: UnitReport[], current: UnitReport[]): BaselineChange[] {
  const old = new Map(baseline.map((r) => [r.unit, r]));
  const out: BaselineChange[] = [];
  const names = new Set([...current.map((r) => r.unit), ...baseline.map((r) => r.unit)]);
  for (const unit of [...names].sort()) {
    const b = old.get(unit);
    const c = current.find((r) => r.unit === unit);
    const better: string[] = [];
    const worse: string[] = [];
    if (b && c) {
      const prev = new Map(b.checks.map((x) => [x.id, x.exposure ?? 0]));
      for (const x of c.checks) {
        const before = prev.get(x.id) ?? 0;
        const now = x.exposure ?? 0;
        if (now < before) better.push(x.id);
        else if (now > before) worse.push(x.id);
      }
    }
    out.push({ unit, before: b ? b.exposure : null, after: c ? c.exposure : null, better, worse });
  }
  return out;
}
