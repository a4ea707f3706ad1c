import { defineRule } from "../types.js";
import { missingAt, sharedList } from "./loading-helper.js";

const PATH_KEYS = ["PathExists", "PathExistsGlob", "PathChanged", "PathModified", "DirectoryNotEmpty"];

export default defineRule({
  meta: {
    id: "loading/path-without-trigger",
    family: "loading",
    severity: "error",
    unitTypes: ["path"],
    fixable: "none",
    messages: {
      missing:
        "the path unit watches nothing (no PathExists=, PathExistsGlob=, PathChanged=, PathModified= or DirectoryNotEmpty=): systemd refuses to load it. Add the path to watch in [Path]",
    },
    docs: {
      summary:
        "A path unit without any `PathExists=`, `PathChanged=`, `PathModified=`... setting with an absolute path (an empty value of any of them removes all).",
      rationale: 'systemd 252 refuses to load a path unit that watches no path ("Path unit lacks path setting"), so the service it should start never runs.',
      bad: { filename: "upload.path", text: "[Path]\nMakeDirectory=yes\n" },
      good: { filename: "upload.path", text: "[Path]\nPathChanged=/srv/upload\nMakeDirectory=yes\n" },
      reference: "systemd.path(5)",
    },
  },
  checkUnit(ctx) {
    const u = ctx.unit;
    const at = missingAt(u, "Path");
    // relative paths are ignored with a warning (a specifier may expand to an absolute one)
    if (!at || sharedList(u, "Path", PATH_KEYS, (_k, v) => v.startsWith("/") || v.startsWith("%")).length > 0) return;
    ctx.report({ messageId: "missing", ...at });
  },
});
