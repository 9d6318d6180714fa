// Starts a real OpenSSH sshd on 127.0.0.1 for tests: a temporary config,
// host key and authorized_keys, run as the current user in the foreground.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SSHD_PATH = '/usr/sbin/sshd';

/** The directory sshd insists on when started as root; Debian's service creates it at boot. */
const PRIVILEGE_SEPARATION_DIR = '/run/sshd';

export interface OpenSshServer {
  port: number;
  username: string;
  /** `[127.0.0.1]:PORT ssh-ed25519 AAAA...` for a known_hosts file. */
  knownHostsLine: string;
  /** Private key (OpenSSH format) authorized for `username`. */
  clientKey: string;
  /** Lines sshd wrote to stderr, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

/** Returns why sshd tests cannot run here, or null when they can. */
export async function sshdUnavailableReason(): Promise<string | null> {
  try {
    await access(SSHD_PATH);
  } catch {
    return `${SSHD_PATH} is not installed; install Debian's openssh-server (.ci/run does) to run the OpenSSH tests`;
  }
  return null;
}

export interface OpenSshServerOptions {
  /** Folder for the config, keys and pid file; the caller removes it. */
  dir: string;
  /** Extra sshd_config lines, e.g. `KexAlgorithms ...`. */
  extraConfig?: string[];
}

export async function startOpenSshServer(options: OpenSshServerOptions): Promise<OpenSshServer> {
  const dir = options.dir;
  const username = os.userInfo().username;

  if (process.getuid?.() === 0) {
    try {
      await access(PRIVILEGE_SEPARATION_DIR);
    } catch {
      throw new Error(`sshd run as root needs ${PRIVILEGE_SEPARATION_DIR}; create it with \`mkdir -p -m 0755 ${PRIVILEGE_SEPARATION_DIR}\` (.ci/run does)`);
    }
  }

  const hostKey = path.join(dir, 'ssh_host_ed25519_key');
  const clientKey = path.join(dir, 'client_ed25519');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'sldiag-test-host', '-f', hostKey]);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'sldiag-test-client', '-f', clientKey]);
  await writeFile(path.join(dir, 'authorized_keys'), await readFile(`${clientKey}.pub`, 'utf8'));

  const port = await freeLoopbackPort();
  const config = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${hostKey}`,
    `PidFile ${path.join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
    'UsePAM no',
    'StrictModes no',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    'PermitRootLogin prohibit-password',
    'AllowTcpForwarding yes',
    'PermitOpen 127.0.0.1:*',
    'LogLevel VERBOSE',
    ...(options.extraConfig ?? []),
  ];
  const configFile = path.join(dir, 'sshd_config');
  await writeFile(configFile, config.join('\n') + '\n');

  const stderr: string[] = [];
  const child: ChildProcess = spawn(SSHD_PATH, ['-D', '-e', '-f', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  try {
    await waitUntilListening(port, stderr, exited);
  } catch (error) {
    child.kill();
    throw error;
  }

  const publicHostKey = (await readFile(`${hostKey}.pub`, 'utf8')).trim().split(/\s+/);
  return {
    port,
    username,
    knownHostsLine: `[127.0.0.1]:${port} ${publicHostKey[0]} ${publicHostKey[1]}`,
    clientKey: await readFile(clientKey, 'utf8'),
    log: () => stderr.join(''),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Asks the OS for a free port on 127.0.0.1 (another process could take it before sshd binds; the start then fails loudly). */
async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilListening(port: number, stderr: string[], exited: Promise<void>): Promise<void> {
  let stopped = false;
  void exited.then(() => {
    stopped = true;
  });

  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (stopped) {
      throw new Error(`sshd exited before listening on 127.0.0.1:${port}: ${stderr.join('').trim()}`);
    }
    if (stderr.join('').includes(`Server listening on 127.0.0.1 port ${port}`)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`sshd did not listen on 127.0.0.1:${port} within 5 s: ${stderr.join('').trim()}`);
}
