"use strict";
// commander requires node:child_process when it loads, for subcommands that
// are separate executables; unitlint has none. Loading it (and node:net behind
// it) costs several milliseconds of every run, so commander gets this stand-in,
// which loads the real module only if a property is ever read.
let real;
module.exports = new Proxy(
  {},
  {
    get(_, key) {
      real ??= require("node:child_process");
      return real[key];
    },
  },
);
