import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadDeviceProfiles, ProfileError } from '../../src/sim/profile.js';
import { DEVICES_DIR, makeTempDir, readDeviceOutput, type TempDir } from '../session/harness.js';

let temp: TempDir;
let folderCount = 0;

beforeAll(async () => {
  temp = await makeTempDir();
});

afterAll(async () => {
  await temp.remove();
});

/** Writes a profile folder set with one device and returns the set's path. */
async function profileSet(deviceYaml: string, files: Record<string, string> = {}): Promise<{ dir: string; file: string }> {
  folderCount += 1;
  const dir = path.join(temp.path, `set-${folderCount}`);
  const device = path.join(dir, 'lab-sw1');
  await mkdir(device, { recursive: true });
  await writeFile(path.join(device, 'device.yaml'), deviceYaml);
  for (const [name, text] of Object.entries(files)) {
    await writeFile(path.join(device, name), text);
  }
  return { dir, file: path.join(device, 'device.yaml') };
}

async function loadError(dir: string): Promise<ProfileError> {
  const error = await loadDeviceProfiles(dir).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ProfileError);
  return error as ProfileError;
}

describe('loadDeviceProfiles', () => {
  it('loads the demo fleet', async () => {
    const profiles = await loadDeviceProfiles(DEVICES_DIR);

    expect(profiles.map((profile) => profile.name)).toEqual([
      'access-clock-unsynced-c9350',
      'branch-cslu-no-port',
      'campus-ack-overdue',
      'core-smart-dev-url',
      'dist-clock-unsynced',
      'edge-healthy-c9300',
    ]);
    for (const profile of profiles) {
      expect(profile.hostname, profile.name).toBe(profile.name);
      expect(profile.password, profile.name).toBe('demo-password');
      expect(profile.enableSecret, profile.name).toBeUndefined();
    }
  });

  it('keeps output files byte for byte', async () => {
    const profiles = await loadDeviceProfiles(DEVICES_DIR);
    const access = profiles.find((profile) => profile.name === 'access-clock-unsynced-c9350');
    const edge = profiles.find((profile) => profile.name === 'edge-healthy-c9300');

    expect(access?.commands['show license udi']).toBe(await readDeviceOutput('access-clock-unsynced-c9350', 'show-license-udi.txt'));
    expect(edge?.commands['show license tech support']).toBe(await readDeviceOutput('edge-healthy-c9300', 'show-license-tech-support.txt'));
    expect(edge?.commands['show license tech support']).toContain('\r\n');
  });

  it('reads optional settings', async () => {
    const { dir } = await profileSet([
      'hostname: lab-sw1',
      'username: netops',
      'password: test-password',
      'enableSecret: test-enable',
      'motd: Authorized access only',
      'latencyMs: 20',
      'hangCommands: [show license all]',
      'pagingLocked: true',
      'authMethods: [keyboard-interactive]',
      'commands:',
      '  Show  License UDI: udi.txt',
    ].join('\n'), { 'udi.txt': 'UDI: PID:C9300-24UX,SN:FCW2134L00C\n' });

    const [profile] = await loadDeviceProfiles(dir);

    expect(profile).toEqual({
      name: 'lab-sw1',
      hostname: 'lab-sw1',
      username: 'netops',
      password: 'test-password',
      enableSecret: 'test-enable',
      motd: 'Authorized access only',
      latencyMs: 20,
      hangCommands: ['show license all'],
      pagingLocked: true,
      authMethods: ['keyboard-interactive'],
      commands: { 'show license udi': 'UDI: PID:C9300-24UX,SN:FCW2134L00C\n' },
    });
  });

  it('names the file and field for a missing hostname', async () => {
    const { dir, file } = await profileSet('username: netops\npassword: test-password\ncommands: {}\n');

    const error = await loadError(dir);

    expect(error.message).toContain(file);
    expect(error.message).toContain('hostname');
  });

  it('names the line and column of a YAML error', async () => {
    const { dir, file } = await profileSet('hostname: lab-sw1\nusername: [netops\n');

    const error = await loadError(dir);

    expect(error.message).toBe(`${file}:3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`);
  });

  it('names a missing output file', async () => {
    const { dir, file } = await profileSet('hostname: lab-sw1\nusername: netops\npassword: test-password\ncommands:\n  show license udi: missing.txt\n');

    const error = await loadError(dir);

    expect(error.message).toContain(file);
    expect(error.message).toContain('missing.txt');
    expect(error.message).toContain('"show license udi"');
  });

  it('rejects an output file outside the folder', async () => {
    const { dir } = await profileSet('hostname: lab-sw1\nusername: netops\npassword: test-password\ncommands:\n  show license udi: ../../escape.txt\n');

    const error = await loadError(dir);

    expect(error.message).toContain('outside the profile folder');
  });

  it('rejects unknown fields', async () => {
    const { dir } = await profileSet('hostname: lab-sw1\nusername: netops\npassword: test-password\nenable: x\ncommands: {}\n');

    const error = await loadError(dir);

    expect(error.message).toContain('enable');
  });

  it('reports an empty folder', async () => {
    const dir = path.join(temp.path, 'empty');
    await mkdir(dir);

    const error = await loadError(dir);

    expect(error.message).toContain('no device profiles');
  });
});
