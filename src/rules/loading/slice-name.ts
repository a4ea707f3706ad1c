import { defineRule } from "../types.js";

/** Why systemd 252's slice_name_is_valid() rejects `name` (a syntactically valid unit name), or null. */
function sliceNameProblem(name: string): string | null {
  if (name === "-.slice") return null;
  const stem = name.slice(0, -".slice".length);
  if (stem.includes("@")) return "a slice cannot be a template instance";
  if (stem.startsWith("-")) return "it starts with '-'";
  if (stem.endsWith("-")) return "it ends with '-'";
  if (stem.includes("--")) return "it has '--'";
  return null;
}

export default defineRule({
  meta: {
    id: "loading/slice-name",
    family: "loading",
    severity: "error",
    unitTypes: ["slice"],
    fixable: "none",
    messages: {
      invalid:
        "'{name}' is not a valid slice name ({why}): systemd refuses to load it. A slice name lists its parents separated by single dashes, e.g. 'app-web.slice' inside 'app.slice'",
    },
    docs: {
      summary: "A slice unit whose name is not a valid slice path: a leading or trailing `-`, `--`, or a template instance.",
      rationale:
        "A slice's name encodes its place in the tree (`a-b.slice` lives in `a.slice`), so systemd 252 refuses to load slices whose name has an empty component.",
      bad: { filename: "app--web.slice", text: "[Slice]\nCPUWeight=50\n" },
      good: { filename: "app-web.slice", text: "[Slice]\nCPUWeight=50\n" },
      reference: "systemd.slice(5)",
    },
  },
  checkFile(ctx) {
    const f = ctx.file;
    if (f.kind !== "unit" || f.name.type !== "slice" || f.name.isTemplate) return;
    const why = sliceNameProblem(f.name.name);
    if (why) ctx.report({ messageId: "invalid", data: { name: f.name.name, why }, file: f, range: { start: 0, end: 0 } });
  },
});
