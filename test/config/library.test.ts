import { describe, expect, it } from "vitest";
import { applyFixes, FileConfigs, isIgnored, lint, parseConfig, unifiedDiff } from "../../src/index.js";

// Configuration and fixes through the library's public entry, as an editor plugin or a web page would use them.
describe("library: config and fixes", () => {
  it("a config from text, each file's configuration, fixes and their diff", () => {
    const { config, errors } = parseConfig('{ "rules": { "directives/unknown-directive": "warning" }, "ignore": ["vendor/**"] }');
    expect(errors).toEqual([]);
    expect(isIgnored(config, "vendor/x.service")).toBe(true);
    const text = "[Service]\nExecStart=/usr/bin/app\nRestartsec=5\n";
    const configs = new FileConfigs();
    const options = { configFor: (path: string) => configs.for(config, path) };
    expect(lint([{ path: "app.service", text }], options).findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(["directives/unknown-directive warning"]);
    const { changed } = applyFixes([{ path: "app.service", text }], new Set(["app.service"]), options);
    expect(changed.get("app.service")).toBe("[Service]\nExecStart=/usr/bin/app\nRestartSec=5\n");
    expect(unifiedDiff("app.service", text, changed.get("app.service")!)).toContain("-Restartsec=5\n+RestartSec=5\n");
  });
});
