// The device simulator: one ssh2 Server per device profile on 127.0.0.1,
// each playing an IOS XE CLI from real captured outputs.
import net, { type AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';

import ssh2 from 'ssh2';
import type { AcceptConnection, Algorithms, AuthContext, Connection, ParsedKey, RejectConnection, ServerChannel, ServerConfig, TcpipRequestInfo } from 'ssh2';

import { silentLogger, type Logger } from '../log/logger.js';
import { sha256Fingerprint } from '../transport/known-hosts.js';
import { CliShell } from './cli-shell.js';
import { generateKeyPair, parseHostKey } from './keys.js';
import { loadDeviceProfiles, type AuthMethod, type DeviceProfile } from './profile.js';

export { loadDeviceProfiles, ProfileError, type DeviceProfile } from './profile.js';

const { Server, utils } = ssh2;

export interface SimDevice {
  name: string;
  address: '127.0.0.1';
  port: number;
  hostKeyFingerprint: string;
}

export interface RunningSimulator {
  devices: SimDevice[];
  /** known_hosts lines for every device: `[127.0.0.1]:PORT ssh-ed25519 AAAA...`. */
  knownHosts(): string;
  /** Lines each device received on its CLI, in order, over all connections; the enable secret shows as `<secret>`. */
  received(deviceName: string): string[];
  /** Password and keyboard-interactive login attempts per device. */
  authAttempts(deviceName: string): number;
  /** SSH connections accepted per device, counted at TCP accept. */
  connections(deviceName: string): number;
  /** Signature algorithms of the public key logins each device verified, in order (`ssh-rsa`, `rsa-sha2-256`, ...). */
  signatureAlgorithms(deviceName: string): string[];
  stop(): Promise<void>;
}

export interface SimulatorOptions {
  /** Profiles, or a folder of profile folders. */
  profiles: DeviceProfile[] | string;
  host?: '127.0.0.1';
  /** First port; device i listens on basePort + i. Default: ports assigned by the OS. */
  basePort?: number;
  /** Delay before each CLI response, in milliseconds, for profiles that set none. */
  latencyMs?: number;
  logger?: Logger;
}

/** IOS XE ends the connection after this many failed logins. */
const MAX_AUTH_FAILURES = 3;

interface DeviceServer {
  device: SimDevice;
  publicKeyLine: string;
  received: string[];
  authAttempts: number;
  connections: number;
  signatureAlgorithms: string[];
  stop(): Promise<void>;
}

/** Starts one listening SSH server per profile and resolves once all listen. */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const profiles = typeof options.profiles === 'string' ? await loadDeviceProfiles(options.profiles) : options.profiles;
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? silentLogger;
  const servers: DeviceServer[] = [];

  try {
    for (const [index, profile] of profiles.entries()) {
      const port = options.basePort === undefined ? 0 : options.basePort + index;
      servers.push(await startDevice(profile, host, port, options.latencyMs ?? 0, logger.child({ host: profile.name })));
    }
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    throw error;
  }

  const byName = (name: string): DeviceServer => {
    const server = servers.find((candidate) => candidate.device.name === name);
    if (server === undefined) {
      throw new Error(`no simulated device named "${name}" (known: ${servers.map((s) => s.device.name).join(', ')})`);
    }
    return server;
  };

  return {
    devices: servers.map((server) => server.device),
    knownHosts: () => servers.map((server) => server.publicKeyLine + '\n').join(''),
    received: (name) => [...byName(name).received],
    authAttempts: (name) => byName(name).authAttempts,
    connections: (name) => byName(name).connections,
    signatureAlgorithms: (name) => [...byName(name).signatureAlgorithms],
    stop: async () => {
      await Promise.all(servers.map((server) => server.stop()));
    },
  };
}

