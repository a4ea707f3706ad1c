import type { Range } from "../../core/range.js";

export const CRON_FIELDS = ["minute", "hour", "dayOfMonth", "month", "dayOfWeek"] as const;
export type CronFieldName = (typeof CRON_FIELDS)[number];

export const CRON_BOUNDS: Record<CronFieldName, [number, number]> = {
  minute: [0, 59],
  hour: [0, 23],
  dayOfMonth: [1, 31],
  month: [1, 12],
  // 7 is Sunday as well as 0 (crontab(5))
  dayOfWeek: [0, 7],
};

export interface CronItemNode {
  range: Range;
  star: boolean;
  from?: number;
  to?: number;
  step?: number;
}

export interface CronField {
  name: CronFieldName;
  text: string;
  range: Range;
  items: CronItemNode[];
  /** the field begins with '*': for day fields this switches OR to AND (cronie's DOM_STAR/DOW_STAR) */
  startsWithStar: boolean;
  /** the values it matches (day of week folded to 0..6, 0 = Sunday) */
  values: number[];
}

export type CronSpecial = "@reboot" | "@yearly" | "@annually" | "@monthly" | "@weekly" | "@daily" | "@midnight" | "@hourly";

export interface CronExpression {
  text: string;
  special?: CronSpecial;
  fields?: Record<CronFieldName, CronField>;
  /** the rest of a crontab line after the five fields */
  command?: string;
}

export type CronParseResult = { ok: true; cron: CronExpression } | { ok: false; error: { message: string; range: Range; field?: CronFieldName } };
