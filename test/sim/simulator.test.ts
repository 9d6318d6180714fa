import path from 'node:path';

import ssh2 from 'ssh2';
import type { ClientChannel } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHECK_COMMANDS, requireCommand } from '../../src/commands/catalog.js';
import { openSession } from '../../src/session/session.js';
import { loadDeviceProfiles, startSimulator, type DeviceProfile, type RunningSimulator, type SimDevice } from '../../src/sim/simulator.js';
import { DEVICES_DIR, makeTempDir, writeKnownHosts, type TempDir } from '../session/harness.js';

const { Client } = ssh2;

let profiles: DeviceProfile[];
let simulator: RunningSimulator;
let temp: TempDir;
let knownHosts: string;

beforeAll(async () => {
  temp = await makeTempDir();
  profiles = await loadDeviceProfiles(DEVICES_DIR);
  simulator = await startSimulator({ profiles: DEVICES_DIR });
  knownHosts = await writeKnownHosts(temp.path, simulator);
});

afterAll(async () => {
  await simulator.stop();
  await temp.remove();
});

function deviceOptions(device: SimDevice) {
  return {
    target: { name: device.name, address: device.address, port: device.port, username: 'sldiag' },
    credentials: { password: 'demo-password' },
    hostKeys: { knownHostsPath: knownHosts, mode: 'strict' as const },
  };
}

/** Opens a raw shell on a device and returns everything it writes until `until` matches. */
async function rawShell(device: SimDevice, input: string, until: RegExp): Promise<string> {
  const { beforeInput, afterInput } = await rawShellChunks(device, input, until);
  return beforeInput + afterInput.join('');
}

/** Like rawShell, but keeps the pieces of output that arrived after the input apart, as the channel delivered them. */
async function rawShellChunks(device: SimDevice, input: string, until: RegExp): Promise<{ beforeInput: string; afterInput: string[] }> {
  const client = new Client();
  try {
    await new Promise<void>((resolve, reject) => {
      client.once('ready', resolve).once('error', reject);
      client.connect({ host: device.address, port: device.port, username: 'sldiag', password: 'demo-password', hostVerifier: () => true });
    });
    const channel = await new Promise<ClientChannel>((resolve, reject) => {
      client.shell({ term: 'vt100' }, (error, stream) => (error ? reject(error) : resolve(stream)));
    });

    let beforeInput = '';
    const afterInput: string[] = [];
    return await new Promise((resolve) => {
      channel.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        if (afterInput.length === 0 && !beforeInput.endsWith('#')) {
          beforeInput += text;
          if (beforeInput.endsWith('#')) {
            channel.write(input);
          }
          return;
        }

        afterInput.push(text);
        if (until.test(beforeInput + afterInput.join(''))) {
          resolve({ beforeInput, afterInput });
        }
      });
    });
  } finally {
    client.end();
  }
}

describe('startSimulator', () => {
  it('starts one device per profile on 127.0.0.1', () => {
    expect(simulator.devices.map((device) => device.name)).toEqual(profiles.map((profile) => profile.name));
    expect(new Set(simulator.devices.map((device) => device.port)).size).toBe(profiles.length);
    for (const device of simulator.devices) {
      expect(device.address).toBe('127.0.0.1');
      expect(device.hostKeyFingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    }
  });

  it('writes known_hosts lines for every device', () => {
    const lines = simulator.knownHosts().trimEnd().split('\n');

    expect(lines).toHaveLength(profiles.length);
    simulator.devices.forEach((device, index) => {
      expect(lines[index]).toMatch(new RegExp(`^\\[127\\.0\\.0\\.1\\]:${device.port} ssh-ed25519 AAAA[A-Za-z0-9+/=]+$`));
    });
  });

  it('serves each demo command from its file or as invalid input', async () => {
    for (const [index, device] of simulator.devices.entries()) {
      const profile = profiles[index] as DeviceProfile;
      const session = await openSession(deviceOptions(device));
      try {
        for (const id of CHECK_COMMANDS) {
          const cli = requireCommand(id).cli;
          const result = await session.run(id);
          const expected = profile.commands[cli];

          if (expected === undefined) {
            expect(result.failure?.marker, `${device.name} ${cli}`).toBe('% Invalid input detected');
          } else {
            expect(result.failure, `${device.name} ${cli}`).toBeNull();
            expect(result.output, `${device.name} ${cli}`).toBe(expected);
          }
        }
      } finally {
        await session.close();
      }
    }
  });

  it('puts the caret under the first unknown word', async () => {
    const device = simulator.devices.find((candidate) => candidate.name === 'branch-cslu-no-port') as SimDevice;

    const output = await rawShell(device, 'show license status\r', /marker\.\r\n\r\nbranch-cslu-no-port#$/);

    const caretColumn = 'branch-cslu-no-port#'.length + 'show license '.length;
    expect(output).toContain(`branch-cslu-no-port#show license status\r\n${' '.repeat(caretColumn)}^\r\n% Invalid input detected at '^' marker.\r\n\r\n`);
  });

  it('echoes a line sent at once in one piece', async () => {
    const device = simulator.devices.find((candidate) => candidate.name === 'branch-cslu-no-port') as SimDevice;

    const { afterInput } = await rawShellChunks(device, 'show license\r', /\r\n\r\nbranch-cslu-no-port#$/);

    expect(afterInput[0]).toBe('show license\r\n');
  });

  it('reports an incomplete command', async () => {
    const device = simulator.devices.find((candidate) => candidate.name === 'branch-cslu-no-port') as SimDevice;

    const output = await rawShell(device, 'show license\r', /\r\n\r\nbranch-cslu-no-port#$/);

    expect(output).toContain('% Incomplete command.\r\n');
  });

  it('rejects a profile folder that does not exist', async () => {
    await expect(startSimulator({ profiles: path.join(temp.path, 'missing') })).rejects.toThrow(/could not be read/);
  });
});
