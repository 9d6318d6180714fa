// Command and option declarations only. Each action validates its options
// and hands over to one command module, which returns the exit code.
import { Command, Option } from 'commander';

import { UsageError } from '../errors.js';
import type { LogLevel } from '../log/logger.js';
import type { FailOn } from './exit-codes.js';
import type { ConnectionFlags } from './host-keys.js';
import { parseChoice, parseCommandTimeouts, parseInstant, parseInteger, parseSeconds } from './options.js';

export interface ProgramIo {
  write: (text: string) => void;
  readStdin: () => Promise<string>;
  untilStopped: () => Promise<void>;
  /** Aborted by the first Ctrl-C. */
  interrupt: AbortSignal;
  /** Stream for a live progress bar; null when stderr is not a terminal. */
  progressStream: NodeJS.WriteStream | null;
  setExitCode: (code: number) => void;
  version: string;
}

const CHECK_EXAMPLES = `
Examples:
  $ sldiag check -i inventory.yaml
  $ sldiag check -i inventory.yaml --limit campus,tag:core --format json > result.json
  $ sldiag check --from captures/2026-12-04T02-00-00Z     # re-check saved outputs, no SSH

--from takes one run's folder (captures/<time>, with host folders or
results.jsonl) or a bundle. Every device of the run is reported: one not
collected then keeps its status and error. The licensing intent checks use
the inventory given with -i; without -i, ./inventory.yaml is used when it
exists (a warning names it), else they are skipped.

Exit codes: 0 every check passed, 1 a check failed at or above --fail-on,
2 usage or configuration error (nothing was run), 3 at least one device
could not be collected. The highest applicable code wins in the order 2, 3, 1.`;

const BUNDLE_HELP = `
Each device gives: show license tech support, status, udi and all, show
license history message, show logging | include SMART_LIC, show clock detail,
show ntp status and show platform software sl-infra all, plus every evidence
command the playbooks read (show version, show ntp associations, show
call-home profile all, the filtered running configuration), so that
check --from on the bundle finds what a live check finds. A command the
device rejects is recorded with its error marker.

Ctrl-C starts no more devices, closes the open sessions and still writes the
bundle with every device finished so far. The devices not collected are listed
as interrupted in manifest.json, report.json and SUMMARY.md, which states that
the bundle is incomplete. --redact applies to it as to a complete bundle. A
second Ctrl-C exits at once and writes nothing.

Examples:
  $ sldiag bundle -i inventory.yaml --limit core-sw1 -o core-sw1.tar.gz
  $ sldiag bundle -i inventory.yaml --redact -o tac-case.tar.gz   # also writes tac-case.redaction-map.json
  $ sldiag check --from tac-case.tar.gz                            # re-check the bundle, no SSH

Exit codes: 0 the bundle was written, 2 usage or configuration error
(nothing was run), 3 at least one device could not be collected or the run
was interrupted (the bundle is still written).`;

