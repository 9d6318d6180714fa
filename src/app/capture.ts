// The capture layout: `<dir>/<host>/<slug>.txt` contains each command's raw output,
// and `<dir>/<host>/commands.json` records what was sent and which commands failed,
// so `check --from <dir>` can evaluate the saved outputs without connecting.
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { CommandResult } from '../model/command.js';

const MANIFEST = 'commands.json';

/** Characters of output gathered before they are written to disk. */
const FLUSH_CHARACTERS = 64 * 1024;

export interface CapturedHost {
  name: string;
  address: string;
  commands: CommandResult[];
}

interface HostManifest {
  version: 1;
  name: string;
  address: string;
  commands: Array<Omit<CommandResult, 'output'> & { file: string }>;
}

export interface CaptureStream {
  write(chunk: string): void;
  /** Flushes and closes the file under its final name. */
  finish(): Promise<void>;
  /** Closes the file and leaves it as `.partial`: what arrived is kept, but it does not pass for a whole output. */
  abandon(): Promise<void>;
}

/**
 * Opens `<dir>/<host>/<id>.txt` for an output that arrives in pieces. It is
 * written as `<id>.txt.partial` and renamed when the command ends, so a file
 * with the final name always contains a whole output.
 */
export async function openCaptureStream(dir: string, host: string, id: string): Promise<CaptureStream> {
  const hostDir = path.join(dir, safeName(host));
  await ensureDirectory(hostDir);

  const file = path.join(hostDir, `${id}.txt`);
  const stream = createWriteStream(`${file}.partial`);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => {});

  // Pieces are gathered into writes of at least FLUSH_CHARACTERS: one system call per piece cost more than the parsing.
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = (): void => {
    if (pendingLength > 0) {
      stream.write(pending.join(''));
      pending = [];
      pendingLength = 0;
    }
  };
  const close = async (): Promise<void> => {
    flush();
    await Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
  };

  return {
    write: (chunk) => {
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength >= FLUSH_CHARACTERS) {
        flush();
      }
    },
    finish: async () => {
      await close();
      await rename(`${file}.partial`, file);
    },
    abandon: close,
  };
}

/** Writes the host manifest once the host is done (also after a breakdown). */
export async function writeHostManifest(dir: string, captured: CapturedHost): Promise<void> {
  const hostDir = path.join(dir, safeName(captured.name));
  await ensureDirectory(hostDir);

  const manifest: HostManifest = {
    version: 1,
    name: captured.name,
    address: captured.address,
    commands: captured.commands.map(({ output: _output, ...rest }) => ({ ...rest, file: `${rest.id}.txt` })),
  };
  await writeAtomically(path.join(hostDir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');

  // The manifest is a host's last file, so the folder is forgotten and the set does not grow with the fleet.
  createdDirectories.delete(hostDir);
}

/**
 * Reads every host folder of a capture directory. A folder without a manifest
 * is read too: each `<slug>.txt` counts as a command that succeeded.
 */
export async function readCaptureDir(dir: string): Promise<CapturedHost[]> {
  const hosts: CapturedHost[] = [];
  for await (const host of readCapturedHosts(dir)) {
    hosts.push(host);
  }
  return hosts;
}

/** Yields the host folders of a capture directory one at a time, in name order, so only one host's outputs are in memory. */
export async function* readCapturedHosts(dir: string): AsyncGenerator<CapturedHost> {
  for (const folder of await listHostFolders(dir)) {
    const host = await readCapturedHost(dir, folder);
    if (host !== null) {
      yield host;
    }
  }
}

/** Returns the names of the subfolders of a capture directory, in name order, without reading them. */
export async function listHostFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

/**
 * Reads the host folder `<dir>/<folder>`. Returns null for a folder with
 * neither a manifest nor an output, such as one whose only output was cut
 * off and left as `.partial`.
 */
export async function readCapturedHost(dir: string, folder: string): Promise<CapturedHost | null> {
  const hostDir = path.join(dir, folder);
  const files = await readdir(hostDir);
  const manifest = files.includes(MANIFEST) ? await readManifest(path.join(hostDir, MANIFEST)) : null;

  if (manifest !== null) {
    const commands: CommandResult[] = [];
    for (const command of manifest.commands) {
      const { file, ...rest } = command;
      const output = await readFile(path.join(hostDir, file), 'utf8');
      commands.push({ ...rest, output });
    }
    return { name: manifest.name, address: manifest.address, commands };
  }

  const outputs = files.filter((file) => file.endsWith('.txt')).sort();
  if (outputs.length === 0) {
    return null;
  }
  const commands: CommandResult[] = [];
  for (const file of outputs) {
    const id = file.slice(0, -'.txt'.length);
    commands.push({
      id,
      command: id.split('-').join(' '),
      output: await readFile(path.join(hostDir, file), 'utf8'),
      failure: null,
      startedAt: '',
      finishedAt: '',
    });
  }
  return { name: folder, address: '', commands };
}

async function readManifest(file: string): Promise<HostManifest> {
  const text = await readFile(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: invalid JSON (${(error as Error).message}); delete the file to read the .txt outputs alone`);
  }

  const manifest = parsed as Partial<HostManifest>;
  if (manifest.version !== 1 || typeof manifest.name !== 'string' || !Array.isArray(manifest.commands)) {
    throw new Error(`${file}: not an sldiag host manifest (expected version 1 with name and commands)`);
  }
  return manifest as HostManifest;
}

/**
 * Creates a new folder named `base`, or `base-2`, `base-3` and so on when
 * that name is taken, and returns its path. Each try is one mkdir, which
 * fails when the folder exists, so two processes started in the same second
 * never get the same folder.
 */
export async function claimNewFolder(base: string): Promise<string> {
  await mkdir(path.dirname(base), { recursive: true });

  for (let suffix = 1; ; suffix += 1) {
    const dir = suffix === 1 ? base : `${base}-${suffix}`;
    try {
      await mkdir(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }
  }
}

/** Folders created by this process: a host's folder is made once, not once per command. */
const createdDirectories = new Set<string>();

async function ensureDirectory(dir: string): Promise<void> {
  if (createdDirectories.has(dir)) {
    return;
  }
  await mkdir(dir, { recursive: true });
  createdDirectories.add(dir);
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const temporary = `${file}.partial`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

/** Host names become folder names; anything outside a safe set is replaced. */
export function safeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
}