async function startDevice(profile: DeviceProfile, host: '127.0.0.1', port: number, defaultLatencyMs: number, logger: Logger): Promise<DeviceServer> {
  const keyPair = profile.hostKeyType === 'rsa' ? generateKeyPair('rsa', { bits: 2048 }) : generateKeyPair('ed25519');
  const publicKey = keyPair.parsedPublic;
  const publicBlob = publicKey.getPublicSSH();
  const connections = new Set<Connection>();
  /** Sockets of frozen connections; they read nothing, so stop() destroys them instead of waiting for a close. */
  const frozen: (net.Socket | undefined)[] = [];
  const latencyMs = profile.latencyMs ?? defaultLatencyMs;

  const state: Omit<DeviceServer, 'device' | 'publicKeyLine' | 'stop'> = { received: [], authAttempts: 0, connections: 0, signatureAlgorithms: [] };
  const serverConfig: ServerConfig = { hostKeys: [{ key: parseHostKey(keyPair.private) }], ident: profile.sshIdent ?? 'Cisco-1.25' };
  if (profile.serverAlgorithms !== undefined) {
    serverConfig.algorithms = { ...profile.serverAlgorithms } as Algorithms;
  }
  if (profile.loginBanner !== undefined) {
    serverConfig.banner = profile.loginBanner;
  }

  const server = new Server(serverConfig, (connection) => {
    connections.add(connection);
    state.connections += 1;
    // A CLI writes small pieces (echo, prompt); without this, Nagle's algorithm adds delayed-ACK waits.
    (connection as Connection & { setNoDelay(noDelay: boolean): unknown }).setNoDelay(true);
    connection.on('close', () => connections.delete(connection));
    connection.on('error', (error: Error) => logger.debug('simulator connection error', { error: error.message }));
    if (profile.announceServerSigAlgs === false) {
      withholdServerSigAlgs(connection);
    }

    let failures = 0;
    connection.on('authentication', (context: AuthContext) => {
      if (profile.closeAfterBanner === true) {
        // The login banner went out with the first authentication request.
        connection.end();
        return;
      }
      authenticate(context, profile, state.signatureAlgorithms, () => {
        state.authAttempts += 1;
      }, (accepted) => {
        if (!accepted) {
          failures += 1;
          if (failures >= MAX_AUTH_FAILURES) {
            connection.end();
          }
        }
      });
    });

    connection.on('ready', () => {
      if (profile.jumpHost === true) {
        connection.on('tcpip', (accept, reject, info) => forwardToLoopback(accept, reject, info, logger));
      }

      let shellOpened = false;
      connection.on('session', (acceptSession, rejectSession) => {
        // IOS XE serves one session per connection; exec requests have no listener, so ssh2 rejects them.
        if (shellOpened) {
          rejectSession();
          return;
        }
        const session = acceptSession();
        session.on('pty', (accept) => accept?.());
        session.on('shell', (accept) => {
          shellOpened = true;
          const channel = accept();
          const shell = new CliShell(channel, profile, {
            latencyMs,
            onLine: (line) => state.received.push(line),
            onExit: () => connection.end(),
            onReset: () => resetConnection(connection),
            onFreeze: () => frozen.push(freezeConnection(connection)),
          });
          shell.start();
        });
      });
    });
  });
  server.on('error', (error: Error) => logger.warn('simulator server error', { error: error.message }));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  const device: SimDevice = { name: profile.name, address: host, port: address.port, hostKeyFingerprint: sha256Fingerprint(publicBlob) };
  logger.info('simulated device listening', { port: device.port, fingerprint: device.hostKeyFingerprint });

  return Object.assign(state, {
    device,
    publicKeyLine: `[${host}]:${device.port} ${publicKey.type} ${publicBlob.toString('base64')}`,
    stop: async (): Promise<void> => {
      for (const connection of connections) {
        connection.end();
      }
      for (const socket of frozen) {
        socket?.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
      logger.info('simulated device stopped');
    },
  });
}

function offeredMethods(profile: DeviceProfile): AuthMethod[] {
  if (profile.authMethods !== undefined) {
    return profile.authMethods;
  }
  const methods: AuthMethod[] = ['password', 'keyboard-interactive'];
  if (profile.authorizedKeys !== undefined) {
    methods.unshift('publickey');
  }
  return methods;
}

function authenticate(
  context: AuthContext,
  profile: DeviceProfile,
  signatureAlgorithms: string[],
  countAttempt: () => void,
  done: (accepted: boolean) => void,
): void {
  const offered = offeredMethods(profile);
  const finish = (accepted: boolean): void => {
    if (accepted) {
      context.accept();
    } else {
      context.reject(offered);
    }
    done(accepted);
  };

  if (context.method === 'password' && offered.includes('password')) {
    countAttempt();
    finish(context.username === profile.username && secretsEqual(context.password, profile.password));
    return;
  }

  if (context.method === 'keyboard-interactive' && offered.includes('keyboard-interactive')) {
    countAttempt();
    context.prompt([{ prompt: profile.keyboardInteractivePrompt ?? 'Password: ', echo: false }], (answers) => {
      finish(context.username === profile.username && secretsEqual(answers[0] ?? '', profile.password));
    });
    return;
  }

  if (context.method === 'publickey' && offered.includes('publickey')) {
    const authorized = findAuthorizedKey(profile.authorizedKeys ?? [], context.key.algo, context.key.data);
    if (authorized === null || context.username !== profile.username) {
      finish(false);
      return;
    }
    // Without a signature the client only asks whether this key would do.
    if (context.signature === undefined) {
      context.accept();
      return;
    }
    signatureAlgorithms.push(signatureAlgorithm(context.key.algo, context.hashAlgo));
    finish(authorized.verify(context.blob ?? Buffer.alloc(0), context.signature, context.hashAlgo) === true);
    return;
  }

  // `none` and methods this device does not offer: list what it accepts.
  context.reject(offered);
}

/** ssh2 reports an RSA login as key type `ssh-rsa` plus the hash; the signature algorithm names both. */
function signatureAlgorithm(keyType: string, hashAlgo: string | undefined): string {
  if (keyType !== 'ssh-rsa') {
    return keyType;
  }
  if (hashAlgo === 'sha256') {
    return 'rsa-sha2-256';
  }
  if (hashAlgo === 'sha512') {
    return 'rsa-sha2-512';
  }
  return 'ssh-rsa';
}

/**
 * Keeps ssh2's server from sending the server-sig-algs extension. ssh2 1.17
 * sends it after the first key exchange when the client offered ext-info-c,
 * deciding by the private `_protocol._kex.remoteExtInfoEnabled`; this pins
 * that flag to false. The test of this scenario checks that the client then
 * signs with plain ssh-rsa, so it fails if a newer ssh2 moves the flag.
 */
function withholdServerSigAlgs(connection: Connection): void {
  const protocol = (connection as unknown as { _protocol: Record<string, unknown> })._protocol;
  let kex: Record<string, unknown> | undefined;

  Object.defineProperty(protocol, '_kex', {
    configurable: true,
    get: () => kex,
    set: (value: Record<string, unknown> | undefined) => {
      kex = value;
      if (value !== undefined && value !== null) {
        Object.defineProperty(value, 'remoteExtInfoEnabled', { configurable: true, get: () => false, set: () => {} });
      }
    },
  });
}

function findAuthorizedKey(lines: readonly string[], algorithm: string, blob: Buffer): ParsedKey | null {
  for (const line of lines) {
    const parsed = utils.parseKey(line);
    if (parsed instanceof Error) {
      continue;
    }
    if (parsed.getPublicSSH().equals(blob) && (parsed.type === algorithm || parsed.type === 'ssh-rsa')) {
      return parsed;
    }
  }
  return null;
}

function secretsEqual(received: string, expected: string): boolean {
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Destroys the TCP socket under a connection, so the client sees a reset rather than an SSH disconnect. */
function resetConnection(connection: Connection): void {
  const socket = (connection as Connection & { _sock?: net.Socket })._sock;
  if (socket === undefined) {
    connection.end();
    return;
  }
  socket.resetAndDestroy();
}

/** Stops reading the TCP socket under a connection, so nothing more is answered; stop() still closes it. */
function freezeConnection(connection: Connection): net.Socket | undefined {
  const socket = (connection as Connection & { _sock?: net.Socket })._sock;
  socket?.pause();
  return socket;
}

/** Jump hosts here forward only to this machine, so a test can never reach another host through one. */
const LOOPBACK_TARGETS: ReadonlySet<string> = new Set(['127.0.0.1', '::1', 'localhost']);

function forwardToLoopback(accept: AcceptConnection<ServerChannel>, reject: RejectConnection, info: TcpipRequestInfo, logger: Logger): void {
  if (!LOOPBACK_TARGETS.has(info.destIP)) {
    logger.warn('simulated jump host rejected a forward outside the loopback', { destination: info.destIP });
    reject();
    return;
  }

  const upstream = net.connect({ host: info.destIP, port: info.destPort });
  upstream.once('error', (error: Error) => {
    logger.debug('simulated jump host could not connect', { destination: `${info.destIP}:${info.destPort}`, error: error.message });
    reject();
  });
  upstream.once('connect', () => {
    upstream.removeAllListeners('error');
    const channel = accept();
    upstream.pipe(channel).pipe(upstream);
    upstream.on('error', () => channel.close());
    channel.on('close', () => upstream.destroy());
  });
}
