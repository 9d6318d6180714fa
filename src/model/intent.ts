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
  /**
   * Ongoing failed attempts that are a warning, not a failure, when a message
   * exchange succeeded after the last of them. Absent means
   * DEFAULT_TOLERATED_FAILURES.
   */
  toleratedFailures?: number;
}

export const POLICY_INTENTS = ['default', 'custom'] as const;

export const DEFAULT_ACK_WARNING_DAYS = 14;

/**
 * A judgment, not a Cisco figure: a few failed attempts before a later
 * success fit a short outage, and more in a row point at a cause that has
 * not gone away.
 */
export const DEFAULT_TOLERATED_FAILURES = 3;

/** The intent of a device the inventory does not name: nothing stated, thresholds at their defaults. */
export const NO_LICENSING_INTENT: Readonly<LicensingIntent> = Object.freeze({
  transportType: null,
  transportUrl: null,
  slacFile: null,
  ackWarningDays: DEFAULT_ACK_WARNING_DAYS,
  policy: null,
  toleratedFailures: DEFAULT_TOLERATED_FAILURES,
});

/** The value of each optional intent field that the inventory leaves out. */
export const INTENT_DEFAULTS: Readonly<Partial<Record<keyof LicensingIntent, number>>> = {
  ackWarningDays: DEFAULT_ACK_WARNING_DAYS,
  toleratedFailures: DEFAULT_TOLERATED_FAILURES,
};
