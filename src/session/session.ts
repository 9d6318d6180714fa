// A CLI session on one device: "run catalog command -> CommandResult".
// The only text written to the device is catalog CLI text, the enable secret
// in answer to the enable password prompt, and a space in answer to a pager
// prompt.
import { requireCommand, type CatalogCommand } from '../commands/catalog.js';
import { silentLogger, type Logger } from '../log/logger.js';
import type { CommandResult } from '../model/command.js';
import type { ErrorKind } from '../model/result.js';
import { TransportError } from '../transport/errors.js';
import type { AlgorithmProfileName } from '../transport/algorithms.js';
import { openTransport, type SshEndpoint, type Transport } from '../transport/ssh-transport.js';
import { escapeRegExp, findFailure, stripTerminalControls } from './output.js';
import { CommandOutputStream } from './output-stream.js';
import { IOSXE, type PlatformProfile } from './platforms/iosxe.js';
import { ReadBuffer, type WaitOutcome } from './read-buffer.js';

export interface SessionTarget {
  name: string;
  address: string;
  port: number;
  username: string;
}

export interface SessionCredentials {
  password?: string;
  /** Private key contents; the caller reads the file. */
  privateKey?: string | Buffer;
  passphrase?: string;
  /** ssh-agent socket path. */
  agent?: string;
  enableSecret?: string;
}

export interface HostKeyPolicy {
  knownHostsPath: string;
  mode: 'strict' | 'accept-new' | 'off';
}

export interface SessionOptions {
  target: SessionTarget;
  credentials: SessionCredentials;
  hostKeys: HostKeyPolicy;
  /** Jump hosts in connection order, each with its own resolved login; the same host key policy applies to them. */
  jumps?: readonly SshEndpoint[];
  /** SSH algorithm profile; default `modern`. */
  algorithms?: AlgorithmProfileName;
  /** Connection attempts after a refused, timed-out or dropped connection; see DEFAULT_RETRY. */
  retry?: RetryPolicy;
  /** Budget for connect, key exchange and authentication, and again for the first prompt; default 15 s. */
  connectTimeoutMs?: number;
  /** Interval of SSH keepalive requests; three unanswered ones end the session as `timeout`. Default 15 s, 0 turns them off. */
  keepaliveIntervalMs?: number;
  /** Per-command timeouts by catalog id, in milliseconds; the catalog value applies otherwise. */
  commandTimeoutMs?: Record<string, number>;
  logger?: Logger;
  /** Receives every chunk of raw device output, for a transcript kept apart from the log. */
  onTranscript?: (chunk: string) => void;
  platform?: PlatformProfile;
}

export interface RunOptions {
  /**
   * Receives the cleaned output while it arrives, in pieces of whole lines
   * (the last piece may lack a final newline). The pieces joined equal the
   * result's `output`. A throwing handler fails the command with kind
   * `internal` once the prompt is back; the session stays usable.
   */
  onData?: (chunk: string) => void;
}

export interface Session {
  /** The exec prompt, e.g. `edge-01#`. */
  readonly prompt: string;
  run(commandId: string, options?: RunOptions): Promise<CommandResult>;
  close(): Promise<void>;
}

export class SessionError extends Error {
  readonly kind: ErrorKind;
  readonly host: string;

