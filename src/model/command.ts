// One command as collected from a device.

/** Reason a command produced no usable output. */
export interface CommandFailure {
  /** The device's error marker, e.g. `% Invalid input detected`, or `timeout`. */
  marker: string;
  message: string;
}

export interface CommandResult {
  /** Catalog id, e.g. `show-license-status`. */
  id: string;
  /** CLI text exactly as sent. */
  command: string;
  /** Output with the echo and the trailing prompt removed; the device's bytes otherwise. */
  output: string;
  failure: CommandFailure | null;
  startedAt: string;
  finishedAt: string;
}

/**
 * A command result without its output, as kept in run results: a fleet run
 * keeps one per command per device, and outputs would make memory grow with
 * fleet size.
 */
export interface CommandRecord extends Omit<CommandResult, 'output'> {
  /** Size of the output in bytes (UTF-8). */
  bytes: number;
}

export function toCommandRecord(result: CommandResult): CommandRecord {
  const { output, ...rest } = result;
  return { ...rest, bytes: Buffer.byteLength(output) };
}
