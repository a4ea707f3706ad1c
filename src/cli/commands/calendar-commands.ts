import type { CommandModule } from "./index.js";

/**
 * The commands of the calendar bundle (dist/calendar.cjs): `calendar`, `next`
 * and `timespan` need the calendar engine and commander only, about a sixth of
 * the whole CLI, so the bin (src/cli/loader.cjs, which has the same list) runs
 * them from this smaller bundle and its own code cache. Each registers itself
 * exactly as in the whole CLI (commands/index.ts), so help, errors and output
 * are the same.
 */
export const CALENDAR_COMMANDS = ["calendar", "next", "timespan"] as const;

const loaders: Record<(typeof CALENDAR_COMMANDS)[number], () => Promise<CommandModule>> = {
  calendar: () => import("./calendar.js"),
  next: () => import("./next.js"),
  timespan: () => import("./timespan.js"),
};

export async function calendarCommandModulesFor(argv: string[]): Promise<CommandModule[]> {
  const load = (CALENDAR_COMMANDS as readonly string[]).includes(argv[0] ?? "") ? loaders[argv[0] as (typeof CALENDAR_COMMANDS)[number]] : undefined;
  if (load === undefined) throw new Error(`the calendar bundle has no command '${argv[0] ?? ""}'`);
  return [await load()];
}
