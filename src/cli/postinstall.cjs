"use strict";
// What `npm install` runs after installing unitlint (the package's postinstall script).
//
// In a source checkout (a clone: scripts/build.mjs is there, the package does not ship it) that has no
// bundle yet, it builds the CLI. This is how the pre-commit hook gets its bin: pre-commit runs
// `npm install` in a clone of this repository, then `npm pack`, and takes `npm pack`'s standard output
// as the tarball's name. Building here rather than in a `prepare` script keeps `npm pack` free of
// lifecycle scripts, so nothing but the tarball's name reaches that output (docs/decisions.md).
//
// In an installed package it remakes the V8 code cache when this Node rejects the one the build made
// (train-code-cache.cjs --if-stale). That step never fails an install; a failed build in a clone does,
// since the hook could not run without it.
const { spawnSync } = require("node:child_process");
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..", "..");
const isCheckout = existsSync(join(root, "scripts", "build.mjs")) && existsSync(join(root, "src", "cli", "bin.ts"));
const built = existsSync(join(root, "dist", "cli.cjs"));

if (isCheckout && !built) {
  // The bin only: it is what a hook or a terminal runs. `npm run build` makes the library and the playground.
  const r = spawnSync(process.execPath, [join(root, "scripts", "build.mjs"), "--bin-only"], { cwd: root, stdio: ["ignore", 2, 2] });
  if (r.status !== 0) {
    process.stderr.write("unitlint: building the command-line bundle failed (node scripts/build.mjs --bin-only)\n");
    process.exitCode = 1;
  }
} else {
  // Its status is not passed on: without the cache the bin only starts slower.
  spawnSync(process.execPath, [join(__dirname, "train-code-cache.cjs"), "--if-stale"], { cwd: root, stdio: ["ignore", 2, 2] });
}
