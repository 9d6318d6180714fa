// `manifest.json` at the root of a bundle: who collected what, when, and the
// size and SHA-256 of every output file exactly as stored in the archive, so
// TAC can verify that nothing was changed or cut short after collection.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import type { CommandFailure } from '../model/command.js';
import type { HostError, HostStatus } from '../model/result.js';

export const MANIFEST_FILE = 'manifest.json';
export const REPORT_FILE = 'report.json';
export const SUMMARY_FILE = 'SUMMARY.md';
/** File names at the bundle root; a host folder must not take one of them. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([MANIFEST_FILE, REPORT_FILE, SUMMARY_FILE]);

export interface BundleCommandEntry {
  /** Catalog id, e.g. `show-license-status`. */
  id: string;
  /** CLI text exactly as sent. */
  command: string;
  /** Path of the output inside the bundle, with `/` separators: `<host>/<id>.txt`; null when it could not be saved. */
  file: string | null;
  startedAt: string;
  finishedAt: string;
  /** Size of the stored file; null when it could not be saved. */
  bytes: number | null;
  sha256: string | null;
  failed: boolean;
  /** The device's error marker and message when the command failed. */
  failure: CommandFailure | null;
}

/**
 * An output cut off by a timeout, a dropped session or Ctrl-C, stored as
 * `<host>/<id>.txt.partial` with what arrived before the command ended. No
 * check reads it, but TAC may want the lines that did arrive.
 */
export interface BundlePartialOutput {
  /** Catalog id of the command that was cut off. */
  id: string;
  /** Path inside the bundle, with `/` separators: `<host>/<id>.txt.partial`. */
  file: string;
  bytes: number;
  sha256: string;
}

export interface BundleHostEntry {
  name: string;
  address: string;
  /** Folder of the host's outputs; null when nothing was collected. */
  folder: string | null;
  status: HostStatus;
  error: HostError | null;
  commands: BundleCommandEntry[];
  /** Cut-off outputs kept in the folder; always empty in a redacted bundle, which leaves them out. Absent in bundles of earlier versions. */
  partialOutputs?: BundlePartialOutput[];
}

export interface BundleManifest {
  format: 'sldiag-bundle';
  version: 1;
  tool: { name: 'sldiag'; version: string };
  collectedAt: string;
  finishedAt: string;
  /** True when serial numbers, host names, addresses, account names and tokens are placeholders. */
  redacted: boolean;
  /**
   * True when the run was interrupted (Ctrl-C) before every device was
   * collected. The hosts it kept out have the error kind `interrupted`.
   */
  interrupted: boolean;
  /** CLI texts requested from every device, in the order sent. */
  commands: string[];
  hosts: BundleHostEntry[];
}

/** Size and SHA-256 of a file, read as a stream so large outputs are not held in memory. */
export async function hashFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;

  for await (const chunk of createReadStream(file)) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    hash.update(buffer);
  }

  return { bytes, sha256: hash.digest('hex') };
}

export interface ManifestProblem {
  file: string;
  problem: string;
}

/** Re-hashes every file the manifest lists and returns each one that is missing or differs. */
export async function verifyManifest(root: string, manifest: BundleManifest): Promise<ManifestProblem[]> {
  const problems: ManifestProblem[] = [];

  for (const host of manifest.hosts) {
    const stored = [...host.commands, ...(host.partialOutputs ?? [])];
    for (const entry of stored) {
      if (entry.file === null) {
        continue;
      }

      const problem = await checkStoredFile(root, entry.file, entry.bytes, entry.sha256);
      if (problem !== null) {
        problems.push({ file: entry.file, problem });
      }
    }
  }

  return problems;
}

/** Checks one stored file against the size and SHA-256 in the manifest. Returns the problem, or null when both match. */
async function checkStoredFile(root: string, relative: string, bytes: number | null, sha256: string | null): Promise<string | null> {
  const file = path.join(root, ...relative.split('/'));
  const info = await stat(file).catch(() => null);
  if (info === null) {
    return 'missing';
  }

  const actual = await hashFile(file);
  if (actual.bytes !== bytes || actual.sha256 !== sha256) {
    return `expected ${bytes} bytes with SHA-256 ${sha256}, found ${actual.bytes} bytes with SHA-256 ${actual.sha256}`;
  }
  return null;
}

/** Reads `<root>/manifest.json`; null when the folder has none (a plain capture directory). */
export async function readManifest(root: string): Promise<BundleManifest | null> {
  const file = path.join(root, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return null;
    }
    throw error;
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: invalid JSON (${(error as Error).message}); the bundle is damaged, collect it again`);
  }

  const manifest = parsed as Partial<BundleManifest>;
  if (manifest.format !== 'sldiag-bundle' || manifest.version !== 1 || !Array.isArray(manifest.hosts)) {
    throw new Error(`${file}: not an sldiag bundle manifest (expected format "sldiag-bundle", version 1, with hosts)`);
  }
  // Bundles written before the field existed were never published after an interruption.
  return { ...manifest, interrupted: manifest.interrupted === true } as BundleManifest;
}
