// `check --from`: evaluate saved outputs without connecting to anything.
//
// A capture directory has a host folder for each device that ran at least one
// command, and `results.jsonl` with a line for every device of the run,
// collected or not. Both are read, so a device that was unreachable, rejected
// its host key or was interrupted keeps that status and error, while the
// playbooks run again on whatever outputs were saved. A bundle has no
// results file; its `report.json` gives the same statuses instead.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import type { Inventory, InventoryHost } from '../inventory/types.js';
import { listNames } from '../list-names.js';
import type { Logger } from '../log/logger.js';
import type { CommandResult } from '../model/command.js';
import { NO_LICENSING_INTENT } from '../model/intent.js';
import type { HostError, RunResult } from '../model/result.js';
import type { Playbook } from '../playbooks/types.js';
import { listHostFolders, readCapturedHost, safeName } from './capture.js';
import { evaluateHost } from './host-pipeline.js';
import { readSavedStatuses, RESULTS_FILE, savedHostStatus } from './result-store.js';
import type { ResultStore, SavedHostStatus } from './result-store.js';

export interface OfflineOptions {
  playbooks: Playbook[];
  /** When given, hosts found in it take their licensing intent from it. */
  inventory: Inventory | null;
  now: () => Date;
  /** Takes each host's result; the returned run reads the results back from it. */
  store: ResultStore;
  logger: Logger;
}

/** The folder given to `check --from` has neither host folders nor a results file. */
export class NothingToCheckError extends Error {
  override readonly name = 'NothingToCheckError';

  constructor(
    readonly dir: string,
    /** Subfolders that contain a results file: the folder is probably the one above the runs. */
    readonly runFolders: string[],
  ) {
    super(`${dir} has no host folders and no ${RESULTS_FILE}`);
  }
}

/** A host to check: its saved status from the results file, its folder of outputs, or both. */
interface PlannedHost {
  name: string;
  folder: string | null;
  saved: SavedHostStatus | null;
}

/**
 * Evaluates every host of a saved run, one host's outputs at a time. Hosts
 * come in name order (a folder without a results line counts by its folder
 * name), which is the same for every re-check of the same folder.
 *
 * @throws NothingToCheckError when the folder has no host to check.
 */
export async function checkCaptures(dir: string, options: OfflineOptions): Promise<RunResult> {
  const startedAt = options.now().toISOString();
  const byName = new Map<string, InventoryHost>((options.inventory?.hosts ?? []).map((host) => [host.name, host]));
  const { plan, statusFile } = await planHosts(dir, options.logger);

  // Each result goes to the store before the next folder is read.
  let position = 0;
  for (const planned of plan) {
    const captured = planned.folder === null ? null : await readCapturedHost(dir, planned.folder);
    if (captured === null && planned.saved === null) {
      continue;
    }

    const name = planned.saved?.name ?? captured!.name;
    const result = evaluateHost({
      name,
      address: planned.saved?.address || captured?.address || '',
      commands: captured?.commands ?? [],
      error: savedError(planned.saved, captured?.commands ?? [], planned.folder ?? safeName(name), statusFile),
      host: { licensing: byName.get(name)?.licensing ?? NO_LICENSING_INTENT },
      playbooks: options.playbooks,
      now: options.now(),
      startedAt,
    });
    options.store.add(position, result);
    position += 1;
  }

  if (position === 0) {
    throw new NothingToCheckError(dir, await runFoldersIn(dir));
  }

  await options.store.flush();
  return options.store.toRun(startedAt, options.now().toISOString());
}

/**
 * Lists the hosts to check: every host of the results file with its folder if
 * there is one, then the folders no results line names. Only names and
 * statuses are kept, a small record per host.
 */
async function planHosts(dir: string, logger: Logger): Promise<{ plan: PlannedHost[]; statusFile: string }> {
  const folders = new Set(await listHostFolders(dir));
  const resultsFile = path.join(dir, RESULTS_FILE);
  const hasResults = await isFile(resultsFile);
  const saved = hasResults ? await readSavedHosts(resultsFile, logger) : await readReportHosts(path.join(dir, BUNDLE_REPORT), logger);

  const plan: PlannedHost[] = [];
  for (const host of saved.values()) {
    const folder = safeName(host.name);
    plan.push({ name: host.name, folder: folders.has(folder) ? folder : null, saved: host });
    folders.delete(folder);
  }
  for (const folder of folders) {
    plan.push({ name: folder, folder, saved: null });
  }
  if (hasResults && folders.size > 0) {
    warnUnfinished(resultsFile, [...folders], logger);
  }

  return { plan: plan.sort((a, b) => a.name.localeCompare(b.name)), statusFile: hasResults ? RESULTS_FILE : BUNDLE_REPORT };
}

