#!/usr/bin/env node
"use strict";
// The `unitlint` command. It runs a bundled CLI (beside this file) from V8's
// code cache (the bundle's name + .cache, made by the build), so a run skips
// parsing and compiling up to 1 MB of JavaScript: Node 20 has no compile
// cache of its own, and that work is most of a pre-commit run's start-up.
// `calendar`, `next` and `timespan` run from calendar.cjs, a bundle of those
// commands only (the list is CALENDAR_COMMANDS in
// src/cli/commands/calendar-commands.ts); everything else from cli.cjs.
// A cache made by another Node version is rejected by V8 and the code is
// compiled as usual; a missing cache only costs time.
const { readFileSync, writeFileSync, renameSync } = require("node:fs");
const { join } = require("node:path");
const { Script } = require("node:vm");
const Module = require("node:module");

/** Set by the build (train-code-cache.cjs): a JSON list of argument lists to run in this process. */
const training = process.env.UNITLINT_TRAIN_CODE_CACHE;
const command = training ? JSON.parse(training)[0][0] : process.argv[2];
const bundle = command === "calendar" || command === "next" || command === "timespan" ? "calendar.cjs" : "cli.cjs";

const file = join(__dirname, bundle);
const cacheFile = `${file}.cache`;
let source;
try {
  // The build makes the bundles ASCII only (scripts/build.mjs): read as latin1, a bundle is a one-byte string, without UTF-8 decoding.
  source = readFileSync(file, "latin1");
} catch (e) {
  process.stderr.write(`unitlint: cannot read its bundle ${file} (${e.code || e.message}): run \`npm run build\`\n`);
  process.exit(2);
}
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  /* no cache: compile as usual */
}
const script = new Script(Module.wrap(source), { filename: file, cachedData });
if (training) {
  // The build runs typical commands in this process, then keeps the code V8 compiled for them.
  process.on("exit", () => {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  });
}
// The bundle's module object, with a require() as a CommonJS module has one (lodash, in Chevrotain, asks it for
// node:util's type checks, else it loads Node's legacy process.binding module).
const require_ = Module.createRequire(file);
const cli = { exports: {}, require: require_ };
script.runInThisContext().call(cli.exports, cli.exports, require_, cli, file, __dirname);
