// One host from start to finish: resolve its secrets, open one session, run
// the collection commands in order, save each output, then build facts and
// evaluate the playbooks. Every outcome, including a thrown error, becomes a
// HostResult: one device's failure never stops the others.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

import { buildFacts } from '../facts/build.js';
import { summariseFacts } from '../facts/summary.js';
import type { SlacInput } from '../facts/slac-match.js';
import type { InventoryHost, InventoryJump } from '../inventory/types.js';
import { resolveSecret } from '../inventory/secrets.js';
import type { Logger } from '../log/logger.js';
import type { CommandResult } from '../model/command.js';
import { toCommandRecord } from '../model/command.js';
import type { ErrorKind, HostError, HostResult } from '../model/result.js';
import { evaluatePlaybooks } from '../playbooks/evaluate.js';
import type { Playbook } from '../playbooks/types.js';
import { openSession, SessionError } from '../session/session.js';
import type { HostKeyPolicy, SessionCredentials, Session } from '../session/session.js';
import type { SshEndpoint } from '../transport/ssh-transport.js';
import { openCaptureStream, writeHostManifest } from './capture.js';
import type { RunObserver } from './events.js';
import { broadcast } from './events.js';
import { judgeHost } from './verdict.js';

export interface HostPipelineOptions {
  /** Catalog ids to run on each device, in order. */
  commands: readonly string[];
  playbooks: Playbook[];
  hostKeys: HostKeyPolicy;
  /** Folder for raw outputs; null keeps them in memory only. */
  captureDir: string | null;
  now: () => Date;
  logger: Logger;
  observers: readonly RunObserver[];
  /** One timeout for every collected command, in milliseconds; overrides the inventory and the catalog. */
  commandTimeoutMs: number | null;
  /** Timeouts for single commands by catalog id, in milliseconds; these win over every other setting. */
  commandTimeoutsById?: Record<string, number>;
  /** Aborting closes open sessions; hosts not yet started are reported as not collected. */
  signal?: AbortSignal;
}

/**
 * Kinds that mean the network did not let sldiag reach the device or keep the
 * session. A rejected login, host key or SSH negotiation reached the device,
 * so those make the host `error`, with the kind saying which.
 */
const UNREACHABLE_KINDS: ReadonlySet<ErrorKind> = new Set(['refused', 'timeout', 'disconnected']);

export async function checkHost(host: InventoryHost, options: HostPipelineOptions): Promise<HostResult> {
  const log = options.logger.child({ host: host.name });
  const startedAt = options.now().toISOString();
  const commands: CommandResult[] = [];
  let error: HostError | null = null;

  log.info('host started', { address: `${host.hostname}:${host.port}` });
  broadcast(options.observers, { type: 'host-started', host: host.name });

  // Collect: a breakdown keeps every output collected before it.
  try {
    await collect(host, options, log, commands);
  } catch (caught) {
    error = options.signal?.aborted ? interrupted(commands) : toHostError(caught);
    // An interruption is the user's choice, not a device problem, so it is logged quietly.
    const level = error.kind === 'interrupted' ? 'info' : 'error';
    log[level]('collection stopped', { kind: error.kind, error: error.message });
  }

  if (options.captureDir !== null && commands.length > 0) {
    await writeHostManifest(options.captureDir, { name: host.name, address: host.hostname, commands }).catch((caught: Error) => {
      log.error('could not write the capture manifest', { error: caught.message });
    });
  }

  const result = evaluateHost({
    name: host.name,
    address: `${host.hostname}:${host.port}`,
    commands,
    error,
    host,
    playbooks: options.playbooks,
    now: options.now(),
    startedAt,
  });

  log.info('host finished', { status: result.status, findings: result.findings.length });
  broadcast(options.observers, { type: 'host-finished', result });
  return result;
}

async function collect(host: InventoryHost, options: HostPipelineOptions, log: Logger, commands: CommandResult[]): Promise<void> {
  const credentials = await resolveCredentials(host);
  const jumps = await resolveJumps(host);
  const session: Session = await openSession({
    target: { name: host.name, address: host.hostname, port: host.port, username: host.username },
    credentials,
    jumps,
    algorithms: host.ssh.algorithms ?? 'modern',
    hostKeys: host.ssh.knownHosts === null ? options.hostKeys : { ...options.hostKeys, knownHostsPath: host.ssh.knownHosts },
    connectTimeoutMs: host.ssh.connectTimeoutMs,
    commandTimeoutMs: commandTimeouts(host, options),
    logger: log,
  });

  // Ctrl-C closes the session, which ends a command in progress at once.
  const closeOnAbort = (): void => {
    log.info('closing the session: run interrupted');
    void session.close().catch(() => {});
  };
  options.signal?.addEventListener('abort', closeOnAbort, { once: true });

  try {
    for (const id of options.commands) {
      if (options.signal?.aborted) {
        throw new Error('interrupted');
      }
      const result = await runCaptured(session, id, host.name, options.captureDir);
      commands.push(result);

      if (result.failure !== null) {
        log.info('command failed on the device', { command: result.command, marker: result.failure.marker });
      }
      broadcast(options.observers, { type: 'command-finished', host: host.name, result });
    }
  } finally {
    options.signal?.removeEventListener('abort', closeOnAbort);
    await session.close().catch((caught: Error) => log.debug('session close failed', { error: caught.message }));
  }
}

/**
 * Runs one command and, with a capture directory, streams its output to disk
 * as it arrives, so a long output is not lost when the run stops half-way.
 */
