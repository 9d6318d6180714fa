// The read-only command catalog: the only source of text that sldiag sends to
// a device. The session accepts a catalog id, never free text, so a playbook,
// an inventory or a flag cannot add a command.

export type CommandPurpose = 'session' | 'collect';

export interface CatalogCommand {
  /**
 * The capture file name without `.txt`: the CLI text with spaces turned into
 * dashes, except for filtered commands (with `|`), which carry a fixed id.
 */
  readonly id: string;
  readonly cli: string;
  readonly purpose: CommandPurpose;
  /** Time allowed for the whole output, in milliseconds. */
  readonly timeoutMs: number;
}

const SECOND = 1000;

function entry(cli: string, purpose: CommandPurpose, timeoutMs: number, id: string = slugOf(cli)): CatalogCommand {
  return Object.freeze({ id, cli, purpose, timeoutMs });
}

/** Turns CLI text into the capture slug: `show license status` -> `show-license-status`. */
export function slugOf(cli: string): string {
  return cli.trim().split(/\s+/).join('-');
}

export const CATALOG: readonly CatalogCommand[] = Object.freeze([
  // Session set-up. `enable` is sent only when the inventory gives an enable secret.
  entry('enable', 'session', 30 * SECOND),
  entry('terminal length 0', 'session', 30 * SECOND),
  entry('terminal width 0', 'session', 30 * SECOND),

  // Collection. Tech support is long on stacks, so it gets the longest timeout.
  entry('show license tech support', 'collect', 300 * SECOND),
  entry('show license status', 'collect', 60 * SECOND),
  entry('show license udi', 'collect', 60 * SECOND),
  entry('show license all', 'collect', 120 * SECOND),
  entry('show license summary', 'collect', 60 * SECOND),
  entry('show license usage', 'collect', 60 * SECOND),
  entry('show license authorization', 'collect', 60 * SECOND),
  entry('show license eventlog', 'collect', 120 * SECOND),
  entry('show license history message', 'collect', 120 * SECOND),
  // The sl-infra dump that Cisco TAC asks for can run for minutes on large stacks.
  entry('show platform software sl-infra all', 'collect', 600 * SECOND),
  entry('show version', 'collect', 60 * SECOND),
  entry('show clock detail', 'collect', 30 * SECOND),
  entry('show ntp status', 'collect', 30 * SECOND),
  entry('show ntp associations', 'collect', 30 * SECOND),
  entry('show call-home profile all', 'collect', 60 * SECOND),
  entry('show ip http client all', 'collect', 60 * SECOND),
  entry('show ip http server session-module', 'collect', 60 * SECOND),

  // Filtered commands. A pipe has no place in a file name, so these carry their own id.
  entry('show logging | include SMART_LIC', 'collect', 120 * SECOND, 'show-logging-smart-lic'),
  entry(
    'show running-config | include ^ip http client|^ip name-server|^ip domain|^ntp server|^license smart|^call-home|^crypto pki trustpoint',
    'collect',
    120 * SECOND,
    'show-running-config-licensing',
  ),
]);

/** The commands `sldiag check` collects, in the order it sends them. */
export const CHECK_COMMANDS: readonly string[] = Object.freeze([
  'show-license-tech-support',
  'show-license-status',
  'show-license-udi',
  'show-license-all',
]);

/** Looks a command up by id or by CLI text; undefined when it is not in the catalog. */
export function findCommand(idOrCli: string): CatalogCommand | undefined {
  const text = idOrCli.trim();
  const id = slugOf(text);
  return CATALOG.find((command) => command.id === text || command.id === id || command.cli === text);
}

/** Like findCommand, but throws for an id outside the catalog. */
export function requireCommand(idOrCli: string): CatalogCommand {
  const command = findCommand(idOrCli);
  if (command === undefined) {
    const known = CATALOG.map((c) => c.id).join(', ');
    throw new Error(`"${idOrCli}" is not in the read-only command catalog (known: ${known})`);
  }
  return command;
}
