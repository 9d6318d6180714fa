// One command as collected from a device.

/** Why a command produced no usable output, when it did not. */
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
