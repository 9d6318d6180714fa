// Errors that end a command before any device is contacted.

/** A bad flag, argument or configuration file: exit code 2, nothing was run. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
