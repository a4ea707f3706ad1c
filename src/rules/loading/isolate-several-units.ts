import { splitWords } from "../../values/words.js";
import { defineRule } from "../types.js";
import { lastAccepted } from "./loading-helper.js";

const JOB_MODES = ["fail", "replace", "replace-irreversibly", "isolate", "flush", "ignore-dependencies", "ignore-requirements"];

export default defineRule({
  meta: {
    id: "loading/isolate-several-units",
    family: "loading",
    severity: "error",
    fixable: "none",
    messages: {
      several:
        "{mode}=isolate with {count} {deps} units: systemd refuses to load the unit, since only one unit can be isolated. Keep one unit in {deps}, or use another job mode",
    },
    docs: {
      summary: "`OnFailureJobMode=isolate` (or `OnSuccessJobMode=isolate`) with more than one unit in `OnFailure=` (`OnSuccess=`).",
      rationale:
        "Isolating starts one unit and stops everything it does not need, so it can only be done for one unit at a time; systemd 252 refuses to load a unit that asks to isolate several.",
      bad: {
        filename: "app.service",
        text: "[Unit]\nOnFailure=rescue.target emergency.target\nOnFailureJobMode=isolate\n\n[Service]\nExecStart=/usr/bin/app\n",
      },
      good: { filename: "app.service", text: "[Unit]\nOnFailure=rescue.target\nOnFailureJobMode=isolate\n\n[Service]\nExecStart=/usr/bin/app\n" },
      reference: "systemd.unit(5) OnFailureJobMode=",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    for (const deps of ["OnFailure", "OnSuccess"]) {
      const modeKey = `${deps}JobMode`;
      const mode = lastAccepted(u, "Unit", modeKey, (v) => JOB_MODES.includes(v));
      if (mode?.value !== "isolate") continue;
      const names = new Set(u.all("Unit", deps).flatMap((a) => splitWords(a.value).words.map((w) => w.text)));
      if (names.size > 1)
        ctx.report({ messageId: "several", data: { mode: modeKey, count: names.size, deps: `${deps}=` }, file: mode.file, range: mode.entry.range });
    }
  },
});
