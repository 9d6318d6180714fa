// Errors that end a command before any device is contacted, and the code of a failed file read.

/** A bad flag, argument or configuration file: exit code 2, nothing was run. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Returns the system code of a failed file operation (`ENOENT`, `EISDIR`), or '' for any other error. */
export function systemErrorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : '';
}
