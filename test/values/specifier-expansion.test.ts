import { describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";
import { directiveInfo } from "../../src/knowledge/directives.js";
import { expandKnownSpecifiers } from "../../src/values/scan.js";
import { userGroupVerdict } from "../../src/values/user-group.js";
import { breaksWithEmptyInstance, validateValue } from "../../src/values/validate.js";

const info = (section: string, key: string) => directiveInfo(section, key)!;
const errorsOf = (path: string, text: string) =>
  lint([{ path, text }])
    .findings.filter((f) => f.severity === "error")
    .map((f) => `${f.line}:${f.column} ${f.rule}`);

describe("specifiers whose expansion a unit pins down", () => {
  it("put in %i, %I and %n, keep %% and the other specifiers, and say where the first was", () => {
    expect(expandKnownSpecifiers("/srv/%i/%n", { i: "", n: "a.service" })).toEqual({ text: "/srv//a.service", at: 5 });
    expect(expandKnownSpecifiers("%%i %H %I", { i: "", I: "" })).toEqual({ text: "%%i %H ", at: 7 });
    expect(expandKnownSpecifiers("/srv/%H", { i: "" })).toBeUndefined();
    expect(expandKnownSpecifiers("50%", { i: "" })).toBeUndefined();
  });

  it("judge a value as systemd sees it in a unit that is not a template", () => {
    const noInstance = { noInstance: true };
    expect(validateValue("%i", info("Unit", "ConditionPathExists"), noInstance)?.message).toMatch(/empty string because the unit is not a template/);
    expect(validateValue("%i/data", info("Service", "ReadWritePaths"), noInstance)).toBeNull();
    expect(validateValue("etc/%i", info("Service", "ReadWritePaths"), noInstance)?.message).toMatch(/systemd sees 'etc\/'/);
    // empty expansions systemd takes (measured): a description, a PID file, a capability set
    expect(validateValue("%i", info("Unit", "Description"), noInstance)).toBeNull();
    expect(validateValue("%i", info("Service", "PIDFile"), noInstance)).toBeNull();
    // without the context nothing is assumed about %i (templates: the instance is not known)
    expect(validateValue("%i", info("Unit", "ConditionPathExists"))).toBeNull();
  });

  it("know the unit's own name for %n: a unit cannot trigger itself or be its own socket", () => {
    expect(validateValue("%n", info("Timer", "Unit"), { unitName: "a.timer" })?.message).toMatch(/cannot trigger itself/);
    expect(validateValue("a.timer", info("Timer", "Unit"), { unitName: "a.timer" })?.message).toMatch(/cannot trigger itself/);
    expect(validateValue("%n", info("Service", "Sockets"), { unitName: "a.service" })?.message).toMatch(/not a \.socket unit/);
    expect(validateValue("a.service", info("Timer", "Unit"), { unitName: "a.timer" })).toBeNull();
  });

  it("judge what a host specifier leaves certain: a variable name's own characters, a calendar spec's impossible ones", () => {
    // Environment= expands before it checks the name: APP_%b is APP_ and the boot ID
    expect(validateValue("APP_%b=1", info("Service", "Environment"))).toBeNull();
    expect(validateValue("%b=1", info("Service", "Environment"))).toBeNull();
    expect(validateValue("A-%b=1", info("Service", "Environment"))?.message).toMatch(/not a NAME=value/);
    expect(validateValue("1%b=2", info("Service", "Environment"))?.message).toMatch(/not a NAME=value/);
    // no host name or path makes '[' part of a calendar spec; a plain specifier stays unjudged
    const bad = validateValue(".[ H%H", info("Timer", "OnCalendar"));
    expect(bad && ".[ H%H".slice(bad.from, bad.to)).toBe("[");
    expect(validateValue("*-*-* %H:00", info("Timer", "OnCalendar"))).toBeNull();
  });

  it("leave the note on %i to the rule that reports the refusal", () => {
    expect(breaksWithEmptyInstance("%i", info("Service", "User"))).toBe(true);
    expect(breaksWithEmptyInstance("app%i", info("Service", "User"))).toBe(false);
    expect(breaksWithEmptyInstance("%i", info("Service", "ExecStartPre"))).toBe(true);
    expect(breaksWithEmptyInstance("/usr/bin/w %i", info("Service", "ExecStart"))).toBe(false);
    expect(breaksWithEmptyInstance("%i", info("Service", "WorkingDirectory"))).toBe(true);
    expect(breaksWithEmptyInstance("%i", info("Service", "RootDirectory"))).toBe(false);
    expect(breaksWithEmptyInstance("%i", info("Unit", "ConditionPathExists"))).toBe(true);
  });

  it("are not applied to templates, instances or drop-ins that may belong to one", () => {
    const body = "[Service]\nExecStart=/usr/bin/w\nUser=%i\nWorkingDirectory=%i\nExecStartPre=%i\n";
    expect(errorsOf("w.service", body)).toEqual(["3:6 loading/invalid-user-group", "4:18 loading/invalid-path", "5:14 loading/invalid-command"]);
    expect(errorsOf("w@.service", body)).toEqual([]);
    expect(errorsOf("etc/w-.service.d/x.conf", body)).toEqual([]);
    expect(errorsOf("etc/w.service.d/x.conf", body)).toEqual(["3:6 loading/invalid-user-group", "4:18 loading/invalid-path", "5:14 loading/invalid-command"]);
  });
});

describe("user and group names (valid_user_group_name(), relaxed, numeric IDs allowed)", () => {
  it("refuse what systemd 252 refuses, and tell relaxed names from strict ones", () => {
    for (const ok of ["app", "_app", "a-b", "0", "4294967294"]) expect(userGroupVerdict(ok)).toBeNull();
    for (const relaxed of ["foo bar", "app.users", "1app", "a".repeat(40), "joe@example", "+5", "0x10"])
      expect(userGroupVerdict(relaxed)).toEqual({ relaxed: true });
    for (const bad of ["", "65535", "4294967295", "05", "00", "-1", " a", "a ", "a:b", "a/b", ".", "..", "a\tb"])
      expect(userGroupVerdict(bad)).toHaveProperty("refused");
  });
});
