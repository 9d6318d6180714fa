// The fleet runner: every selected host runs its pipeline under one
// concurrency limit (and its groups' session caps), and each yields exactly
// one HostResult, also when the run is interrupted. Each result goes to the
// result store as soon as its host finishes.
import { setMaxListeners } from 'node:events';

import pLimit from 'p-limit';
import type { LimitFunction } from 'p-limit';

import type { InventoryHost } from '../inventory/types.js';
import type { HostResult, RunResult } from '../model/result.js';
import type { HostPipelineOptions } from './host-pipeline.js';
import { checkHost } from './host-pipeline.js';
import { broadcast } from './events.js';
import type { ResultStore } from './result-store.js';

export interface RunOptions extends HostPipelineOptions {
  /** Devices worked on at the same time. */
  concurrency: number;
  /** Group name to the most sessions open at once to that group's hosts. */
  groupLimits?: Record<string, number>;
  /** Takes each host's result as it finishes; the returned run reads the results back from it. */
  store: ResultStore;
}

export async function runFleet(hosts: InventoryHost[], options: RunOptions): Promise<RunResult> {
  const startedAt = options.now().toISOString();
  const schedule = scheduler(options.concurrency, options.groupLimits ?? {});

  // Every open session listens for the abort, so the listener count follows the concurrency.
  if (options.signal !== undefined) {
    setMaxListeners(0, options.signal);
  }

  options.logger.info('run started', { hosts: hosts.length, concurrency: options.concurrency });
  broadcast(options.observers, { type: 'run-started', hostCount: hosts.length });

  // The position in the inventory goes with each result, so reports keep the inventory order.
  await Promise.all(
    hosts.map((host, position) =>
      schedule(host, async () => {
        options.store.add(position, await checkHostSafely(host, options));
      }),
    ),
  );
  await options.store.flush();

  const run: RunResult = options.store.toRun(startedAt, options.now().toISOString());
  options.logger.info(options.signal?.aborted ? 'run interrupted' : 'run finished', { hosts: run.hosts.length });
  broadcast(options.observers, { type: 'run-finished', result: run });
  return run;
}

type Task = () => Promise<void>;
type Schedule = (host: InventoryHost, task: Task) => Promise<void>;

/**
 * Runs each task under the limits of the host's capped groups, then the
 * global limit. Group slots are taken first, so a host waiting for its group
 * does not hold one of the global slots that other hosts could use.
 */
function scheduler(concurrency: number, groupLimits: Record<string, number>): Schedule {
  const global = pLimit(concurrency);
  const groups = new Map<string, LimitFunction>(Object.entries(groupLimits).map(([name, limit]) => [name, pLimit(limit)]));

  return (host, task) => {
    // A fixed order of acquisition (sorted names) keeps two capped groups from waiting on each other.
    const capped = [...new Set(host.groups)].filter((name) => groups.has(name)).sort();
    let wrapped: Task = () => global(task);
    for (const name of [...capped].reverse()) {
      const inner = wrapped;
      const limit = groups.get(name)!;
      wrapped = () => limit(inner);
    }
    return wrapped();
  };
}

/** checkHost turns every expected failure into a result; this catches the unexpected rest. */
async function checkHostSafely(host: InventoryHost, options: RunOptions): Promise<HostResult> {
  if (options.signal?.aborted) {
    return notStarted(host, options);
  }

  try {
    return await checkHost(host, options);
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    options.logger.error('host pipeline failed unexpectedly', { host: host.name, error: message });
    const result = emptyResult(host, options, { kind: 'internal', message });
    broadcast(options.observers, { type: 'host-finished', result });
    return result;
  }
}

function notStarted(host: InventoryHost, options: RunOptions): HostResult {
  const result = emptyResult(host, options, {
    kind: 'interrupted',
    message: 'not collected: the run was interrupted before this device was started',
  });
  broadcast(options.observers, { type: 'host-finished', result });
  return result;
}

function emptyResult(host: InventoryHost, options: RunOptions, error: HostResult['error']): HostResult {
  const now = options.now().toISOString();
  return {
    name: host.name,
    address: `${host.hostname}:${host.port}`,
    status: 'error',
    error,
    commands: [],
    facts: null,
    findings: [],
    startedAt: now,
    finishedAt: now,
  };
}
