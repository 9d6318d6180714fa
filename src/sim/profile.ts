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
  /** Prompt of the keyboard-interactive round; default `Password: `. */
  keyboardInteractivePrompt?: string;
  /** Prompt written after `enable`; default `Password: `. */
  enablePrompt?: string;
  /** Software version in the SSH identification; default `Cisco-1.25`, as IOS XE sends. */
  sshIdent?: string;
  /** Host key type; default ed25519. */
  hostKeyType?: 'ed25519' | 'rsa';
  /** When false, the device never sends the server-sig-algs extension, like SSH servers older than OpenSSH 7.2. */
  announceServerSigAlgs?: boolean;
  /** Exact algorithm lists the device offers, for devices with old SSH stacks. */
  serverAlgorithms?: ServerAlgorithms;
  /** Bytes per write of command output; 1 makes output trickle byte by byte. */
  chunkBytes?: number;
  /** CLI texts on which the whole SSH connection goes silent, keepalive replies included, as when a device or path stalls. */
  freezeCommands?: string[];
  /** CLI texts on which the device sends half the output, then resets the TCP connection. */
  resetCommands?: string[];
  /** When true, the device sends its SSH login banner and closes the connection instead of authenticating. */
  closeAfterBanner?: boolean;
  /** SSH login banner sent before authentication. */
  loginBanner?: string;
  /** When true, the shell writes the MOTD but never a prompt. */
  silentShell?: boolean;
  /** When true, the device forwards direct-tcpip channels to 127.0.0.1 or ::1, acting as a jump host. */
  jumpHost?: boolean;
}

export interface ServerAlgorithms {
  kex?: string[];
  serverHostKey?: string[];
  cipher?: string[];
  hmac?: string[];
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
  keyboardInteractivePrompt: z.string().min(1).optional(),
  enablePrompt: z.string().min(1).optional(),
  sshIdent: z.string().regex(/^[\x21-\x2c\x2e-\x7e]+$/, 'must be printable ASCII without spaces or dashes').optional(),
  hostKeyType: z.enum(['ed25519', 'rsa']).optional(),
  announceServerSigAlgs: z.boolean().optional(),
  serverAlgorithms: z.strictObject({
    kex: z.array(z.string().min(1)).min(1).optional(),
    serverHostKey: z.array(z.string().min(1)).min(1).optional(),
    cipher: z.array(z.string().min(1)).min(1).optional(),
    hmac: z.array(z.string().min(1)).min(1).optional(),
  }).optional(),
  chunkBytes: z.number().int().positive().optional(),
  resetCommands: z.array(z.string().min(1)).optional(),
  freezeCommands: z.array(z.string().min(1)).optional(),
  closeAfterBanner: z.boolean().optional(),
  loginBanner: z.string().min(1).optional(),
  silentShell: z.boolean().optional(),
  jumpHost: z.boolean().optional(),
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