  constructor(kind: ErrorKind, host: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SessionError';
    this.kind = kind;
    this.host = host;
  }
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;

export interface RetryPolicy {
  /** Retries after the first attempt; 0 turns retrying off. */
  retries: number;
  /** Upper bound of the first wait; each later wait doubles it, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Two retries, waiting a random 0-1 s, then 0-2 s ("full jitter" backoff). */
export const DEFAULT_RETRY: RetryPolicy = Object.freeze({ retries: 2, baseDelayMs: 1000, maxDelayMs: 8000 });

/**
 * Kinds worth another attempt: the network or the device may recover. An
 * authentication, host key or enable failure never is, because a retry with
 * the same wrong password counts towards a TACACS+ or RADIUS lockout.
 */
const RETRYABLE_KINDS: ReadonlySet<ErrorKind> = new Set(['refused', 'timeout', 'disconnected']);

/**
 * Connects, waits for the prompt, enters privileged exec when a secret is
 * given, and runs the on-open commands. A refused, timed-out or dropped
 * attempt is retried with jittered backoff as `options.retry` allows. Throws
 * SessionError with the last attempt's kind.
 */
export async function openSession(options: SessionOptions): Promise<Session> {
  const host = options.target.name;
  const logger = (options.logger ?? silentLogger).child({ host });
  const retry = options.retry ?? DEFAULT_RETRY;

  for (let attempt = 0; ; attempt += 1) {
    try {
      return await openSessionOnce(options, logger);
    } catch (error) {
      const sessionError = toSessionError(error, host);
      if (attempt >= retry.retries || !RETRYABLE_KINDS.has(sessionError.kind)) {
        throw sessionError;
      }

      const waitMs = Math.round(Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt));
      logger.warn('connection failed; retrying', { kind: sessionError.kind, error: sessionError.message, retry: attempt + 1, of: retry.retries, waitMs });
      await delay(waitMs);
    }
  }
}

async function openSessionOnce(options: SessionOptions, logger: Logger): Promise<Session> {
  const host = options.target.name;
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const started = Date.now();

  logger.info('session opening', { address: options.target.address, port: options.target.port });

  let transport: Transport;
  try {
    transport = await openTransport({
      host: options.target.address,
      port: options.target.port,
      username: options.target.username,
      password: options.credentials.password,
      privateKey: options.credentials.privateKey,
      passphrase: options.credentials.passphrase,
      agent: options.credentials.agent,
      jumps: options.jumps,
      algorithms: options.algorithms,
      knownHostsPath: options.hostKeys.knownHostsPath,
      hostKeyMode: options.hostKeys.mode,
      connectTimeoutMs,
      keepaliveIntervalMs: options.keepaliveIntervalMs,
      logger,
    });
  } catch (error) {
    const sessionError = toSessionError(error, host);
    logger.info('session failed to open', { kind: sessionError.kind, error: sessionError.message });
    throw sessionError;
  }

  const session = new CliSession(transport, options, logger, connectTimeoutMs);
  try {
    await session.initialise();
  } catch (error) {
    await transport.close();
    const sessionError = toSessionError(error, host);
    logger.info('session failed to open', { kind: sessionError.kind, error: sessionError.message });
    throw sessionError;
  }

  logger.info('session opened', { prompt: session.prompt, ms: Date.now() - started });
  return session;
}

class CliSession implements Session {
  private currentPrompt = '';
  /** False while the prompt is the login candidate, which a banner line could have imitated. */
  private promptConfirmed = false;
  private readonly buffer = new ReadBuffer();
  private readonly platform: PlatformProfile;
  private readonly host: string;
  private queue: Promise<unknown> = Promise.resolve();
  private closedReason: SessionError | null = null;
  /** The output of the command now running, cleaned as it arrives. */
  private outputStream: CommandOutputStream | null = null;

  constructor(
    private readonly transport: Transport,
    private readonly options: SessionOptions,
    private readonly logger: Logger,
    private readonly connectTimeoutMs: number,
  ) {
    this.platform = options.platform ?? IOSXE;
    this.host = options.target.name;

    transport.listen({
      data: (text) => {
        options.onTranscript?.(text);
        this.outputStream?.push(text);
        this.buffer.append(text);
      },
      closed: (error) => {
        this.closedReason = new SessionError(error.kind, this.host, error.message, { cause: error });
        this.buffer.close(error);
      },
    });
  }

  get prompt(): string {
    return this.currentPrompt;
  }

  async initialise(): Promise<void> {
    await this.waitForLoginPrompt();

    if (this.currentPrompt.endsWith('>') && this.options.credentials.enableSecret !== undefined) {
      await this.enterPrivilegedExec(this.options.credentials.enableSecret);
    }

    for (const id of this.platform.onOpenCommands) {
      const result = await this.execute(requireCommand(id), {}, !this.promptConfirmed);
      if (result.failure !== null) {
        this.logger.warn('on-open command rejected by the device; pager prompts will be answered instead', { command: id, failure: result.failure.message });
      }

      // The login prompt taken at once may have been a banner line; the confirmed one can still need enable.
      if (this.currentPrompt.endsWith('>') && this.options.credentials.enableSecret !== undefined) {
        await this.enterPrivilegedExec(this.options.credentials.enableSecret);
      }
    }

    if (this.currentPrompt.endsWith('>')) {
      this.logger.info('staying in user exec: no enable secret given', { prompt: this.currentPrompt });
    }
  }

  async run(commandId: string, options: RunOptions = {}): Promise<CommandResult> {
    const command = this.requireCollectCommand(commandId);
    return this.enqueue(() => this.execute(command, options));
  }

  async close(): Promise<void> {
    if (this.closedReason === null) {
      this.closedReason = new SessionError('disconnected', this.host, `the session to ${this.host} was closed`);
    }
    this.buffer.close(this.closedReason);
    await this.transport.close();
    this.logger.info('session closed');
  }

