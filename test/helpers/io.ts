import type { Io } from "../../src/cli/io.js";

/** An Io that keeps what a command writes, for tests that call the CLI's functions without spawning. */
export function capturingIo(): Io & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    isTTY: false,
    errIsTTY: false,
    env: {},
    readStdin: () => "",
    stdout: () => out,
    stderr: () => err,
  };
}

/** A unit with two safe fixes (BindTo= and Restartsec=), and the same unit fixed. */
export const FIXABLE_UNIT = "[Unit]\nBindTo=db.service\n\n[Service]\nRestartsec=5\nExecStart=/bin/a\n";
export const FIXED_UNIT = "[Unit]\nBindsTo=db.service\n\n[Service]\nRestartSec=5\nExecStart=/bin/a\n";
