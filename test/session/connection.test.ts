import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '../../src/log/logger.js';
import { openSession, SessionError, type RetryPolicy, type Session, type SessionOptions } from '../../src/session/session.js';
import { startSimulator, type RunningSimulator } from '../../src/sim/simulator.js';
import { findDevice, makeTempDir, readDeviceOutput, RICH_DEVICE, sessionOptions, testProfile, writeKnownHosts, type TempDir } from './harness.js';

/** Retries without waiting, so fault tests stay fast. */
const QUICK_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 1, maxDelayMs: 1 };

const LEGACY_ALGORITHMS = {
  kex: ['diffie-hellman-group14-sha1'],
  serverHostKey: ['ssh-rsa'],
  cipher: ['aes128-cbc'],
  hmac: ['hmac-sha1'],
};

let simulator: RunningSimulator;
let temp: TempDir;
let knownHosts: string;

beforeAll(async () => {
  temp = await makeTempDir();
  simulator = await startSimulator({
    profiles: [
      await testProfile('lab-legacy', { hostKeyType: 'rsa', serverAlgorithms: LEGACY_ALGORITHMS }),
      await testProfile('lab-banner-close', { loginBanner: 'Maximum number of SSH sessions reached', closeAfterBanner: true }),
      await testProfile('lab-reset', { resetCommands: ['show license tech support'] }),
      await testProfile('lab-silent', { motd: 'Welcome', silentShell: true }),
      await testProfile('lab-trickle', { chunkBytes: 1 }),
      await testProfile('lab-passcode', { authMethods: ['keyboard-interactive'], keyboardInteractivePrompt: 'Enter PASSCODE: ' }),
      await testProfile('lab-enable-password', { enableSecret: 'test-enable', enablePrompt: 'Enable password: ' }),
      await testProfile('lab-local-password', { enableSecret: 'test-enable', enablePrompt: 'Local_Password: ' }),
      await testProfile('lab-motd-glued', { motd: 'Authorized access only' }),
      await testProfile('lab-jump-1', { username: 'jump-one', password: 'jump-one-password', jumpHost: true }),
      await testProfile('lab-jump-2', { username: 'jump-two', password: 'jump-two-password', jumpHost: true }),
      await testProfile('lab-behind-jump'),
    ],
  });
  knownHosts = await writeKnownHosts(temp.path, simulator);
});

afterAll(async () => {
  await simulator.stop();
  await temp.remove();
});

function optionsFor(name: string, overrides: Partial<SessionOptions> = {}): SessionOptions {
  return sessionOptions(findDevice(simulator, name), knownHosts, { retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 }, ...overrides });
}

async function openError(options: SessionOptions): Promise<SessionError> {
  const outcome = await openSession(options).then(
    async (session) => {
      await session.close();
      return new Error('expected openSession to fail');
    },
    (caught: unknown) => caught,
  );
  expect(outcome).toBeInstanceOf(SessionError);
  return outcome as SessionError;
}

async function withSession(options: SessionOptions, use: (session: Session) => Promise<void>): Promise<void> {
  const session = await openSession(options);
  try {
    await use(session);
  } finally {
    await session.close();
  }
}

describe('algorithm profiles', () => {
  it('modern profile fails on a legacy-only device', async () => {
    const error = await openError(optionsFor('lab-legacy'));

    expect(error.kind).toBe('protocol');
    expect(simulator.connections('lab-legacy')).toBe(1);
  });

  it('legacy profile connects with group14-sha1, ssh-rsa, CBC and hmac-sha1', async () => {
    await withSession(optionsFor('lab-legacy', { algorithms: 'legacy' }), async (session) => {
      expect(session.prompt).toBe('lab-legacy#');
      expect((await session.run('show-license-udi')).output).toBe(await readDeviceOutput(RICH_DEVICE, 'show-license-udi.txt'));
    });
  });

});

