import { execCommandOf } from "../../parser/exec/parse-exec.js";
import { valueSubRange } from "../../parser/unit/index.js";
import { defineRule } from "../types.js";
import { commandLines } from "./exec-helper.js";

/** Launchers that expect the environment an interactive login shell sets up (PATH, GEM_HOME, shims). */
const WRAPPERS: [RegExp, string][] = [
  [/(^|\/)bundle$/, "bundle exec"],
  [/(^|\/)\.?rbenv(\/|$)|(^|\/)rbenv$/, "rbenv"],
  [/(^|\/)\.?rvm(\/|$)/, "rvm"],
  [/(^|\/)\.?pyenv(\/|$)|(^|\/)pyenv$/, "pyenv"],
  [/(^|\/)\.?nvm(\/|$)/, "nvm"],
  [/(^|\/)shims\//, "a version-manager shim"],
];

export default defineRule({
  meta: {
    id: "exec/login-shell-wrapper",
    family: "exec",
    severity: "info",
    unitTypes: ["service"],
    fixable: "none",
    messages: {
      wrapper:
        "{what} relies on the environment of a login shell (PATH, GEM_HOME, version-manager shims); systemd starts the program with a minimal environment. Set Environment=/EnvironmentFile= explicitly, or run it through /bin/bash -lc '...' deliberately",
    },
    docs: {
      summary: "A command started through `bundle exec`, rbenv, rvm, pyenv or nvm shims, which depend on a login shell's environment.",
      rationale:
        "These launchers find the right Ruby/Python/Node through variables and PATH entries that `.bashrc`/`.profile` set up. systemd runs commands without any shell profile, so the service works from a terminal and fails (or picks another interpreter) under systemd.",
      bad: { filename: "sidekiq.service", text: "[Service]\nWorkingDirectory=/opt/app/current\nExecStart=/usr/local/bin/bundle exec sidekiq -e production\n" },
      good: {
        filename: "sidekiq.service",
        text: "[Service]\nWorkingDirectory=/opt/app/current\nEnvironment=BUNDLE_GEMFILE=/opt/app/current/Gemfile\nExecStart=/opt/app/current/bin/sidekiq -e production\n",
      },
      reference: "systemd.exec(5) Environment variables in spawned processes",
    },
  },
  checkUnit(ctx) {
    for (const { a } of commandLines(ctx.unit)) {
      const cmd = execCommandOf(a.value);
      const exe = cmd.words[0];
      if (!exe) continue;
      const args = cmd.words.map((w) => w.text);
      const hit = WRAPPERS.find(([re, what]) => re.test(exe.text) && (what !== "bundle exec" || args[1] === "exec"));
      if (!hit) continue;
      ctx.report({
        messageId: "wrapper",
        data: { what: hit[1] },
        file: a.file,
        range: valueSubRange(a.entry, exe.from, hit[1] === "bundle exec" ? cmd.words[1]!.to : exe.to),
      });
    }
  },
});
