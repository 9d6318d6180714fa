// One SSH connection per device carrying one interactive shell with a pty.
// IOS XE closes the connection after a single exec request, so the whole
// conversation goes through the shell channel and exec is never used.
import { StringDecoder } from 'node:string_decoder';

import ssh2 from 'ssh2';
import type { AnyAuthMethod, AuthenticationType, ClientChannel, ConnectConfig, KeyboardInteractiveCallback, NextAuthHandler, ParsedKey, Prompt } from 'ssh2';

import type { Logger } from '../log/logger.js';
import { classifySshError, TransportError } from './errors.js';
import { checkHostKey, type HostKeyDecision, type HostKeyMode } from './host-key-verifier.js';

const { Client, utils } = ssh2;

export interface TransportOptions {
  host: string;
  port: number;
  username: string;
  password?: string;
  /** Private key contents (the caller reads the file). */
  privateKey?: string | Buffer;
  passphrase?: string;
  /** ssh-agent socket path. */
  agent?: string;
  knownHostsPath: string;
  hostKeyMode: HostKeyMode;
  /** Budget for TCP connect, key exchange and authentication together. */
  connectTimeoutMs: number;
  logger: Logger;
}

export interface TransportListener {
  /** Device output, decoded as UTF-8 across chunk boundaries. */
  data(text: string): void;
  /** The connection ended without close() being called. */
  closed(error: TransportError): void;
}

/** A byte pipe to one device's CLI. */
export interface Transport {
  readonly closed: boolean;
  listen(listener: TransportListener): void;
  write(text: string): void;
  close(): Promise<void>;
}

/** The pty requested for the shell: wide, so IOS does not wrap the command echo. */
const PTY = { term: 'vt100', cols: 511, rows: 24, width: 0, height: 0 } as const;

const CLOSE_WAIT_MS = 2000;

/** Connects, authenticates, verifies the host key and opens the shell. Throws TransportError. */
export async function openTransport(options: TransportOptions): Promise<Transport> {
  const endpoint = `${options.host}:${options.port}`;
  const logger = options.logger;
  const privateKey = parsePrivateKey(options, endpoint);
  const client = new Client();
  let hostKeyRejection: TransportError | null = null;

  const config: ConnectConfig = {
    host: options.host,
    port: options.port,
    username: options.username,
    readyTimeout: options.connectTimeoutMs,
    authHandler: createAuthHandler(options, privateKey, logger),
    hostVerifier: (key: Buffer, verify: (valid: boolean) => void): void => {
      const check = { knownHostsPath: options.knownHostsPath, mode: options.hostKeyMode, host: options.host, port: options.port, logger };
      checkHostKey(check, key)
        .catch((error: unknown): HostKeyDecision => ({ accepted: false, error: new TransportError('hostkey', `host key check for ${endpoint} failed: ${(error as Error).message}`) }))
        .then((decision) => {
          if (!decision.accepted) {
            hostKeyRejection = decision.error;
          }
          verify(decision.accepted);
        });
    },
  };

  logger.debug('ssh connecting', { port: options.port, hostKeyMode: options.hostKeyMode });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => {
      client.removeListener('ready', onReady);
      // ssh2 can emit a second error while tearing down (e.g. "Connection lost before handshake").
      client.on('error', (later: Error) => logger.debug('ssh error after a failed connect', { error: later.message }));
      client.end();
      reject(hostKeyRejection ?? classifySshError(error, endpoint));
    };
    const onReady = (): void => {
      client.removeListener('error', onError);
      resolve();
    };
    client.once('error', onError);
    client.once('ready', onReady);
    client.on('handshake', (negotiated) => logger.debug('ssh handshake', { kex: negotiated.kex, hostKey: negotiated.serverHostKey }));
    client.connect(config);
  });

  logger.debug('ssh authenticated');

  // Commands and pager keys are a few bytes each; OpenSSH also disables Nagle for interactive sessions.
  client.setNoDelay(true);

  const channel = await new Promise<ClientChannel>((resolve, reject) => {
    client.shell(PTY, (error, stream) => {
      if (error !== undefined && error !== null) {
        client.end();
        reject(new TransportError('protocol', `${endpoint} rejected the request for an interactive shell: ${error.message}`, { cause: error }));
        return;
      }
      resolve(stream);
    });
  });

  logger.debug('ssh shell opened');
  return new SshTransport(client, channel, endpoint, logger);
}

class SshTransport implements Transport {
  private listener: TransportListener | null = null;
  private pending = '';
  private closing = false;
  private ended = false;
  private readonly decoder = new StringDecoder('utf8');
  private readonly closedPromise: Promise<void>;