describe('connection faults', () => {
  it('classifies a close after the banner and retries it', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', write: (line) => lines.push(line) });
    const before = simulator.connections('lab-banner-close');

    const error = await openError(optionsFor('lab-banner-close', { retry: QUICK_RETRY, logger }));

    expect(error.kind).toBe('disconnected');
    expect(error.message).toContain('Maximum number of SSH sessions reached');
    expect(simulator.connections('lab-banner-close') - before).toBe(3);
    expect(lines.filter((line) => line.includes('retrying') && line.includes('host=lab-banner-close'))).toHaveLength(2);
  });

  it('does not retry a wrong password', async () => {
    const before = simulator.authAttempts('lab-trickle');
    const connectionsBefore = simulator.connections('lab-trickle');

    const error = await openError(optionsFor('lab-trickle', { retry: QUICK_RETRY, credentials: { password: 'wrong-password' } }));

    expect(error.kind).toBe('auth');
    expect(simulator.authAttempts('lab-trickle') - before).toBe(1);
    expect(simulator.connections('lab-trickle') - connectionsBefore).toBe(1);
  });

  it('does not retry an unknown host key', async () => {
    const before = simulator.connections('lab-trickle');
    const emptyKnownHosts = `${temp.path}/empty_known_hosts`;

    const error = await openError(optionsFor('lab-trickle', { retry: QUICK_RETRY, hostKeys: { knownHostsPath: emptyKnownHosts, mode: 'strict' } }));

    expect(error.kind).toBe('hostkey');
    expect(simulator.connections('lab-trickle') - before).toBe(1);
  });

  it('reports a reset mid-output as disconnected', async () => {
    const session = await openSession(optionsFor('lab-reset'));
    try {
      const error = await session.run('show-license-tech-support').catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(SessionError);
      expect((error as SessionError).kind).toBe('disconnected');
    } finally {
      await session.close();
    }
  });

  it('reports a device that hangs at login as timeout and retries', async () => {
    const before = simulator.connections('lab-silent');

    const error = await openError(optionsFor('lab-silent', { retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 }, connectTimeoutMs: 300 }));

    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('no CLI prompt');
    expect(simulator.connections('lab-silent') - before).toBe(2);
  });
});

describe('session quirks', () => {
  it('collects output that trickles byte by byte', async () => {
    await withSession(optionsFor('lab-trickle'), async (session) => {
      expect((await session.run('show-license-udi')).output).toBe(await readDeviceOutput(RICH_DEVICE, 'show-license-udi.txt'));
    });
  });

  it('answers an Enter PASSCODE prompt with the password', async () => {
    await withSession(optionsFor('lab-passcode'), async (session) => {
      expect(session.prompt).toBe('lab-passcode#');
    });
  });

  it.each(['lab-enable-password', 'lab-local-password'])('enters enable on %s', async (name) => {
    await withSession(optionsFor(name, { credentials: { password: 'test-password', enableSecret: 'test-enable' } }), async (session) => {
      expect(session.prompt).toBe(`${name}#`);
    });
  });

  it('finds the prompt right after a MOTD line', async () => {
    await withSession(optionsFor('lab-motd-glued'), async (session) => {
      expect(session.prompt).toBe('lab-motd-glued#');
    });
  });
});

describe('jump hosts', () => {
  function hop(name: string, username: string, password: string) {
    const device = findDevice(simulator, name);
    return { host: device.address, port: device.port, username, password };
  }

  it('connects through one jump host with its own login', async () => {
    const jumps = [hop('lab-jump-1', 'jump-one', 'jump-one-password')];

    await withSession(optionsFor('lab-behind-jump', { jumps }), async (session) => {
      expect(session.prompt).toBe('lab-behind-jump#');
      expect((await session.run('show-license-udi')).output).toBe(await readDeviceOutput(RICH_DEVICE, 'show-license-udi.txt'));
    });
  });

  it('connects through two jump hosts', async () => {
    const jumps = [hop('lab-jump-1', 'jump-one', 'jump-one-password'), hop('lab-jump-2', 'jump-two', 'jump-two-password')];
    const before = simulator.connections('lab-jump-2');

    await withSession(optionsFor('lab-behind-jump', { jumps }), async (session) => {
      expect(session.prompt).toBe('lab-behind-jump#');
    });
    expect(simulator.connections('lab-jump-2') - before).toBe(1);
  });

  it('names the jump host when its login fails', async () => {
    const jumps = [hop('lab-jump-1', 'jump-one', 'wrong-password')];

    const error = await openError(optionsFor('lab-behind-jump', { jumps, retry: QUICK_RETRY }));

    expect(error.kind).toBe('auth');
    expect(error.message).toContain(`jump host 127.0.0.1:${findDevice(simulator, 'lab-jump-1').port}`);
    expect(error.message).not.toContain('wrong-password');
  });
});
