// `sldiag bundle`: collect what Cisco TAC requests from each selected device,
// evaluate the playbooks on it, and write one .tar.gz with a manifest of
// hashes, the check report and a summary, optionally redacted. After the
// first Ctrl-C the bundle is still written with what was collected, and
// marked incomplete.
import { stat } from 'node:fs/promises';
import path from 'node:path';

import { ResultStore, RESULTS_FILE } from '../../app/result-store.js';
import { runFleet } from '../../app/run.js';
import { isArchiveName, TargetExistsError } from '../../bundle/archive.js';
import { collectionPlan } from '../../app/collection-plan.js';
import { checkCredentials } from '../../app/preflight.js';
import { BUNDLE_COMMANDS } from '../../bundle/commands.js';
import { interruptedHosts } from '../../bundle/interruption.js';
import { RESERVED_NAMES } from '../../bundle/manifest.js';
import type { BundleManifest } from '../../bundle/manifest.js';
import type { Redactor } from '../../bundle/redactor.js';
import { bundlePaths, createStaging, discardStaging, learnRedactions, publishBundle, writeBundleContent } from '../../bundle/writer.js';
import type { BundlePaths, Staging } from '../../bundle/writer.js';
import { requireCommand } from '../../commands/catalog.js';
import { safeName } from '../../app/capture.js';
import { UsageError } from '../../errors.js';
import { filterHosts } from '../../inventory/filter.js';
import { loadInventory } from '../../inventory/load.js';
import { sshConfigForRun } from '../../inventory/ssh-config.js';
import type { InventoryHost } from '../../inventory/types.js';
import { listNames } from '../../list-names.js';
import { createLogger } from '../../log/logger.js';
import type { LogLevel } from '../../log/logger.js';
import type { HostSummary, RunResult } from '../../model/result.js';
import { loadBuiltinPlaybooks } from '../../playbooks/load.js';
import { EXIT } from '../exit-codes.js';
import { progressObserver } from '../progress.js';
import { applyKnownHostsFlag, hostKeyPolicy, requireKnownHostsFiles } from '../host-keys.js';
import type { ConnectionFlags } from '../host-keys.js';

export interface BundleCommandOptions extends ConnectionFlags {
  inventory: string;
  limit: string | null;
  /** Archive to write; null for `sldiag-bundle-<UTC start time>.tar.gz` in the working directory. */
  output: string | null;
  force: boolean;
  redact: boolean;
  concurrency: number;
  commandTimeoutMs: number | null;
  /** Timeouts for single commands by catalog id, in milliseconds. */
  commandTimeoutsById: Record<string, number>;
  progressStream: NodeJS.WriteStream | null;
  signal: AbortSignal;
  logLevel: LogLevel;
  toolVersion: string;
  write: (text: string) => void;
}

export async function bundleCommand(options: BundleCommandOptions): Promise<number> {
  const logger = createLogger({ level: options.logLevel });
  const started = new Date();
  const paths = bundlePaths(options.output ?? defaultBundleName(started));

  await requireFreeTargets(paths, options);
  const sshConfig = await sshConfigForRun(options.sshConfig ?? null, logger).catch((error: Error) => {
    throw new UsageError(error.message);
  });
  const inventory = await loadInventory(options.inventory, { sshConfig });
  const hosts = applyKnownHostsFlag(options.limit === null ? inventory.hosts : filterHosts(inventory.hosts, options.limit), options);
  requireUsableFolderNames(hosts);
  await checkCredentials(hosts);
  requireKnownHostsFiles(hosts, options);
  const playbooks = await loadBuiltinPlaybooks();
  // The commands Cisco TAC requests, plus every command a playbook reads, so `check --from` on the bundle finds what a live check finds.
  const commands = [...new Set([...BUNDLE_COMMANDS, ...collectionPlan(playbooks)])];

  if (!options.hostKeyCheck) {
    logger.warn('host key checking is off for this run: a man-in-the-middle would not be noticed');
  }

  // The first Ctrl-C aborts options.signal, so runFleet starts no more devices, closes the open
  // sessions and returns. The bundle is then written from what it collected. A second Ctrl-C
  // exits the process at once, and this exit handler removes the temporary files.
  let staging: Staging | null = null;
  let store: ResultStore | null = null;
  const cleanUp = (): void => discardStaging(staging, paths);
  process.on('exit', cleanUp);

  try {
    staging = await createStaging(paths.archive, options.redact);
    // The results file sits beside the content folder, so it never goes into the archive.
    store = await ResultStore.create(path.join(staging.root, RESULTS_FILE), { logger });
    const run = await runFleet(hosts, {
      commands,
      playbooks,
      hostKeys: hostKeyPolicy(options),
      captureDir: staging.captureDir,
      now: () => new Date(),
      logger,
      observers: options.progressStream === null ? [] : [progressObserver(options.progressStream)],
      concurrency: options.concurrency,
      groupLimits: inventory.groupLimits,
      commandTimeoutMs: options.commandTimeoutMs,
      commandTimeoutsById: options.commandTimeoutsById,
      signal: options.signal,
      store,
    });

    const redactor = options.redact ? await learnRedactions(run, hosts, staging.captureDir) : null;
    const manifest = await writeBundleContent({
      run,
      staging,
      redactor,
      toolVersion: options.toolVersion,
      commands: commands.map((id) => requireCommand(id).cli),
      archiveName: path.basename(paths.archive),
    });

    await publishBundle({ staging, paths, force: options.force, redactor });
    options.write(describeBundle(paths, run, manifest, redactor));
    return exitCode(run);
  } catch (error) {
    if (error instanceof TargetExistsError) {
      throw new UsageError(error.message);
    }
    throw error;
  } finally {
    try {
      await store?.close();
    } finally {
      cleanUp();
      process.off('exit', cleanUp);
    }
  }
}

