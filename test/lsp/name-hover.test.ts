import { describe, expect, it } from "vitest";
import { parseCrontab } from "../../src/crontab/index.js";
import { crontabHoverAt, hoverAt } from "../../src/lsp/hover.js";
import { defaultKnowledge } from "../../src/lsp/knowledge-impl.js";
import { parseFile } from "../../src/model/unit-file.js";

const knowledge = defaultKnowledge();
const hover = (text: string, at: string, units?: Parameters<typeof hoverAt>[3]["units"]) => {
  const h = hoverAt(parseFile("app.service", text), text.indexOf(at) + 1, knowledge, units ? { units } : {});
  return h && { markdown: h.markdown, text: text.slice(h.range.start, h.range.end) };
};

describe("hover on unit names", () => {
  const text = "[Unit]\nWants=worker@email.service network-online.target systemd-networkd.service nosuch.service\n";
  const units = (name: string) => (name === "worker@.service" ? { path: "etc/worker@.service", description: "Worker %i" } : undefined);

  it("names the workspace file that defines it (an instance by its template) and its description", () => {
    expect(hover(text, "worker@email", units)).toEqual({
      markdown: expect.stringContaining("Defined in `etc/worker@.service` (from the template `worker@.service`)"),
      text: "worker@email.service",
    });
    expect(hover(text, "worker@email", units)!.markdown).toContain("**worker@email.service**: Worker %i");
  });

  it("says when systemd provides it, and when nothing does", () => {
    expect(hover(text, "network-online", units)!.markdown).toContain("special unit of systemd");
    expect(hover(text, "systemd-networkd", units)!.markdown).toMatch(/a unit systemd 252 itself ships/);
    expect(hover(text, "nosuch", units)!.markdown).toContain("is not among the workspace's units nor systemd's own");
  });
});

describe("hover on an enumerated value", () => {
  it("lists the setting's values, the one under the cursor in bold", () => {
    const h = hover("[Service]\nRestart=on-failure\n", "on-failure")!;
    expect(h.text).toBe("on-failure");
    expect(h.markdown).toContain("is one of the values of **Restart=**");
    expect(h.markdown).toContain("**on-failure**");
    expect(hover("[Service]\nRestart=sometimes\n", "sometimes")!.markdown).toContain("is not a value of **Restart=**");
  });
});

describe("hover in a crontab", () => {
  const text = "CRON_TZ=Europe/Berlin\n0 3 * * * /usr/bin/backup --to /srv % daily\nCRON_TZ=Mars/Olympus\n";
  const file = parseCrontab(text, "crontab", "user");
  const at = (s: string) => crontabHoverAt(file, text.indexOf(s) + 1)?.markdown ?? "";

  it("explains the command: the shell, the owner, what % sends to standard input", () => {
    expect(at("/usr/bin/backup")).toContain('Runs `/bin/sh -c "/usr/bin/backup --to /srv"` as the crontab\'s owner');
    expect(at("/usr/bin/backup")).toContain('standard input, each later `%` as a newline: " daily"');
  });

  it("explains CRON_TZ= and tells an unknown zone", () => {
    expect(at("Europe/Berlin")).toContain("read in Europe/Berlin (cronie)");
    expect(at("Mars/Olympus")).toContain("not a time zone this machine knows");
  });

  it("still explains the schedule's fields", () => {
    expect(crontabHoverAt(file, text.indexOf("0 3") + 2)?.markdown).toMatch(/hour/i);
  });
});
