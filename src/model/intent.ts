// The operator's expectations of a device's licensing, from the inventory
// (defaults < groups < host). Playbooks compare device facts with it.

export interface LicensingIntent {
  /** Expected transport type, lower case (`smart`, `cslu`, `callhome`, `off`); null when not stated. */
  transportType: string | null;
  /** Expected transport URL or CSLU address; null when not stated. */
  transportUrl: string | null;
  /** Absolute path of the SLAC file whose UDIs must match the device; null when not stated. */
  slacFile: string | null;
  /** Warn when the next ACK deadline is this many days away or closer. */
  ackWarningDays: number;
  /**
   * The policy the device should run: `default` (Cisco default) or `custom`
   * (a customer policy from CSSM); null when not stated.
   */
  policy: 'default' | 'custom' | null;
}

export const POLICY_INTENTS = ['default', 'custom'] as const;

export const DEFAULT_ACK_WARNING_DAYS = 14;