export function buildProgram(io: ProgramIo): Command {
  const program = new Command('sldiag')
    .description('Diagnose Cisco IOS XE Smart Licensing Using Policy problems across a fleet, over read-only SSH.')
    .version(io.version)
    .showHelpAfterError('(run with --help for usage)')
    // Commander throws instead of exiting, so the entry point decides every exit code.
    .exitOverride()
    .addHelpText('after', `\nExample:\n  $ sldiag check -i inventory.yaml\n  $ sldiag check --help`);

  const check = program
    .command('check')
    .description('collect the license show commands from each device and evaluate every playbook')
    .option('-i, --inventory <file>', 'inventory YAML file', 'inventory.yaml')
    .option('--no-inventory', 'with --from: check the saved outputs without any inventory, so no licensing intent is checked')
    .option('--limit <pattern>', 'only these hosts: comma-separated host names, group names, tag:NAME or globs (default: all hosts)')
    .addOption(
      new Option('--format <format>', 'report format: table, json (one document at the end) or jsonl (one line per device as it finishes)')
        .choices(['table', 'json', 'jsonl'])
        .default('table'),
    )
    .option('--fail-on <level>', 'lowest finding that makes the exit code 1: warn, fail or never', 'warn')
    .option('--concurrency <devices>', 'devices checked at the same time', '50')
    .option('--capture-dir <dir>', 'save raw outputs as <dir>/<host>/<command>.txt (default: captures/<UTC start time>)')
    .option('--no-capture', 'do not save raw outputs')
    .option('--from <dir or .tar.gz>', 're-check the saved outputs of an earlier run (captures/<time>), or a bundle, instead of connecting');
  const inventoryOptionsSeen = new Set<string>();
  check.on('option:inventory', () => inventoryOptionsSeen.add('--inventory'));
  check.on('option:no-inventory', () => inventoryOptionsSeen.add('--no-inventory'));
  addConnectionOptions(check)
    .option(
      '--command-timeout <seconds>',
      'time allowed for each command, in seconds: a number sets every command, ID=SECONDS one command; e.g. show-license-tech-support=600,120 (default: per command, 30 to 300)',
    )
    .option('--now <time>', 'evaluate deadlines as of this ISO 8601 time instead of the devices\' own clocks or now')
    .option('-v, --verbose', 'list passed and skipped checks too', false)
    .option('--playbooks <dir>', 'add the playbooks of this folder to the built-in ones; a check with the id of a built-in check replaces it')
    .option('-q, --quiet', 'no progress bar (it is shown only when stderr is a terminal anyway)', false)
    .option('--log-level <level>', 'log to stderr at this level: debug, info, warn, error or silent', 'warn')
    .addHelpText('after', CHECK_EXAMPLES)
    .action(async (raw: Record<string, unknown>, command: Command) => {
      // Commander stores both options in one value and keeps the last one given, so the pair is rejected here.
      if (inventoryOptionsSeen.size > 1) {
        throw new UsageError('-i/--inventory and --no-inventory cannot be used together: give -i FILE to check the intent of that inventory, or --no-inventory (with --from) to check without one');
      }
      if (raw['captureDir'] !== undefined && raw['capture'] === false) {
        throw new UsageError(`--capture-dir and --no-capture cannot be used together: drop --no-capture to save the outputs in ${String(raw['captureDir'])}, or drop --capture-dir to save none`);
      }
      if (raw['captureDir'] !== undefined && raw['from'] !== undefined) {
        throw new UsageError('--capture-dir cannot be used with --from: a re-check reads the saved outputs and saves none; drop --capture-dir');
      }

      const { checkCommand } = await import('./commands/check.js');
      const started = new Date();
      const capture = raw['capture'] !== false;
      const captureDir = capture ? ((raw['captureDir'] as string | undefined) ?? defaultCaptureDir(started)) : null;

      io.setExitCode(
        await checkCommand({
          inventory: raw['inventory'] === false ? null : (raw['inventory'] as string),
          inventoryIsDefault: command.getOptionValueSource('inventory') === 'default',
          limit: (raw['limit'] as string | undefined) ?? null,
          format: raw['format'] as 'table' | 'json' | 'jsonl',
          failOn: parseChoice<FailOn>('--fail-on', raw['failOn'] as string, ['warn', 'fail', 'never']),
          concurrency: parseInteger('--concurrency', raw['concurrency'] as string, 1, 2000),
          captureDir,
          captureDirIsDefault: raw['captureDir'] === undefined,
          from: (raw['from'] as string | undefined) ?? null,
          ...connectionOptions(raw),
          ...commandTimeoutOptions(raw['commandTimeout']),
          now: optional(raw['now'], (value) => parseInstant('--now', value)),
          verbose: raw['verbose'] === true,
          playbooksDir: (raw['playbooks'] as string | undefined) ?? null,
          progressStream: raw['quiet'] === true ? null : io.progressStream,
          signal: io.interrupt,
          logLevel: parseChoice<LogLevel>('--log-level', raw['logLevel'] as string, ['debug', 'info', 'warn', 'error', 'silent']),
          write: io.write,
        }),
      );
    });

  const bundle = program
    .command('bundle')
    .description('collect what Cisco TAC asks for from each device into one .tar.gz, with hashes, the check report and a summary')
    .option('-i, --inventory <file>', 'inventory YAML file', 'inventory.yaml')
    .option('--limit <pattern>', 'only these hosts: comma-separated host names, group names, tag:NAME or globs (default: all hosts)')
    .option('-o, --output <file>', 'archive to write, ending in .tar.gz (default: sldiag-bundle-<UTC start time>.tar.gz)')
    .option('--force', 'replace the archive (and the redaction mapping) if it exists', false)
    .option('--redact', 'replace serial numbers, host names, IP addresses, account names and tokens with placeholders; the mapping is written next to the archive, never into it', false)
    .option('--concurrency <devices>', 'devices collected at the same time', '50');
  addConnectionOptions(bundle)
    .option(
      '--command-timeout <seconds>',
      'time allowed for each command, in seconds: a number sets every command, ID=SECONDS one command; e.g. show-platform-software-sl-infra-all=1800 (default: per command, 30 to 600; sl-infra 600)',
    )
    .option('-q, --quiet', 'no progress bar (it is shown only when stderr is a terminal anyway)', false)
    .option('--log-level <level>', 'log to stderr at this level: debug, info, warn, error or silent', 'warn')
    .addHelpText('after', BUNDLE_HELP)
    .action(async (raw: Record<string, unknown>) => {
      const { bundleCommand } = await import('./commands/bundle.js');
      io.setExitCode(
        await bundleCommand({
          inventory: raw['inventory'] as string,
          limit: (raw['limit'] as string | undefined) ?? null,
          output: (raw['output'] as string | undefined) ?? null,
          force: raw['force'] === true,
          redact: raw['redact'] === true,
          concurrency: parseInteger('--concurrency', raw['concurrency'] as string, 1, 2000),
          ...connectionOptions(raw),
          ...commandTimeoutOptions(raw['commandTimeout']),
          progressStream: raw['quiet'] === true ? null : io.progressStream,
          signal: io.interrupt,
          logLevel: parseChoice<LogLevel>('--log-level', raw['logLevel'] as string, ['debug', 'info', 'warn', 'error', 'silent']),
          toolVersion: io.version,
          write: io.write,
        }),
      );
    });

  program
    .command('parse')
    .description('parse one saved command output and print the record as JSON')
    .argument('<command>', 'the command, as CLI text ("show license status") or capture slug (show-license-status)')
    .argument('[file]', 'file holding the output (default: standard input)')
    .option('--unparsed', 'also list the lines the parser did not understand', false)
    // Extra arguments are accepted here only to reject them with the quoting hint below.
    .allowExcessArguments()
    .addHelpText(
      'after',
      '\nExamples:\n  $ sldiag parse show-license-status captures/2026-12-04T02-00-00Z/sw1/show-license-status.txt\n  $ sldiag parse "show license status" < saved.txt',
    )
    .action(async (command: string, file: string | undefined, raw: Record<string, unknown>, parse: Command) => {
      if (parse.args.length > 2) {
        throw new UsageError(
          `parse takes a command and one file, but got ${parse.args.length} arguments: quote a command that has spaces, for example sldiag parse "show license status" saved.txt`,
        );
      }

      const { parseCommand } = await import('./commands/parse.js');
      io.setExitCode(
        await parseCommand({ command, file: file ?? null, unparsed: raw['unparsed'] === true, readStdin: io.readStdin, write: io.write }),
      );
    });

  program
    .command('explain')
    .description('explain a SMART_LIC message: severity, variables, causes and remedies')
    .argument('<message>', 'a mnemonic (SMART_LIC-3-COMM_FAILED or COMM_FAILED) or a whole logged %SMART_LIC line')
    .option('--playbooks <dir>', 'also read the playbooks of this folder')
    .addHelpText('after', '\nExamples:\n  $ sldiag explain COMM_FAILED\n  $ sldiag explain "%SMART_LIC-6-REPORTING_REQUIRED: A Usage report acknowledgement will be required in 89 days."')
    .action(async (message: string, raw: Record<string, unknown>) => {
      const { explainCommand } = await import('./commands/explain.js');
      io.setExitCode(await explainCommand({ query: message, playbooks: (raw['playbooks'] as string | undefined) ?? null, write: io.write }));
    });

  program
    .command('playbooks')
    .description('work with playbook folders')
    .command('validate')
    .description('check every playbook of a folder and list each problem as FILE:LINE:COLUMN; exit code 2 when there are problems')
    .argument('[dir]', 'the folder to check (default: the built-in playbooks)')
    .action(async (dir: string | undefined) => {
      const { validatePlaybooksCommand } = await import('./commands/playbooks.js');
      io.setExitCode(await validatePlaybooksCommand({ dir: dir ?? null, write: io.write }));
    });

  program
    .command('sim')
    .description('run the IOS XE device simulator on 127.0.0.1 until Ctrl-C, for manual tries')
    .option('--devices <dir>', 'folder of device profiles', 'fixtures/devices')
    .option('--known-hosts-out <file>', 'write the simulated devices\' host keys to this known_hosts file')
    .addHelpText('after', '\nExample:\n  $ sldiag sim --devices fixtures/devices --known-hosts-out /tmp/sim_known_hosts')
    .action(async (raw: Record<string, unknown>) => {
      const { simCommand } = await import('./commands/sim.js');
      io.setExitCode(
        await simCommand({
          devices: raw['devices'] as string,
          knownHostsOut: (raw['knownHostsOut'] as string | undefined) ?? null,
          write: io.write,
          untilStopped: io.untilStopped,
        }),
      );
    });

  program
    .command('probe')
    .description('show the SSH algorithms and login methods a device offers, and which algorithm profile connects (sends no credentials)')
    .argument('<host>', 'a host name from the inventory, or address[:port]')
    .option('-i, --inventory <file>', 'inventory YAML file to look the host name up in')
    .option('--user <name>', 'user name for the login-methods query (default: the inventory\'s, else the local user)')
    .option('--timeout <seconds>', 'time allowed for each connection, in seconds', '10')
    .option('--ssh-config <file>', 'OpenSSH client config applied to inventory hosts (default: ~/.ssh/config if it exists)')
    .option('--no-ssh-config', 'do not read any OpenSSH client config')
    .addHelpText('after', '\nExample:\n  $ sldiag probe core-sw1 -i inventory.yaml\n  $ sldiag probe 127.0.0.1:2222')
    .action(async (host: string, raw: Record<string, unknown>) => {
      const { probeCommand } = await import('./commands/probe.js');
      io.setExitCode(
        await probeCommand({
          target: host,
          inventory: (raw['inventory'] as string | undefined) ?? null,
          username: (raw['user'] as string | undefined) ?? null,
          sshConfig: sshConfigOption(raw['sshConfig']),
          timeoutMs: parseSeconds('--timeout', raw['timeout'] as string),
          write: io.write,
        }),
      );
    });

  return program;
}

