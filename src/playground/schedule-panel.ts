import { parseFile } from "../model/unit-file.js";
import { buildUnitSet } from "../model/unit-set.js";
import { parseScheduleFile, scheduleKindOf } from "../model/schedule-file.js";
import { buildSchedule, renderTerminal, type ScheduleModel } from "../schedule/index.js";
import { DROPIN_NAME } from "./analysis.js";
import type { PlaygroundState } from "./state.js";

/**
 * The `unitlint schedule` model of what is pasted: a timer (with its drop-in),
 * a crontab or a job file, over the next 7 days in the calendar box's zone.
 */
export function scheduleOf(state: PlaygroundState, from: number = Date.now() * 1000): ScheduleModel {
  const filename = state.filename.trim() || "app.service";
  const kind = scheduleKindOf(filename, state.text);
  const files = kind ? [] : [parseFile(filename, state.text)];
  if (!kind && state.dropin.trim()) files.push(parseFile(`${filename}.d/${DROPIN_NAME}`, state.dropin));
  const scheduleFiles = kind ? [parseScheduleFile(filename, state.text, kind)] : [];
  return buildSchedule({ units: buildUnitSet(files), scheduleFiles }, { from, tz: state.tz || "UTC", days: 7 });
}

/** The timeline as `unitlint schedule` prints it (no colour), or a hint when nothing is scheduled. */
export function schedulePanel(state: PlaygroundState, out: HTMLElement, from?: number): void {
  let text: string;
  try {
    const model = scheduleOf(state, from);
    text =
      model.jobs.length === 0
        ? "Paste a .timer with OnCalendar= (or a crontab, or a jobs/*.json file) to see its next 7 days here."
        : renderTerminal(model, { width: 96 });
  } catch (e) {
    text = `schedule: ${e instanceof Error ? e.message : String(e)}`;
  }
  out.textContent = text;
}
