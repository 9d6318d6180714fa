// Device profiles for the simulator: fixtures/devices/<name>/device.yaml plus
// the output files it names, read byte for byte.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { parseDocument } from 'yaml';
import { z } from 'zod';

export interface DeviceProfile {
  /** Device name in reports: the profile folder name. */
  name: string;
  /** Hostname shown in the prompt. */
  hostname: string;
  username: string;
  password: string;
  /** When set, the session starts in user exec (`>`) and `enable` prompts for this secret. */
  enableSecret?: string;
  /** Message of the day written before the first prompt. */
  motd?: string;
  /** Output per CLI text, e.g. `show license status`, as the file holds it. */
  commands: Record<string, string>;
  /** Delay before each response, in milliseconds. */
  latencyMs?: number;
  /** CLI texts the device echoes but never responds to (for timeout tests). */
  hangCommands?: string[];
  /** CLI texts on which the device closes the connection, for disconnect tests. */
  dropCommands?: string[];
  /** When true, `terminal length 0` is rejected and output is paged. */
  pagingLocked?: boolean;
  /** Login methods the device offers; default password and keyboard-interactive, plus publickey when authorizedKeys is set. */
  authMethods?: AuthMethod[];
  /** OpenSSH public key lines (`ssh-ed25519 AAAA...`) accepted for publickey login. */
  authorizedKeys?: string[];
}

export type AuthMethod = 'password' | 'keyboard-interactive' | 'publickey';

export const DEVICE_FILE = 'device.yaml';

const profileSchema = z.strictObject({
  hostname: z.string().regex(/^[\w.\-@/:()]{1,63}$/, 'must be 1-63 letters, digits or . - _ @ / : ( )'),
  username: z.string().min(1),
  password: z.string().min(1),
  enableSecret: z.string().min(1).optional(),
  motd: z.string().optional(),
  commands: z.record(z.string().min(1), z.string().min(1)),
  latencyMs: z.number().int().nonnegative().optional(),
  hangCommands: z.array(z.string().min(1)).optional(),
  dropCommands: z.array(z.string().min(1)).optional(),
  pagingLocked: z.boolean().optional(),
  authMethods: z.array(z.enum(['password', 'keyboard-interactive', 'publickey'])).min(1).optional(),
  authorizedKeys: z.array(z.string().min(1)).optional(),
});

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

/** Loads every `<dir>/<name>/device.yaml`, sorted by name. Throws ProfileError naming the file. */
export async function loadDeviceProfiles(dir: string): Promise<DeviceProfile[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new ProfileError(`device profile folder ${dir} could not be read: ${(error as Error).message}`);
  }

  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const profiles: DeviceProfile[] = [];
  for (const folder of folders) {
    profiles.push(await loadDeviceProfile(path.join(dir, folder)));
  }

  if (profiles.length === 0) {
    throw new ProfileError(`no device profiles in ${dir}: expected folders that each contain ${DEVICE_FILE}`);
  }

  return profiles;
}

/** Loads one profile folder. */
export async function loadDeviceProfile(folder: string): Promise<DeviceProfile> {
  const file = path.join(folder, DEVICE_FILE);

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ProfileError(`${file} could not be read: ${(error as Error).message}`);
  }

  const document = parseDocument(text);
  const yamlError = document.errors[0];
  if (yamlError !== undefined) {
    const position = yamlError.linePos?.[0];
    const where = position === undefined ? file : `${file}:${position.line}:${position.col}`;
    // The pretty message repeats the position and adds a source excerpt; the first clause is enough here.
    const reason = yamlError.message.split(/ at line \d+|\n/)[0];
    throw new ProfileError(`${where}: invalid YAML: ${reason}`);
  }

  const parsed = profileSchema.safeParse(document.toJS());
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new ProfileError(`${file}: invalid device profile: ${problems.join('; ')}`);
  }

  const commands: Record<string, string> = {};
  for (const [cli, outputFile] of Object.entries(parsed.data.commands)) {
    const outputPath = path.join(folder, outputFile);
    if (path.dirname(path.resolve(outputPath)) !== path.resolve(folder)) {
      throw new ProfileError(`${file}: command "${cli}" names ${outputFile}, which is outside the profile folder; keep output files next to ${DEVICE_FILE}`);
    }
    try {
      commands[normaliseCli(cli)] = await readFile(outputPath, 'utf8');
    } catch (error) {
      throw new ProfileError(`${file}: output file ${outputFile} for "${cli}" could not be read: ${(error as Error).message}`);
    }
  }

  const { commands: _files, ...settings } = parsed.data;
  return { name: path.basename(folder), ...settings, commands };
}

/** Collapses runs of whitespace and lower-cases, as the simulated CLI compares commands. */
export function normaliseCli(cli: string): string {
  return cli.trim().split(/\s+/).join(' ').toLowerCase();
}
