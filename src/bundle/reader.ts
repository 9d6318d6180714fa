// Opens what `check --from` is given: a capture directory, an unpacked
// bundle, or a bundle archive, and returns the folder whose subfolders are
// the hosts.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

import { isArchiveName, unpackArchive } from './archive.js';
import { MANIFEST_FILE } from './manifest.js';

export interface CaptureSource {
  /** The folder that contains `<host>/<slug>.txt`. */
  dir: string;
  /** Removes anything unpacked for this source; does nothing for a folder. */
  dispose: () => Promise<void>;
}

export class CaptureSourceError extends Error {
  override readonly name = 'CaptureSourceError';
}

export async function openCaptureSource(source: string): Promise<CaptureSource> {
  const info = await stat(source).catch(() => null);
  if (info === null) {
    throw new CaptureSourceError(`"${source}" does not exist; give a capture directory or a bundle written by sldiag bundle`);
  }

  if (info.isDirectory()) {
    return { dir: await findCaptureRoot(source), dispose: async () => {} };
  }

  if (!info.isFile() || !isArchiveName(source)) {
    throw new CaptureSourceError(`"${source}" is neither a directory nor a .tar.gz bundle; give a capture directory or a bundle written by sldiag bundle`);
  }

  const unpacked = await unpackArchive(source).catch((error: Error) => {
    throw new CaptureSourceError(error.message);
  });
  try {
    return { dir: await findCaptureRoot(unpacked.dir), dispose: unpacked.dispose };
  } catch (error) {
    await unpacked.dispose();
    throw error;
  }
}

/**
 * Returns the folder with the bundle manifest. A bundle keeps everything in
 * one top folder, so given the folder the archive was unpacked into, this
 * steps into that top folder.
 */
async function findCaptureRoot(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  if (entries.some((entry) => entry.isFile() && entry.name === MANIFEST_FILE)) {
    return dir;
  }

  const folders = entries.filter((entry) => entry.isDirectory());
  if (folders.length === 1) {
    const inner = path.join(dir, folders[0]!.name);
    const innerEntries = await readdir(inner);
    if (innerEntries.includes(MANIFEST_FILE)) {
      return inner;
    }
  }
  return dir;
}
