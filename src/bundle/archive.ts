// The `.tar.gz` side of a bundle: pack a staged folder under a temporary
// name, publish it under its final name without overwriting by accident, and
// unpack an archive for `check --from`.
import { link, mkdtemp, rename, rm, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import * as tar from 'tar';

/** True for names `sldiag bundle` writes and `check --from` unpacks. */
export function isArchiveName(file: string): boolean {
  return /\.(tar\.gz|tgz)$/i.test(file);
}

/** Returns the archive name without `.tar.gz`, which is also the folder every entry sits in. */
export function archiveStem(file: string): string {
  return path.basename(file).replace(/\.(tar\.gz|tgz)$/i, '');
}

/**
 * Packs `<root>/<folder>` into a gzip-compressed tar file. Entries carry no
 * owner names or ids, so the archive does not reveal local accounts.
 */
export async function packFolder(root: string, folder: string, file: string): Promise<void> {
  await tar.create({ gzip: true, file, cwd: root, portable: true }, [folder]);
}

export class TargetExistsError extends Error {
  override readonly name = 'TargetExistsError';
}

/**
 * Moves a finished temporary file to its final name. Without `force` an
 * existing file is never replaced: a hard link fails when the name is taken,
 * even if another process created it meanwhile.
 */
export async function publishFile(temporary: string, target: string, force: boolean): Promise<void> {
  if (force) {
    await rename(temporary, target);
    return;
  }

  try {
    await link(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new TargetExistsError(`${target} already exists; choose another name with -o or pass --force to replace it`);
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') {
      throw error;
    }
    // File systems without hard links: check, then rename.
    if (await exists(target)) {
      throw new TargetExistsError(`${target} already exists; choose another name with -o or pass --force to replace it`);
    }
    await rename(temporary, target);
    return;
  }
  await unlink(temporary);
}

export interface UnpackedArchive {
  dir: string;
  /** Removes the unpacked files. */
  dispose: () => Promise<void>;
}

/**
 * Unpacks an archive into a new private temporary folder. Only files and
 * folders are written: links and device entries are skipped, and tar itself
 * drops absolute paths and `..` components.
 */
export async function unpackArchive(file: string): Promise<UnpackedArchive> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-unpack-'));
  const dispose = () => rm(dir, { recursive: true, force: true });

  try {
    await tar.extract({
      file,
      cwd: dir,
      strict: true,
      filter: (_entryPath, entry) => !('type' in entry) || entry.type === 'File' || entry.type === 'OldFile' || entry.type === 'Directory',
    });
  } catch (error) {
    await dispose();
    throw new Error(`${file} could not be unpacked: ${(error as Error).message}; check that it is a complete .tar.gz file`);
  }

  return { dir, dispose };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
