// `sldiag check`: load the inventory and playbooks, check every selected
// device (or a capture directory with --from), print the report.
import { stat } from 'node:fs/promises';
import path from 'node:path';

import { claimNewFolder, safeName } from '../../app/capture.js';
import { checkCaptures, NothingToCheckError } from '../../app/offline.js';
import { checkCredentials } from '../../app/preflight.js';
import { CaptureSourceError, openCaptureSource } from '../../bundle/reader.js';
import { collectionPlan } from '../../app/collection-plan.js';
import { ResultStore, ResultStoreError, RESULTS_FILE } from '../../app/result-store.js';
import { runFleet } from '../../app/run.js';
import { UsageError } from '../../errors.js';
import { filterHosts } from '../../inventory/filter.js';
import { loadInventory } from '../../inventory/load.js';
import { sshConfigForRun } from '../../inventory/ssh-config.js';
import type { Inventory, InventoryHost } from '../../inventory/types.js';
import { createLogger } from '../../log/logger.js';
import type { Logger, LogLevel } from '../../log/logger.js';
import type { RunResult } from '../../model/result.js';
import { loadBuiltinPlaybooks, loadPlaybooks } from '../../playbooks/load.js';
import { mergePlaybooks } from '../../playbooks/merge.js';
import type { Playbook } from '../../playbooks/types.js';
import type { RunObserver } from '../../app/events.js';
import { writeJson } from '../../report/json.js';
import { jsonlObserver, writeJsonl } from '../../report/jsonl.js';
import { writeTable } from '../../report/table.js';
import { exitCodeForRun } from '../exit-codes.js';
import { progressObserver } from '../progress.js';
import type { FailOn } from '../exit-codes.js';
import { applyKnownHostsFlag, hostKeyPolicy, requireKnownHostsFiles } from '../host-keys.js';
import type { ConnectionFlags } from '../host-keys.js';

export interface CheckCommandOptions extends ConnectionFlags {
  /** The inventory file; null for --no-inventory, which only --from accepts. */
  inventory: string | null;
  /**
   * True when -i was not given and `inventory` is the default file name. With
   * --from, a missing default inventory means no licensing intent, while a
   * missing inventory given with -i is an error.
   */
  inventoryIsDefault?: boolean;
  limit: string | null;
  format: 'table' | 'json' | 'jsonl';
  failOn: FailOn;
  concurrency: number;
  captureDir: string | null;
  /** True when --capture-dir was not given: the run then takes `captureDir`, or the same name with a suffix when another run has it. */
  captureDirIsDefault?: boolean;
  from: string | null;
  commandTimeoutMs: number | null;
  /** Timeouts for single commands by catalog id, in milliseconds. */
  commandTimeoutsById: Record<string, number>;
  now: Date | null;
  verbose: boolean;
  /** A folder of user playbooks added to the built-in ones; a user check with a built-in check's name replaces it. */
  playbooksDir?: string | null;
  /** Stream for the live progress bar; null for none. */
  progressStream: NodeJS.WriteStream | null;
  signal: AbortSignal;
  logLevel: LogLevel;
  write: (text: string) => void;
}

export async function checkCommand(options: CheckCommandOptions): Promise<number> {
  const logger = createLogger({ level: options.logLevel });
  const now = options.now === null ? () => new Date() : () => options.now as Date;
  const playbooks = await loadCheckPlaybooks(options.playbooksDir ?? null);

  if (options.from !== null) {
    return checkSaved(options.from, options, playbooks, now, logger);
  }
  if (options.inventory === null) {
    throw new UsageError('--no-inventory needs --from: a check over SSH reads its devices from the inventory');
  }
  return checkDevices({ ...options, inventory: options.inventory }, playbooks, now, logger);
}

/** Checks the devices over SSH. The results file goes into the capture directory, or a temporary folder with --no-capture. */
async function checkDevices(options: CheckCommandOptions & { inventory: string }, playbooks: Playbook[], now: () => Date, logger: Logger): Promise<number> {
  const sshConfig = await sshConfigForRun(options.sshConfig ?? null, logger).catch((error: Error) => {
    throw new UsageError(error.message);
  });
  const inventory = await loadInventory(options.inventory, { sshConfig });
  const hosts = applyKnownHostsFlag(selectHosts(inventory, options.limit), options);
  requireUsableFolderNames(hosts, options.captureDir);
  await checkCredentials(hosts);
  requireKnownHostsFiles(hosts, options);

  if (!options.hostKeyCheck) {
    logger.warn('host key checking is off for this run: a man-in-the-middle would not be noticed');
  }

  const captureDir = options.captureDir !== null && options.captureDirIsDefault === true ? await claimNewFolder(options.captureDir) : options.captureDir;
  const resultsFile = captureDir === null ? null : path.join(captureDir, RESULTS_FILE);
  return withResultStore(resultsFile, logger, async (store) => {
    const run = await runFleet(hosts, {
      commands: collectionPlan(playbooks),
      playbooks,
      hostKeys: hostKeyPolicy(options),
      captureDir,
      now,
      logger,
      observers: observers(options),
      concurrency: options.concurrency,
      groupLimits: inventory.groupLimits,
      commandTimeoutMs: options.commandTimeoutMs,
      commandTimeoutsById: options.commandTimeoutsById,
      signal: options.signal,
      store,
    });

    await writeReport(run, options);
    if (captureDir !== null && options.format === 'table') {
      options.write(`raw outputs and ${RESULTS_FILE} saved under ${captureDir}\n`);
    }
    return exitCodeForRun(run, options.failOn);
  });
}

