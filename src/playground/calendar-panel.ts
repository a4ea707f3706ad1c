import type { PlaygroundState } from "./state.js";

/** The calendar box: normalized form and next elapses of the free spec and of every OnCalendar= line. */
export function calendarPanel(state: PlaygroundState, out: HTMLElement): void {
  const specs = [state.calendar, ...[...state.text.matchAll(/^\s*OnCalendar\s*=\s*(.+?)\s*$/gm)].map((m) => m[1]!)].filter((s) => s.trim() !== "");
  out.replaceChildren();
  for (const spec of specs) {
    const pre = document.createElement("pre");
    pre.className = "calendar";
    pre.textContent = `${spec}\n  (calendar engine not bundled yet)`;
    out.append(pre);
  }
}
