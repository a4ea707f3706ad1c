import { describe, expect, it } from "vitest";
import { parseFile } from "../../src/model/unit-file.js";
import { buildUnitSet, dropinNamesFor, resolveUnit } from "../../src/model/unit-set.js";

const set = (files: Record<string, string>) => buildUnitSet(Object.entries(files).map(([p, t]) => parseFile(p, t)));

describe("drop-ins and effective units", () => {
  it("lists drop-in folders most specific first", () => {
    expect(dropinNamesFor("foo-bar-baz@x.service")).toEqual(["foo-bar-baz@x.service", "foo-bar-baz@.service", "foo-bar-.service", "foo-.service", "service"]);
  });

  it("applies drop-ins in file-name order across folders, the more specific folder masking the same name", () => {
    const s = set({
      "etc/app-web.service": "[Service]\nExecStart=/bin/a\nEnvironment=A=1\n",
      "etc/app-web.service.d/20-b.conf": "[Service]\nEnvironment=B=2\n",
      "etc/app-.service.d/10-a.conf": "[Service]\nEnvironment=PREFIX=1\n",
      "etc/service.d/30-c.conf": "[Service]\nEnvironment=ALL=1\n",
      "etc/service.d/20-b.conf": "[Service]\nEnvironment=MASKED=1\n",
      "other/app-web.service.d/99.conf": "[Service]\nEnvironment=OTHER_DIR=1\n",
    });
    const u = s.byName.get("app-web.service")!;
    expect(u.dropins.map((d) => d.path)).toEqual(["etc/app-.service.d/10-a.conf", "etc/app-web.service.d/20-b.conf", "etc/service.d/30-c.conf"]);
    expect(u.list("Service", "Environment").map((a) => a.value)).toEqual(["A=1", "PREFIX=1", "B=2", "ALL=1"]);
  });

  it("an empty assignment resets a list; the last assignment wins for single values", () => {
    const s = set({
      "w@.service": "[Service]\nExecStart=/bin/a\nRestart=always\n",
      "w@.service.d/override.conf": "[Service]\nExecStart=\nExecStart=/bin/b --x\nRestart=\n",
    });
    const u = s.byName.get("w@.service")!;
    expect(u.list("Service", "ExecStart").map((a) => [a.file.path, a.value])).toEqual([["w@.service.d/override.conf", "/bin/b --x"]]);
    expect(u.all("Service", "ExecStart")).toHaveLength(3);
    expect(u.get("Service", "Restart")).toBeUndefined();
    expect(u.last("Service", "Restart")!.entry.firstLine).toBe(4);
  });

  it("instances resolve to their template; lone drop-ins become units of their own", () => {
    const s = set({ "w@.service": "[Service]\nExecStart=/bin/a %i\n", "x.service.d/a.conf": "[Service]\nNice=5\n" });
    expect(resolveUnit(s, "w@email.service")!.name.name).toBe("w@.service");
    const lone = s.byName.get("x.service")!;
    expect(lone.main).toBeNull();
    expect(lone.type).toBe("service");
    expect(lone.get("Service", "Nice")).toBe("5");
  });

  it("a type-wide drop-in folder given alone has that type", () => {
    const s = set({ "service.d/limits.conf": "[Service]\nTasksMax=100\n" });
    expect(s.units[0]!.type).toBe("service");
  });

  it("ignores sections whose header systemd rejects", () => {
    const s = set({ "a.service": "[Service\nExecStart=/bin/a\n[Service]\nUser=x\n" });
    expect(s.units[0]!.assignments.map((a) => a.key)).toEqual(["User"]);
  });
});