  private requireCollectCommand(commandId: string): CatalogCommand {
    let command: CatalogCommand;
    try {
      command = requireCommand(commandId);
    } catch (error) {
      throw new SessionError('internal', this.host, (error as Error).message);
    }

    if (command.purpose !== 'collect') {
      throw new SessionError('internal', this.host, `"${command.cli}" is a session set-up command; run() accepts only collect commands from the catalog`);
    }

    return command;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Takes the first prompt-like last line as the prompt, without waiting for
   * the output to go quiet. A banner line such as `lab-core#` can look like a
   * prompt while more banner text is on its way. The prompt therefore counts
   * as confirmed only once the echo of the first command sent (enable or the
   * first on-open command) has come back.
   */
  private async waitForLoginPrompt(): Promise<void> {
    const outcome = await this.buffer.waitFor((buffer) => this.lastLinePrompt(buffer.tail()) !== null, this.connectTimeoutMs);
    this.throwUnlessMatched(outcome, `no CLI prompt arrived from ${this.host} within ${seconds(this.connectTimeoutMs)} s after login`);

    this.currentPrompt = this.lastLinePrompt(this.buffer.tail()) ?? '';
    this.buffer.clear();
    this.logger.debug('prompt candidate found', { prompt: this.currentPrompt });
  }

  /**
   * Returns the prompt on the line where the device echoed `cli`, once a
   * prompt has followed that line, else null. Text left over from a login
   * banner comes before the echo, so it cannot end the wait.
   */
  private promptAfterEcho(buffer: ReadBuffer, cli: string): string | null {
    const tail = buffer.tail();
    if (this.lastLinePrompt(tail) === null) {
      return null;
    }

    // The buffer was cleared right after the candidate prompt, so an echo on
    // the first line carries no prompt: nothing came between the two.
    const lines = stripTerminalControls(buffer.text()).split('\n');
    for (let index = lines.length - 2; index >= 0; index -= 1) {
      const line = (lines[index] ?? '').replace(/\r+$/, '').replace(/^\r+/, '');
      if (!line.endsWith(cli)) {
        continue;
      }
      const before = line.slice(0, line.length - cli.length);
      if ((index === 0 && before === '') || this.platform.promptPattern.test(before)) {
        return this.lastLinePrompt(tail);
      }
    }
    return null;
  }

  private confirmPrompt(prompt: string, via: string): void {
    if (prompt !== this.currentPrompt) {
      this.logger.debug('prompt corrected after a banner line looked like one', { candidate: this.currentPrompt, prompt, via });
    }
    this.currentPrompt = prompt;
    this.promptConfirmed = true;
  }

  private async enterPrivilegedExec(secret: string): Promise<void> {
    const enable = requireCommand('enable');
    const newline = this.platform.newline;
    const secretRequested = (buffer: ReadBuffer): boolean => this.platform.enablePasswordPattern.test(buffer.tail());
    // Before the secret is sent, only a prompt after the echo of `enable` counts, so the rest of a login banner cannot.
    let secretSent = false;
    const promptBack = (buffer: ReadBuffer): boolean => secretSent
      ? buffer.tail().includes('\n') && this.lastLinePrompt(buffer.tail()) !== null
      : this.promptAfterEcho(buffer, enable.cli) !== null;

    this.buffer.clear();
    this.transport.write(enable.cli + newline);
    let outcome = await this.buffer.waitFor((buffer) => secretRequested(buffer) || promptBack(buffer), enable.timeoutMs);
    this.throwUnlessMatched(outcome, `"enable" got no answer from ${this.host} within ${seconds(enable.timeoutMs)} s`);

    if (secretRequested(this.buffer)) {
      this.buffer.clear();
      secretSent = true;
      this.transport.write(secret + newline);
      outcome = await this.buffer.waitFor((buffer) => secretRequested(buffer) || promptBack(buffer), enable.timeoutMs);
      this.throwUnlessMatched(outcome, `the enable secret got no answer from ${this.host} within ${seconds(enable.timeoutMs)} s`);
    }

    const prompt = this.lastLinePrompt(this.buffer.tail());
    if (prompt === null || !prompt.endsWith('#')) {
      const reply = stripTerminalControls(this.buffer.text()).trim().split(/\r?\n/).filter((line) => line.trim() !== '').slice(-2).join(' / ');
      throw new SessionError('enable', this.host, `${this.host} rejected enable (device replied: "${reply}"); check the enable secret given for this device`);
    }

    this.confirmPrompt(prompt, enable.cli);
    this.buffer.clear();
    this.logger.debug('entered privileged exec', { prompt });
  }

  /** With `confirmPrompt`, the command ends at any prompt after its echo, and that prompt replaces the login candidate. */
  private async execute(command: CatalogCommand, options: RunOptions = {}, confirmPrompt = false): Promise<CommandResult> {
    try {
      return await this.executeStreaming(command, options, confirmPrompt);
    } finally {
      this.outputStream = null;
    }
  }

  private async executeStreaming(command: CatalogCommand, options: RunOptions, confirmPrompt: boolean): Promise<CommandResult> {
    if (this.closedReason !== null) {
      throw new SessionError('disconnected', this.host, `"${command.cli}" was not sent: the session to ${this.host} is closed (${this.closedReason.message})`);
    }

    const timeoutMs = this.options.commandTimeoutMs?.[command.id] ?? command.timeoutMs;
    const startedAt = new Date();
    const promptAtEnd = new RegExp(`${escapeRegExp(this.currentPrompt)}[ \\x07]*$`);
    const pagerAtEnd = new RegExp(`${escapeRegExp(this.platform.pagingMarker.trim())}\\s*$`);
    let answeredAt = -1;
    let pages = 0;

    this.logger.debug('command started', { command: command.id, timeoutMs });
    this.buffer.clear();
    const stream = new CommandOutputStream({ cli: command.cli, prompt: this.currentPrompt, pagingMarker: this.platform.pagingMarker, onData: options.onData });
    this.outputStream = stream;
    this.transport.write(command.cli + this.platform.newline);

    const done = (buffer: ReadBuffer): boolean => {
      if (confirmPrompt) {
        return this.promptAfterEcho(buffer, command.cli) !== null;
      }
      const tail = buffer.tail();
      if (!promptAtEnd.test(tail)) {
        return false;
      }
      // The echo line ends before the prompt can count.
      // NOTE: output that itself contains this device's prompt at the very end
      // of a received chunk would end the command early; no capture seen so far does.
      return buffer.length > tail.length || tail.replace(promptAtEnd, '').includes('\n');
    };
    const paged = (buffer: ReadBuffer): boolean => buffer.length > answeredAt && pagerAtEnd.test(buffer.tail());

    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const outcome = await this.buffer.waitFor((buffer) => done(buffer) || paged(buffer), deadline - Date.now());
      if (outcome.kind === 'timeout') {
        await this.failWithTimeout(command, timeoutMs);
      }
      this.throwUnlessMatched(outcome, '');
      if (done(this.buffer)) {
        break;
      }
      answeredAt = this.buffer.length;
      pages += 1;
      this.transport.write(this.platform.pagingContinue);
    }

    if (pages > 0) {
      this.logger.warn('paging was on; answered pager prompts', { command: command.id, pages });
    }

    if (confirmPrompt) {
      this.confirmPrompt(this.lastLinePrompt(this.buffer.tail()) ?? this.currentPrompt, command.cli);
    }

    const output = stream.finish();
    const failure = findFailure(output, this.platform.failureMarkers);
    const finishedAt = new Date();
    this.buffer.clear();

    if (stream.error !== null) {
      throw new SessionError('internal', this.host, `the output handler for "${command.cli}" on ${this.host} failed: ${stream.error.message}`, { cause: stream.error });
    }

    this.logger.debug('command finished', { command: command.id, chars: output.length, ms: finishedAt.getTime() - startedAt.getTime(), failure: failure?.marker });
    return { id: command.id, command: command.cli, output, failure, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString() };
  }

