import { escapeLine } from "../format/escape.js";
import { readStream } from "../node/limits.js";

/** Where command output goes; tests swap it to capture output without spawning. */
export interface Io {
  out(s: string): void;
  err(s: string): void;
  isTTY: boolean;
  /** stderr is a terminal: progress lines are shown there. */
  errIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
  /** Standard input as text; `{ refused }` when it breaks the limits files have (read no further than needed to know). */
  readStdin(): string | { refused: string };
}

export const processIo: Io = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  errIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  readStdin: () => {
    const r = readStream(0);
    return r.ok ? r.text : { refused: r.message };
  },
};

/**
 * The same output with every message on standard error escaped line by line: a file name with control
 * characters (an escape sequence, a CR, a line that a CI system would read as a command) reaches the terminal
 * or the log inert.
 */
export function escapingErr(io: Io): Io {
  return { ...io, err: (s) => io.err(escapeLine(s)) };
}

/** Colour on a TTY unless NO_COLOR is set; FORCE_COLOR or --color forces it on. */
export function useColor(io: Io, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env["NO_COLOR"] !== undefined && io.env["NO_COLOR"] !== "") return false;
  if (io.env["FORCE_COLOR"] !== undefined && io.env["FORCE_COLOR"] !== "0") return true;
  return io.isTTY;
}
