// The commands a TAC bundle collects from each device, in the order they are
// sent: the four `check` commands first, so a bundle is always re-checkable,
// then what Cisco TAC requests, with the slow sl-infra dump last.
import { CHECK_COMMANDS, findCommand } from '../commands/catalog.js';

const TAC_COMMANDS = [
  'show-license-history-message',
  'show-logging-smart-lic',
  'show-clock-detail',
  'show-ntp-status',
  'show-platform-software-sl-infra-all',
];

/** Catalog ids; any of the TAC commands missing from the catalog is left out. */
export const BUNDLE_COMMANDS: readonly string[] = Object.freeze(
  [...new Set([...CHECK_COMMANDS, ...TAC_COMMANDS])].filter((id) => findCommand(id) !== undefined),
);
