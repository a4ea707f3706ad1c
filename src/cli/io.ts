import { fstatSync, statSync, writeSync } from "node:fs";
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

/*
 * Standard output and error are written with write(2) on the file descriptor
 * rather than through process.stdout and process.stderr: Node makes those
 * streams on first use, and that loads its stream modules, and for a pipe (a
 * pre-commit hook's output) its network module too, a few milliseconds of a
 * one-file run. Writes to a pipe, a file or a terminal are synchronous either
 * way on Linux and macOS, so the order of what is written is the same. On
 * Windows, where pipes are written asynchronously, the streams are used.
 */
const direct = process.platform !== "win32";

/** One shared word to sleep on while a non-blocking pipe is full. */
let pause: Int32Array | undefined;
/** Descriptors whose reader has gone. */
const gone = [false, false, false];

function writeFd(fd: 1 | 2, s: string): void {
  if (!direct) {
    (fd === 1 ? process.stdout : process.stderr).write(s);
    return;
  }
  if (gone[fd]) return;
  const bytes = Buffer.from(s, "utf8");
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(fd, bytes, off, bytes.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EPIPE") {
        // `unitlint ... | head` closes the pipe early: that is the reader's choice, not an error; the run ends with its own exit code.
        gone[fd] = true;
        return;
      }
      // a pipe someone made non-blocking is full: wait for the reader
      if (code === "EAGAIN") Atomics.wait((pause ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, 1);
      else throw e;
    }
  }
}

/**
 * Whether a descriptor is a terminal, without making Node's stream for it
 * where that can be told cheaply: only a character device can be a terminal,
 * and /dev/null (where benchmarks and some hooks send output) is not one.
 */
function isTerminal(fd: 1 | 2): boolean {
  if (direct) {
    try {
      const st = fstatSync(fd);
      if (!st.isCharacterDevice() || st.rdev === statSync("/dev/null").rdev) return false;
    } catch {
      return false;
    }
  }
  return Boolean((fd === 1 ? process.stdout : process.stderr).isTTY);
}

let outIsTTY: boolean | undefined;
let errIsTTY: boolean | undefined;

export const processIo: Io = {
  out: (s) => writeFd(1, s),
  err: (s) => writeFd(2, s),
  get isTTY() {
    return (outIsTTY ??= isTerminal(1));
  },
  get errIsTTY() {
    return (errIsTTY ??= isTerminal(2));
  },
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
