"use strict";
// Makes dist/cli.cjs.cache and dist/calendar.cjs.cache, the V8 code caches the
// bin (unitlint.cjs) runs its two bundles from: the commands a pre-commit hook
// or a terminal typically runs are run in one process per bundle, and the code
// V8 compiled for them is kept.
// The build runs this; so does installing the package (postinstall) with
// --if-stale, for a Node version other than the one that built it, since V8
// rejects a cache made by another version. Nothing here may fail an install.
const { spawnSync } = require("node:child_process");
const { existsSync, readFileSync } = require("node:fs");
const { join } = require("node:path");
const { Script } = require("node:vm");
const Module = require("node:module");

// This file stays in src/cli (the package ships it) so that installing a clone, which has no dist/ yet, finds it.
const root = join(__dirname, "..", "..");
const bin = join(root, "dist", "unitlint.cjs");

/** Each bundle and what it is trained on (the loader picks the bundle by the first run's command). */
const BUNDLES = [
  {
    bundle: join(root, "dist", "cli.cjs"),
    runs: [
      ["check", "--no-config", "--format", "json", "examples"],
      ["check", "--no-config", "examples"],
    ],
  },
  {
    bundle: join(root, "dist", "calendar.cjs"),
    runs: [
      ["calendar", "--iterations", "3", "--base-time", "2026-01-01 00:00:00 UTC", "*:0/15"],
      ["next", "-n", "5", "Mon..Fri *-*-* 09:00 Europe/Berlin"],
      ["timespan", "5min 20s"],
    ],
  },
];

function cacheAccepted(bundle) {
  try {
    const cachedData = readFileSync(`${bundle}.cache`);
    return !new Script(Module.wrap(readFileSync(bundle, "latin1")), { filename: bundle, cachedData }).cachedDataRejected;
  } catch {
    return false;
  }
}

function train(bundle, runs) {
  const r = spawnSync(process.execPath, [bin], {
    cwd: root,
    stdio: "ignore",
    timeout: 120_000,
    env: { ...process.env, UNITLINT_TRAIN_CODE_CACHE: JSON.stringify(runs), NO_COLOR: "1" },
  });
  return r.status === 0 && existsSync(`${bundle}.cache`);
}

const ifStale = process.argv.includes("--if-stale");
for (const { bundle, runs } of BUNDLES) {
  if (!existsSync(bundle)) {
    // A clone before its first build: the build makes the cache.
    if (!ifStale) {
      process.stderr.write(`train-code-cache: ${bundle} is missing\n`);
      process.exitCode = 1;
    }
  } else if (!(ifStale && cacheAccepted(bundle)) && !train(bundle, runs) && !ifStale) {
    process.stderr.write(`train-code-cache: the training run for ${bundle} failed\n`);
    process.exitCode = 1;
  }
}
