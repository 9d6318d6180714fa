import net from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '../../src/log/logger.js';
import { openSession, SessionError, type Session } from '../../src/session/session.js';
import { startSimulator, type RunningSimulator } from '../../src/sim/simulator.js';
import { findDevice, makeTempDir, readDeviceOutput, RICH_DEVICE, sessionOptions, testProfile, writeKnownHosts, type TempDir } from './harness.js';

const MOTD = [
  '*****************************************',
  'Authorized access only. lab-core#',
  'Disconnect now if not authorized >',
  'fake-prompt#',
].join('\n');

const NO_RETRY = { retries: 0, baseDelayMs: 0, maxDelayMs: 0 };

let simulator: RunningSimulator;
let temp: TempDir;
let knownHosts: string;

beforeAll(async () => {
  temp = await makeTempDir();
  simulator = await startSimulator({
    profiles: [
      await testProfile('lab-sw1', { motd: MOTD }),
      await testProfile('lab-motd-trickle', { motd: MOTD, chunkBytes: 1 }),
      await testProfile('lab-motd-enable', { motd: MOTD, chunkBytes: 1, enableSecret: 'test-enable' }),
      await testProfile('lab-enable', { enableSecret: 'test-enable' }),
      await testProfile('lab-hang', { hangCommands: ['show license all'] }),
      await testProfile('lab-paging', { pagingLocked: true }),
      await testProfile('lab-kbdint', { authMethods: ['keyboard-interactive'] }),
      await testProfile('lab-slow', { latencyMs: 40 }),
      await testProfile('Lab_Sw.2-(a)'),
      await testProfile('lab-drop', { dropCommands: ['show license all'] }),
      await testProfile('lab-freeze', { freezeCommands: ['show license all'] }),
      await testProfile('lab-big', { commands: { 'show platform software sl-infra all': await bigOutput() } }),
    ],
  });
  knownHosts = await writeKnownHosts(temp.path, simulator);
});

/** Real tech support output repeated past 10 MB, as a stand-in for a large sl-infra dump. */
async function bigOutput(): Promise<string> {
  const techSupport = await readDeviceOutput(RICH_DEVICE, 'show-license-tech-support.txt');
  return techSupport.repeat(Math.ceil(BIG_OUTPUT_BYTES / techSupport.length));
}

const BIG_OUTPUT_BYTES = 10 * 1024 * 1024 + 1;

afterAll(async () => {
  await simulator.stop();
  await temp.remove();
});

async function open(name: string, overrides: Parameters<typeof sessionOptions>[2] = {}): Promise<Session> {
  return openSession(sessionOptions(findDevice(simulator, name), knownHosts, overrides));
}

