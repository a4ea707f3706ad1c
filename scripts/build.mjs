// Builds the single-file CLI bundle (the fast path for pre-commit) and the
// typed library (ESM + declarations) from src/.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, chmodSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const define = { __UNITLINT_VERSION__: JSON.stringify(pkg.version) };
const onlyBin = process.argv.includes("--bin-only");

rmSync("dist/unitlint.js", { force: true });
rmSync("dist/chunks", { recursive: true, force: true });
await build({
  // One entry file; code only some commands need (language server, playground
  // server) goes to chunks loaded by dynamic import, so `check` never parses it.
  entryPoints: { unitlint: "src/cli/bin.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  legalComments: "none",
  define,
  // commander is CommonJS and requires node built-ins; give the ESM bundle a real require.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __unitlintCreateRequire } from 'node:module';\nconst require = __unitlintCreateRequire(import.meta.url);" },
  logLevel: "warning",
});
chmodSync("dist/unitlint.js", 0o755);

if (!onlyBin) {
  execFileSync(process.execPath, ["scripts/build-playground.mjs", "--quiet"], { stdio: "inherit" });
  rmSync("dist/lib", { recursive: true, force: true });
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
