// Writes a TAC bundle: stage the capture layout in a private temporary
// folder, add manifest.json, report.json and SUMMARY.md, pack it under a
// temporary name and publish it. Until the last rename only `.partial` names
// exist next to the target, so an archive cut short never looks complete. A
// run interrupted with Ctrl-C is still written and published, and its
// manifest and summary state that it is incomplete.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { safeName } from '../app/capture.js';
import type { InventoryHost } from '../inventory/types.js';
import type { HostResult, RunResult } from '../model/result.js';
import { formatJson } from '../report/json.js';
import { archiveStem, packFolder, publishFile } from './archive.js';
import { interruptedHosts } from './interruption.js';
import { hashFile, MANIFEST_FILE, REPORT_FILE, SUMMARY_FILE } from './manifest.js';
import type { BundleCommandEntry, BundleHostEntry, BundleManifest, BundlePartialOutput } from './manifest.js';
import { Redactor } from './redactor.js';
import { kindOfAddress } from './sensitive-values.js';
import { formatSummary } from './summary.js';

/** Ending of an output file the host pipeline left incomplete. */
const PARTIAL_SUFFIX = '.partial';

export interface BundlePaths {
  archive: string;
  partialArchive: string;
  /** The redaction mapping, next to the archive and never inside it. */
  mapping: string;
  partialMapping: string;
}

/** Paths for an archive name; temporary names end in `.partial` and carry the process id. */
export function bundlePaths(archive: string): BundlePaths {
  const suffix = `.${process.pid}.partial`;
  const mapping = path.join(path.dirname(archive), `${archiveStem(archive)}.redaction-map.json`);
  return { archive, partialArchive: archive + suffix, mapping, partialMapping: mapping + suffix };
}

export interface Staging {
  /** Private temporary folder; removed by discardStaging. */
  root: string;
  /** Name of the single top folder inside the archive. */
  folder: string;
  /** `<root>/<folder>`: the capture layout that goes into the archive. */
  contentDir: string;
  /**
   * Folder the host pipeline saves each output to as it arrives: the content
   * folder itself, or, when redacting, `<root>/raw`, which never goes into the archive.
   */
  captureDir: string;
  /** Set while the redaction mapping has its final name but the archive does not, so discardStaging removes the mapping. */
  mappingWithoutArchive: boolean;
}

export async function createStaging(archive: string, redact: boolean): Promise<Staging> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'sldiag-bundle-'));
  const folder = archiveStem(archive);
  const contentDir = path.join(root, folder);
  const captureDir = redact ? path.join(root, 'raw') : contentDir;

  await mkdir(contentDir);
  await mkdir(captureDir, { recursive: true });
  return { root, folder, contentDir, captureDir, mappingWithoutArchive: false };
}

/**
 * Removes the staging folder, any temporary file, and a mapping published
 * without its archive. It is synchronous, so it also runs in an exit handler.
 */
export function discardStaging(staging: Staging | null, paths: BundlePaths): void {
  if (staging !== null) {
    rmSync(staging.root, { recursive: true, force: true });
    if (staging.mappingWithoutArchive) {
      rmSync(paths.mapping, { force: true });
    }
  }
  rmSync(paths.partialArchive, { force: true });
  rmSync(paths.partialMapping, { force: true });
}

/**
 * Learns every value to redact before anything is written: inventory names
 * and addresses first, then whatever the saved outputs of every device
 * contain, so a serial number seen on one device has the same placeholder on
 * all of them.
 */
export async function learnRedactions(run: RunResult, hosts: readonly InventoryHost[], captureDir: string): Promise<Redactor> {
  const redactor = new Redactor();
  for (const host of hosts) {
    redactor.learn('hostname', host.name);
    redactor.learn(kindOfAddress(host.hostname), host.hostname);
  }

  for await (const host of run.results()) {
    for (const command of host.commands) {
      const output = await readOutput(captureDir, host.name, command.id);
      if (output !== null) {
        redactor.learnText(output);
      }
    }
  }
  return redactor;
}

export interface BundleContentInput {
  run: RunResult;
  staging: Staging;
  redactor: Redactor | null;
  toolVersion: string;
  /** CLI texts requested from every device. */
  commands: readonly string[];
  archiveName: string;
}

/**
 * Completes the content folder (redacted copies of the outputs when
 * redacting) and writes manifest.json, report.json and SUMMARY.md into it.
 */
