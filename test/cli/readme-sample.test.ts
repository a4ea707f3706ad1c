import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBin, ROOT, run } from "../helpers/cli.js";

beforeAll(() => ensureBin(), 120_000);

// The README's sample output is what the bundled example really prints: a new user who runs the command sees it.
describe("the README's sample output", () => {
  it("is exactly what `unitlint check examples/sidekiq` prints", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = /```console\n\$ unitlint check examples\/sidekiq\n([\s\S]*?)```/.exec(readme);
    expect(block, "README.md has a ```console block for `unitlint check examples/sidekiq`").not.toBeNull();
    const r = run(["check", "examples/sidekiq"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(block![1]);
  });
});
