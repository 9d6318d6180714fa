// `sldiag check`: load the inventory and playbooks, check every selected
// device (or a capture directory with --from), print the report.
import { stat } from 'node:fs/promises';

import { checkCaptures } from '../../app/offline.js';
import { checkCredentials } from '../../app/preflight.js';
import { CaptureSourceError, openCaptureSource } from '../../bundle/reader.js';
import { collectionPlan } from '../../app/collection-plan.js';
import { runFleet } from '../../app/run.js';
import { UsageError } from '../../errors.js';
import { filterHosts } from '../../inventory/filter.js';
import { loadInventory } from '../../inventory/load.js';
import { sshConfigForRun } from '../../inventory/ssh-config.js';
import type { Inventory } from '../../inventory/types.js';
import { createLogger } from '../../log/logger.js';
import type { Logger, LogLevel } from '../../log/logger.js';
import type { RunResult } from '../../model/result.js';
import { loadBuiltinPlaybooks, loadPlaybooks } from '../../playbooks/load.js';
import { mergePlaybooks } from '../../playbooks/merge.js';
import type { Playbook } from '../../playbooks/types.js';
import type { RunObserver } from '../../app/events.js';
import { writeJson } from '../../report/json.js';
import { jsonlObserver } from '../../report/jsonl.js';
import { formatTable } from '../../report/table.js';
import { exitCodeForRun } from '../exit-codes.js';
import { progressObserver } from '../progress.js';
import type { FailOn } from '../exit-codes.js';
import { applyKnownHostsFlag, hostKeyPolicy } from '../host-keys.js';

export interface CheckCommandOptions {
  inventory: string;
  limit: string | null;
  format: 'table' | 'json' | 'jsonl';
  failOn: FailOn;
  concurrency: number;
  captureDir: string | null;
  from: string | null;
  knownHosts: string | null;
  /** ssh_config file: a path, false for none (--no-ssh-config), null or absent for ~/.ssh/config when it exists. */
  sshConfig?: string | false | null;
  acceptNew: boolean;
  hostKeyCheck: boolean;
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

  let run: RunResult;
  if (options.from !== null) {
    const inventory = (await exists(options.inventory)) ? await loadInventory(options.inventory) : null;
    const source = await openCaptureSource(options.from).catch((error: unknown) => {
      throw error instanceof CaptureSourceError ? new UsageError(`--from ${error.message}`) : error;
    });
    try {
      run = await checkCaptures(source.dir, { playbooks, inventory, now });
    } finally {
      await source.dispose();
    }
    warnAboutHostsWithoutIntent(run, inventory, logger);
  } else {
    const sshConfig = await sshConfigForRun(options.sshConfig ?? null, logger).catch((error: Error) => {
      throw new UsageError(error.message);
    });
    const inventory = await loadInventory(options.inventory, { sshConfig });
    const hosts = applyKnownHostsFlag(selectHosts(inventory, options.limit), options);
    await checkCredentials(hosts);

    if (!options.hostKeyCheck) {
      logger.warn('host key checking is off for this run: a man-in-the-middle would not be noticed');
    }
    run = await runFleet(hosts, {
      commands: collectionPlan(playbooks),
      playbooks,
      hostKeys: hostKeyPolicy(options),
      captureDir: options.captureDir,
      now,
      logger,
      observers: observers(options),
      concurrency: options.concurrency,
      groupLimits: inventory.groupLimits,
      commandTimeoutMs: options.commandTimeoutMs,
      commandTimeoutsById: options.commandTimeoutsById,
      signal: options.signal,
    });
  }

  writeReport(run, options);
  if (options.captureDir !== null && options.from === null && options.format === 'table') {
    options.write(`raw outputs saved under ${options.captureDir}\n`);
  }
  return exitCodeForRun(run, options.failOn);
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
function writeReport(run: RunResult, options: CheckCommandOptions): void {
  if (options.format === 'jsonl') {
    if (options.from !== null) {
      const observe = jsonlObserver(options.write);
      run.hosts.forEach((result) => observe({ type: 'host-finished', result }));
      observe({ type: 'run-finished', result: run });
    }
    return;
  }
  if (options.format === 'json') {
    writeJson(run, options.write);
    return;
  }
  options.write(formatTable(run, { verbose: options.verbose }));
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