/** Checks saved outputs (`check --from`). The results go to a temporary file, because the saved outputs are the user's and stay untouched. */
async function checkSaved(from: string, options: CheckCommandOptions, playbooks: Playbook[], now: () => Date, logger: Logger): Promise<number> {
  const inventory = await loadIntentInventory(options, logger);
  const source = await openCaptureSource(from).catch((error: unknown) => {
    throw error instanceof CaptureSourceError ? new UsageError(`--from ${error.message}`) : error;
  });

  try {
    return await withResultStore(null, logger, async (store) => {
      const run = await checkCaptures(source.dir, { playbooks, inventory, now, store, logger }).catch((error: unknown) => {
        throw error instanceof NothingToCheckError ? new UsageError(nothingToCheckMessage(from, error)) : error;
      });
      warnAboutHostsWithoutIntent(run, inventory, logger);
      await writeReport(run, options);
      return exitCodeForRun(run, options.failOn);
    });
  } finally {
    await source.dispose();
  }
}

/**
 * Loads the inventory whose licensing intent `check --from` checks. An
 * inventory given with -i must exist. The default inventory.yaml is used when
 * it exists, and a warning names it, because the user did not.
 */
async function loadIntentInventory(options: CheckCommandOptions, logger: Logger): Promise<Inventory | null> {
  if (options.inventory === null) {
    return null;
  }
  if (options.inventoryIsDefault !== true) {
    return loadInventory(options.inventory);
  }
  if (!(await exists(options.inventory))) {
    return null;
  }

  logger.warn('--from: the licensing intent checks use the default inventory; pass -i to choose another, or --no-inventory to check without one', {
    inventory: path.resolve(options.inventory),
  });
  return loadInventory(options.inventory);
}

function nothingToCheckMessage(from: string, error: NothingToCheckError): string {
  const lines = [`--from ${from}: nothing to check, because it has no host folders and no ${RESULTS_FILE}.`];
  if (error.runFolders.length > 0) {
    const shown = error.runFolders.slice(0, 3).map((folder) => path.join(from, folder));
    lines.push(`It looks like the folder above the saved runs; pass one of them, such as ${shown.join(', ')}.`);
  }
  lines.push(`Give a folder such as captures/<time> that contains host folders or ${RESULTS_FILE}, or a bundle archive (.tar.gz).`);
  return lines.join(' ');
}

async function loadCheckPlaybooks(dir: string | null): Promise<Playbook[]> {
  const builtin = await loadBuiltinPlaybooks();
  return dir === null ? builtin : mergePlaybooks(builtin, await loadPlaybooks(dir));
}

/** Saved hosts that the inventory does not name (a redacted bundle, say) are checked without its licensing intent. */
function warnAboutHostsWithoutIntent(run: RunResult, inventory: Inventory | null, logger: Logger): void {
  if (inventory === null) {
    return;
  }
  const known = new Set(inventory.hosts.map((host) => host.name));
  const unknown = run.hosts.map((host) => host.name).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    logger.warn('hosts in the saved outputs are not in the inventory, so its licensing intent is not checked for them', {
      inventory: inventory.file,
      hosts: unknown.length,
      first: unknown[0],
    });
  }
}

function observers(options: CheckCommandOptions): RunObserver[] {
  const list: RunObserver[] = [];
  if (options.format === 'jsonl') {
    list.push(jsonlObserver(options.write));
  }
  if (options.progressStream !== null && options.format !== 'jsonl') {
    list.push(progressObserver(options.progressStream));
  }
  return list;
}

/** jsonl lines were written as devices finished, except for an offline run, which has no events. */
async function writeReport(run: RunResult, options: CheckCommandOptions): Promise<void> {
  if (options.format === 'jsonl') {
    if (options.from !== null) {
      await writeJsonl(run, options.write);
    }
    return;
  }
  if (options.format === 'json') {
    await writeJson(run, options.write);
    return;
  }
  await writeTable(run, { verbose: options.verbose }, options.write);
}

/**
 * Runs `use` with a result store on `file`, or on a temporary file when
 * `file` is null, and closes the store afterwards, also on error. A temporary
 * file is removed then. A second Ctrl-C ends the process without unwinding,
 * so an exit handler then removes a temporary file, or writes the results
 * still pending to a kept one.
 */
async function withResultStore(file: string | null, logger: Logger, use: (store: ResultStore) => Promise<number>): Promise<number> {
  const store = await (file === null ? ResultStore.createTemporary({ logger }) : ResultStore.create(file, { logger })).catch((error: unknown) => {
    throw error instanceof ResultStoreError ? new UsageError(error.message) : error;
  });
  const settleOnExit = (): void => (file === null ? store.removeTemporarySync() : store.writePendingSync());
  process.on('exit', settleOnExit);

  try {
    return await use(store);
  } finally {
    await store.close();
    process.off('exit', settleOnExit);
  }
}

/** Rejects a host whose capture folder would take the name of the results file. */
function requireUsableFolderNames(hosts: readonly InventoryHost[], captureDir: string | null): void {
  if (captureDir === null) {
    return;
  }
  for (const host of hosts) {
    if (safeName(host.name) === RESULTS_FILE) {
      throw new UsageError(`host name "${host.name}" is the name of the results file in the capture directory; rename the host in the inventory`);
    }
  }
}

/** filterHosts throws a UsageError naming any term that matches no host. */
function selectHosts(inventory: Inventory, limit: string | null) {
  return limit === null ? inventory.hosts : filterHosts(inventory.hosts, limit);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