/** Says once that some devices have outputs but no result line, which a run that ended abruptly leaves behind. */
function warnUnfinished(resultsFile: string, folders: string[], logger: Logger): void {
  logger.warn(
    `${resultsFile} has no readable result for ${folders.length} device folder${folders.length === 1 ? '' : 's'} (${listNames(folders, 5)}): the run ended before ${folders.length === 1 ? 'its result was' : 'their results were'} saved, so ${folders.length === 1 ? 'it is' : 'they are'} reported as interrupted and checked on the outputs saved so far`,
  );
}

/** Reads the results file by host name. */
async function readSavedHosts(file: string, logger: Logger): Promise<Map<string, SavedHostStatus>> {
  const hosts = new Map<string, SavedHostStatus>();
  for await (const entry of readSavedStatuses(file)) {
    if ('problem' in entry) {
      logger.warn(`${file}:${entry.line}: ${entry.problem}; this line is skipped, so its device is checked from its host folder alone, if it has one`);
      continue;
    }
    if (hosts.has(entry.host.name)) {
      logger.warn(`${file}:${entry.line}: a second result for ${entry.host.name}; the first one is used`);
      continue;
    }
    hosts.set(entry.host.name, entry.host);
  }
  return hosts;
}

/** The JSON report at the root of a bundle. */
const BUNDLE_REPORT = 'report.json';

/**
 * Reads the host statuses of a bundle's JSON report by host name; empty when
 * the folder has none. The report is read whole, which suits the size of a
 * bundle; a capture directory of a large fleet has its results file instead.
 */
async function readReportHosts(file: string, logger: Logger): Promise<Map<string, SavedHostStatus>> {
  const hosts = new Map<string, SavedHostStatus>();
  if (!(await isFile(file))) {
    return hosts;
  }

  let report: { hosts?: unknown };
  try {
    report = JSON.parse(await readFile(file, 'utf8')) as { hosts?: unknown };
  } catch (error) {
    logger.warn(`${file}: invalid JSON (${(error as Error).message}); the devices are checked from their host folders alone`);
    return hosts;
  }
  if (!Array.isArray(report.hosts)) {
    logger.warn(`${file}: no hosts list; the devices are checked from their host folders alone`);
    return hosts;
  }

  report.hosts.forEach((entry: unknown, index: number) => {
    const host = savedHostStatus(entry);
    if (typeof host === 'string') {
      logger.warn(`${file}: hosts[${index}]: ${host}; this device is checked from its host folder alone, if it has one`);
    } else if (!hosts.has(host.name)) {
      hosts.set(host.name, host);
    }
  });
  return hosts;
}

/**
 * Returns the error a host keeps from the saved run. A host collected without
 * error whose folder is gone has no outputs to check, so that is an error too,
 * and its status cannot turn into a pass. Neither can a folder that the
 * results file does not name: the run ended before that device finished.
 */
function savedError(saved: SavedHostStatus | null, commands: CommandResult[], folder: string, statusFile: string): HostError | null {
  if (saved === null) {
    return statusFile === RESULTS_FILE ? { kind: 'interrupted', message: `no readable result in ${RESULTS_FILE}: the run ended before this device's result was saved, so its saved outputs may be incomplete` } : null;
  }
  if (saved.error !== null) {
    return saved.error;
  }
  if (commands.length > 0) {
    return null;
  }
  return {
    kind: 'config',
    message: `no saved outputs: ${statusFile} lists this device as ${saved.status}, but its folder ${folder} is missing or empty`,
  };
}

/** Subfolders that contain a results file, newest name first. */
async function runFoldersIn(dir: string): Promise<string[]> {
  const runs: string[] = [];
  for (const folder of await listHostFolders(dir)) {
    if (await isFile(path.join(dir, folder, RESULTS_FILE))) {
      runs.push(folder);
    }
  }
  return runs.reverse();
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}
