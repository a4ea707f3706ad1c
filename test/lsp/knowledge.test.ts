import { describe, expect, it } from "vitest";
import { directiveDefault } from "../../src/knowledge/defaults.js";
import { defaultKnowledge } from "../../src/lsp/knowledge-impl.js";

describe("directive hover: defaults", () => {
  const k = defaultKnowledge();

  it("shows the default of common settings, by section where it differs", () => {
    expect(k.describe("Service", "Restart")).toContain("- default: no");
    expect(k.describe("Service", "TimeoutStopSec")).toContain("- default: DefaultTimeoutStopSec= of the service manager (90s");
    expect(k.describe("Timer", "AccuracySec")).toContain("- default: 1min");
    expect(k.describe("Timer", "Unit")).toContain("foo.timer starts foo.service");
    expect(directiveDefault("Mount", "TimeoutSec")).toContain("DefaultTimeoutStartSec=");
    expect(directiveDefault("Service", "TimeoutSec")).toContain("sets both");
    expect(directiveDefault("Install", "Unit")).toBeUndefined();
  });

  it("says nothing about a default it does not know, and lists each allowed value once", () => {
    expect(k.describe("Unit", "Description")).not.toContain("default");
    const allowed = k
      .describe("Service", "PrivateTmp")!
      .split("\n")
      .find((l) => l.startsWith("- allowed"))!;
    expect(allowed.match(/`no`/g)).toHaveLength(1);
  });
});