  private async failWithTimeout(command: CatalogCommand, timeoutMs: number): Promise<never> {
    const error = new SessionError('timeout', this.host, `"${command.cli}" on ${this.host} timed out after ${seconds(timeoutMs)} s without the prompt ${this.currentPrompt} returning; the session was closed. Raise the timeout for ${command.id} if the device is slow.`);
    this.logger.warn('command timed out; closing the session', { command: command.id, timeoutMs });
    this.closedReason = error;
    await this.close();
    throw error;
  }

  private throwUnlessMatched(outcome: WaitOutcome, timeoutMessage: string): void {
    if (outcome.kind === 'matched') {
      return;
    }
    if (outcome.kind === 'timeout') {
      throw new SessionError('timeout', this.host, timeoutMessage);
    }
    throw toSessionError(outcome.error, this.host);
  }

  /** Returns the prompt when the text after the last line break is one, else null. */
  private lastLinePrompt(tail: string): string | null {
    const lastLine = stripTerminalControls(tail.slice(tail.lastIndexOf('\n') + 1)).replace(/^\r+/, '');
    const match = this.platform.promptPattern.exec(lastLine);
    return match === null ? null : `${match[1]}${match[2]}`;
  }
}

function toSessionError(error: unknown, host: string): SessionError {
  if (error instanceof SessionError) {
    return error;
  }
  if (error instanceof TransportError) {
    return new SessionError(error.kind, host, error.message, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SessionError('internal', host, `unexpected error in the session to ${host}: ${message}`, { cause: error });
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
