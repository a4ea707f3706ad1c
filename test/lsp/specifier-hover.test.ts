import { describe, expect, it } from "vitest";
import { parseFile } from "../../src/model/unit-file.js";
import { hoverAt } from "../../src/lsp/hover.js";
import { defaultKnowledge } from "../../src/lsp/knowledge-impl.js";

const knowledge = defaultKnowledge();
const text = "[Service]\nExecStart=/bin/x %I %P %J %f %h %m\n";
const hover = (unit: string, spec: string) => hoverAt(parseFile(unit, text), text.indexOf(spec) + 1, knowledge)?.markdown;

describe("specifier hover", () => {
  it("unescapes instance and prefix for %I %P %J %f", () => {
    const unit = "dev-sda\\x2d1@var-lib-x.service";
    expect(hover(unit, "%I")).toContain("`%I` expands to `var/lib/x`");
    expect(hover(unit, "%P")).toContain("`%P` expands to `dev/sda-1`");
    expect(hover(unit, "%J")).toContain("`%J` expands to `sda-1`");
    expect(hover(unit, "%f")).toContain("`%f` expands to `/var/lib/x`");
    expect(hover("backup.service", "%f")).toContain("`%f` expands to `/backup`");
  });

  it("says what a run-time specifier stands for", () => {
    expect(hover("a.service", "%h")).toBe("`%h`: user home directory, filled in by systemd when it loads the unit (not known from the file alone)");
    expect(hover("a.service", "%m")).toContain("`%m`: machine ID");
  });
});
