import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A JSON report beside the console one lets .ci/run print the plain "N passed, M failed" line.
    reporters: ["default", ["json", { outputFile: ".vitest-results.json" }]],
  },
});
