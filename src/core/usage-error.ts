/**
 * A usage or input error: printed by the command line as one line, exit status 2, never a stack trace. It lives
 * below the shells so that any layer serving them (the file-system helpers, the playground server) can raise it.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
