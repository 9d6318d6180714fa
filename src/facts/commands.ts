// The catalog commands behind each group of facts. The collection plan adds
// the commands that the loaded playbooks need, and a skipped check names the
// command whose output it lacked.

/** Commands that `show license` status facts come from, in order of preference. */
const STATUS_COMMANDS = ['show-license-tech-support', 'show-license-all', 'show-license-status'] as const;

/** Top-level fact key -> catalog ids that show it, the preferred first. `slac-file` is the inventory's SLAC file. */
export const FACT_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  licensingMode: STATUS_COMMANDS,
  agentVersion: ['show-license-tech-support', 'show-license-all'],
  transport: STATUS_COMMANDS,
  usageReporting: STATUS_COMMANDS,
  trustCode: STATUS_COMMANDS,
  policy: STATUS_COMMANDS,
  legacy: STATUS_COMMANDS,
  trust: STATUS_COMMANDS,
  clockSyncedWithNtp: ['show-license-tech-support'],
  currentTime: ['show-license-tech-support'],
  communication: ['show-license-tech-support'],
  communicationStatus: ['show-license-tech-support'],
  udis: ['show-license-udi', 'show-license-tech-support', 'show-license-all'],
  authorization: ['show-license-authorization', 'show-license-all'],
  licenses: ['show-license-usage', 'show-license-all', 'show-license-tech-support', 'show-license-summary'],
  slacMatch: ['slac-file'],
  software: ['show-version'],
  ntp: ['show-ntp-status'],
  ntpAssociations: ['show-ntp-associations'],
  runningConfig: ['show-running-config-licensing'],
  callHome: ['show-call-home-profile-all'],
  log: ['show-logging-smart-lic'],
};

/** Returns the commands behind a fact key such as `transport.url`, or none for an unknown key. */
export function commandsForFact(key: string): readonly string[] {
  const root = key.split('.')[0] ?? key;
  return FACT_COMMANDS[root] ?? [];
}

/**
 * Fact groups whose command prints nothing when there is nothing to show:
 * `show logging | include SMART_LIC` on a device that logged no such message,
 * `show running-config | include ...` on a device without those lines.
 * For these, a command that ran counts as collected even without a line.
 */
export const EMPTY_OUTPUT_IS_A_VALUE: ReadonlySet<string> = new Set(['log', 'runningConfig']);