/** `sldiag-bundle-2026-12-04T02-00-00Z.tar.gz`: sortable, and valid as a file name everywhere. */
export function defaultBundleName(started: Date): string {
  return `sldiag-bundle-${started.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.tar.gz`;
}

async function requireFreeTargets(paths: BundlePaths, options: BundleCommandOptions): Promise<void> {
  if (!isArchiveName(paths.archive)) {
    throw new UsageError(`-o "${paths.archive}" must end in .tar.gz or .tgz`);
  }

  const directory = await stat(path.dirname(path.resolve(paths.archive))).catch(() => null);
  if (directory === null || !directory.isDirectory()) {
    throw new UsageError(`-o "${paths.archive}": the folder ${path.dirname(paths.archive)} does not exist; create it first`);
  }

  const targets = options.redact ? [paths.archive, paths.mapping] : [paths.archive];
  for (const target of targets) {
    if (!options.force && (await stat(target).catch(() => null)) !== null) {
      throw new UsageError(`${target} already exists; choose another name with -o or pass --force to replace it`);
    }
  }
}

/** Rejects a host whose folder would take the name of a file at the bundle root. */
function requireUsableFolderNames(hosts: readonly InventoryHost[]): void {
  for (const host of hosts) {
    if (RESERVED_NAMES.has(safeName(host.name))) {
      throw new UsageError(`host name "${host.name}" is a file name the bundle uses for itself; rename the host in the inventory`);
    }
  }
}

/**
 * 3 when a device could not be collected, which includes each device an
 * interruption kept out. Findings do not change the exit code, since a bundle
 * is collected to report them.
 */
function exitCode(run: RunResult): number {
  const incomplete = run.hosts.some((host) => host.status === 'unreachable' || host.status === 'error');
  return incomplete ? EXIT.notCollected : EXIT.ok;
}

/** Maximum number of never-started devices the console output names; SUMMARY.md lists them all. */
const NOT_STARTED_SHOWN = 10;

/**
 * Lists each device the interruption cut off, with what it collected, and
 * the devices never started on one line, because a large fleet can have
 * thousands of them.
 */
function describeInterrupted(run: RunResult, manifest: BundleManifest, interrupted: readonly HostSummary[]): string[] {
  // The manifest lists the hosts in the order of run.hosts.
  const withOutputs = new Set(run.hosts.filter((_, index) => (manifest.hosts[index]?.commands.length ?? 0) > 0).map((host) => host.name));
  const lines: string[] = [];
  const notStarted: string[] = [];

  for (const host of interrupted) {
    if (withOutputs.has(host.name)) {
      lines.push(`  interrupted: ${host.name}: ${host.error?.message ?? 'interrupted'}`);
    } else {
      notStarted.push(host.name);
    }
  }

  if (notStarted.length > 0) {
    lines.push(`  not started: ${listNames(notStarted, NOT_STARTED_SHOWN)} (SUMMARY.md gives the --limit value that collects ${notStarted.length === 1 ? 'it' : 'them'})`);
  }
  return lines;
}

function describeBundle(paths: BundlePaths, run: RunResult, manifest: BundleManifest, redactor: Redactor | null): string {
  const commands = manifest.hosts.reduce((count, host) => count + host.commands.length, 0);
  const failed = manifest.hosts.reduce((count, host) => count + host.commands.filter((command) => command.failed).length, 0);
  const interrupted = interruptedHosts(run);
  const notCollected = run.hosts.filter((host) => (host.status === 'unreachable' || host.status === 'error') && !interrupted.includes(host));

  const lines = [
    `${interrupted.length > 0 ? 'incomplete ' : ''}bundle written to ${paths.archive}: ${manifest.hosts.length} devices, ${commands} command outputs (${failed} rejected by the device)`,
  ];
  for (const host of notCollected) {
    lines.push(`  not collected: ${host.name}: ${host.error?.message ?? host.status}`);
  }
  if (interrupted.length > 0) {
    lines.push(`bundle incomplete: the run was interrupted, so ${interrupted.length} of ${run.hosts.length} devices were not collected or only in part:`);
    lines.push(...describeInterrupted(run, manifest, interrupted));
  }
  if (redactor !== null) {
    lines.push(`redaction mapping (${redactor.entries().length} values) written to ${paths.mapping}; keep it, do not send it with the bundle`);
  }
  return lines.join('\n') + '\n';
}