async function runCaptured(session: Session, id: string, host: string, captureDir: string | null): Promise<CommandResult> {
  if (captureDir === null) {
    return session.run(id);
  }

  const capture = await openCaptureStream(captureDir, host, id);
  try {
    const result = await session.run(id, { onData: (chunk) => capture.write(chunk) });
    await capture.finish();
    return result;
  } catch (error) {
    await capture.abandon().catch(() => {});
    throw error;
  }
}

async function resolveCredentials(host: InventoryHost): Promise<SessionCredentials> {
  const credentials: SessionCredentials = {};
  const owner = (key: string) => ({ host: host.name, key });

  if (host.password !== null) {
    credentials.password = await resolveSecret(host.password, process.env, owner('password'));
  }
  if (host.enable !== null) {
    credentials.enableSecret = await resolveSecret(host.enable, process.env, owner('enable'));
  }
  if (host.privateKey !== null) {
    credentials.privateKey = await readFile(host.privateKey);
  }
  if (host.passphrase !== null) {
    credentials.passphrase = await resolveSecret(host.passphrase, process.env, owner('passphrase'));
  }
  if (host.agent !== null) {
    credentials.agent = await resolveSecret(host.agent, process.env, owner('agent'));
  }
  return credentials;
}

/** Resolves each jump host's login; its secrets are read only now, like the host's own. */
async function resolveJumps(host: InventoryHost): Promise<SshEndpoint[]> {
  const jumps: SshEndpoint[] = [];
  for (const [index, hop] of (host.jumps ?? []).entries()) {
    jumps.push(await resolveJump(host.name, index, hop));
  }
  return jumps;
}

async function resolveJump(hostName: string, index: number, hop: InventoryJump): Promise<SshEndpoint> {
  const endpoint: SshEndpoint = { host: hop.hostname, port: hop.port, username: hop.username };
  const owner = (key: string) => ({ host: hostName, key: `jump[${index}].${key}` });

  if (hop.password !== null) {
    endpoint.password = await resolveSecret(hop.password, process.env, owner('password'));
  }
  if (hop.privateKey !== null) {
    endpoint.privateKey = await readFile(hop.privateKey);
  }
  if (hop.passphrase !== null) {
    endpoint.passphrase = await resolveSecret(hop.passphrase, process.env, owner('passphrase'));
  }
  if (hop.agent !== null) {
    endpoint.agent = await resolveSecret(hop.agent, process.env, owner('agent'));
  }
  return endpoint;
}

/** Precedence: a per-command flag, then the flag for every command, then the inventory, then the catalog. */
function commandTimeouts(host: InventoryHost, options: HostPipelineOptions): Record<string, number> | undefined {
  const timeoutMs = options.commandTimeoutMs ?? host.ssh.commandTimeoutMs;
  const perCommand = timeoutMs === null ? {} : Object.fromEntries(options.commands.map((id) => [id, timeoutMs]));
  const merged = { ...perCommand, ...options.commandTimeoutsById };
  return Object.keys(merged).length === 0 ? undefined : merged;
}

export interface EvaluateHostInput {
  name: string;
  address: string;
  commands: CommandResult[];
  error: HostError | null;
  host: Pick<InventoryHost, 'licensing'>;
  playbooks: Playbook[];
  now: Date;
  startedAt: string;
}

/** Builds facts from whatever was collected and evaluates the playbooks on them. */
export function evaluateHost(input: EvaluateHostInput): HostResult {
  const collected = input.commands.some((command) => command.failure === null);
  const facts = collected ? buildFacts(input.commands, { slac: readSlacFile(input.host.licensing.slacFile) }) : null;
  const findings =
    facts === null ? [] : evaluatePlaybooks(input.playbooks, { facts, intent: input.host.licensing, now: input.now });

  const error = input.error ?? (collected ? null : rejectedEverything(input.commands));
  const unreachable = error !== null && UNREACHABLE_KINDS.has(error.kind);
  return {
    name: input.name,
    address: input.address,
    status: judgeHost({ error, unreachable, collected, findings }),
    error,
    commands: input.commands.map(toCommandRecord),
    facts: facts === null ? null : summariseFacts(facts),
    findings,
    startedAt: input.startedAt,
    finishedAt: input.now.toISOString(),
  };
}

/** Reads the SLAC file the inventory names, or returns why it could not be read; null when none is named. */
function readSlacFile(file: string | null): SlacInput | null {
  if (file === null) {
    return null;
  }
  try {
    return { file, text: readFileSync(file, 'utf8') };
  } catch (error) {
    return { file, error: (error as Error).message };
  }
}

function rejectedEverything(commands: CommandResult[]): HostError {
  if (commands.length === 0) {
    return { kind: 'internal', message: 'no command was run' };
  }
  const first = commands[0]!;
  return {
    kind: 'rejected',
    message: `the device rejected every command; "${first.command}" returned: ${first.failure?.marker ?? 'no output'}`,
  };
}

function interrupted(commands: CommandResult[]): HostError {
  return {
    kind: 'interrupted',
    message: `the run was interrupted after ${commands.length} command${commands.length === 1 ? '' : 's'} on this device`,
  };
}

function toHostError(caught: unknown): HostError {
  if (caught instanceof SessionError) {
    return { kind: caught.kind, message: caught.message };
  }
  if (caught instanceof Error) {
    const code = (caught as NodeJS.ErrnoException).code;
    const kind: ErrorKind = code === 'ENOENT' || code === 'EACCES' || caught.name === 'SecretError' ? 'config' : 'internal';
    return { kind, message: caught.message };
  }
  return { kind: 'internal', message: String(caught) };
}