async function openError(name: string, overrides: Parameters<typeof sessionOptions>[2] = {}): Promise<SessionError> {
  const error = await open(name, overrides).then(
    async (session) => {
      await session.close();
      return new Error('expected openSession to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SessionError);
  return error as SessionError;
}

describe('openSession', () => {
  it('finds the prompt after a MOTD with prompt-like lines', async () => {
    const session = await open('lab-sw1');
    try {
      expect(session.prompt).toBe('lab-sw1#');
    } finally {
      await session.close();
    }
  });

  it('ignores prompt-like MOTD lines sent byte by byte', async () => {
    const before = simulator.received('lab-motd-trickle').length;
    const session = await open('lab-motd-trickle');
    try {
      expect(session.prompt).toBe('lab-motd-trickle#');
      const result = await session.run('show-license-udi');
      expect(result.failure).toBeNull();
      expect(result.output).toBe(await readDeviceOutput(RICH_DEVICE, 'show-license-udi.txt'));
    } finally {
      await session.close();
    }
    expect(simulator.received('lab-motd-trickle').slice(before)).toEqual(['terminal length 0', 'terminal width 0', 'show license udi']);
  });

  it('enters enable once the prompt after a MOTD is confirmed', async () => {
    const session = await open('lab-motd-enable', { credentials: { password: 'test-password', enableSecret: 'test-enable' } });
    try {
      expect(session.prompt).toBe('lab-motd-enable#');
    } finally {
      await session.close();
    }
    // The MOTD line `fake-prompt#` looked privileged, so enable waited for the prompt echoed with `terminal length 0`.
    expect(simulator.received('lab-motd-enable')).toEqual(['terminal length 0', 'enable', '<secret>', 'terminal width 0']);
  });

  it('sends the on-open commands before any collect command', async () => {
    const before = simulator.received('lab-sw1').length;
    const session = await open('lab-sw1');
    await session.run('show-license-udi');
    await session.close();

    expect(simulator.received('lab-sw1').slice(before)).toEqual(['terminal length 0', 'terminal width 0', 'show license udi']);
  });

  it('accepts hostnames with dots, dashes, underscores and parentheses', async () => {
    const session = await open('Lab_Sw.2-(a)');
    try {
      expect(session.prompt).toBe('Lab_Sw.2-(a)#');
      const result = await session.run('show-license-udi');
      expect(result.output).toBe(await readDeviceOutput(RICH_DEVICE, 'show-license-udi.txt'));
    } finally {
      await session.close();
    }
  });

  it('enters privileged exec with the enable secret', async () => {
    const session = await open('lab-enable', { credentials: { password: 'test-password', enableSecret: 'test-enable' } });
    try {
      expect(session.prompt).toBe('lab-enable#');
      expect(simulator.received('lab-enable')).toContain('<secret>');
    } finally {
      await session.close();
    }
  });

  it('stays in user exec without an enable secret', async () => {
    const session = await open('lab-enable');
    try {
      expect(session.prompt).toBe('lab-enable>');
    } finally {
      await session.close();
    }
  });

  it('reports a rejected enable secret as kind enable', async () => {
    const error = await openError('lab-enable', { credentials: { password: 'test-password', enableSecret: 'wrong-enable' } });

    expect(error.kind).toBe('enable');
    expect(error.host).toBe('lab-enable');
    expect(error.message).toContain('rejected enable');
    expect(error.message).not.toContain('wrong-enable');
  });

  it('reports a wrong password as auth after one attempt', async () => {
    const before = simulator.authAttempts('lab-sw1');
    const error = await openError('lab-sw1', { credentials: { password: 'not-the-password' } });

    expect(error.kind).toBe('auth');
    expect(error.message).not.toContain('not-the-password');
    expect(simulator.authAttempts('lab-sw1') - before).toBe(1);
  });

  it('logs in by keyboard-interactive when password is not offered', async () => {
    const session = await open('lab-kbdint');
    try {
      expect(session.prompt).toBe('lab-kbdint#');
    } finally {
      await session.close();
    }
  });

  it('reports a closed port as refused', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer();
      server.listen(0, '127.0.0.1', () => {
        const address = server.address() as net.AddressInfo;
        server.close(() => resolve(address.port));
      });
    });
    const target = { name: 'lab-gone', address: '127.0.0.1', port, username: 'netops' };

    const error = await openSession({ target, credentials: { password: 'test-password' }, hostKeys: { knownHostsPath: knownHosts, mode: 'strict' }, retry: NO_RETRY }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SessionError);
    expect((error as SessionError).kind).toBe('refused');
    expect((error as SessionError).message).toContain(`127.0.0.1:${port}`);
  });

  it('reports a silent port as timeout', async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const target = { name: 'lab-silent', address: '127.0.0.1', port, username: 'netops' };

    try {
      const error = await openSession({ target, credentials: { password: 'test-password' }, hostKeys: { knownHostsPath: knownHosts, mode: 'strict' }, connectTimeoutMs: 300, retry: NO_RETRY }).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(SessionError);
      expect((error as SessionError).kind).toBe('timeout');
      expect((error as SessionError).host).toBe('lab-silent');
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('logs starts and stops tagged with the host, without secrets', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', write: (line) => lines.push(line) });
    const session = await open('lab-enable', { logger, credentials: { password: 'test-password', enableSecret: 'test-enable' } });
    await session.run('show-license-udi');
    await session.close();

    const log = lines.join('\n');
    expect(log).toContain('session opened');
    expect(log).toContain('session closed');
    expect(lines.every((line) => line.includes('host=lab-enable'))).toBe(true);
    expect(log).not.toContain('test-password');
    expect(log).not.toContain('test-enable');
  });
});

describe('Session.run', () => {
  it('returns the output without echo and prompt', async () => {
    const session = await open('lab-sw1');
    try {
      const udi = await session.run('show-license-udi');
      const techSupport = await session.run('show license tech support');

      expect(udi.id).toBe('show-license-udi');
      expect(udi.command).toBe('show license udi');
      expect(udi.failure).toBeNull();
      expect(udi.output).toBe(await readDeviceOutput(RICH_DEVICE, 'show-license-udi.txt'));
      expect(techSupport.output).toBe(await readDeviceOutput(RICH_DEVICE, 'show-license-tech-support.txt'));
    } finally {
      await session.close();
    }
  });

  it('waits for the prompt on a slow device', async () => {
    const session = await open('lab-slow');
    try {
      const result = await session.run('show-license-all');
      expect(result.output).toBe(await readDeviceOutput(RICH_DEVICE, 'show-license-all.txt'));
    } finally {
      await session.close();
    }
  });

  it('runs overlapping calls one after the other', async () => {
    const session = await open('lab-sw1');
    try {
      const [udi, all] = await Promise.all([session.run('show-license-udi'), session.run('show-license-all')]);
      expect(udi.output).toBe(await readDeviceOutput(RICH_DEVICE, 'show-license-udi.txt'));
      expect(all.output).toBe(await readDeviceOutput(RICH_DEVICE, 'show-license-all.txt'));
    } finally {
      await session.close();
    }
  });

  it('returns invalid input as a failed result and stays usable', async () => {
    const session = await open('lab-sw1');
    try {
      const status = await session.run('show-license-status');
      const udi = await session.run('show-license-udi');

      expect(status.failure).toEqual({ marker: '% Invalid input detected', message: "% Invalid input detected at '^' marker." });
      expect(status.output).toContain('^\r\n');
      expect(udi.failure).toBeNull();
      expect(udi.output).toBe(await readDeviceOutput(RICH_DEVICE, 'show-license-udi.txt'));
    } finally {
      await session.close();
    }
  });

  it('answers pager prompts when terminal length 0 is rejected', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', write: (line) => lines.push(line) });
    const session = await open('lab-paging', { logger });
    try {
      const result = await session.run('show-license-tech-support');

      expect(result.output).toBe(await readDeviceOutput(RICH_DEVICE, 'show-license-tech-support.txt'));
      expect(lines.some((line) => line.includes('on-open command rejected'))).toBe(true);
      expect(lines.some((line) => line.includes('paging was on'))).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('closes the session when a command times out', async () => {
    const session = await open('lab-hang', { commandTimeoutMs: { 'show-license-all': 300 } });

    const error = await session.run('show-license-all').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SessionError);
    expect((error as SessionError).kind).toBe('timeout');
    expect((error as SessionError).message).toContain('"show license all"');
    expect((error as SessionError).message).toContain('0.3 s');

    const next = await session.run('show-license-udi').catch((caught: unknown) => caught);
    expect(next).toBeInstanceOf(SessionError);
    expect((next as SessionError).kind).toBe('disconnected');
    expect((next as SessionError).message).toContain('"show license udi" was not sent');
  });

  it('reports a dropped connection as disconnected', async () => {
    const session = await open('lab-drop');

    const error = await session.run('show-license-all').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SessionError);
    expect((error as SessionError).kind).toBe('disconnected');
    expect((error as SessionError).host).toBe('lab-drop');
    await expect(session.run('show-license-udi')).rejects.toBeInstanceOf(SessionError);
    await session.close();
  });

  it('detects a frozen device by keepalive', async () => {
    const session = await open('lab-freeze', { keepaliveIntervalMs: 100, commandTimeoutMs: { 'show-license-all': 60_000 } });

    const error = await session.run('show-license-all').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SessionError);
    // Three unanswered keepalives end the connection long before the 60 s command timeout.
    expect((error as SessionError).kind).toBe('timeout');
    expect((error as SessionError).message).toMatch(/keepalive/i);
    await session.close();
  });

  it('rejects commands outside the collect catalog before writing', async () => {
    const session = await open('lab-sw1');
    try {
      const before = simulator.received('lab-sw1').length;

      for (const command of ['configure terminal', 'enable', 'terminal-length-0', 'show running-config', 'show license udi ; reload']) {
        const error = await session.run(command).catch((caught: unknown) => caught);
        expect(error, command).toBeInstanceOf(SessionError);
        expect((error as SessionError).kind, command).toBe('internal');
      }

      expect(simulator.received('lab-sw1').length).toBe(before);
      expect((await session.run('show-license-udi')).failure).toBeNull();
    } finally {
      await session.close();
    }
  });

  it('passes raw output to onTranscript', async () => {
    const chunks: string[] = [];
    const session = await open('lab-sw1', { onTranscript: (chunk) => chunks.push(chunk) });
    await session.run('show-license-udi');
    await session.close();

    const transcript = chunks.join('');
    expect(transcript).toContain('lab-sw1#show license udi\r\n');
    expect(transcript).toContain(await readDeviceOutput(RICH_DEVICE, 'show-license-udi.txt'));
  });

  it('streams the cleaned output to onData', async () => {
    const session = await open('lab-sw1');
    try {
      const chunks: string[] = [];
      const result = await session.run('show-license-tech-support', { onData: (chunk) => chunks.push(chunk) });

      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.join('')).toBe(result.output);
      expect(result.output).toBe(await readDeviceOutput(RICH_DEVICE, 'show-license-tech-support.txt'));
    } finally {
      await session.close();
    }
  });

  it('streams paged output without pager markers', async () => {
    const session = await open('lab-paging');
    try {
      const chunks: string[] = [];
      const result = await session.run('show-license-tech-support', { onData: (chunk) => chunks.push(chunk) });

      expect(chunks.join('')).toBe(await readDeviceOutput(RICH_DEVICE, 'show-license-tech-support.txt'));
      expect(chunks.some((chunk) => chunk.includes('--More--'))).toBe(false);
      expect(result.output).toBe(chunks.join(''));
    } finally {
      await session.close();
    }
  });

  it('collects an output larger than 10 MB', async () => {
    const session = await open('lab-big');
    try {
      let streamed = 0;
      const result = await session.run('show-platform-software-sl-infra-all', { onData: (chunk) => { streamed += chunk.length; } });

      expect(result.output.length).toBeGreaterThan(BIG_OUTPUT_BYTES);
      expect(result.output === (await bigOutput())).toBe(true);
      expect(streamed).toBe(result.output.length);
    } finally {
      await session.close();
    }
  });

  it('fails the command when onData throws', async () => {
    const session = await open('lab-sw1');
    try {
      const error = await session.run('show-license-udi', { onData: () => { throw new Error('disk full'); } }).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(SessionError);
      expect((error as SessionError).kind).toBe('internal');
      expect((error as SessionError).message).toContain('disk full');
      expect((await session.run('show-license-udi')).failure).toBeNull();
    } finally {
      await session.close();
    }
  });
});