export async function writeBundleContent(input: BundleContentInput): Promise<BundleManifest> {
  const { staging, redactor } = input;
  const run = redactor === null ? input.run : redactRun(input.run, redactor);

  const hosts: BundleHostEntry[] = [];
  for await (const host of input.run.results()) {
    if (redactor === null) {
      hosts.push(await describeHost(staging.contentDir, host));
      continue;
    }
    const redacted = redactor.redactDeep(host);
    await writeRedactedHost(staging, host.name, redacted.name, redactor);
    hosts.push(await describeHost(staging.contentDir, redacted));
  }

  const manifest: BundleManifest = {
    format: 'sldiag-bundle',
    version: 1,
    tool: { name: 'sldiag', version: input.toolVersion },
    collectedAt: run.startedAt,
    finishedAt: run.finishedAt,
    redacted: redactor !== null,
    interrupted: interruptedHosts(input.run).length > 0,
    commands: [...input.commands],
    hosts,
  };

  await writeFile(path.join(staging.contentDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  await writeFile(path.join(staging.contentDir, REPORT_FILE), await formatJson(run));
  await writeFile(path.join(staging.contentDir, SUMMARY_FILE), await formatSummary(run, manifest, input.archiveName));
  return manifest;
}

/** Wraps the run so that every string of every summary and result is redacted as it is read back. */
function redactRun(run: RunResult, redactor: Redactor): RunResult {
  return {
    version: run.version,
    startedAt: redactor.redactText(run.startedAt),
    finishedAt: redactor.redactText(run.finishedAt),
    hosts: run.hosts.map((host) => redactor.redactDeep(host)),
    results: async function* () {
      for await (const host of run.results()) {
        yield redactor.redactDeep(host);
      }
    },
  };
}

/**
 * Copies one host folder from the raw captures into the content folder, every
 * file redacted. An output cut off by a timeout or an interruption stays
 * behind as `<id>.txt.partial`. It is left out, because only whole outputs
 * were read for values to redact, and a value cut off at its end would not be
 * recognised.
 */
async function writeRedactedHost(staging: Staging, originalName: string, redactedName: string, redactor: Redactor): Promise<void> {
  const source = path.join(staging.captureDir, safeName(originalName));
  const target = path.join(staging.contentDir, safeName(redactedName));
  const files = (await readdir(source).catch(() => [] as string[])).filter((file) => !file.endsWith(PARTIAL_SUFFIX));
  if (files.length === 0) {
    return;
  }

  await mkdir(target, { recursive: true });
  for (const file of files) {
    const text = await readFile(path.join(source, file), 'utf8');
    const redacted = file.endsWith('.json') ? JSON.stringify(redactor.redactDeep(JSON.parse(text) as unknown), null, 2) + '\n' : redactor.redactText(text);
    await writeFile(path.join(target, file), redacted);
  }
}

/** Builds the manifest entry of one host, with the size and SHA-256 of each output file as stored. */
async function describeHost(contentDir: string, host: HostResult): Promise<BundleHostEntry> {
  const folder = safeName(host.name);
  const entry: BundleHostEntry = { name: host.name, address: host.address, folder: null, status: host.status, error: host.error, commands: [] };

  for (const command of host.commands) {
    const relative = `${folder}/${command.id}.txt`;
    const file = path.join(contentDir, folder, `${command.id}.txt`);
    // A missing file means the pipeline could not save it; that host then also reports an error.
    const saved = (await exists(file)) ? await hashFile(file) : null;

    const commandEntry: BundleCommandEntry = {
      id: command.id,
      command: command.command,
      file: saved === null ? null : relative,
      startedAt: command.startedAt,
      finishedAt: command.finishedAt,
      bytes: saved?.bytes ?? null,
      sha256: saved?.sha256 ?? null,
      failed: command.failure !== null,
      failure: command.failure,
    };
    entry.commands.push(commandEntry);
    entry.folder = folder;
  }

  entry.partialOutputs = await describePartialOutputs(contentDir, folder);
  if (entry.partialOutputs.length > 0) {
    entry.folder = folder;
  }
  return entry;
}

/** Lists the cut-off outputs (`<id>.txt.partial`) of a host folder, each with its size and SHA-256, in name order. */
async function describePartialOutputs(contentDir: string, folder: string): Promise<BundlePartialOutput[]> {
  const suffix = `.txt${PARTIAL_SUFFIX}`;
  const files = (await readdir(path.join(contentDir, folder)).catch(() => [] as string[])).filter((file) => file.endsWith(suffix)).sort();

  const outputs: BundlePartialOutput[] = [];
  for (const file of files) {
    const { bytes, sha256 } = await hashFile(path.join(contentDir, folder, file));
    outputs.push({ id: file.slice(0, -suffix.length), file: `${folder}/${file}`, bytes, sha256 });
  }
  return outputs;
}

async function readOutput(captureDir: string, host: string, id: string): Promise<string | null> {
  return readFile(path.join(captureDir, safeName(host), `${id}.txt`), 'utf8').catch(() => null);
}

export interface PublishInput {
  staging: Staging;
  paths: BundlePaths;
  force: boolean;
  redactor: Redactor | null;
}

/** Packs the staging folder and moves the archive (and the redaction mapping) to their final names. */
export async function publishBundle(input: PublishInput): Promise<void> {
  const { staging, paths } = input;

  await packFolder(staging.root, staging.folder, paths.partialArchive);

  if (input.redactor !== null) {
    const mapping = {
      archive: path.basename(paths.archive),
      note: 'Maps each placeholder in the archive back to the original value. Keep this file; do not send it with the archive.',
      entries: input.redactor.entries(),
    };
    await writeFile(paths.partialMapping, JSON.stringify(mapping, null, 2) + '\n', { mode: 0o600 });
    await publishFile(paths.partialMapping, paths.mapping, input.force);
    staging.mappingWithoutArchive = true;
  }

  try {
    await publishFile(paths.partialArchive, paths.archive, input.force);
  } catch (error) {
    // A mapping without its archive would only confuse the next attempt.
    if (input.redactor !== null) {
      await rm(paths.mapping, { force: true });
    }
    throw error;
  }
  staging.mappingWithoutArchive = false;
  await rm(staging.root, { recursive: true, force: true });
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
