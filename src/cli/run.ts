import { main } from "./main.js";
import type { CommandModule } from "./commands/index.js";

/**
 * Runs the CLI as a process: the body of each bundle's entry point (bin.ts for
 * the whole CLI, bin-calendar.ts for the calendar commands), which differ only
 * in the commands they can load.
 */
export function runCli(modulesFor: (argv: string[]) => Promise<CommandModule[]>): void {
  // `unitlint ... | head` closes the pipe early: that is the reader's choice, not an error.
  // (processIo writes to the descriptors itself; these are for output through Node's streams: help, some commands.)
  for (const name of ["stdout", "stderr"] as const) {
    onFirstUse(name, (stream) =>
      stream.on("error", (e: NodeJS.ErrnoException) => {
        if (e.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
        throw e;
      }),
    );
  }

  /** Set by the build (see loader.cjs): a JSON list of argument lists, run one after another in this process. */
  const training = process.env["UNITLINT_TRAIN_CODE_CACHE"];

  async function run(): Promise<number> {
    if (!training) return main(process.argv.slice(2), modulesFor);
    for (const argv of JSON.parse(training) as string[][]) await main(argv, modulesFor);
    return 0;
  }

  run().then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}

/**
 * Calls `then` with process.stdout (or stderr) when something first uses it.
 * Node makes these streams on first use; making one costs a one-file run a few
 * milliseconds (see io.ts), so it is not made just to listen to it.
 */
function onFirstUse(name: "stdout" | "stderr", then: (stream: NodeJS.WriteStream) => void): void {
  const own = Object.getOwnPropertyDescriptor(process, name);
  const get = own?.get;
  if (!own || !get || !own.configurable) {
    then(process[name]);
    return;
  }
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: own.enumerable ?? true,
    get() {
      Object.defineProperty(process, name, own);
      const stream = get.call(process) as NodeJS.WriteStream;
      then(stream);
      return stream;
    },
  });
}
