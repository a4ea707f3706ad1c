// Builds the CLI (bundle, loader and code cache: the fast path for pre-commit) and the
// typed library (ESM + declarations) from src/.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const define = { __UNITLINT_VERSION__: JSON.stringify(pkg.version) };
const onlyBin = process.argv.includes("--bin-only");

/** Gives commander a stand-in for node:child_process that loads the module on first use (see the stand-in). */
const lazyChildProcessForCommander = {
  name: "lazy-child-process-for-commander",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: fileURLToPath(new URL("./build/lazy-child-process.cjs", import.meta.url)) } : undefined,
    );
  },
};

/**
 * The bundle as ASCII, so the loader can read it as latin1: a one-byte string, read without decoding UTF-8,
 * where one non-ASCII character makes V8 hold the whole 1 MB source as two-byte UTF-16. esbuild escapes
 * non-ASCII characters in strings and templates but leaves them in regular expression literals (a few unit
 * names such as µs), where \uXXXX means the same character, with or without the u flag.
 */
function asciiOnly(file) {
  const text = readFileSync(file, "utf8");
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (ascii !== text) writeFileSync(file, ascii);
}

for (const old of [
  "dist/unitlint.js",
  "dist/unitlint.cjs",
  "dist/cli.cjs",
  "dist/cli.cjs.cache",
  "dist/calendar.cjs",
  "dist/calendar.cjs.cache",
  "dist/chunks",
])
  rmSync(old, { recursive: true, force: true });
await build({
  // CommonJS files run by the loader (src/cli/loader.cjs) from V8's code
  // cache: cli.cjs, the whole CLI, and calendar.cjs, the calendar commands
  // only (a sixth of the size, for `calendar`, `next` and `timespan`).
  // Commands import their code on demand, which esbuild turns into lazily
  // initialised modules: `check` never runs the language server's code.
  entryPoints: { cli: "src/cli/bin.ts", calendar: "src/cli/bin-calendar.ts" },
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // UNITLINT_NO_MINIFY=1 keeps names readable in CPU profiles (the bin is then larger and slower to load)
  minify: !process.env.UNITLINT_NO_MINIFY,
  legalComments: "none",
  define: { ...define, "import.meta.url": "__unitlintImportMetaUrl" },
  banner: { js: "var __unitlintImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: "warning",
  plugins: [lazyChildProcessForCommander],
  // jsonc-parser's "main" is a UMD build whose factory requires its modules in a way a bundler cannot follow; its ES modules bundle cleanly
  alias: {
    "jsonc-parser": "jsonc-parser/lib/esm/main.js",
    chevrotain: fileURLToPath(new URL("../node_modules/chevrotain/lib/chevrotain.mjs", import.meta.url)),
  },
});
asciiOnly("dist/cli.cjs");
asciiOnly("dist/calendar.cjs");
copyFileSync("src/cli/loader.cjs", "dist/unitlint.cjs");
chmodSync("dist/unitlint.cjs", 0o755);

execFileSync(process.execPath, ["src/cli/train-code-cache.cjs"], { stdio: "inherit" });

if (!onlyBin) {
  execFileSync(process.execPath, ["scripts/build-playground.mjs", "--quiet"], { stdio: "inherit" });
  rmSync("dist/lib", { recursive: true, force: true });
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