  constructor(
    private readonly client: InstanceType<typeof Client>,
    private readonly channel: ClientChannel,
    private readonly endpoint: string,
    private readonly logger: Logger,
  ) {
    channel.on('data', (chunk: Buffer) => this.deliver(this.decoder.write(chunk)));
    channel.stderr.on('data', (chunk: Buffer) => this.deliver(chunk.toString('utf8')));

    // After the connection is up, errors arrive here; 'close' follows them.
    let lastError: Error | null = null;
    client.on('error', (error: Error) => {
      lastError = error;
      this.logger.debug('ssh error after connect', { error: error.message });
    });

    this.closedPromise = new Promise((resolve) => {
      client.once('close', () => {
        this.ended = true;
        resolve();
        if (!this.closing) {
          const error = lastError === null
            ? new TransportError('disconnected', `${this.endpoint} closed the connection`)
            : classifySshError(lastError, this.endpoint);
          this.logger.debug('ssh connection closed by the device', { error: error.message });
          this.listener?.closed(error);
        }
      });
    });
  }

  get closed(): boolean {
    return this.ended || this.closing;
  }

  listen(listener: TransportListener): void {
    this.listener = listener;
    if (this.pending !== '') {
      const buffered = this.pending;
      this.pending = '';
      listener.data(buffered);
    }
  }

  write(text: string): void {
    if (this.closed) {
      throw new TransportError('disconnected', `cannot write to ${this.endpoint}: the connection is closed`);
    }
    this.channel.write(text);
  }

  async close(): Promise<void> {
    if (this.ended) {
      return;
    }
    this.closing = true;
    this.client.end();

    // A device that never closes its side after the SSH disconnect must not block the caller.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.client.destroy();
        resolve();
      }, CLOSE_WAIT_MS);
    });
    await Promise.race([this.closedPromise, timeout]);
    clearTimeout(timer);
    this.logger.debug('ssh connection closed');
  }

  private deliver(text: string): void {
    if (text === '') {
      return;
    }
    if (this.listener === null) {
      this.pending += text;
      return;
    }
    this.listener.data(text);
  }
}

function parsePrivateKey(options: TransportOptions, endpoint: string): ParsedKey | null {
  if (options.privateKey === undefined) {
    return null;
  }

  const parsed = utils.parseKey(options.privateKey, options.passphrase);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (key instanceof Error || key === undefined) {
    const reason = key instanceof Error ? key.message : 'no key found';
    throw new TransportError('auth', `private key for ${endpoint} could not be read (${reason}); check the key file and its passphrase`);
  }
  if (!key.isPrivateKey()) {
    throw new TransportError('auth', `the key given for ${endpoint} is a public key; pass the private key file`);
  }

  return key;
}

/**
 * Builds the ssh2 auth handler: each configured method is tried at most once,
 * and the password is sent once, by `password` when the device offers it and
 * otherwise by keyboard-interactive. A wrong password therefore costs one
 * failed login on the device.
 */
function createAuthHandler(options: TransportOptions, privateKey: ParsedKey | null, logger: Logger) {
  const username = options.username;
  const tried = new Set<string>();
  let passwordSent = false;

  const candidates = (offered: readonly AuthenticationType[]): AnyAuthMethod[] => {
    const methods: AnyAuthMethod[] = [];
    if (privateKey !== null) {
      methods.push({ type: 'publickey', username, key: privateKey });
    }
    if (options.agent !== undefined) {
      methods.push({ type: 'agent', username, agent: options.agent });
    }
    const password = options.password;
    if (password !== undefined && !passwordSent) {
      if (offered.includes('password')) {
        methods.push({ type: 'password', username, password });
      } else if (offered.includes('keyboard-interactive')) {
        methods.push({ type: 'keyboard-interactive', username, prompt: answerWithPassword(password, logger) });
      }
    }
    return methods;
  };

  return (methodsLeft: AuthenticationType[] | null, _partialSuccess: boolean | null, next: NextAuthHandler): void => {
    if (methodsLeft === null) {
      tried.add('none');
      next({ type: 'none', username });
      return;
    }

    const method = candidates(methodsLeft).find((candidate) => !tried.has(candidate.type) && methodsLeft.includes(protocolMethod(candidate.type)));
    if (method === undefined) {
      // ssh2 accepts `false` here to end authentication; @types/ssh2 does not list it.
      (next as unknown as (auth: false) => void)(false);
      return;
    }

    tried.add(method.type);
    if (method.type === 'password' || method.type === 'keyboard-interactive') {
      passwordSent = true;
    }
    logger.debug('ssh auth attempt', { method: method.type });
    next(method);
  };
}

/** The SSH method name the server lists: agent keys are offered as `publickey`. */
function protocolMethod(type: AnyAuthMethod['type']): AuthenticationType {
  return type === 'agent' ? 'publickey' : type;
}

function answerWithPassword(password: string, logger: Logger) {
  return (_name: string, _instructions: string, _lang: string, prompts: Prompt[], finish: KeyboardInteractiveCallback): void => {
    // Servers may send an empty round first; the password goes to the single prompt.
    if (prompts.length > 1) {
      logger.debug('keyboard-interactive sent several prompts; only the first gets the password', { prompts: prompts.length });
    }
    finish(prompts.map((_prompt, index) => (index === 0 ? password : '')));
  };
}