function commandTimeoutOptions(value: unknown): { commandTimeoutMs: number | null; commandTimeoutsById: Record<string, number> } {
  const parsed = typeof value === 'string' ? parseCommandTimeouts('--command-timeout', value) : { all: null, byCommand: {} };
  return { commandTimeoutMs: parsed.all, commandTimeoutsById: parsed.byCommand };
}

function optional<T>(value: unknown, parse: (text: string) => T): T | null {
  return typeof value === 'string' ? parse(value) : null;
}

/** Adds the host key and ssh_config options that every command connecting to a fleet takes. */
function addConnectionOptions(command: Command): Command {
  return command
    .option('--known-hosts <file>', 'OpenSSH known_hosts file for host key checks; wins over ssh.knownHosts in the inventory (default: ~/.ssh/known_hosts)')
    .option('--accept-new', 'record the host key of a device seen for the first time (a changed key still fails)', false)
    .option('--ssh-config <file>', 'OpenSSH client config that fills User, Port, IdentityFile, HostName and ProxyJump the inventory leaves out (default: ~/.ssh/config if it exists)')
    .option('--no-ssh-config', 'do not read any OpenSSH client config')
    .option('--insecure-no-host-key-check', 'do not verify host keys for this run (not recommended)', false);
}

/** Reads the options that addConnectionOptions declares. */
function connectionOptions(raw: Record<string, unknown>): ConnectionFlags {
  return {
    knownHosts: (raw['knownHosts'] as string | undefined) ?? null,
    sshConfig: sshConfigOption(raw['sshConfig']),
    acceptNew: raw['acceptNew'] === true,
    hostKeyCheck: raw['insecureNoHostKeyCheck'] !== true,
  };
}

/** commander gives the file for --ssh-config, false for --no-ssh-config, and undefined for neither. */
function sshConfigOption(value: unknown): string | false | null {
  return typeof value === 'string' || value === false ? value : null;
}

/**
 * `captures/2026-12-04T02-00-00Z`: sortable, and valid as a folder name
 * everywhere. The check command claims it when the run starts, with a `-2`,
 * `-3` suffix when a run started in the same second has it already.
 */
export function defaultCaptureDir(started: Date): string {
  return `captures/${started.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}`;
}
