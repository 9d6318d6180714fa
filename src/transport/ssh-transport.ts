// One SSH connection per device, optionally through jump hosts, carrying one
// interactive shell with a pty.
// IOS XE closes the connection after a single exec request, so the whole
// conversation goes through the shell channel and exec is never used.
import type { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

import ssh2 from 'ssh2';
import type { AnyAuthMethod, AuthenticationType, ClientChannel, ConnectConfig, KeyboardInteractiveCallback, NextAuthHandler, ParsedKey, Prompt } from 'ssh2';

import type { Logger } from '../log/logger.js';
import { algorithmProfile, offerGroupExchangeToCisco, ssh2Algorithms, type AlgorithmProfileName } from './algorithms.js';
import { classifySshError, TransportError } from './errors.js';
import { checkHostKey, type HostKeyDecision, type HostKeyMode } from './host-key-verifier.js';

const { Client, utils } = ssh2;

/** Login details for one SSH hop: a jump host or the device itself. */
export interface SshEndpoint {
  host: string;
  port: number;
  username: string;
  password?: string;
  /** Private key contents (the caller reads the file). */
  privateKey?: string | Buffer;
  passphrase?: string;
  /** ssh-agent socket path. */
  agent?: string;
}

export interface TransportOptions extends SshEndpoint {
  /** Jump hosts in the order they are connected to, like OpenSSH's ProxyJump list; each has its own login. */
  jumps?: readonly SshEndpoint[];
  /** Algorithm profile for every hop; default `modern`. */
  algorithms?: AlgorithmProfileName;
  knownHostsPath: string;
  hostKeyMode: HostKeyMode;
  /** Budget for TCP connect, key exchange and authentication together, per hop. */
  connectTimeoutMs: number;
  /** Interval of SSH keepalive requests once connected; 0 turns them off. Default 15 s. */
  keepaliveIntervalMs?: number;
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

type SshClient = InstanceType<typeof Client>;

/** The pty requested for the shell: wide, so IOS does not wrap the command echo. */
const PTY = { term: 'vt100', cols: 511, rows: 24, width: 0, height: 0 } as const;

const CLOSE_WAIT_MS = 2000;

export const DEFAULT_KEEPALIVE_INTERVAL_MS = 15_000;

/** Unanswered keepalives before the connection counts as lost, as OpenSSH's ServerAliveCountMax default. */
const KEEPALIVE_COUNT_MAX = 3;

/** Connects through any jump hosts, authenticates, verifies each host key and opens the shell. Throws TransportError. */
export async function openTransport(options: TransportOptions): Promise<Transport> {
  const endpoint = `${options.host}:${options.port}`;
  const logger = options.logger;
  const jumpClients: SshClient[] = [];
  let client: SshClient;

  try {
    let sock: Duplex | undefined;
    const hops = options.jumps ?? [];
    for (const [index, hop] of hops.entries()) {
      const hopClient = await connectClient(hop, `jump host ${hop.host}:${hop.port}`, sock, options);
      jumpClients.push(hopClient);
      const next = hops[index + 1] ?? options;
      sock = await forwardThrough(hopClient, `${hop.host}:${hop.port}`, next.host, next.port);
      logger.debug('ssh jump host connected', { jump: `${hop.host}:${hop.port}`, next: `${next.host}:${next.port}` });
    }
    client = await connectClient(options, endpoint, sock, options);
  } catch (error) {
    closeClients(jumpClients);
    throw error;
  }

  logger.debug('ssh authenticated');

  // Commands and pager keys are a few bytes each; OpenSSH also disables Nagle for interactive sessions.
  // Behind a jump host the socket belongs to the jump host's channel, which has no such setting.
  if (jumpClients.length === 0) {
    client.setNoDelay(true);
  }

  let channel: ClientChannel;
  try {
    channel = await new Promise<ClientChannel>((resolve, reject) => {
      client.shell(PTY, (error, stream) => {
        if (error !== undefined && error !== null) {
          reject(new TransportError('protocol', `${endpoint} rejected the request for an interactive shell: ${error.message}`, { cause: error }));
          return;
        }
        resolve(stream);
      });
    });
  } catch (error) {
    closeClients([...jumpClients, client]);
    throw error;
  }

  logger.debug('ssh shell opened');
  return new SshTransport(client, jumpClients, channel, endpoint, logger);
}

/** Connects and authenticates one hop, over `sock` when it sits behind a jump host. */
async function connectClient(hop: SshEndpoint, label: string, sock: Duplex | undefined, options: TransportOptions): Promise<SshClient> {
  const logger = options.logger;
  const profile = algorithmProfile(options.algorithms ?? 'modern');
  const privateKey = parsePrivateKey(hop, label);
  const client = new Client();
  let hostKeyRejection: TransportError | null = null;

  const config: ConnectConfig = {
    host: hop.host,
    port: hop.port,
    username: hop.username,
    readyTimeout: options.connectTimeoutMs,
    keepaliveInterval: options.keepaliveIntervalMs ?? DEFAULT_KEEPALIVE_INTERVAL_MS,
    keepaliveCountMax: KEEPALIVE_COUNT_MAX,
    algorithms: ssh2Algorithms(profile),
    authHandler: createAuthHandler(hop, privateKey, logger),
    hostVerifier: (key: Buffer, verify: (valid: boolean) => void): void => {
      const check = { knownHostsPath: options.knownHostsPath, mode: options.hostKeyMode, host: hop.host, port: hop.port, logger };
      checkHostKey(check, key)
        .catch((error: unknown): HostKeyDecision => ({ accepted: false, error: new TransportError('hostkey', `host key check for ${label} failed: ${(error as Error).message}`) }))
        .then((decision) => {
          if (!decision.accepted) {
            hostKeyRejection = decision.error;
          }
          verify(decision.accepted);
        });
    },
  };
  if (sock !== undefined) {
    config.sock = sock;
  }

  logger.debug('ssh connecting', { to: label, hostKeyMode: options.hostKeyMode, algorithms: profile.name });

  let banner = '';
  client.on('banner', (message: string) => {
    banner = message.trim();
  });

  await new Promise<void>((resolve, reject) => {
    const settle = (): void => {
      client.removeListener('ready', onReady);
      client.removeListener('error', onError);
      client.removeListener('close', onClose);
    };
    const onClose = (): void => {
      settle();
      const afterBanner = banner === '' ? '' : ` after sending the login banner "${truncate(banner, 200)}"`;
      reject(new TransportError('disconnected', `${label} closed the connection before login completed${afterBanner}; the device may have reached its SSH session limit, or rejects this client by ACL`));
    };
    const onError = (error: Error): void => {
      settle();
      // ssh2 can emit a second error while tearing down (e.g. "Connection lost before handshake").
      client.on('error', (later: Error) => logger.debug('ssh error after a failed connect', { error: later.message }));
      client.end();
      reject(hostKeyRejection ?? classifySshError(error, label));
    };
    const onReady = (): void => {
      settle();
      resolve();
    };
    client.once('error', onError);
    client.once('ready', onReady);
    client.once('close', onClose);
    client.on('handshake', (negotiated) => logger.debug('ssh handshake', { to: label, kex: negotiated.kex, hostKey: negotiated.serverHostKey, cipher: negotiated.cs.cipher }));
    client.connect(config);
    if (profile.offerGroupExchangeToCisco) {
      offerGroupExchangeToCisco(client);
    }
  });

  return client;
}

/** Opens a direct-tcpip channel from a jump host to the next hop, as `ssh -J` does. */
function forwardThrough(jump: SshClient, jumpLabel: string, host: string, port: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    jump.forwardOut('127.0.0.1', 0, host, port, (error, stream) => {
      if (error !== undefined && error !== null) {
        jump.end();
        reject(new TransportError('refused', `jump host ${jumpLabel} could not open a connection to ${host}:${port}: ${error.message}. Check that the jump host can reach the device and allows TCP forwarding.`, { cause: error }));
        return;
      }
      resolve(stream);
    });
  });
}

function truncate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength)}...`;
}

function closeClients(clients: readonly SshClient[]): void {
  for (const client of [...clients].reverse()) {
    client.end();
  }
}

class SshTransport implements Transport {
  private listener: TransportListener | null = null;
  private pending = '';
  private closing = false;
  private ended = false;
  private readonly decoder = new StringDecoder('utf8');
  private readonly closedPromise: Promise<void>;

  constructor(
    private readonly client: SshClient,
    private readonly jumpClients: readonly SshClient[],
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
        closeClients(this.jumpClients);
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
    closeClients(this.jumpClients);
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

function parsePrivateKey(options: SshEndpoint, endpoint: string): ParsedKey | null {
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
function createAuthHandler(options: SshEndpoint, privateKey: ParsedKey | null, logger: Logger) {
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
