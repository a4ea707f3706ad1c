import { execArg } from "./quote.js";

/** Characters that make a command line mean something only a shell can do (sh(1) "Shell Grammar"). */
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?[\]#~={}!\n\t]/;

/**
 * ExecStart= for a command that cron would run with `$SHELL -c`: the words
 * directly when the line is just an absolute program and plain arguments,
 * else the shell with the line as one argument.
 */
export function execForShellCommand(command: string, shell = "/bin/sh"): { execStart: string; viaShell: boolean } {
  const words = command.trim().split(/ +/);
  if (!SHELL_SYNTAX.test(command) && words[0]!.startsWith("/") && words.every((w) => w !== "")) {
    return { execStart: words.map(execArg).join(" "), viaShell: false };
  }
  return { execStart: `${shell} -c ${execArg(command)}`, viaShell: true };
}

/** Interpreters a script's #! line may name, and the flag that runs a program given as an argument. */
const INLINE_FLAG: Record<string, string> = {
  sh: "-c",
  bash: "-c",
  dash: "-c",
  zsh: "-c",
  ksh: "-c",
  python: "-c",
  python3: "-c",
  perl: "-e",
  ruby: "-e",
  node: "-e",
};

/**
 * ExecStart= that runs a script text inline: `/bin/bash -c "…"` (the job
 * system runs scripts with bash), or the interpreter of its #! line.
 * Undefined when the #! line names something we cannot run inline.
 */
export function execForScript(script: string): { execStart: string; interpreter: string } | undefined {
  const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(script);
  let interp = ["/bin/bash"];
  if (shebang) {
    interp = shebang[1]!.endsWith("/env") && shebang[2] ? ["/usr/bin/env", shebang[2]] : [shebang[1]!];
  }
  const prog = interp[interp.length - 1]!;
  const flag = INLINE_FLAG[prog.slice(prog.lastIndexOf("/") + 1)];
  if (!flag) return undefined;
  return { execStart: [...interp, flag, script].map(execArg).join(" "), interpreter: interp.join(" ") };
}
