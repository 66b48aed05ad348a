/** Process exit codes of the `seamwatch` CLI. */
export const EXIT = {
  ok: 0,
  testFailures: 1,
  unreadableReport: 2,
  infraFailure: 3,
  usage: 64,
  /** seamwatch's own fault: printed with its stack. */
  internalError: 70,
} as const;

/** A mistake in how the CLI was called: printed without a stack trace, exit 64. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
